import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlResult } from './sql-client';
import { sqlStatements } from './statement-count';

export type EmbeddedDatabaseErrorCode =
  | 'INVALID_SCHEMA_NAME'
  | 'INVALID_MEMORY_SETTING'
  | 'STATEMENT_OUTSIDE_OPEN_TRANSACTION'
  | 'CLIENT_CLOSED';

export class EmbeddedDatabaseError extends Error {
  constructor(
    readonly code: EmbeddedDatabaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

export interface EmbeddedDatabaseOptions {
  /** A data directory on disk; omit for an in-memory database (tests). */
  readonly dataDir?: string;
  /**
   * The WebAssembly heap PGlite starts with, in bytes: 128 MiB, PGlite's default, is also its
   * least (a smaller heap fails to link). The heap grows as PostgreSQL needs it, never shrinks.
   */
  readonly initialMemoryBytes?: number;
  /**
   * PostgreSQL's buffer pool (`shared_buffers`, e.g. `16MB`). PGlite's default of 128MB is touched
   * at start and so resident from the first second (measured: one PGlite 284 MB resident, 161 MB
   * with 16MB); the platform's embedded data sets are far smaller, and pages beyond the pool are
   * read back from the data directory's files.
   */
  readonly sharedBuffers?: string;
  /** Names the statements the database runs for itself (schema switches) in the statement count. */
  readonly label?: string;
}

const DEFAULT_SHARED_BUFFERS = '16MB';
const MEMORY_SETTING = /^[1-9][0-9]*(kB|MB|GB)$/;

export interface SchemaClientOptions {
  /** Names the client in the process's statement count (default: the schema). */
  readonly label?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Which schema's transaction holds the database, for the async work running inside it. */
interface HeldTransaction {
  readonly schema: string;
  active: boolean;
}

/**
 * One embedded PostgreSQL (one PGlite, one WebAssembly heap) shared by several owners, each in its
 * own schema. PGlite has a single connection, so every statement runs under this database's own
 * queue: before a statement of schema A runs, the session's `search_path` is set to A alone when
 * the previous statement was another schema's. No statement can interleave between the switch and
 * the statement it is for, so each client sees its own schema's tables and nobody else's
 * unqualified names (a table of another schema is "not found").
 */
export class EmbeddedDatabase {
  private queue: Promise<unknown> = Promise.resolve();
  /** The session's search_path as last set here; unknown after a failed switch. */
  private currentSchema: string | undefined;
  private readonly held = new AsyncLocalStorage<HeldTransaction>();

  private constructor(
    private readonly db: PGlite,
    private readonly label: string,
  ) {}

  static async open(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
    const sharedBuffers = options.sharedBuffers ?? DEFAULT_SHARED_BUFFERS;
    if (!MEMORY_SETTING.test(sharedBuffers))
      throw new EmbeddedDatabaseError(
        'INVALID_MEMORY_SETTING',
        `Invalid shared_buffers ${JSON.stringify(sharedBuffers)}: use a size such as 16MB`,
      );
    const db = new PGlite({
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.initialMemoryBytes ? { initialMemory: options.initialMemoryBytes } : {}),
    });
    await db.waitReady;
    return new EmbeddedDatabase(db, options.label ?? options.dataDir ?? 'embedded');
  }

  /** The schemas this database holds, besides PostgreSQL's own. */
  async schemas(): Promise<string[]> {
    const { rows } = await this.exclusive(undefined, () =>
      this.db.query<{ name: string }>(
        `select nspname as name from pg_namespace
         where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public')
         order by nspname`,
      ),
    );
    return rows.map((row) => row.name);
  }

  /**
   * A client whose every statement runs in `schema` (created if missing) and sees only it. Closing
   * the client lets go of it; the database itself closes with {@link EmbeddedDatabase.close}.
   */
  async schemaClient(schema: string, options: SchemaClientOptions = {}): Promise<SqlClient> {
    if (!SCHEMA_NAME.test(schema))
      throw new EmbeddedDatabaseError(
        'INVALID_SCHEMA_NAME',
        `Invalid schema name ${JSON.stringify(schema)}: use lower case letters, digits and _`,
      );
    await this.exclusive(undefined, () => this.db.exec(`create schema if not exists ${schema}`));
    const label = options.label ?? schema;
    let closed = false;
    const run = <T>(work: () => Promise<T>): Promise<T> => {
      if (closed)
        return Promise.reject(
          new EmbeddedDatabaseError('CLIENT_CLOSED', `The client of schema ${schema} is closed`),
        );
      return this.exclusive(schema, work);
    };
    return {
      engine: 'pglite',
      query: <Row>(text: string, params: readonly unknown[] = []) =>
        run(() => {
          sqlStatements.record(label);
          return this.db.query<Row>(text, params as unknown[]).then(resultOf);
        }),
      exec: (script: string) =>
        run(async () => {
          sqlStatements.record(label);
          await this.db.exec(script);
        }),
      transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) =>
        run(() => {
          // Its begin and its commit (or rollback), as PostgreSQL's client counts them.
          sqlStatements.record(label);
          sqlStatements.record(label);
          const holder: HeldTransaction = { schema, active: true };
          return this.held
            .run(holder, () => this.db.transaction((tx) => work(transactionExecutor(tx, label))))
            .finally(() => {
              holder.active = false;
            });
        }),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  }

  async close(): Promise<void> {
    await this.queue;
    await this.db.close();
  }

  /**
   * Runs `work` alone on the connection, in `schema` when one is given. A statement sent from
   * inside an open transaction's work, but not through its executor, would wait for that
   * transaction forever: it is refused instead.
   */
  private exclusive<T>(schema: string | undefined, work: () => Promise<T>): Promise<T> {
    const holder = this.held.getStore();
    if (holder?.active)
      return Promise.reject(
        new EmbeddedDatabaseError(
          'STATEMENT_OUTSIDE_OPEN_TRANSACTION',
          `A statement${schema ? ` in schema ${schema}` : ''} was sent while a transaction in schema ${holder.schema} holds the embedded database: send it through the transaction's executor, or after the transaction`,
        ),
      );
    const turn = this.queue.then(async () => {
      if (schema !== undefined && schema !== this.currentSchema) {
        this.currentSchema = undefined;
        sqlStatements.record(this.label);
        await this.db.exec(`set search_path to ${schema}`);
        this.currentSchema = schema;
      }
      return work();
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

function resultOf<Row>(result: { rows: Row[]; affectedRows?: number }): SqlResult<Row> {
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

function transactionExecutor(tx: Transaction, label: string): SqlExecutor {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> => {
      sqlStatements.record(label);
      return resultOf(await tx.query<Row>(text, params as unknown[]));
    },
    exec: async (script: string): Promise<void> => {
      sqlStatements.record(label);
      await tx.exec(script);
    },
  };
}
