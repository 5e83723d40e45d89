import { SERVICE_TOPIC_PARTITIONS, type Bus } from '../bus/bus';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import type { SqlCheckpointStore } from '../processors/checkpoint-store';
import { EventProcessor, type EventProcessorOptions } from '../processors/event-processor';
import { toBusMessage } from './published-events';

export interface OutboxRelayOptions extends Partial<Omit<EventProcessorOptions, 'handle'>> {
  /** The topic each event is published to (e.g. one topic per service). */
  readonly topicFor: (event: StoredEvent) => string;
}

/**
 * The outbox relay: a processor over the event table (which is the outbox) that publishes every
 * event to the bus, in log order, keyed by stream id. The checkpoint moves only after the bus
 * acknowledged the batch, so a crash republishes at most the last batch: consumers deduplicate
 * by event id.
 */
export function createOutboxRelay(
  store: EventStore,
  checkpoints: SqlCheckpointStore,
  bus: Bus,
  options: OutboxRelayOptions,
): EventProcessor {
  return new EventProcessor(store, checkpoints, {
    name: 'outbox-relay',
    ...options,
    handle: async (events) => {
      const byTopic = new Map<string, StoredEvent[]>();
      for (const event of events) {
        const topic = options.topicFor(event);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
      }
      for (const [topic, topicEvents] of byTopic)
        await bus.publish(topic, topicEvents.map(toBusMessage));
    },
  });
}

/**
 * A service's own events relayed to its topic on the bus, the topic created first if missing:
 * how every service publishes what it records for other services and analysts.
 */
export async function relayToServiceTopic(
  store: EventStore,
  checkpoints: SqlCheckpointStore,
  bus: Bus,
  topic: string,
): Promise<EventProcessor> {
  await bus.createTopics([{ name: topic, partitions: SERVICE_TOPIC_PARTITIONS }]);
  return createOutboxRelay(store, checkpoints, bus, { topicFor: () => topic });
}
