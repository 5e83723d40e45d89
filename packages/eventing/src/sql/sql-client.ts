/**
 * The one SQL port the kit's PostgreSQL-backed adapters are written against. The same SQL runs on
 * PostgreSQL (through `pg`) and on PGlite (PostgreSQL compiled to WebAssembly, embedded mode).
 */
export interface SqlResult<Row> {
  readonly rows: Row[];
  readonly affectedRows: number;
}

export interface SqlExecutor {
  /** One statement, with $1… parameters. */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<Row>>;
  /** A script of several statements without parameters (migrations). */
  readonly exec: (script: string) => Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
