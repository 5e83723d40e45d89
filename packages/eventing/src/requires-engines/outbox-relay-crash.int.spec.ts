// kill -9 of the outbox relay process at random moments during a 100,000-event load, repeated:
// every event id must reach Kafka. Duplicates are expected (at-least-once) and reported.
import { join } from 'node:path';
import { EVENT_HEADERS } from '@ebp/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { loadEngineSettings } from '@ebp/platform';
import { KafkaBus } from '../bus/kafka-bus';
import { SqlEventStore } from '../event-store/sql-event-store';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import type { SqlClient } from '../sql/sql-client';
import { testEvent, uniqueName } from '../testing/events';
import { postgresTarget } from '../testing/sql-targets';
import { waitFor } from '../testing/wait';
import { startWorker, type WorkerProcess } from '../testing/worker-process';

const relayWorker = join(__dirname, '..', 'testing', 'workers', 'relay-worker.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EVENTS = 100_000;

describe('outbox relay under kill -9 (PostgreSQL to Kafka)', () => {
  let sql: SqlClient;
  const settings = loadEngineSettings();
  const kafka = new Kafka({
    clientId: 'relay-crash-test',
    brokers: [...settings.kafka.brokers],
    logLevel: logLevel.NOTHING,
  });

  beforeAll(async () => {
    sql = await postgresTarget.create();
  });

  afterAll(async () => {
    await sql.close();
  });

  async function topicSize(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    return offsets.reduce(
      (sum, partition) => sum + Number(partition.high) - Number(partition.low),
      0,
    );
  }

  async function readEventIds(topic: string, expected: number): Promise<string[]> {
    const ids: string[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('relay-crash-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages)
          ids.push(message.headers?.[EVENT_HEADERS.eventId]?.toString() ?? '');
      },
    });
    await waitFor(
      'the whole topic to be read',
      () => ids.length,
      (count) => count >= expected,
      120_000,
    );
    await consumer.disconnect();
    return ids;
  }

  it('delivers every event id to Kafka across repeated crashes of the relay', async () => {
    const store = await SqlEventStore.open(sql);
    await SqlCheckpointStore.open(sql);
    const schema = (await sql.query<{ schema: string }>('select current_schema() as schema'))
      .rows[0]!.schema;
    const topic = uniqueName('relay.crash').replace(/_/g, '-');
    const bus = await KafkaBus.connect({
      brokers: settings.kafka.brokers,
      clientId: 'relay-crash-setup',
    });
    await bus.createTopics([{ name: topic, partitions: 6 }]);
    await bus.close();
    const env = { WORKER_SCHEMA: schema, WORKER_TOPIC: topic, WORKER_LEASE_MS: '1500' };

    let loading = true;
    const load = (async () => {
      await Promise.all(
        Array.from({ length: 4 }, async (_, writer) => {
          for (let batch = 0; batch < EVENTS / 4 / 100; batch += 1) {
            const events = Array.from({ length: 100 }, (_, index) =>
              testEvent({ type: 'test.load.happened', data: { value: index } }),
            );
            await store.append(`load-${writer}-${batch % 50}`, events, { expectedVersion: 'any' });
          }
        }),
      );
      loading = false;
    })();

    let kills = 0;
    const killedAfter: number[] = [];
    let worker: WorkerProcess | undefined;
    while (loading || kills < 5) {
      worker = startWorker(relayWorker, env);
      await worker.waitForLine((line) => line === 'relay started');
      // Kill it while it is publishing: after its first batch (once it holds the lease), at a random moment.
      await worker.waitForLine((line) => line.startsWith('published '), 30_000);
      await sleep(Math.floor(Math.random() * 400));
      await worker.kill9();
      killedAfter.push(worker.lines.filter((line) => line.startsWith('published ')).length);
      kills += 1;
    }
    await load;

    worker = startWorker(relayWorker, env);
    try {
      await worker.waitForLine((line) => line === 'relay started');
      const checkpoints = await SqlCheckpointStore.open(sql);
      const head = await store.headPosition();
      // The relay advances its checkpoint only after Kafka acknowledged the batch.
      await waitFor(
        'the relay checkpoint to reach the head',
        () => checkpoints.position('outbox-relay'),
        (position) => position === head,
        180_000,
      );
    } finally {
      await worker.kill9();
    }

    const size = await topicSize(topic);
    const ids = await readEventIds(topic, size);
    const { rows } = await sql.query<{ id: string }>('select event_id::text as id from ebp_events');
    const unique = new Set(ids);
    const missing = rows.filter((row) => !unique.has(row.id)).length;
    console.log(
      `relay crash test: ${kills} kill -9s during a ${EVENTS}-event load; topic holds ${ids.length} messages, ` +
        `${unique.size} distinct event ids, ${ids.length - unique.size} duplicates, ${missing} missing; ` +
        `batches each relay published before its kill: ${killedAfter.join(', ')}`,
    );
    expect(rows).toHaveLength(EVENTS);
    expect(missing).toBe(0);
    expect(unique.size).toBe(EVENTS);
  });
});
