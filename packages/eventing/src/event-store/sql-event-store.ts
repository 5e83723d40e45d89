import {
  EventEnvelopeSchema,
  EventMetadataSchema,
  parseContract,
  respellEnumValues,
  upcasters,
  type EventEnvelope,
} from '@ebp/contracts';
import { migrate } from '../sql/migrations';
import type { SqlClient, SqlExecutor } from '../sql/sql-client';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from './event-store';
import { LOG_START, logPosition, parseLogPosition, type LogPosition } from './log-position';
import { eventStoreMigrations } from './schema';
import { UpcasterRegistry } from './upcasting';

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventEnvelope['metadata'];
  transaction_id: string;
  position: string;
}

// Output columns are renamed to text; ORDER BY therefore always names the table's columns.
type EarlierRow = Pick<
  EventRow,
  'event_id' | 'stream_id' | 'stream_version' | 'transaction_id' | 'position'
>;

const SELECT_EVENT = `select event_id::text as event_id, stream_id, stream_version, type, schema_version,
  data, metadata, transaction_id::text as transaction_id, position::text as position from ebp_events`;

// Rows of transactions older than every transaction still running: see readAll. The horizon is
// read first and passed as a value; inline, the planner cannot estimate it and sorts the whole
// remaining log for every page. An older horizon is only more cautious, never unsafe.
const HORIZON = 'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin';

const COLUMNS_PER_EVENT = 8;
const MAX_EVENTS_PER_INSERT = Math.floor(65_535 / COLUMNS_PER_EVENT);

export interface SqlEventStoreOptions {
  /** Defaults to every upcaster registered in contracts/. */
  readonly upcasters?: UpcasterRegistry;
  /** Validate every appended envelope against the contract (on by default). */
  readonly validate?: boolean;
}

/**
 * The event store on PostgreSQL or PGlite: one SQL implementation, two clients.
 *
 * Gap safety: positions come from a sequence before commit, so transactions commit out of
 * position order. Each row records its writing transaction id, and readers order by
 * (transaction id, position) and read only rows of transactions older than the oldest one still
 * running (`pg_snapshot_xmin`). A transaction that is still open therefore holds every reader
 * back until it commits or aborts, and no reader ever passes an event that may yet appear.
 *
 * Per-stream order: an append first takes a transaction-scoped advisory lock on its stream, and
 * only then writes (which is when PostgreSQL assigns the transaction id). The next append to the
 * same stream gets its transaction id after this one committed, so within a stream the global
 * order equals the version order.
 */
