import { busTargets } from '../testing/bus-targets';
import { uniqueName } from '../testing/events';
import { waitFor } from '../testing/wait';
import {
  DEAD_LETTER_HEADERS,
  type Bus,
  type BusMessage,
  type ReceivedMessage,
  type Subscription,
} from './bus';

const message = (key: string, value: string, headers: Record<string, string> = {}): BusMessage => ({
  key,
  value,
  headers,
});

describe.each(busTargets())('Bus contract on $name', (target) => {
  let bus: Bus;
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    bus = await target.create();
  });

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
  });

  afterAll(async () => {
    await bus.close();
  });

  async function topicWithDeadLetters(partitions = 3): Promise<string> {
    const topic = uniqueName('contract.topic').replace(/_/g, '-');
    await bus.createTopics([
      { name: topic, partitions },
      { name: `${topic}.dead-letter`, partitions: 1 },
    ]);
    return topic;
  }

  async function consume(
    groupId: string,
    topic: string,
    handler: (received: ReceivedMessage) => Promise<void>,
  ) {
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      handler,
      retryDelayMs: 10,
    });
    subscriptions.push(subscription);
    return subscription;
  }

  it('delivers every message to each group, keeping per-key order', async () => {
    const topic = await topicWithDeadLetters();
    const published = Array.from({ length: 60 }, (_, index) =>
      message(`project-${index % 5}`, `v${index}`, { n: String(index) }),
    );
    await bus.publish(topic, published);
    const seenA: ReceivedMessage[] = [];
    const seenB: ReceivedMessage[] = [];
    await consume('group-a', topic, async (received) => void seenA.push(received));
    await consume('group-b', topic, async (received) => void seenB.push(received));
    await waitFor(
      'both groups to receive 60 messages',
      () => [seenA.length, seenB.length],
      ([a, b]) => a === 60 && b === 60,
    );
    for (const seen of [seenA, seenB]) {
      for (let key = 0; key < 5; key += 1) {
        const values = seen
          .filter((received) => received.key === `project-${key}`)
          .map((received) => received.value);
        expect(values).toEqual(
          published.filter((sent) => sent.key === `project-${key}`).map((sent) => sent.value),
        );
      }
    }
    expect(seenA.find((received) => received.value === 'v7')?.headers).toEqual({ n: '7' });
    await waitFor(
      'lag 0',
      () => bus.lag('group-a', topic),
      (lag) => lag === 0,
    );
  });

  it('retries a failing handler and commits only once it succeeded', async () => {
    const topic = await topicWithDeadLetters(1);
    await bus.publish(topic, [message('k', 'flaky'), message('k', 'after')]);
    let attempts = 0;
    const handled: string[] = [];
    await consume('group-retry', topic, async (received) => {
      if (received.value === 'flaky' && ++attempts < 3)
        throw new Error('database briefly unavailable');
      handled.push(received.value);
    });
    await waitFor(
      'both handled',
      () => handled.length,
      (count) => count === 2,
    );
    expect(handled).toEqual(['flaky', 'after']);
    expect(attempts).toBe(3);
    await waitFor(
      'lag 0',
      () => bus.lag('group-retry', topic),
      (lag) => lag === 0,
    );
  });

  it('dead-letters a poison message with its reason and keeps the partition moving', async () => {
    const topic = await topicWithDeadLetters(1);
    await bus.publish(topic, [
      message('k', 'good-1'),
      message('k', 'poison', { 'ebp-event-id': 'e-1' }),
      message('k', 'good-2'),
    ]);
    const handled: string[] = [];
    await consume('group-poison', topic, async (received) => {
      if (received.value === 'poison') throw new TypeError('cannot parse event data');
      handled.push(received.value);
    });
    const deadLetters: ReceivedMessage[] = [];
    await consume(
      'group-dlq-reader',
      `${topic}.dead-letter`,
      async (received) => void deadLetters.push(received),
    );
    await waitFor(
      'good messages handled and poison dead-lettered',
      () => [handled.length, deadLetters.length],
      ([h, d]) => h === 2 && d === 1,
    );
    expect(handled).toEqual(['good-1', 'good-2']);
    const [dead] = deadLetters;
    expect(dead).toMatchObject({ key: 'k', value: 'poison' });
    expect(dead?.headers).toMatchObject({
      'ebp-event-id': 'e-1',
      [DEAD_LETTER_HEADERS.reason]: 'TypeError: cannot parse event data',
      [DEAD_LETTER_HEADERS.topic]: topic,
      [DEAD_LETTER_HEADERS.partition]: '0',
      [DEAD_LETTER_HEADERS.offset]: '1',
      [DEAD_LETTER_HEADERS.attempts]: '3',
    });
    await waitFor(
      'lag 0',
      () => bus.lag('group-poison', topic),
      (lag) => lag === 0,
    );
  });

  it('does not commit a poison message whose dead letter cannot be written', async () => {
    const topic = uniqueName('contract.nodlq').replace(/_/g, '-');
    await bus.createTopics([{ name: topic, partitions: 1 }]); // no dead-letter topic
    await bus.publish(topic, [message('k', 'good'), message('k', 'poison')]);
    const handled: string[] = [];
    let poisonAttempts = 0;
    const subscription = await consume('group-nodlq', topic, async (received) => {
      if (received.value === 'poison') {
        poisonAttempts += 1;
        throw new Error('always fails');
      }
      handled.push(received.value);
    });
    await waitFor(
      'the poison message to be tried more than once through',
      () => poisonAttempts,
      (count) => count >= 6,
      60_000,
    );
    await subscription.stop();
    subscriptions.splice(subscriptions.indexOf(subscription), 1);
    expect(handled).toEqual(['good']);
    expect(await bus.lag('group-nodlq', topic)).toBe(1);

    // Once the dead-letter topic exists, a new member of the group dead-letters it and moves on.
    await bus.createTopics([{ name: `${topic}.dead-letter`, partitions: 1 }]);
    await consume('group-nodlq', topic, async (received) => {
      if (received.value === 'poison') throw new Error('always fails');
      handled.push(received.value);
    });
    await waitFor(
      'lag 0',
      () => bus.lag('group-nodlq', topic),
      (lag) => lag === 0,
      60_000,
    );
    expect(handled).toEqual(['good']);
  });

  it('shares partitions within a group, and a restarted member resumes after the last commit', async () => {
    const topic = await topicWithDeadLetters(4);
    await bus.publish(
      topic,
      Array.from({ length: 40 }, (_, index) => message(`k${index}`, `first-${index}`)),
    );
    const seen: string[] = [];
    const first = await consume(
      'group-shared',
      topic,
      async (received) => void seen.push(received.value),
    );
    const second = await consume(
      'group-shared',
      topic,
      async (received) => void seen.push(received.value),
    );
    await waitFor(
      '40 messages',
      () => new Set(seen).size,
      (count) => count === 40,
    );
    await waitFor(
      'lag 0',
      () => bus.lag('group-shared', topic),
      (lag) => lag === 0,
    );
    await first.stop();
    await second.stop();
    subscriptions.splice(0);

    await bus.publish(
      topic,
      Array.from({ length: 10 }, (_, index) => message(`k${index}`, `second-${index}`)),
    );
    const resumed: string[] = [];
    await consume('group-shared', topic, async (received) => void resumed.push(received.value));
    await waitFor(
      '10 new messages',
      () => resumed.length,
      (count) => count === 10,
    );
    expect(resumed.sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `second-${index}`).sort(),
    );
  });

  it('refuses to publish to a topic that was never created', async () => {
    await expect(
      bus.publish(uniqueName('never.created').replace(/_/g, '-'), [message('k', 'v')]),
    ).rejects.toThrow();
  });
});
