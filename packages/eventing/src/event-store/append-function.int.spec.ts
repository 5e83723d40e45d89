// The one-round-trip append (decisions 0026, 0032): what the contract suite cannot see from outside.
import { loadEngineSettings } from '@ebp/platform';
import { migrate } from '../sql/migrations';
import { createPostgresClient } from '../sql/pg-client';
import type { SqlClient } from '../sql/sql-client';
import { sqlStatements } from '../sql/statement-count';
import { testEvent, uniqueName } from '../testing/events';
import { sqlTargets, type SqlTarget } from '../testing/sql-targets';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { eventStoreMigrations } from './schema';
import { SqlEventStore } from './sql-event-store';

const events = (count: number) => Array.from({ length: count }, () => testEvent());

/** One connection, so that the statistics read below are the appending backend's own. */
function singleConnection(target: SqlTarget): Promise<SqlClient> {
  return target.name === 'PostgreSQL'
    ? createPostgresClient({
        url: loadEngineSettings().postgres.url,
        schema: uniqueName('plan'),
        maxConnections: 1,
      })
    : target.create();
}

describe.each(sqlTargets())('the append function on $name', (target) => {
  describe('one round trip', () => {
    let sql: SqlClient;
    let store: SqlEventStore;

    beforeAll(async () => {
      sql = await target.create();
      store = await SqlEventStore.open(sql);
    });

    afterAll(async () => {
      await sql.close();
    });

    it('sends one statement per append, however many events, and one per refused append', async () => {
      const before = sqlStatements.snapshot();
      await store.append('one-trip', events(1), { expectedVersion: 'no_stream' });
      await store.append('one-trip', events(500), { expectedVersion: 1 });
      await expect(
        store.append('one-trip', events(1), { expectedVersion: 7 }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(sqlStatements.since(before).total).toBe(3);
    });
  });

  describe('arguments that do not agree', () => {
    let sql: SqlClient;

    beforeAll(async () => {
      sql = await target.create();
      await SqlEventStore.open(sql);
    });

    afterAll(async () => {
      await sql.close();
    });

    it('refuses data or metadata for more or fewer events than ids, and stores nothing', async () => {
      const [event] = events(1);
      const call = (data: unknown[], metadata: unknown[]) =>
        sql.query('select * from ebp_append($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
          'disagreeing',
          'any',
          null,
          [event!.id],
          [event!.type],
          [event!.schemaVersion],
          JSON.stringify(data),
          JSON.stringify(metadata),
          [event!.metadata.recordedAt],
        ]);
      await expect(call([event!.data, event!.data], [event!.metadata])).rejects.toMatchObject({
        code: '22023',
      });
      await expect(call([event!.data], [])).rejects.toMatchObject({ code: '22023' });
      const { rows } = await sql.query('select 1 from ebp_events where stream_id = $1', [
        'disagreeing',
      ]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('an append larger than one call', () => {
    let sql: SqlClient;
    let store: SqlEventStore;

    beforeAll(async () => {
      sql = await target.create();
      store = await SqlEventStore.open(sql, { eventsPerCall: 3 });
    });

    afterAll(async () => {
      await sql.close();
    });

    it('stores all the parts in order, or none when a later part fails', async () => {
      const batch = events(10);
      const result = await store.append('chunked', batch, { expectedVersion: 'no_stream' });
      expect(result).toMatchObject({ streamVersion: 10, alreadyStored: false });
      const read = await store.readStream('chunked');
      expect(read.map((event) => event.id)).toEqual(batch.map((event) => event.id));
      expect(read.map((event) => event.position)).toEqual(result.positions);

      // The eighth event (third part) reuses a stored id: the first two parts are rolled back.
      const reusing = [...events(7), batch[0]!, ...events(2)];
      await expect(
        store.append('chunked', reusing, { expectedVersion: 10 }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.streamVersion('chunked')).toBe(10);
    });

    it('refuses a wrong expected version with the actual one, before writing any part', async () => {
      await store.append('chunked-conflict', events(2), { expectedVersion: 'no_stream' });
      await expect(
        store.append('chunked-conflict', events(8), { expectedVersion: 5 }),
      ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 5, actual: 2 });
      expect(await store.streamVersion('chunked-conflict')).toBe(2);
    });

    it('returns the first result for a retry, and refuses parts of different appends', async () => {
      const first = events(4);
      const second = events(4);
      const stored = await store.append('chunked-retry', first, { expectedVersion: 'no_stream' });
      await store.append('chunked-retry', second, { expectedVersion: 4 });
      const retry = await store.append('chunked-retry', first, { expectedVersion: 'no_stream' });
      expect(retry).toEqual({ ...stored, streamVersion: 8, alreadyStored: true });

      // Every id is stored in this stream, but not as one append in this order.
      const mixed = [...first.slice(0, 3), ...second.slice(0, 3)];
      await expect(
        store.append('chunked-retry', mixed, { expectedVersion: 'no_stream' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.streamVersion('chunked-retry')).toBe(8);
    });
  });

  describe('a database made by an earlier release', () => {
    let sql: SqlClient;

    beforeAll(async () => {
      sql = await target.create();
    });

    afterAll(async () => {
      await sql.close();
    });

    it('keeps its streams going after migration 3, through either function', async () => {
      await migrate(sql, 'event-store', eventStoreMigrations.slice(0, 2));
      // What a process of the release with migration 2 sends for an append.
      const appendAsEarlierRelease = (
        batch: ReturnType<typeof events>,
        expected: 'no_stream' | 'exact',
        version: number | null,
      ) =>
        sql.query<{ event_version: number; already_stored: boolean }>(
          'select * from ebp_append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            'upgraded',
            expected,
            version,
            batch.map((event) => event.id),
            batch.map((event) => event.type),
            batch.map((event) => event.schemaVersion),
            batch.map((event) => JSON.stringify(event.data)),
            batch.map((event) => JSON.stringify(event.metadata)),
            batch.map((event) => event.metadata.recordedAt),
          ],
        );
      const first = events(2);
      expect((await appendAsEarlierRelease(first, 'no_stream', null)).rows).toHaveLength(2);

      const store = await SqlEventStore.open(sql);
      const retried = await store.append('upgraded', first, { expectedVersion: 'no_stream' });
      expect(retried).toMatchObject({ streamVersion: 2, alreadyStored: true });
      const next = events(1);
      expect(await store.append('upgraded', next, { expectedVersion: 2 })).toMatchObject({
        streamVersion: 3,
        alreadyStored: false,
      });
      // A process still on the earlier release, mid-upgrade, appends after the new one.
      const last = events(1);
      expect((await appendAsEarlierRelease(last, 'exact', 3)).rows).toHaveLength(1);
      const stored = await store.readStream('upgraded');
      expect(stored.map((event) => [event.id, event.streamVersion, event.data])).toEqual(
        [...first, ...next, ...last].map((event, index) => [event.id, index + 1, event.data]),
      );
    });
  });

  describe('plans as the table grows', () => {
    let sql: SqlClient;
    let store: SqlEventStore;

    beforeAll(async () => {
      sql = await singleConnection(target);
      store = await SqlEventStore.open(sql, { validate: false });
      // No ANALYZE behind the test's back: the table stays as unanalyzed as a new PGlite's.
      await sql.query('alter table ebp_events set (autovacuum_enabled = false)');
    });

    afterAll(async () => {
      await sql.close();
    });

    async function scans(): Promise<{ seq: number; idx: number }> {
      // Statistics reach the shared counters when the backend flushes them; force that now.
      await sql.query('select pg_stat_force_next_flush()');
      const { rows } = await sql.query<{ seq: string; idx: string | null }>(
        `select seq_scan::text as seq, idx_scan::text as idx from pg_stat_user_tables
         where relid = 'ebp_events'::regclass`,
      );
      return { seq: Number(rows[0]?.seq ?? 0), idx: Number(rows[0]?.idx ?? 0) };
    }

    it('uses the indexes after the table grew from empty and unanalyzed to 100k events', async () => {
      // Plans settle while the table is empty: plpgsql would switch to a generic plan here.
      for (let index = 0; index < 20; index += 1) {
        await store.append(`small-${index}`, events(1), { expectedVersion: 'no_stream' });
      }
      for (let stream = 0; stream < 100; stream += 1) {
        await store.append(`bulk-${stream}`, events(1_000), { expectedVersion: 'no_stream' });
      }
      const { rows } = await sql.query<{ count: string }>(
        'select count(*)::text as count from ebp_events',
      );
      expect(Number(rows[0]?.count)).toBeGreaterThanOrEqual(100_000);
      const { rows: analyzed } = await sql.query<{ analyzed: boolean }>(
        `select (last_analyze is not null or last_autoanalyze is not null) as analyzed
         from pg_stat_user_tables where relid = 'ebp_events'::regclass`,
      );
      expect(analyzed[0]?.analyzed).toBe(false);

      const before = await scans();
      for (let stream = 0; stream < 50; stream += 1) {
        await store.append(`bulk-${stream}`, events(1), { expectedVersion: 1_000 });
      }
      const after = await scans();
      expect({ sequentialScans: after.seq - before.seq }).toEqual({ sequentialScans: 0 });
      expect(after.idx - before.idx).toBeGreaterThanOrEqual(50);
    });
  });
});
