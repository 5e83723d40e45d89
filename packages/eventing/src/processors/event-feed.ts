import { SERVICE_TOPIC_PARTITIONS, type Bus } from '../bus/bus';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import { storedEventFromBus } from '../outbox/published-events';
import type { SqlCheckpointStore } from './checkpoint-store';
import { EventProcessor } from './event-processor';
import type { BackgroundWork } from './service-processing';

/**
 * Where another service's events come from. Distributed: its topic on the bus. All-in-one: its
 * event store, read directly, because an in-memory topic would not survive a restart (decision
 * 0011). Both deliver at least once, in the producer's order per stream.
 */
export type EventFeed =
  | { readonly kind: 'bus'; readonly bus: Bus; readonly topic: string }
  | { readonly kind: 'store'; readonly store: EventStore };

export interface FeedConsumer {
  /** Stable name: the consumer group on the bus, the checkpoint over a store. */
  readonly name: string;
  /** Must be idempotent: an event may arrive again after a crash or a rebalance. */
  readonly handle: (event: StoredEvent) => Promise<void>;
}

/**
 * Starts consuming a feed. Over a store the consumer is a checkpointed processor whose checkpoint
 * lives with the consumer's own checkpoints; over the bus it is a consumer group, with the bus's
 * retries and dead-letter topic. Either way the result is background work for the service.
 */
export async function consumeFeed(
  feed: EventFeed,
  checkpoints: SqlCheckpointStore,
  consumer: FeedConsumer,
): Promise<BackgroundWork> {
  if (feed.kind === 'store')
    return new EventProcessor(feed.store, checkpoints, {
      name: consumer.name,
      handle: async (events) => {
        for (const event of events) await consumer.handle(event);
      },
    });
  await feed.bus.createTopics([{ name: feed.topic, partitions: SERVICE_TOPIC_PARTITIONS }]);
  const subscription = await feed.bus.subscribe({
    groupId: consumer.name,
    topics: [feed.topic],
    handler: async (message) => {
      await consumer.handle(storedEventFromBus(message));
    },
  });
  return { catchUp: () => Promise.resolve(), stop: () => subscription.stop() };
}
