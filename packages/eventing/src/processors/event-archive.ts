import { respellEventData } from '@ebp/contracts';
import { migrate } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';

/** A copy of another service's event: only the fields the keeper needs, and when it happened. */
export interface ArchivedEvent {
  readonly eventId: string;
  /** The service that recorded it. */
  readonly source: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** When its source recorded it (ISO 8601): replays as of a date go by this. */
  readonly recordedAt: string;
}

/** Where a page of the archive ended: the next page starts after it. */
export type ArchiveCursor = Pick<
  ArchivedEvent,
  'recordedAt' | 'source' | 'streamId' | 'streamVersion'
>;

interface ArchiveRow {
  event_id: string;
  source: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown> | string;
  recorded_at: Date | string;
}

const ORDER = 'recorded_at, source, stream_id, stream_version';

/**
 * Copies of other services' events that a service keeps in its own database so that it can
 * replay them as of a date, whichever way they reached it (bus or store) and in whatever order.
 * Each event is kept once (by id), and is read back in the order its source recorded it, with
 * ties broken by source and stream: the same events always read back in the same order.
 */
export class SqlEventArchive {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlEventArchive> {
    await migrate(sql, 'event-archive', [
      {
        version: 1,
        name: 'archived events',
        sql: `
          create table ebp_archived_events (
            event_id uuid primary key,
            source text not null,
            stream_id text not null,
            stream_version integer not null,
            type text not null,
            data jsonb not null,
            recorded_at timestamptz not null,
            archived_at timestamptz not null default now()
          );
          create index ebp_archived_events_replay_order on ebp_archived_events (${ORDER});
        `,
      },
      {
        // A copy keeps its source's time only: the moment it was kept would time an anonymous
        // survey answer that its source records by the day (decision 0038).
        version: 2,
        name: 'no time of keeping',
        sql: 'alter table ebp_archived_events drop column archived_at;',
      },
    ]);
    return new SqlEventArchive(sql);
  }

  /** Keeps the events not kept already: a redelivered event changes nothing. */
  async keep(events: readonly ArchivedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const rows = events.map((event, index) => {
      values.push(
        event.eventId,
        event.source,
        event.streamId,
        event.streamVersion,
        event.type,
        JSON.stringify(event.data),
        event.recordedAt,
      );
      const base = index * 7;
      return `($${base + 1}::uuid, $${base + 2}, $${base + 3}, $${base + 4}::integer, $${base + 5}, $${base + 6}::jsonb, $${base + 7}::timestamptz)`;
    });
    await this.sql.query(
      `insert into ebp_archived_events (event_id, source, stream_id, stream_version, type, data, recorded_at)
       values ${rows.join(', ')} on conflict (event_id) do nothing`,
      values,
    );
  }

  /** How many kept events were recorded before `before`. */
  async countBefore(before: string): Promise<number> {
    const { rows } = await this.sql.query<{ count: string | number }>(
      'select count(*) as count from ebp_archived_events where recorded_at < $1::timestamptz',
      [before],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** A page of the events recorded before `before`, in replay order, after `after`. */
  async read(options: {
    readonly before: string;
    readonly after?: ArchiveCursor;
    readonly limit: number;
  }): Promise<ArchivedEvent[]> {
    const { after } = options;
    const params: unknown[] = [options.before, options.limit];
    let from = '';
    if (after) {
      params.push(after.recordedAt, after.source, after.streamId, after.streamVersion);
      from = `and (${ORDER}) > ($3::timestamptz, $4, $5, $6::integer)`;
    }
    const { rows } = await this.sql.query<ArchiveRow>(
      `select event_id, source, stream_id, stream_version, type, data, recorded_at
       from ebp_archived_events where recorded_at < $1::timestamptz ${from}
       order by ${ORDER} limit $2`,
      params,
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      source: row.source,
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      type: row.type,
      // Kept without its version: read back in today's spelling (decision 0023).
      data: respellEventData(
        row.type,
        typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
      ),
      recordedAt: new Date(row.recorded_at).toISOString(),
    }));
  }
}
