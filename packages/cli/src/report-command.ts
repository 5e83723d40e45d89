import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  SqlEventStore,
  createPgliteClient,
  createPostgresClient,
  type SqlClient,
} from '@ebp/eventing';
import type { PlatformConfig } from '@ebp/platform';
import {
  REPORT_FORMATS,
  buildGovernanceReport,
  compareGovernanceReports,
  comparisonMarkdown,
  renderReport,
  replayGovernance,
  type ReplayProgress,
  type ReportFormat,
} from '@ebp/register';
import { lockDataDirectory } from './data-dir-lock';

export interface ReportCommand {
  readonly asOf: string;
  readonly format: ReportFormat;
  /** An earlier date: the output is what changed between it and `asOf` (JSON or Markdown). */
  readonly compareWith?: string;
}

export function parseReportFormat(value: string | undefined): ReportFormat {
  const format = (value ?? 'html').toLowerCase();
  if (format === 'md') return 'markdown';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}, not ${value}`);
  return format as ReportFormat;
}

/**
 * A progress bar on a terminal (redrawn in place), or a line every tenth on a log: a replay of
 * millions of events takes a while and should say so.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  what: string,
): (progress: ReplayProgress) => void {
  let lastTenth = -1;
  return ({ read, total }) => {
    const fraction = total === 0 ? 1 : Math.min(1, read / total);
    const percent = Math.floor(fraction * 100);
    const counts = `${read.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} events`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r${what} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${counts}`,
      );
      if (read >= total) stream.write('\n');
    } else if (Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10);
      stream.write(`${what}: ${percent}% (${counts})\n`);
    }
  };
}

/** The register's event store, read directly: PGlite when embedded, PostgreSQL when distributed. */
async function openRegisterLog(
  config: PlatformConfig,
): Promise<{ sql: SqlClient; release: () => void }> {
  if (config.mode === 'distributed') {
    const sql = await createPostgresClient({
      url: config.postgres.url,
      schema: 'register',
      applicationName: 'ebp-report',
    });
    return { sql, release: () => undefined };
  }
  const directory = join(config.dataDir, 'register');
  if (!existsSync(directory))
    throw new Error(`No register data in ${config.dataDir}: start the platform (npm start) first`);
  // PGlite is one process per directory: while the platform runs, ask the graph instead.
  const unlock = lockDataDirectory(config.dataDir);
  try {
    return { sql: await createPgliteClient({ dataDir: directory }), release: unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** `ebp report`: the governance report (or a comparison) rebuilt from the register's log. */
export async function runReport(
  config: PlatformConfig,
  command: ReportCommand,
  progressOf: (asOf: string) => (progress: ReplayProgress) => void,
): Promise<string> {
  const { sql, release } = await openRegisterLog(config);
  try {
    const store = await SqlEventStore.open(sql);
    const reportAsOf = async (asOf: string) =>
      buildGovernanceReport(await replayGovernance(store, asOf, { onProgress: progressOf(asOf) }));
    if (command.compareWith) {
      const comparison = compareGovernanceReports(
        await reportAsOf(command.compareWith),
        await reportAsOf(command.asOf),
      );
      return command.format === 'json'
        ? `${JSON.stringify(comparison, null, 2)}\n`
        : comparisonMarkdown(comparison);
    }
    return renderReport(await reportAsOf(command.asOf), command.format);
  } finally {
    await sql.close();
    release();
  }
}
