import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { engineSettings, uniqueName } from './engine-settings';

describe('Kafka engine', () => {
  const { kafka: settings } = engineSettings();
  const kafka = new Kafka({
    clientId: `${settings.clientId}-smoke`,
    brokers: [...settings.brokers],
    logLevel: logLevel.NOTHING,
  });
  const topic = uniqueName('smoke.events');
  const groupId = uniqueName('smoke-group');
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await producer.disconnect();
    await admin.disconnect();
  });

  /** Consumes in the group until `stopAfter` messages were handled, committing after each one. */
  async function consumeAndCommit(stopAfter: number): Promise<string[]> {
    const consumer: Consumer = kafka.consumer({ groupId, retry: { retries: 3 } });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({
            partition,
            message,
          }: {
            partition: number;
            message: KafkaMessage;
          }) => {
            if (seen.length >= stopAfter) return;
            seen.push(message.value?.toString() ?? '');
            // Commit only after the message was handled: the next offset to read.
            await consumer.commitOffsets([
              { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
            ]);
            if (seen.length === stopAfter) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    return seen;
  }

  it('creates a topic, produces with acks=all, and a restarted group member resumes from the commit', async () => {
    expect(
      await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
      }),
    ).toBe(true);
    expect(await admin.listTopics()).toContain(topic);

    const values = Array.from({ length: 10 }, (_, index) => `event-${index}`);
    const metadata = await producer.send({
      topic,
      acks: -1,
      messages: values.map((value) => ({ key: 'project-1', value })),
    });
    expect(metadata).toEqual([
      expect.objectContaining({ topicName: topic, partition: 0, errorCode: 0 }),
    ]);

    expect(await consumeAndCommit(4)).toEqual(values.slice(0, 4));
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]?.partitions).toEqual([
      expect.objectContaining({ partition: 0, offset: '4' }),
    ]);

    // A new member of the same group starts where the last commit left off: nothing lost, nothing repeated.
    expect(await consumeAndCommit(6)).toEqual(values.slice(4));
  });
});
