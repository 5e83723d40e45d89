import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlResult } from './sql-client';
import { sqlStatements } from './statement-count';

export interface PgliteClientOptions {
  /** A data directory on disk; omit for an in-memory database (tests). */
  readonly dataDir?: string;
  /** Names the client in the process's statement count (default: the data directory). */
  readonly label?: string;
}

function executor(target: PGlite | Transaction, label: string): SqlExecutor {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> => {
      sqlStatements.record(label);
      const result = await target.query<Row>(text, params as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    exec: async (script: string): Promise<void> => {
      sqlStatements.record(label);
      await target.exec(script);
    },
  };
}

/**
 * Embedded PostgreSQL behind the SqlClient port. PGlite has one connection: its own mutex queues
 * queries and transactions, so callers may use it concurrently.
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await db.waitReady;
  const label = options.label ?? options.dataDir ?? 'pglite';
  return {
    engine: 'pglite',
    ...executor(db, label),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => {
      // Its begin and its commit (or rollback), as PostgreSQL's client counts them.
      sqlStatements.record(label);
      sqlStatements.record(label);
      return db.transaction((tx) => work(executor(tx, label)));
    },
    close: () => db.close(),
  };
}
