// Projections fed from Kafka into MongoDB (FerretDB) under real faults: two projector processes in
// one consumer group, each killed with SIGKILL at random moments during the load; poison
// messages among the good ones; and a reset of the group to the earliest offset. The oracle is a
// fresh full replay of the event store, computed independently in memory.
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { loadEngineSettings } from '@ebp/platform';
import { DEAD_LETTER_HEADERS, type ReceivedMessage } from '../bus/bus';
import { KafkaBus } from '../bus/kafka-bus';
import { MongoDocumentStore } from '../documents/mongo-document-store';
import type { StoredEvent } from '../event-store/event-store';
import { SqlEventStore } from '../event-store/sql-event-store';
import { createOutboxRelay } from '../outbox/outbox-relay';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import { projectionCollectionName } from '../projections/projection';
import type { SqlClient } from '../sql/sql-client';
import { testEvent, uniqueName } from '../testing/events';
import { postgresTarget } from '../testing/sql-targets';
import { waitFor } from '../testing/wait';
import { streamTally, type StreamTally } from '../testing/workers/stream-tally';
import { startWorker, type WorkerProcess } from '../testing/worker-process';

const projectorWorker = join(__dirname, '..', 'testing', 'workers', 'projector-worker.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replayInMemory(events: readonly StoredEvent[]): Map<string, StreamTally> {
  const tallies = new Map<string, StreamTally>();
  for (const event of events) {
    if (!streamTally.handles.includes(event.type)) continue;
    const next = streamTally.evolve(tallies.get(event.streamId) ?? null, event);
    if (next) tallies.set(event.streamId, next);
  }
  return tallies;
}

describe('projector processes under kill -9 (Kafka to MongoDB)', () => {
  const settings = loadEngineSettings();
  const kafka = new Kafka({
    clientId: 'projector-crash-test',
    brokers: [...settings.kafka.brokers],
    logLevel: logLevel.NOTHING,
  });
  const topic = uniqueName('projector.crash').replace(/_/g, '-');
  const groupId = uniqueName('projectors');
  const database = uniqueName('projector_crash');
  let sql: SqlClient;
  let store: SqlEventStore;
  let bus: KafkaBus;
  let documents: MongoDocumentStore;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sql = await postgresTarget.create();
    store = await SqlEventStore.open(sql);
    bus = await KafkaBus.connect({
      brokers: settings.kafka.brokers,
      clientId: 'projector-crash-test',
    });
    await bus.createTopics([
      { name: topic, partitions: 6 },
      { name: `${topic}.dead-letter`, partitions: 1 },
    ]);
    documents = await MongoDocumentStore.connect(settings.mongo.url, database);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill9()));
    await bus.close();
    await documents.close();
    await sql.close();
  });

  const env = { WORKER_DATABASE: database, WORKER_GROUP: groupId, WORKER_TOPIC: topic };

  async function startProjector(): Promise<WorkerProcess> {
    const worker = startWorker(projectorWorker, env);
    await worker.waitForLine((line) => line === 'projector started');
    return worker;
  }

  async function readModel(): Promise<Map<string, StreamTally>> {
    const { items } = await documents
      .collection<StreamTally>(projectionCollectionName(streamTally))
      .find({ limit: 100_000 });
    return new Map(items.map((item) => [item.id, item.body]));
  }

  async function waitForGroupEmpty(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      'the consumer group to have no members',
      async () => (await admin.describeGroups([groupId])).groups[0]?.state,
      (state) => state === 'Empty' || state === 'Dead',
      60_000,
    );
    await admin.disconnect();
  }

  const step = (text: string) =>
    process.env.EBP_TEST_VERBOSE && console.log(`${new Date().toISOString()} ${text}`);

  it('ends with a read model equal to a full replay, poison dead-lettered, lag zero; a reset replays to the same model', async () => {
    const checkpoints = await SqlCheckpointStore.open(sql);
    const relay = createOutboxRelay(store, checkpoints, bus, {
      topicFor: () => topic,
      batchSize: 1_000,
      pollIntervalMs: 20,
    });
    relay.start();
    workers = [await startProjector(), await startProjector()];

    let loading = true;
    const load = (async () => {
      // FerretDB takes a few milliseconds per write, so the load is sized for minutes, not hours.
      for (let round = 0; round < 60; round += 1) {
        await Promise.all(
          Array.from({ length: 4 }, (_, writer) =>
            store.append(
              `tally-${writer}-${round % 25}`,
              Array.from({ length: 12 }, () =>
                testEvent({
                  type: 'test.load.happened',
                  data: { value: Math.floor(Math.random() * 100) },
                }),
              ),
              { expectedVersion: 'any' },
            ),
          ),
        );
        if (round % 12 === 6) {
          await bus.publish(topic, [
            { key: `poison-${round}`, value: `{"not":"an event","round":${round}}`, headers: {} },
          ]);
        }
        await sleep(100);
      }
      loading = false;
    })();

    let kills = 0;
    while (loading || kills < 4) {
      await sleep(1_000 + Math.floor(Math.random() * 2_000));
      const victim = Math.floor(Math.random() * workers.length);
      await workers[victim]!.kill9();
      kills += 1;
      workers[victim] = await startProjector();
    }
    await load;
    step(`load done after ${kills} kills; lag ${await bus.lag(groupId, topic)}`);
    const head = await store.headPosition();
    await waitFor(
      'the relay to publish everything',
      () => checkpoints.position('outbox-relay'),
      (position) => position === head,
      120_000,
    );
    await relay.stop();
    step(`relay done; lag ${await bus.lag(groupId, topic)}`);
    await waitFor(
      'the group lag to return to zero',
      () => bus.lag(groupId, topic),
      (lag) => lag === 0,
      180_000,
    );

    step('lag zero');
    const expected = replayInMemory(await store.readAll({ limit: 1_000_000 }));
    const projected = await readModel();
    expect(expected.size).toBe(100);
    expect(projected).toEqual(expected);

    const deadLetters: ReceivedMessage[] = [];
    const reader = await bus.subscribe({
      groupId: uniqueName('dlq-reader'),
      topics: [`${topic}.dead-letter`],
      handler: async (message) => void deadLetters.push(message),
    });
    await waitFor(
      'the 5 poison messages on the dead-letter topic',
      () => new Set(deadLetters.map((message) => message.key)).size,
      (count) => count === 5,
      60_000,
    );
    await reader.stop();
    expect(
      deadLetters.every((message) =>
        message.headers[DEAD_LETTER_HEADERS.reason]?.includes('PublishedEvent'),
      ),
    ).toBe(true);
    console.log(
      `projector crash test: ${kills} kill -9s over 2 group members; ${expected.size} streams, ` +
        `${[...expected.values()].reduce((sum, tally) => sum + tally.count, 0)} events projected exactly once each; ` +
        `${deadLetters.length} dead letters for 5 poison messages`,
    );

    // Reset the group to the earliest offset and replay everything: the read model must not change.
    await Promise.all(workers.map((worker) => worker.kill9()));
    await waitForGroupEmpty();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.disconnect();
    expect(await bus.lag(groupId, topic)).toBeGreaterThan(2_000);
    workers = [await startProjector()];
    step('replaying');
    await waitFor(
      'the replay to finish',
      () => bus.lag(groupId, topic),
      (lag) => lag === 0,
      180_000,
    );
    expect(await readModel()).toEqual(expected);
  }, 600_000);
});
