/**
 * The one SQL port the kit's PostgreSQL-backed adapters are written against. The same SQL runs on
 * PostgreSQL (through `pg`) and on PGlite (PostgreSQL compiled to WebAssembly, embedded mode).
 */
export interface SqlResult<Row> {
  readonly rows: Row[];
  readonly affectedRows: number;
}

export interface QueryOptions {
  /**
   * Prepare the statement under this name once per connection and reuse it (PostgreSQL), which
   * spares the server parsing and planning it on every call; for a statement sent very often with
   * the same text. The embedded engine ignores it.
   */
  readonly prepareAs?: string;
}

export interface SqlExecutor {
  /** One statement, with $1… parameters. */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
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
