import type { Migration } from '../sql/migrations';

/**
 * The event table is also the outbox (DESIGN.md §4). `transaction_id` records the writing
 * transaction so that readers can order by (transaction_id, position) and stop before any
 * transaction still in flight: see SqlEventStore.readAll.
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events table',
    sql: `
      create table ebp_events (
        position bigserial primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        event_id uuid not null,
        stream_id text not null,
        stream_version integer not null,
        type text not null,
        schema_version integer not null,
        data jsonb not null,
        metadata jsonb not null,
        recorded_at timestamptz not null,
        constraint ebp_events_event_id_unique unique (event_id),
        constraint ebp_events_stream_version_unique unique (stream_id, stream_version),
        constraint ebp_events_stream_version_positive check (stream_version > 0)
      );
      create index ebp_events_log_order on ebp_events (transaction_id, position);
      create index ebp_events_recorded_at on ebp_events (stream_id, recorded_at);
    `,
  },
];
