import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { QueryOptions, SqlClient, SqlExecutor, SqlResult } from './sql-client';
import { sqlStatements } from './statement-count';

export interface PostgresClientOptions {
  readonly url: string;
  /** A schema of its own (created if missing) and the connections' search_path. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function executor(client: Pool | PoolClient, label: string): SqlExecutor {
  return {
    query: async <Row>(
      text: string,
      params: readonly unknown[] = [],
      options: QueryOptions = {},
    ): Promise<SqlResult<Row>> => {
      sqlStatements.record(label);
      const values = params as unknown[];
      const result = await (options.prepareAs === undefined
        ? client.query(text, values)
        : client.query({ name: options.prepareAs, text, values }));
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    exec: async (script: string): Promise<void> => {
      sqlStatements.record(label);
      await client.query(script);
    },
  };
}

/** A PostgreSQL connection pool behind the SqlClient port. */
export async function createPostgresClient(options: PostgresClientOptions): Promise<SqlClient> {
  if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
    throw new Error(
      `Invalid schema name ${JSON.stringify(options.schema)}: use lower case letters, digits, _`,
    );
  }
  const config: PoolConfig = {
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'ebp-platform',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new Pool(config);
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  if (options.schema) await pool.query(`create schema if not exists ${options.schema}`);
  const label = options.schema ?? options.applicationName ?? 'postgres';
  return {
    engine: 'postgres',
    ...executor(pool, label),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        sqlStatements.record(label);
        await connection.query('begin');
        const result = await work(executor(connection, label));
        sqlStatements.record(label);
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