export class SqlEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly validate: boolean;

  private constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry(upcasters);
    this.validate = options.validate ?? true;
  }

  /** Runs the store's pending migrations, then returns it. */
  static async open(sql: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    await migrate(sql, 'event-store', eventStoreMigrations);
    return new SqlEventStore(sql, options);
  }

  async append(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    if (streamId.length === 0 || streamId.length > 200) {
      throw new RangeError('A stream id has 1 to 200 characters');
    }
    if (events.length === 0) throw new RangeError('An append needs at least one event');
    const checked = this.validate
      ? events.map((event) => parseContract('EventEnvelope', EventEnvelopeSchema, event))
      : events;
    return this.sql.transaction(async (tx) => {
      // Before any write, so that this transaction's id is assigned only once the lock is held.
      await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
      const { actual, earlier } = await this.streamState(tx, streamId, checked);
      const replay =
        earlier.length > 0 ? this.earlierAppend(streamId, checked, earlier, actual) : undefined;
      if (replay) return replay;
      assertExpectedVersion(streamId, options.expectedVersion, actual);
      const positions: LogPosition[] = [];
      for (let start = 0; start < checked.length; start += MAX_EVENTS_PER_INSERT) {
        const chunk = checked.slice(start, start + MAX_EVENTS_PER_INSERT);
        positions.push(...(await insertEvents(tx, streamId, actual + start, chunk)));
      }
      return { streamId, streamVersion: actual + checked.length, positions, alreadyStored: false };
    });
  }

  /** In one round trip: the stream's version, and any of the events' ids already stored. */
  private async streamState(
    tx: SqlExecutor,
    streamId: string,
    events: readonly EventEnvelope[],
  ): Promise<{ actual: number; earlier: EarlierRow[] }> {
    const { rows } = await tx.query<{ version: number; earlier: EarlierRow[] | null }>(
      `select
         (select coalesce(max(stream_version), 0)::integer from ebp_events where stream_id = $1) as version,
         (select json_agg(json_build_object('event_id', event_id::text, 'stream_id', stream_id,
            'stream_version', stream_version, 'transaction_id', transaction_id::text, 'position', position::text))
          from ebp_events where event_id = any(string_to_array($2, ',')::uuid[])) as earlier`,
      [streamId, events.map((event) => event.id).join(',')],
    );
    return { actual: Number(rows[0]?.version ?? 0), earlier: rows[0]?.earlier ?? [] };
  }

  /**
   * A retried append (same event ids, same stream, same order) returns the first append's result
   * instead of failing or storing twice. Any other reuse of a stored id is an error.
   */
  private earlierAppend(
    streamId: string,
    events: readonly EventEnvelope[],
    earlier: readonly EarlierRow[],
    actual: number,
  ): AppendResult {
    const byId = new Map(earlier.map((row) => [row.event_id, row]));
    const stored = events.map((event) => byId.get(event.id));
    const first = stored[0];
    const sameAppend =
      first !== undefined &&
      stored.every(
        (row, index) =>
          row !== undefined &&
          row.stream_id === streamId &&
          row.stream_version === first.stream_version + index,
      );
    if (!sameAppend) {
      throw new DuplicateEventIdError(
        streamId,
        earlier.map((row) => row.event_id),
      );
    }
    return {
      streamId,
      streamVersion: actual,
      positions: stored.map((row) => logPosition(row?.transaction_id ?? 0n, row?.position ?? 0n)),
      alreadyStored: true,
    };
  }

  private async currentVersion(tx: SqlExecutor, streamId: string): Promise<number> {
    const { rows } = await tx.query<{ version: number }>(
      'select coalesce(max(stream_version), 0)::integer as version from ebp_events where stream_id = $1',
      [streamId],
    );
    return Number(rows[0]?.version ?? 0);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.currentVersion(this.sql, streamId);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const upTo = options.upTo ? parseLogPosition(options.upTo) : undefined;
    const { rows } = await this.sql.query<EventRow>(
      `${SELECT_EVENT}
       where stream_id = $1
         and stream_version >= $2
         and ($3::text is null or (transaction_id, position) <= ($3::text::xid8, $4::bigint))
         and ($5::timestamptz is null or recorded_at <= $5::timestamptz)
       order by ebp_events.stream_version`,
      [
        streamId,
        options.fromVersion ?? 1,
        upTo ? upTo.transactionId.toString() : null,
        upTo ? upTo.sequence.toString() : null,
        options.asOf ? options.asOf.toISOString() : null,
      ],
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  private async horizon(): Promise<string> {
    const { rows } = await this.sql.query<{ xmin: string }>(HORIZON);
    return rows[0]?.xmin ?? '0';
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const after = parseLogPosition(options.after ?? LOG_START);
    const upTo = options.upTo ? parseLogPosition(options.upTo) : undefined;
    const { rows } = await this.sql.query<EventRow>(
      `${SELECT_EVENT}
       where (transaction_id, position) > ($1::text::xid8, $2::bigint)
         and transaction_id < $6::text::xid8
         and ($3::text is null or (transaction_id, position) <= ($3::text::xid8, $4::bigint))
       order by ebp_events.transaction_id, ebp_events.position
       limit $5`,
      [
        after.transactionId.toString(),
        after.sequence.toString(),
        upTo ? upTo.transactionId.toString() : null,
        upTo ? upTo.sequence.toString() : null,
        options.limit,
        await this.horizon(),
      ],
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  async countAfter(position: LogPosition = LOG_START, upTo?: LogPosition): Promise<number> {
    const after = parseLogPosition(position);
    const until = upTo ? parseLogPosition(upTo) : undefined;
    const { rows } = await this.sql.query<{ count: string }>(
      `select count(*)::text as count from ebp_events
       where (transaction_id, position) > ($1::text::xid8, $2::bigint)
         and transaction_id < $5::text::xid8
         and ($3::text is null or (transaction_id, position) <= ($3::text::xid8, $4::bigint))`,
      [
        after.transactionId.toString(),
        after.sequence.toString(),
        until ? until.transactionId.toString() : null,
        until ? until.sequence.toString() : null,
        await this.horizon(),
      ],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async headPosition(): Promise<LogPosition | undefined> {
    const { rows } = await this.sql.query<{ transaction_id: string; position: string }>(
      `select transaction_id::text as transaction_id, position::text as position from ebp_events
       where transaction_id < $1::text::xid8 order by ebp_events.transaction_id desc, ebp_events.position desc limit 1`,
      [await this.horizon()],
    );
    const head = rows[0];
    return head ? logPosition(head.transaction_id, head.position) : undefined;
  }

  private toStoredEvent(row: EventRow): StoredEvent {
    const current = this.upcasters.upcast(row.type, row.schema_version, row.data);
    return {
      id: row.event_id,
      type: row.type,
      schemaVersion: current.schemaVersion,
      data: current.data,
      // Metadata has no version of its own: its classification is read in today's spelling.
      metadata: respellEnumValues(EventMetadataSchema, row.metadata) as EventRow['metadata'],
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      position: logPosition(row.transaction_id, row.position),
    };
  }
}

function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!matches) throw new WrongExpectedVersionError(streamId, expected, actual);
}

async function insertEvents(
  tx: SqlExecutor,
  streamId: string,
  versionBefore: number,
  events: readonly EventEnvelope[],
): Promise<LogPosition[]> {
  const params: unknown[] = [];
  const rows = events.map((event, index) => {
    const base = index * COLUMNS_PER_EVENT;
    params.push(
      event.id,
      streamId,
      versionBefore + index + 1,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.metadata.recordedAt,
    );
    const placeholders = Array.from(
      { length: COLUMNS_PER_EVENT },
      (_, column) => `$${base + column + 1}`,
    );
    return `(${placeholders[0]}::uuid, ${placeholders[1]}, ${placeholders[2]}::integer, ${placeholders[3]}, ${placeholders[4]}::integer, ${placeholders[5]}::jsonb, ${placeholders[6]}::jsonb, ${placeholders[7]}::timestamptz)`;
  });
  const { rows: inserted } = await tx.query<{ transaction_id: string; position: string }>(
    `insert into ebp_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
     values ${rows.join(', ')}
     returning transaction_id::text as transaction_id, position::text as position`,
    params,
  );
  return inserted.map((row) => logPosition(row.transaction_id, row.position));
}
