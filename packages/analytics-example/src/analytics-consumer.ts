import { PublishedEventSchema, type PublishedEvent } from '@ebp/contracts';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { AnalyticsStore } from './analytics-store';

export interface AnalyticsConsumerOptions {
  readonly brokers: readonly string[];
  readonly topics: readonly string[];
  /** One group per consuming application: its committed offsets are where a restart resumes. */
  readonly groupId: string;
  readonly store: AnalyticsStore;
  /** Called after each batch is stored and its offsets committed. */
  readonly onBatch?: (loaded: { readonly topic: string; readonly added: number }) => void;
  /** Messages that are not published events (logged and skipped, never blocking the topic). */
  readonly onInvalid?: (reason: string) => void;
}

/**
 * Loads the platform's topics into DuckDB. Each batch is stored in one transaction and only then
 * are its offsets committed: a crash before the commit redelivers the batch, and the store's
 * primary key on the event id keeps each event once. Nothing lost, nothing counted twice.
 */
export async function startAnalyticsConsumer(
  options: AnalyticsConsumerOptions,
): Promise<{ stop(): Promise<void> }> {
  const kafka = new Kafka({
    clientId: `${options.groupId}-client`,
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
  });
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  for (const topic of options.topics) await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const events: PublishedEvent[] = [];
      for (const message of batch.messages) {
        const parsed = PublishedEventSchema.safeParse(
          (() => {
            try {
              return JSON.parse(message.value?.toString() ?? '') as unknown;
            } catch {
              return undefined;
            }
          })(),
        );
        if (parsed.success) events.push(parsed.data);
        else options.onInvalid?.(`offset ${message.offset}: not a published event`);
      }
      const added = await options.store.add(batch.topic, events);
      const last = batch.messages.at(-1);
      if (last) payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
      options.onBatch?.({ topic: batch.topic, added });
    },
  });
  return {
    async stop() {
      await consumer.disconnect();
    },
  };
}
