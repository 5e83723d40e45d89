import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlResult } from './sql-client';

export interface PgliteClientOptions {
  /** A data directory on disk; omit for an in-memory database (tests). */
  readonly dataDir?: string;
}

function executor(target: PGlite | Transaction): SqlExecutor {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> => {
      const result = await target.query<Row>(text, params as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    exec: async (script: string): Promise<void> => {
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
  return {
    engine: 'pglite',
    ...executor(db),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) =>
      db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
}
