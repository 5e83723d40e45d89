// Types only: kafkajs is loaded when a bus connects, so a process without Kafka never loads it.
import type { Admin, Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';
import type {
  Bus,
  BusMessage,
  ReceivedMessage,
  SubscribeOptions,
  Subscription,
  TopicSpec,
} from './bus';
import { deliver } from './delivery';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs' own log level (default: errors only). */
  readonly logLevel?: logLevel;
}

function headerText(value: IHeaders[string]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((part) => part.toString()).join(',');
  return value.toString();
}

/**
 * The bus on Apache Kafka through kafkajs. Publishing waits for all in-sync replicas (acks=all).
 * Consumers take messages a fetched batch at a time, one after another per partition, and commit
 * the offset after the last message delivered (handled or dead-lettered). When even the dead
 * letter cannot be written, the error propagates, nothing after the failed message is committed,
 * and kafkajs restarts the consumer from the last commit.
 */
export class KafkaBus implements Bus {
  private readonly consumers = new Set<Consumer>();

  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly admin: Admin,
  ) {}

  static async connect(options: KafkaBusOptions): Promise<KafkaBus> {
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: options.logLevel ?? logLevel.NOTHING,
      retry: { initialRetryTime: 100, retries: 5 },
    });
    const producer = kafka.producer({
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, retries: 3 },
    });
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    return new KafkaBus(kafka, producer, admin);
  }

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: -1,
      })),
    });
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map((message) => ({
        key: message.key,
        value: message.value,
        headers: { ...message.headers },
        ...(message.timestamp === undefined
          ? {}
          : { timestamp: brokerTimestamp(message.timestamp, Date.now()) }),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    let stopped = false;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      // After a failed delivery (the dead letter could not be written) kafkajs restarts the
      // consumer from the last commit, unless the subscription was stopped meanwhile.
      retry: {
        initialRetryTime: 200,
        retries: 8,
        restartOnFailure: () => Promise.resolve(!stopped),
      },
    });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        let next: string | undefined;
        try {
          for (const message of batch.messages) {
            if (!payload.isRunning() || payload.isStale()) break;
            const received: ReceivedMessage = {
              topic: batch.topic,
              partition: batch.partition,
              offset: message.offset,
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, value]) => [
                  name,
                  headerText(value),
                ]),
              ),
            };
            await deliver(received, options, (target, messages) => this.publish(target, messages));
            payload.resolveOffset(message.offset);
            next = (BigInt(message.offset) + 1n).toString();
            await payload.heartbeat();
          }
        } finally {
          // Commit what was delivered, and nothing after it: when delivery failed (even the dead
          // letter), the error propagates and kafkajs restarts the consumer from this commit.
          if (next !== undefined) {
            await consumer.commitOffsets([
              { topic: batch.topic, partition: batch.partition, offset: next },
            ]);
          }
        }
      },
    });
    return {
      stop: async () => {
        stopped = true;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async lag(groupId: string, topic: string): Promise<number> {
    const [committed, ends] = await Promise.all([
      this.admin.fetchOffsets({ groupId, topics: [topic] }),
      this.admin.fetchTopicOffsets(topic),
    ]);
    const committedByPartition = new Map(
      (committed[0]?.partitions ?? []).map((entry) => [entry.partition, BigInt(entry.offset)]),
    );
    let lag = 0n;
    for (const end of ends) {
      const done = committedByPartition.get(end.partition) ?? -1n;
      const start = done >= 0n ? done : BigInt(end.low);
      lag += BigInt(end.high) - start;
    }
    return Number(lag);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }
}

const DAY_MS = 86_400_000;

/**
 * The time a message carries on the broker: its event's recorded time, but never more than a day
 * before it is published, so that a relay catching up (or a replayed history) does not hand the
 * broker messages its time-based retention would delete at once.
 */
export function brokerTimestamp(recordedMs: string, nowMs: number): string {
  return String(Math.max(Number(recordedMs), nowMs - DAY_MS));
}
