// Races that only a real PostgreSQL can show (PGlite has a single connection).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadEngineSettings } from '@ebp/platform';
import { WrongExpectedVersionError } from '../event-store/errors';
import type { StoredEvent } from '../event-store/event-store';
import {
  LOG_START,
  compareLogPositions,
  logPosition,
  parseLogPosition,
  type LogPosition,
} from '../event-store/log-position';
import { SqlEventStore } from '../event-store/sql-event-store';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import { EventProcessor } from '../processors/event-processor';
import type { SqlClient } from '../sql/sql-client';
import { testEvent } from '../testing/events';
import { postgresTarget } from '../testing/sql-targets';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('event store races on PostgreSQL', () => {
  let sql: SqlClient;
  let store: SqlEventStore;

  beforeAll(async () => {
    sql = await postgresTarget.create();
    store = await SqlEventStore.open(sql);
  });

  afterAll(async () => {
    await sql.close();
  });

  it('8 writers with stale expected versions on 100 streams: one winner per version, contiguous versions, typed conflicts', async () => {
    const streams = Array.from({ length: 100 }, (_, index) => `race-${index}`);
    const wins = new Map<string, number[]>();
    let conflicts = 0;
    const otherErrors: unknown[] = [];

    async function writer(seed: number): Promise<void> {
      for (let round = 0; round < 5; round += 1) {
        for (let index = 0; index < streams.length; index += 1) {
          const streamId = streams[(index * 7 + seed * 13 + round) % streams.length]!;
          const seenVersion = await store.streamVersion(streamId);
          // Give the other writers time to move the stream on: this writer's version goes stale.
          if ((index + seed) % 3 === 0) await sleep(1);
          try {
            const result = await store.append(streamId, [testEvent({ data: { writer: seed } })], {
              expectedVersion: seenVersion,
            });
            wins.set(streamId, [...(wins.get(streamId) ?? []), result.streamVersion]);
          } catch (error) {
            if (
              error instanceof WrongExpectedVersionError &&
              error.expected === seenVersion &&
              error.actual > seenVersion
            ) {
              conflicts += 1;
            } else {
              otherErrors.push(error);
            }
          }
        }
      }
    }

    await Promise.all(Array.from({ length: 8 }, (_, seed) => writer(seed)));
    expect(otherErrors).toEqual([]);
    expect(conflicts).toBeGreaterThan(0);
    let totalWins = 0;
    for (const streamId of streams) {
      const versions = (await store.readStream(streamId)).map((event) => event.streamVersion);
      const won = [...(wins.get(streamId) ?? [])].sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, index) => index + 1));
      expect(won).toEqual(versions); // exactly one winner per version
      totalWins += won.length;
    }
    console.log(
      `8 writers x 100 streams x 5 rounds: ${totalWins} appends won, ${conflicts} refused as stale`,
    );
    expect(totalWins + conflicts).toBe(8 * 100 * 5);
  });

  it('a transaction held open while thousands of later events commit: no processor passes it, then all are delivered', async () => {
    const checkpoints = await SqlCheckpointStore.open(sql);
    const before = await store.headPosition();
    const delivered: StoredEvent[] = [];
    const progress: LogPosition[] = [];
    const processor = new EventProcessor(store, checkpoints, {
      name: `gap-${randomUUID()}`,
      startAfter: before,
      batchSize: 250,
      pollIntervalMs: 10,
      handle: async (events) => void delivered.push(...events),
      onProgress: ({ position }) => progress.push(position),
    });
    processor.start();

    const holder = new Client({ connectionString: loadEngineSettings().postgres.url });
    await holder.connect();
    const schema = (await sql.query<{ schema: string }>('select current_schema() as schema'))
      .rows[0]!.schema;
    await holder.query(`set search_path = ${schema}`);
    await holder.query('begin');
    const held = testEvent();
    const { rows } = await holder.query<{ transaction_id: string; position: string }>(
      `insert into ebp_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
       values ($1, 'held-open', 1, $2, 1, '{}', $3, now())
       returning transaction_id::text as transaction_id, position::text as position`,
      [held.id, held.type, JSON.stringify(held.metadata)],
    );
    const heldPosition = logPosition(rows[0]!.transaction_id, rows[0]!.position);

    // 4 writers commit 3,000 events while the held transaction stays open for several seconds.
    const later: string[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async (_, writer) => {
        for (let batch = 0; batch < 75; batch += 1) {
          const events = Array.from({ length: 10 }, () => testEvent());
          await store.append(`after-${writer}-${batch}`, events, { expectedVersion: 'no_stream' });
          later.push(...events.map((event) => event.id));
        }
      }),
    );
    await sleep(3_000);
    const deliveredWhileHeld = delivered
      .map((event) => event.id)
      .filter((id) => later.includes(id));
    const passed = progress.filter((position) => compareLogPositions(position, heldPosition) >= 0);
    expect({
      deliveredWhileHeld: deliveredWhileHeld.length,
      checkpointsPastHeld: passed.length,
    }).toEqual({
      deliveredWhileHeld: 0,
      checkpointsPastHeld: 0,
    });

    await holder.query('commit');
    await holder.end();
    for (let waited = 0; waited < 300 && delivered.length < later.length + 1; waited += 1)
      await sleep(50);
    await processor.stop();

    const ids = delivered.map((event) => event.id);
    const start = before ?? LOG_START;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(held.id);
    const { rows: table } = await sql.query<{ id: string }>(
      `select event_id::text as id from ebp_events
       where (transaction_id, position) > ($1::text::xid8, $2::bigint)`,
      [
        parseLogPosition(start).transactionId.toString(),
        parseLogPosition(start).sequence.toString(),
      ],
    );
    expect(new Set(ids)).toEqual(new Set(table.map((row) => row.id)));
    expect(ids).toHaveLength(later.length + 1);
    console.log(
      `held transaction: ${later.length} later events committed meanwhile; delivered ${ids.length}, none early`,
    );
  });
});
