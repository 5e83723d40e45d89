import type { Migration } from '../sql/migrations';

/** SQLSTATEs the append function raises; SqlEventStore turns them back into typed errors. */
export const APPEND_ERRORS = {
  wrongExpectedVersion: 'EB001',
  duplicateEventId: 'EB002',
} as const;

/**
 * What both append functions return (one row per event) and how they run: plpgsql, with
 * `enable_seqscan = off` for their statements (see APPEND_FUNCTION).
 */
const APPEND_RESULT_AND_LANGUAGE = `returns table (
    event_version integer,
    version_after integer,
    event_transaction_id text,
    event_sequence text,
    already_stored boolean
  )
  language plpgsql
  set enable_seqscan = off
  as $fn$
`;

/**
 * How both append functions tell a retried append (its rows, `already_stored`) from a reused id
 * (EB002) and from a wrong expected version (EB001), under the stream's lock. Migration 2 runs it
 * before every insert; migration 3 only when its insert inserted nothing.
 */
const RETRY_AND_VERSION_CHECKS = `    select coalesce((select e.stream_version from ebp_events e where e.stream_id = p_stream_id
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
`;

/**
 * The append function as migration 2 released it (decision 0026): lock, a look-up of the stream's
 * version and of stored ids, the checks, then the insert, as four statements. Migration 3 adds
 * `ebp_append` (APPEND_FUNCTION), which the store calls from then on; this one stays, so that a
 * process of the earlier release can go on appending during an upgrade (both take the same lock).
 */
const FIRST_APPEND_FUNCTION = `
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
  ) ${APPEND_RESULT_AND_LANGUAGE}  declare
    v_actual integer;
    v_stored integer;
    v_same_append boolean;
  begin
    perform pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));

    -- One statement, planned with the actual values: the stream's version, and how many of the
    -- ids are already stored (almost always none).
${RETRY_AND_VERSION_CHECKS}
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
 * One append in one round trip (decisions 0026, 0032). First the stream's transaction-scoped
 * advisory lock, before any write, so that the transaction id is assigned only once the lock is
 * held (per-stream order equals log order, decision 0005). Then one statement does the usual
 * case: it reads the stream's version and inserts every event, but only if the expected version
 * holds and none of the ids is stored yet. When it inserts nothing, the function works out why: a
 * retried append of the same events (returned as stored, `already_stored`), any other reuse of a
 * stored id (EB002, the stored ids in DETAIL), or a wrong expected version (EB001, the actual
 * version in DETAIL). `p_expected` is 'any', 'no_stream', 'stream_exists' or 'exact' (then
 * `p_expected_version` is the version). One row per event, in no promised order.
 *
 * Data and metadata come as two JSON arrays, one element per event, not as `jsonb[]`: an array
 * literal escapes every quote of every event's JSON on the way in and unescapes it on arrival,
 * which at 100 events an append cost more than the database's own work.
 *
 * Its parameters and result columns are frozen: the store prepares its call once per connection,
 * and a running process must not find them changed under it. A different shape is a new function.
 *
 * `enable_seqscan = off`, for this function's statements only: plpgsql caches its statements'
 * plans, and after five calls may switch to a generic plan chosen while the table was small and
 * unanalyzed (a sequential scan), then keep it as the table grows. Every look-up here has its
 * index, so forbidding sequential scans keeps the cached plan right at any size; it is cheaper
 * than `plan_cache_mode = force_custom_plan`, which plans every statement again on every call.
 */
const APPEND_FUNCTION = `
  create function ebp_append(
    p_stream_id text,
    p_expected text,
    p_expected_version integer,
    p_event_ids uuid[],
    p_types text[],
    p_schema_versions integer[],
    p_data jsonb,
    p_metadata jsonb,
    p_recorded_at timestamptz[]
  ) ${APPEND_RESULT_AND_LANGUAGE}  declare
    v_inserted integer;
    v_actual integer;
    v_stored integer;
    v_same_append boolean;
  begin
    if jsonb_array_length(p_data) <> cardinality(p_event_ids)
        or jsonb_array_length(p_metadata) <> cardinality(p_event_ids) then
      raise exception 'Stream %: % event ids, but % data and % metadata',
        p_stream_id, cardinality(p_event_ids), jsonb_array_length(p_data),
        jsonb_array_length(p_metadata)
        using errcode = '22023';
    end if;
    perform pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));

    -- The usual case, in one statement: the stream's version, the expected version holds, no id
    -- is stored yet, and the insert. It inserts every event or none.
    return query
      with state as (
        select coalesce((select e.stream_version from ebp_events e where e.stream_id = p_stream_id
                         order by e.stream_version desc limit 1), 0) as actual
      ), inserted as (
        insert into ebp_events as e
          (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
        select given.event_id, p_stream_id, state.actual + given.ordinal::integer, given.type,
               given.schema_version, p_data -> (given.ordinal::integer - 1),
               p_metadata -> (given.ordinal::integer - 1), given.recorded_at
        from state,
             unnest(p_event_ids, p_types, p_schema_versions, p_recorded_at)
               with ordinality
               as given(event_id, type, schema_version, recorded_at, ordinal)
        where (p_expected = 'any'
               or (p_expected = 'no_stream' and state.actual = 0)
               or (p_expected = 'stream_exists' and state.actual > 0)
               or (p_expected = 'exact' and p_expected_version = state.actual))
          and not exists (select from ebp_events stored where stored.event_id = any(p_event_ids))
        order by given.ordinal
        returning e.stream_version, e.transaction_id, e.position
      )
      select i.stream_version, (select state.actual from state) + cardinality(p_event_ids),
             i.transaction_id::text, i.position::text, false
      from inserted i;
    get diagnostics v_inserted = row_count;
    if v_inserted > 0 then
      return;
    end if;

    -- Nothing inserted: a retried append, a reused id, or a wrong expected version. Worked out
    -- as migration 2 did, under the same lock.
${RETRY_AND_VERSION_CHECKS}    -- Only an append of no events gets here: there was nothing to insert.
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
    sql: FIRST_APPEND_FUNCTION,
  },
  {
    version: 3,
    name: 'ebp_append: look-ups, checks and insert in one statement',
    sql: APPEND_FUNCTION,
  },
];
