import { EbpError } from '@ebp/contracts';

/** A message as published: keyed (per-key order), a JSON body, and string headers. */
export interface BusMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The message's time on the broker (milliseconds since the epoch, as a string): the event's
   * recorded time, never the moment of publishing, which would time an anonymous survey answer
   * its service records by the day (decision 0038).
   */
  readonly timestamp?: string;
}

export interface ReceivedMessage extends BusMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** Partitions of each service's event topic: per-stream order holds within one partition. */
export const SERVICE_TOPIC_PARTITIONS = 3;

export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface SubscribeOptions {
  /** Consumers with the same group id share the topics' partitions and one set of committed offsets. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Must be idempotent: a message is delivered again if the process stops before its commit. */
  readonly handler: MessageHandler;
  /** Attempts per message before it goes to the dead-letter topic (default 3). */
  readonly maxAttempts?: number;
  /** Delay before the second attempt, doubling after each failure (default 50 ms). */
  readonly retryDelayMs?: number;
  /** Where a message goes after its last failed attempt (default `<topic>.dead-letter`). */
  readonly deadLetterTopic?: (topic: string) => string;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * The message bus port. Adapters: Kafka (distributed mode) and in-process (all-in-one mode), with
 * the same semantics: per-key order, consumer groups, commit only after the handler succeeded,
 * bounded retries and then a dead-letter topic (the partition keeps moving), and no commit when
 * the dead letter cannot be written.
 */
export interface Bus {
  /** Creates the topics that do not exist yet; topics are never created implicitly. */
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves once every message is durably accepted (Kafka: acks=all). */
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Messages of the topic that the group has not committed yet, over all partitions. */
  lag(groupId: string, topic: string): Promise<number>;
  close(): Promise<void>;
}

/** Publishing to a topic nobody created. */
export class UnknownTopicError extends EbpError {
  readonly code = 'UNKNOWN_TOPIC';

  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist; create it first`);
  }
}

export const defaultDeadLetterTopic = (topic: string): string => `${topic}.dead-letter`;

/** Headers a dead letter carries besides the original message's own. */
export const DEAD_LETTER_HEADERS = {
  reason: 'ebp-dead-letter-reason',
  topic: 'ebp-dead-letter-topic',
  partition: 'ebp-dead-letter-partition',
  offset: 'ebp-dead-letter-offset',
  attempts: 'ebp-dead-letter-attempts',
  failedAt: 'ebp-dead-letter-failed-at',
} as const;
