import { ContractViolationError } from '@ebp/contracts';
import type { SqlClient } from '../sql/sql-client';
import { testEvent } from '../testing/events';
import { sqlTargets } from '../testing/sql-targets';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { LOG_START, compareLogPositions, type LogPosition } from './log-position';
import { SqlEventStore } from './sql-event-store';
import { UpcasterRegistry } from './upcasting';

describe.each(sqlTargets())('EventStore contract on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
  });

  afterAll(async () => {
    await sql.close();
  });

  const numbered = (count: number, type = 'test.thing.happened') =>
    Array.from({ length: count }, (_, index) => testEvent({ type, data: { n: index + 1 } }));

  function expectAscending(positions: readonly LogPosition[]): void {
    for (let index = 1; index < positions.length; index += 1) {
      expect(compareLogPositions(positions[index - 1]!, positions[index]!)).toBe(-1);
    }
  }

  describe('append and read a stream', () => {
    it('numbers a new stream from version 1 and reads it back in order with data and metadata', async () => {
      const events = numbered(3);
      const result = await store.append('project-append-1', events, {
        expectedVersion: 'no_stream',
      });
      expect(result).toMatchObject({
        streamId: 'project-append-1',
        streamVersion: 3,
        alreadyStored: false,
      });
      expectAscending(result.positions);

      const read = await store.readStream('project-append-1');
      expect(read.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(read[1]).toMatchObject({
        type: events[1]!.type,
        data: { n: 2 },
        metadata: events[1]!.metadata,
      });
      expect(read.map((event) => event.position)).toEqual(result.positions);
      expect(await store.streamVersion('project-append-1')).toBe(3);
      expect(await store.streamVersion('project-never-written')).toBe(0);
      expect(await store.readStream('project-never-written')).toEqual([]);
    });

    it('continues a stream at the expected version', async () => {
      await store.append('project-append-2', numbered(2), { expectedVersion: 'no_stream' });
      const next = await store.append('project-append-2', numbered(1), { expectedVersion: 2 });
      expect(next.streamVersion).toBe(3);
      await store.append('project-append-2', numbered(1), { expectedVersion: 'stream_exists' });
      await store.append('project-append-2', numbered(1), { expectedVersion: 'any' });
      expect(await store.streamVersion('project-append-2')).toBe(5);
    });
  });

  describe('optimistic concurrency', () => {
    it.each([
      ['a stale version number', 1, 2],
      ['a version ahead of the stream', 5, 2],
      ['no_stream on an existing stream', 'no_stream' as const, 2],
    ])(
      'refuses %s with a typed error naming expected and actual',
      async (_label, expected, actual) => {
        const streamId = `project-conflict-${String(expected)}`;
        await store.append(streamId, numbered(2), { expectedVersion: 'no_stream' });
        const attempt = store.append(streamId, numbered(1), { expectedVersion: expected });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(attempt).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          streamId,
          expected,
          actual,
        });
        expect(await store.streamVersion(streamId)).toBe(2);
      },
    );

    it('refuses stream_exists on a stream with no events', async () => {
      await expect(
        store.append('project-empty', numbered(1), { expectedVersion: 'stream_exists' }),
      ).rejects.toMatchObject({ expected: 'stream_exists', actual: 0 });
    });
  });

  describe('atomic and idempotent appends', () => {
    it('stores all of a multi-event append or none of it', async () => {
      const [first, second] = numbered(2);
      // The third event reuses the first one's id: the database refuses the batch as a whole.
      const batch = [first!, second!, { ...testEvent(), id: first!.id }];
      await expect(
        store.append('project-atomic', batch, { expectedVersion: 'no_stream' }),
      ).rejects.toThrow();
      expect(await store.readStream('project-atomic')).toEqual([]);
    });

    it('stores a retried append once and returns the first result', async () => {
      const events = numbered(3);
      const first = await store.append('project-retry', events, { expectedVersion: 'no_stream' });
      const retry = await store.append('project-retry', events, { expectedVersion: 'no_stream' });
      expect(retry).toEqual({ ...first, alreadyStored: true });
      expect(await store.readStream('project-retry')).toHaveLength(3);
    });

    it('refuses an event id reused by a different append', async () => {
      const events = numbered(2);
      await store.append('project-reuse-a', events, { expectedVersion: 'no_stream' });
      await expect(
        store.append('project-reuse-b', [events[0]!], { expectedVersion: 'no_stream' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(
        store.append('project-reuse-a', [events[1]!, testEvent()], { expectedVersion: 2 }),
      ).rejects.toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
      expect(await store.streamVersion('project-reuse-b')).toBe(0);
    });

    it('validates every envelope before writing anything', async () => {
      const bad = { ...testEvent(), type: 'NotAnEventName' };
      await expect(
        store.append('project-invalid', [testEvent(), bad], { expectedVersion: 'no_stream' }),
      ).rejects.toBeInstanceOf(ContractViolationError);
      expect(await store.streamVersion('project-invalid')).toBe(0);
    });
  });

  describe('the global log', () => {
    it('reads everything in global order, page by page from a checkpoint, each event once', async () => {
      const appended: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        for (const stream of ['log-a', 'log-b', 'log-c']) {
          const events = numbered(2);
          await store.append(stream, events, { expectedVersion: 'any' });
          appended.push(...events.map((event) => event.id));
        }
      }
      const seen: string[] = [];
      let checkpoint: LogPosition = LOG_START;
      for (;;) {
        const page = await store.readAll({ after: checkpoint, limit: 7 });
        if (page.length === 0) break;
        expectAscending(page.map((event) => event.position));
        seen.push(...page.map((event) => event.id));
        checkpoint = page[page.length - 1]!.position;
      }
      expect(seen.filter((id) => appended.includes(id))).toEqual(appended);
      expect(new Set(seen).size).toBe(seen.length);
      expect(await store.headPosition()).toBe(checkpoint);
      expect(await store.countAfter(LOG_START)).toBe(seen.length);
      expect(await store.countAfter(checkpoint)).toBe(0);
    });

    it('keeps each stream in version order within the global order', async () => {
      for (let version = 0; version < 10; version += 1) {
        await store.append('ordered', numbered(1), { expectedVersion: version });
        await store.append(`interleaved-${version % 3}`, numbered(1), { expectedVersion: 'any' });
      }
      const all = await store.readAll({ limit: 10_000 });
      const versions = all
        .filter((event) => event.streamId === 'ordered')
        .map((event) => event.streamVersion);
      expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('reads the log up to a position', async () => {
      const result = await store.append('upto-all', numbered(3), { expectedVersion: 'no_stream' });
      await store.append('upto-all', numbered(2), { expectedVersion: 3 });
      const upTo = result.positions[2]!;
      const all = await store.readAll({ limit: 10_000, upTo });
      expect(all.at(-1)?.position).toBe(upTo);
      expect(all.every((event) => compareLogPositions(event.position, upTo) <= 0)).toBe(true);
      expect(await store.countAfter(LOG_START, upTo)).toBe(all.length);
    });
  });

  describe('time travel', () => {
    it('reads a stream as of a position and as of a time', async () => {
      const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T12:00:00.000Z`;
      const events = [1, 10, 20, 30].map((day) =>
        testEvent({ metadata: { recordedAt: at(day) }, data: { day } }),
      );
      const results = [];
      for (const [index, event] of events.entries()) {
        results.push(
          await store.append('time-travel', [event], {
            expectedVersion: index === 0 ? 'no_stream' : index,
          }),
        );
      }
      const asOfPosition = await store.readStream('time-travel', {
        upTo: results[1]!.positions[0]!,
      });
      expect(asOfPosition.map((event) => event.data.day)).toEqual([1, 10]);
      const asOfTime = await store.readStream('time-travel', {
        asOf: new Date('2026-03-25T00:00:00Z'),
      });
      expect(asOfTime.map((event) => event.data.day)).toEqual([1, 10, 20]);
      const fromVersion = await store.readStream('time-travel', { fromVersion: 3 });
      expect(fromVersion.map((event) => event.streamVersion)).toEqual([3, 4]);
    });
  });

  describe('upcasting and migrations', () => {
    it('lifts old schema versions on read, leaving stored events unchanged', async () => {
      const upcasting = await SqlEventStore.open(sql, {
        upcasters: new UpcasterRegistry([
          {
            type: 'test.project.renamed',
            fromVersion: 1,
            upcast: (data) => ({ ...data, title: data.name, name: undefined }),
          },
          {
            type: 'test.project.renamed',
            fromVersion: 2,
            upcast: (data) => ({ title: data.title, reason: 'not recorded' }),
          },
        ]),
      });
      await upcasting.append(
        'upcast-1',
        [
          testEvent({
            type: 'test.project.renamed',
            schemaVersion: 1,
            data: { name: 'Old title' },
          }),
          testEvent({
            type: 'test.project.renamed',
            schemaVersion: 3,
            data: { title: 'New', reason: 'scope' },
          }),
        ],
        { expectedVersion: 'no_stream' },
      );
      const read = await upcasting.readStream('upcast-1');
      expect(read.map((event) => [event.schemaVersion, event.data])).toEqual([
        [3, { title: 'Old title', reason: 'not recorded' }],
        [3, { title: 'New', reason: 'scope' }],
      ]);
      const raw = await store.readStream('upcast-1');
      expect(raw[0]).toMatchObject({ schemaVersion: 1, data: { name: 'Old title' } });
    });

    it("reads events stored before the one spelling (decision 0023) in today's spelling, metadata too", async () => {
      await store.append(
        'respelt-1',
        [
          testEvent({
            type: 'register.project.completed',
            schemaVersion: 1,
            data: { findings: { effectDirection: 'no-effect', summary: 'in-progress' } },
          }),
        ],
        { expectedVersion: 'no_stream' },
      );
      await sql.query(
        `update ebp_events set metadata = jsonb_set(metadata, '{classification}', '"OFFICIAL-SENSITIVE"')
         where stream_id = 'respelt-1'`,
      );
      const [read] = await store.readStream('respelt-1');
      expect(read).toMatchObject({
        schemaVersion: 2,
        data: { findings: { effectDirection: 'no_effect', summary: 'in-progress' } },
        metadata: { classification: 'OFFICIAL_SENSITIVE' },
      });
      const [raw] = (
        await sql.query<{ data: unknown }>(
          `select data from ebp_events where stream_id = 'respelt-1'`,
        )
      ).rows;
      expect(raw).toMatchObject({ data: { findings: { effectDirection: 'no-effect' } } });
    });

    it('records applied migrations and applies each once, however often the store opens', async () => {
      await SqlEventStore.open(sql);
      await SqlEventStore.open(sql);
      const { rows } = await sql.query<{ version: number; name: string }>(
        "select version, name from ebp_schema_migrations where component = 'event-store' order by version",
      );
      expect(rows).toEqual([
        { version: 1, name: 'events table' },
        { version: 2, name: 'one-round-trip append function' },
        { version: 3, name: 'ebp_append: look-ups, checks and insert in one statement' },
      ]);
    });
  });
});
