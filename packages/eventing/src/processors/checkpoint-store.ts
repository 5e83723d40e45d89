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

/** Names a lease: its processor and the instance that holds it. */
export function keptKey(processor: string, owner: string): string {
  return `${processor}\u0000${owner}`;
}

/** A lease a running processor holds, renewed on the checkpoint store's timer. */
export interface KeptLease {
  readonly processor: string;
  readonly owner: string;
  readonly leaseMs: number;
  readonly renewed: (sentAt: number) => void;
  readonly lost: () => void;
  readonly failed?: (error: unknown) => void;
}

/**
 * Where processors keep their place. Each processor name has one row: its position, and a lease
 * that makes one instance at a time the active one (the others wait). Every advance is a
 * compare-and-set on (owner, previous position), so an instance that lost its lease cannot move
 * the checkpoint. Leases use the database clock, shared by every process. A running processor's
 * lease is renewed on a timer (all of this store's in one statement), not at every poll.
 */
export class SqlCheckpointStore {
  /** The leases kept alive, by keptKey. */
  private readonly kept = new Map<string, KeptLease>();
  private renewalTimer: NodeJS.Timeout | undefined;
  private renewalPeriodMs: number | undefined;
  private renewing = false;

  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlCheckpointStore> {
    await migrate(sql, 'checkpoints', migrations);
    return new SqlCheckpointStore(sql);
  }

  /**
   * Takes or renews the lease, in one statement; returns the position to continue after, or
   * undefined if another instance holds it.
   */
  async claim(
    processor: string,
    owner: string,
    leaseMs: number,
    startAfter: LogPosition = LOG_START,
  ): Promise<LogPosition | undefined> {
    const { rows } = await this.sql.query<{ position: LogPosition }>(
      `insert into ebp_processor_checkpoints as held (processor, position, owner, lease_until)
       values ($1, $4, $2, now() + ($3::integer * interval '1 millisecond'))
       on conflict (processor) do update
       set owner = excluded.owner, lease_until = excluded.lease_until
       where held.owner is null or held.owner = excluded.owner or held.lease_until < now()
       returning held.position`,
      [processor, owner, leaseMs, startAfter],
    );
    return rows[0]?.position;
  }

  /**
   * Renews, in one statement, every lease listed whose owner still holds it; returns the leases
   * renewed, by keptKey (a missing one was lost: voided, or taken over after it lapsed).
   */
  async renewLeases(
    leases: readonly { processor: string; owner: string; leaseMs: number }[],
  ): Promise<Set<string>> {
    if (leases.length === 0) return new Set();
    const { rows } = await this.sql.query<{ processor: string; owner: string }>(
      `update ebp_processor_checkpoints as held
       set lease_until = now() + (lease.ms * interval '1 millisecond')
       from unnest($1::text[], $2::text[], $3::integer[]) as lease(processor, owner, ms)
       where held.processor = lease.processor and held.owner = lease.owner
         and held.lease_until >= now()
       returning held.processor, held.owner`,
      [
        leases.map((lease) => lease.processor),
        leases.map((lease) => lease.owner),
        leases.map((lease) => lease.leaseMs),
      ],
    );
    return new Set(rows.map((row) => keptKey(row.processor, row.owner)));
  }

  /**
   * Keeps a held lease alive: every lease kept through this store is renewed together, in one
   * statement, at a third of the shortest lease's TTL. `renewed` gets the time the renewal was
   * sent (the lease runs from then, at the latest); `lost` is called once and the lease dropped
   * when the owner no longer holds it. Returns the function that stops keeping it.
   */
  keepLease(lease: KeptLease): () => void {
    const key = keptKey(lease.processor, lease.owner);
    this.kept.set(key, lease);
    this.scheduleRenewals();
    return () => {
      if (this.kept.get(key) !== lease) return;
      this.kept.delete(key);
      this.scheduleRenewals();
    };
  }

  private scheduleRenewals(): void {
    const periodMs =
      this.kept.size === 0
        ? undefined
        : Math.max(10, Math.floor(Math.min(...[...this.kept.values()].map((l) => l.leaseMs)) / 3));
    if (periodMs === this.renewalPeriodMs) return;
    if (this.renewalTimer) clearInterval(this.renewalTimer);
    this.renewalTimer = undefined;
    this.renewalPeriodMs = periodMs;
    if (periodMs === undefined) return;
    this.renewalTimer = setInterval(() => void this.renewKept(), periodMs);
    // Leases are kept for processors that run; they do not keep the process alive on their own.
    this.renewalTimer.unref();
  }

  private async renewKept(): Promise<void> {
    if (this.renewing) return;
    const leases = [...this.kept.values()];
    if (leases.length === 0) return;
    this.renewing = true;
    const sentAt = Date.now();
    try {
      const renewed = await this.renewLeases(leases);
      for (const lease of leases) {
        const key = keptKey(lease.processor, lease.owner);
        if (this.kept.get(key) !== lease) continue;
        if (renewed.has(key)) lease.renewed(sentAt);
        else {
          this.kept.delete(key);
          lease.lost();
        }
      }
      this.scheduleRenewals();
    } catch (error) {
      // Not renewed this time: each holder stops trusting its lease when it would have lapsed.
      for (const lease of leases) lease.failed?.(error);
    } finally {
      this.renewing = false;
    }
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
    if (this.kept.delete(keptKey(processor, owner))) this.scheduleRenewals();
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
