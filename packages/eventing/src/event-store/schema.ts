import type { Migration } from '../sql/migrations';

/** SQLSTATEs the append function raises; SqlEventStore turns them back into typed errors. */
export const APPEND_ERRORS = {
  wrongExpectedVersion: 'EB001',
  duplicateEventId: 'EB002',
} as const;

/**
 * One append in one round trip (decision 0026). In order: the stream's transaction-scoped
 * advisory lock, before any write, so that the transaction id is assigned only once the lock is
 * held (per-stream order equals log order, decision 0005); the stream's version; a retried append
 * of the same events (returned as stored, `already_stored`) or any other reuse of a stored id
 * (EB002, the stored ids in DETAIL); the expected version (EB001, the actual version in DETAIL);
 * then one INSERT of all the events. `p_expected` is 'any', 'no_stream', 'stream_exists' or
 * 'exact' (then `p_expected_version` is the version). One row per event, in no promised order.
 *
 * `enable_seqscan = off`, for this function's statements only: plpgsql caches its statements'
 * plans, and after five calls may switch to a generic plan chosen while the table was small and
 * unanalyzed (a sequential scan), then keep it as the table grows. Every look-up here has its
 * index, so forbidding sequential scans keeps the cached plan right at any size; it is cheaper
 * than `plan_cache_mode = force_custom_plan`, which plans every statement again on every call.
 */
const APPEND_FUNCTION = `
  create function ebp_append_events(
    p_stream_id text,
    p_expected text,
    p_expected_version integer,
    p_event_ids uuid[],
    p_types text[],
    p_schema_versions integer[],
    p_data jsonb[],
    p_metadata jsonb[],
    p_recorded_at timestamptz[]
  ) returns table (
    event_version integer,
    version_after integer,
    event_transaction_id text,
    event_sequence text,
    already_stored boolean
  )
  language plpgsql
  set enable_seqscan = off
  as $fn$
  declare
    v_actual integer;
    v_stored integer;
    v_same_append boolean;
  begin
    perform pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));

    -- One statement, planned with the actual values: the stream's version, and how many of the
    -- ids are already stored (almost always none).
    select coalesce((select e.stream_version from ebp_events e where e.stream_id = p_stream_id
                     order by e.stream_version desc limit 1), 0),
           (select count(*)::integer from ebp_events e where e.event_id = any(p_event_ids))
      into v_actual, v_stored;

    if v_stored > 0 then
      -- The same append again: every id stored, in this stream, at consecutive versions in order.
      select coalesce(bool_and(e.stream_id = p_stream_id), false)
               and count(distinct e.stream_version - given.ordinal) = 1
        into v_same_append
        from unnest(p_event_ids) with ordinality as given(event_id, ordinal)
        join ebp_events e on e.event_id = given.event_id;
      if v_stored = cardinality(p_event_ids) and v_same_append then
        return query
          select e.stream_version, v_actual, e.transaction_id::text, e.position::text, true
          from unnest(p_event_ids) with ordinality as given(event_id, ordinal)
          join ebp_events e on e.event_id = given.event_id
          order by given.ordinal;
        return;
      end if;
      raise exception 'Stream %: event ids already stored by a different append', p_stream_id
        using errcode = 'EB002',
              detail = (select string_agg(e.event_id::text, ',')
                        from ebp_events e where e.event_id = any(p_event_ids));
    end if;

    if not (p_expected = 'any'
        or (p_expected = 'no_stream' and v_actual = 0)
        or (p_expected = 'stream_exists' and v_actual > 0)
        or (p_expected = 'exact' and p_expected_version = v_actual)) then
      raise exception 'Stream %: expected % %, but it is at version %',
        p_stream_id, p_expected, p_expected_version, v_actual
        using errcode = 'EB001', detail = v_actual::text;
    end if;

    return query
      insert into ebp_events as e
        (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
      select given.event_id, p_stream_id, v_actual + given.ordinal::integer, given.type,
             given.schema_version, given.data, given.metadata, given.recorded_at
      from unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_recorded_at)
        with ordinality as given(event_id, type, schema_version, data, metadata, recorded_at, ordinal)
      order by given.ordinal
      returning e.stream_version, v_actual + cardinality(p_event_ids), e.transaction_id::text,
                e.position::text, false;
  end
  $fn$;
`;

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
  {
    version: 2,
    name: 'one-round-trip append function',
    sql: APPEND_FUNCTION,
  },
];
