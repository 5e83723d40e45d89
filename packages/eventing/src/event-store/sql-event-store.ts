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
import { APPEND_ERRORS, eventStoreMigrations } from './schema';
import { sharedLogReadsOf } from './shared-log-reads';
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

const SELECT_EVENT = `select event_id::text as event_id, stream_id, stream_version, type, schema_version,
  data, metadata, transaction_id::text as transaction_id, position::text as position from ebp_events`;

// Rows of transactions older than every transaction still running: see readAll. The horizon is
// read first and passed as a value; inline, the planner cannot estimate it and sorts the whole
// remaining log for every page. An older horizon is only more cautious, never unsafe.
const HORIZON = 'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin';

// Arrays carry any number of events in 9 parameters; this only bounds one message's size.
const EVENTS_PER_CALL = 5_000;

export interface SqlEventStoreOptions {
  /** Defaults to every upcaster registered in contracts/. */
  readonly upcasters?: UpcasterRegistry;
  /** Validate every appended envelope against the contract (on by default). */
  readonly validate?: boolean;
  /** Events per round trip; a larger append makes several calls in one transaction. */
  readonly eventsPerCall?: number;
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
 * only then writes (which is when PostgreSQL assigns the transaction id). Lock, checks and insert
 * run in one database function, one round trip per append (decisions 0026, 0032). The next append to the
 * same stream gets its transaction id after this one committed, so within a stream the global
 * order equals the version order.
 */
export class SqlEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly validate: boolean;
  private readonly eventsPerCall: number;

  private constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry(upcasters);
    this.validate = options.validate ?? true;
    this.eventsPerCall = options.eventsPerCall ?? EVENTS_PER_CALL;
    if (!Number.isInteger(this.eventsPerCall) || this.eventsPerCall < 1) {
      throw new RangeError('eventsPerCall is a whole number of at least 1');
    }
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
    try {
      return await this.appendChecked(streamId, checked, options.expectedVersion);
    } finally {
      // Whatever the outcome (a lost answer may follow a commit), reads sent before this point
      // are no longer shared with readers that come after it.
      sharedLogReadsOf(this.sql).committed();
    }
  }

  private async appendChecked(
    streamId: string,
    checked: readonly EventEnvelope[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    if (checked.length <= this.eventsPerCall) {
      // Autocommit: the function's one statement is the whole transaction.
      return (await callAppend(this.sql, streamId, checked, expectedVersion)).result;
    }
    // Too many events for one call: the calls share one transaction, so the append stays all or
    // nothing; the first call takes the stream's lock and the later ones continue at its version.
    return this.sql.transaction(async (tx) => {
      const parts: AppendPart[] = [];
      let expected = expectedVersion;
      for (let start = 0; start < checked.length; start += this.eventsPerCall) {
        const part = await callAppend(
          tx,
          streamId,
          checked.slice(start, start + this.eventsPerCall),
          expected,
        );
        parts.push(part);
        expected = part.result.streamVersion;
      }
      return joinParts(streamId, parts);
    });
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
    const params = [
      after.transactionId.toString(),
      after.sequence.toString(),
      upTo ? upTo.transactionId.toString() : null,
      upTo ? upTo.sequence.toString() : null,
      options.limit,
    ] as const;
    // Processors woken by one append all ask for the same page: one of them reads it.
    const rows = await sharedLogReadsOf(this.sql).read(JSON.stringify(params), async () => {
      const { rows: read } = await this.sql.query<EventRow>(
        `${SELECT_EVENT}
         where (transaction_id, position) > ($1::text::xid8, $2::bigint)
           and transaction_id < $6::text::xid8
           and ($3::text is null or (transaction_id, position) <= ($3::text::xid8, $4::bigint))
         order by ebp_events.transaction_id, ebp_events.position
         limit $5`,
        [...params, await this.horizon()],
      );
      return read;
    });
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

interface AppendRow {
  event_version: number;
  version_after: number;
  event_transaction_id: string;
  event_sequence: string;
  already_stored: boolean;
}

function expectedVersionArguments(expected: ExpectedVersion): [string, number | null] {
  return typeof expected === 'number' ? ['exact', expected] : [expected, null];
}

interface AppendPart {
  readonly result: AppendResult;
  readonly eventIds: readonly string[];
  /** The events' stream versions, in the events' order. */
  readonly versions: readonly number[];
}

/**
 * One round trip: the append function (schema.ts, migration 3), prepared once per connection,
 * with the events' columns; data and metadata as one JSON array each.
 */
async function callAppend(
  sql: SqlExecutor,
  streamId: string,
  events: readonly EventEnvelope[],
  expectedVersion: ExpectedVersion,
): Promise<AppendPart> {
  let rows: AppendRow[];
  try {
    ({ rows } = await sql.query<AppendRow>(
      `select event_version, version_after, event_transaction_id, event_sequence, already_stored
       from ebp_append($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        streamId,
        ...expectedVersionArguments(expectedVersion),
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.schemaVersion),
        JSON.stringify(events.map((event) => event.data)),
        JSON.stringify(events.map((event) => event.metadata)),
        events.map((event) => event.metadata.recordedAt),
      ],
      { prepareAs: 'ebp_append' },
    ));
  } catch (error) {
    throw typedAppendError(error, streamId, expectedVersion) ?? error;
  }
  // RETURNING promises no order; versions follow the events' order.
  rows.sort((a, b) => a.event_version - b.event_version);
  return {
    result: {
      streamId,
      streamVersion: Number(rows[0]?.version_after ?? 0),
      positions: rows.map((row) => logPosition(row.event_transaction_id, row.event_sequence)),
      alreadyStored: rows[0]?.already_stored ?? false,
    },
    eventIds: events.map((event) => event.id),
    versions: rows.map((row) => Number(row.event_version)),
  };
}

function typedAppendError(
  error: unknown,
  streamId: string,
  expectedVersion: ExpectedVersion,
): Error | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const detail = 'detail' in error && typeof error.detail === 'string' ? error.detail : '';
  switch (error.code) {
    case APPEND_ERRORS.wrongExpectedVersion:
      return new WrongExpectedVersionError(streamId, expectedVersion, Number(detail));
    case APPEND_ERRORS.duplicateEventId:
      return new DuplicateEventIdError(streamId, detail.split(','));
    default:
      return undefined;
  }
}

/**
 * The result of an append made in several calls. A retry replays every part, at consecutive
 * versions; parts that disagree mean some ids belong to a different append.
 */
function joinParts(streamId: string, parts: readonly AppendPart[]): AppendResult {
  const positions = parts.flatMap((part) => part.result.positions);
  const replayed = parts.filter((part) => part.result.alreadyStored);
  if (replayed.length === 0) {
    return {
      streamId,
      streamVersion: parts.at(-1)?.result.streamVersion ?? 0,
      positions,
      alreadyStored: false,
    };
  }
  const versions = parts.flatMap((part) => part.versions);
  const consecutive = versions.every(
    (version, index) => index === 0 || version === versions[index - 1]! + 1,
  );
  if (replayed.length !== parts.length || !consecutive) {
    throw new DuplicateEventIdError(
      streamId,
      replayed.flatMap((part) => part.eventIds),
    );
  }
  return {
    streamId,
    streamVersion: parts[0]!.result.streamVersion,
    positions,
    alreadyStored: true,
  };
}
