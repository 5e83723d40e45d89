import type { Bus, Subscription, SubscribeOptions } from '../bus/bus';
import type { DocumentBody, DocumentStore } from '../documents/document-store';
import { storedEventFromBus } from '../outbox/published-events';
import { applyEvents, projectionCollectionName, type ProjectionDefinition } from './projection';

export interface BusProjectionOptions extends Partial<
  Omit<SubscribeOptions, 'handler' | 'topics' | 'groupId'>
> {
  readonly groupId: string;
  readonly topics: readonly string[];
}

/**
 * Runs a projection from published events on the bus (another service's events, or a scaled-out
 * projector). A message that is not a valid published event is retried and then dead-lettered
 * with the contract violation as its reason. Each write is guarded by the event's log position,
 * so redelivery and group resets change nothing. Messages are keyed by stream, so a projection
 * fed from the bus must keep each document to one stream (its id derived from the stream id).
 */
export function subscribeProjection<Body extends DocumentBody>(
  bus: Bus,
  documents: DocumentStore,
  definition: ProjectionDefinition<Body>,
  options: BusProjectionOptions,
): Promise<Subscription> {
  const collection = documents.collection<Body>(projectionCollectionName(definition));
  return bus.subscribe({
    ...options,
    handler: async (message) => {
      await applyEvents(definition, collection, [storedEventFromBus(message)]);
    },
  });
}
