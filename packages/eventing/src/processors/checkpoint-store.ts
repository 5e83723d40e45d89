import { EbpError } from '@ebp/contracts';
import { LOG_START, type LogPosition } from '../event-store/log-position';
import { migrate, type Migration } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';

/** Another instance advanced or took over the processor: this one must stop and re-claim. */
export class CheckpointConflictError extends EbpError {
  readonly code = 'CHECKPOINT_CONFLICT';

  constructor(
    readonly processor: string,
    readonly owner: string,
  ) {
    super(`Processor ${processor}: instance ${owner} no longer holds the checkpoint it read`);
  }
}

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'processor checkpoints',
    sql: `
      create table ebp_processor_checkpoints (
        processor text primary key,
        position text not null,
        owner text,
        lease_until timestamptz,
        updated_at timestamptz not null default now()
      );
    `,
  },
];

/**
 * Where processors keep their place. Each processor name has one row: its position, and a lease
 * that makes one instance at a time the active one (the others wait). Every advance is a
 * compare-and-set on (owner, previous position), so an instance that lost its lease cannot move
 * the checkpoint. Leases use the database clock, shared by every process.
 */
export class SqlCheckpointStore {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlCheckpointStore> {
    await migrate(sql, 'checkpoints', migrations);
    return new SqlCheckpointStore(sql);
  }

  /** Takes or renews the lease; returns the position to continue after, or undefined if another instance holds it. */
  async claim(
    processor: string,
    owner: string,
    leaseMs: number,
    startAfter: LogPosition = LOG_START,
  ): Promise<LogPosition | undefined> {
    await this.sql.query(
      'insert into ebp_processor_checkpoints (processor, position) values ($1, $2) on conflict (processor) do nothing',
      [processor, startAfter],
    );
    const { rows } = await this.sql.query<{ position: LogPosition }>(
      `update ebp_processor_checkpoints
       set owner = $2, lease_until = now() + ($3::integer * interval '1 millisecond')
       where processor = $1 and (owner is null or owner = $2 or lease_until < now())
       returning position`,
      [processor, owner, leaseMs],
    );
    return rows[0]?.position;
  }

  /** Moves the checkpoint from `from` to `to` and renews the lease, or throws CheckpointConflictError. */
  async advance(
    processor: string,
    owner: string,
    from: LogPosition,
    to: LogPosition,
    leaseMs: number,
  ): Promise<void> {
    const { affectedRows } = await this.sql.query(
      `update ebp_processor_checkpoints
       set position = $4, lease_until = now() + ($5::integer * interval '1 millisecond'), updated_at = now()
       where processor = $1 and owner = $2 and position = $3`,
      [processor, owner, from, to, leaseMs],
    );
    if (affectedRows !== 1) throw new CheckpointConflictError(processor, owner);
  }

  async release(processor: string, owner: string): Promise<void> {
    await this.sql.query(
      'update ebp_processor_checkpoints set owner = null, lease_until = null where processor = $1 and owner = $2',
      [processor, owner],
    );
  }

  /** Voids every lease: only for a store no other process can be using (e.g. a locked directory). */
  async releaseAllLeases(): Promise<void> {
    await this.sql.query(
      'update ebp_processor_checkpoints set owner = null, lease_until = null where owner is not null',
    );
  }

  async position(processor: string): Promise<LogPosition | undefined> {
    const { rows } = await this.sql.query<{ position: LogPosition }>(
      'select position from ebp_processor_checkpoints where processor = $1',
      [processor],
    );
    return rows[0]?.position;
  }

  /** Moves a stopped processor back (replay) or forward; refuses while an instance holds a lease. */
  async reset(processor: string, to: LogPosition): Promise<void> {
    const { affectedRows } = await this.sql.query(
      `insert into ebp_processor_checkpoints (processor, position) values ($1, $2)
       on conflict (processor) do update set position = excluded.position, updated_at = now()
       where ebp_processor_checkpoints.owner is null or ebp_processor_checkpoints.lease_until < now()`,
      [processor, to],
    );
    if (affectedRows !== 1) throw new CheckpointConflictError(processor, '(reset)');
  }
}
