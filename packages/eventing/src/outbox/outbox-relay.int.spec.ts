import { EVENT_HEADERS } from '@ebp/contracts';
import type { Bus, ReceivedMessage, Subscription } from '../bus/bus';
import { SqlEventStore } from '../event-store/sql-event-store';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import type { SqlClient } from '../sql/sql-client';
import { busTargets } from '../testing/bus-targets';
import { testEvent, uniqueName } from '../testing/events';
import { sqlTargets } from '../testing/sql-targets';
import { waitFor } from '../testing/wait';
import { createOutboxRelay } from './outbox-relay';
import { fromBusMessage, toPublishedEvent } from './published-events';

const [sqlTarget] = sqlTargets();
const [busTarget] = busTargets();

describe(`Outbox relay: ${sqlTarget!.name} to ${busTarget!.name}`, () => {
  let sql: SqlClient;
  let bus: Bus;
  let subscription: Subscription | undefined;

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    bus = await busTarget!.create();
  });

  afterAll(async () => {
    await subscription?.stop();
    await bus.close();
    await sql.close();
  });

  it('publishes every event once per relay pass, keyed by stream, with routing and trace headers', async () => {
    const store = await SqlEventStore.open(sql);
    const checkpoints = await SqlCheckpointStore.open(sql);
    const topic = uniqueName('register.events').replace(/_/g, '-');
    await bus.createTopics([{ name: topic, partitions: 3 }]);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    for (let index = 0; index < 30; index += 1) {
      await store.append(
        `project-${index % 3}`,
        [
          testEvent({
            type: 'register.project.updated',
            data: { index },
            metadata: { traceContext: { traceparent } },
          }),
        ],
        { expectedVersion: 'any' },
      );
    }
    const relay = createOutboxRelay(store, checkpoints, bus, {
      topicFor: () => topic,
      batchSize: 8,
    });
    expect(await relay.catchUp()).toBe(30);
    expect(await relay.catchUp()).toBe(0);
    await relay.stop();

    const received: ReceivedMessage[] = [];
    subscription = await bus.subscribe({
      groupId: uniqueName('outbox-reader'),
      topics: [topic],
      handler: async (message) => void received.push(message),
    });
    await waitFor(
      '30 published events',
      () => received.length,
      (count) => count === 30,
    );

    const stored = await store.readAll({ limit: 100 });
    const byId = new Map(
      received.map((message) => [message.headers[EVENT_HEADERS.eventId], message]),
    );
    for (const event of stored) {
      const message = byId.get(event.id);
      expect(message?.key).toBe(event.streamId);
      expect(message?.headers).toMatchObject({
        [EVENT_HEADERS.eventType]: 'register.project.updated',
        [EVENT_HEADERS.schemaVersion]: '1',
        [EVENT_HEADERS.streamVersion]: String(event.streamVersion),
        [EVENT_HEADERS.position]: event.position,
        [EVENT_HEADERS.correlationId]: event.metadata.correlationId,
        [EVENT_HEADERS.traceparent]: traceparent,
      });
      expect(fromBusMessage(message!)).toEqual({ ...event });
    }
    for (const stream of ['project-0', 'project-1', 'project-2']) {
      const versions = received
        .filter((message) => message.key === stream)
        .map((message) => fromBusMessage(message).streamVersion);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
  });

  it('lifts a message published at an earlier version, in the spelling of today (decision 0023)', async () => {
    const [stored] = await (await SqlEventStore.open(sql)).readAll({ limit: 1 });
    const old = {
      ...toPublishedEvent(stored!),
      type: 'register.project.review-recorded',
      schemaVersion: 1,
      data: { reviewerId: 'person-rob', verdict: 'meets-standards', comments: 'in-progress' },
      metadata: { ...stored!.metadata, classification: 'OFFICIAL-SENSITIVE' },
    };
    expect(fromBusMessage({ value: JSON.stringify(old) })).toMatchObject({
      schemaVersion: 2,
      data: { verdict: 'meets_standards', comments: 'in-progress' },
      metadata: { classification: 'OFFICIAL_SENSITIVE' },
    });
  });

  it('refuses a bus message that is not a published event', () => {
    expect(() => fromBusMessage({ value: '{"id":"x"}' })).toThrow(/PublishedEvent/);
    expect(() => fromBusMessage({ value: 'not json' })).toThrow(/PublishedEvent/);
  });
});
