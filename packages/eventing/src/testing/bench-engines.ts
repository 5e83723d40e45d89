import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, loadEnginesEnvFile, type DistributedConfig } from '@ebp/platform';
import { createPostgresClient } from '../sql/pg-client';
import type { SqlClient } from '../sql/sql-client';

/** A benchmark's own schema on the local engines' PostgreSQL, dropped when it is done. */
export interface BenchPostgres {
  readonly sql: SqlClient;
  readonly schema: string;
  readonly config: DistributedConfig;
  /** Where it runs, for the benchmark's setup lines (no credentials). */
  readonly describe: string;
  drop(): Promise<void>;
}

/**
 * The PostgreSQL of `deploy/local/engines up` (or EBP_PG_URL and friends) for a benchmark, or
 * undefined, with the reason printed, when the engines are not configured or not reachable.
 */
export async function benchPostgres(maxConnections: number): Promise<BenchPostgres | undefined> {
  loadEnginesEnvFile(resolve(__dirname, '..', '..', '..', '..'));
  let config: DistributedConfig;
  try {
    const loaded = loadConfig({ ...process.env, EBP_MODE: 'distributed' });
    if (loaded.mode !== 'distributed') return undefined;
    config = loaded;
  } catch {
    console.log('PostgreSQL: skipped (engines not configured: deploy/local/engines up)');
    return undefined;
  }
  const schema = `bench_${Date.now().toString(36)}`;
  let sql: SqlClient;
  try {
    sql = await createPostgresClient({ url: config.postgres.url, schema, maxConnections });
  } catch (error) {
    console.log(`PostgreSQL: skipped (engines not reachable: ${String(error)})`);
    return undefined;
  }
  return {
    sql,
    schema,
    config,
    describe: `${config.postgres.url.replace(/\/\/[^@]*@/, '//')} schema ${schema}, pool of ${maxConnections}`,
    async drop() {
      await sql.query(`drop schema ${schema} cascade`);
      await sql.close();
    },
  };
}

/**
 * Where a benchmark run's results go: `<bench>-<day>.json`, or with the time as well
 * (`<bench>-<day>T<hhmm>.json`) when that day already has a file, so that results a decision
 * cites are never overwritten. Creates the folder.
 */
export function benchResultsFile(dir: string, bench: string, at: string, quick = false): string {
  mkdirSync(dir, { recursive: true });
  const suffix = quick ? '-quick' : '';
  const daily = join(dir, `${bench}-${at.slice(0, 10)}${suffix}.json`);
  return existsSync(daily)
    ? join(dir, `${bench}-${at.slice(0, 16).replace(':', '')}${suffix}.json`)
    : daily;
}

/** Writes a benchmark's rows to the file benchResultsFile names, and says where. */
export function writeBenchResults(
  dir: string,
  bench: string,
  quick: boolean,
  rows: readonly object[],
): void {
  const at = new Date().toISOString();
  const result = { bench, at, node: process.version, cpus: cpus().length, quick, rows };
  const file = benchResultsFile(dir, bench, at, quick);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`results: ${file}`);
}
