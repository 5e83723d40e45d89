import { z } from 'zod';
import { EventEnvelopeSchema } from './envelope';

/**
 * An event as published on the bus by a service's outbox relay: the stored envelope plus its
 * place in the producing service's log. Keyed by `streamId`, so one stream's events keep their
 * order within a partition. Consumers deduplicate by `id`.
 */
export const PublishedEventSchema = EventEnvelopeSchema.extend({
  streamId: z.string().min(1).max(200),
  streamVersion: z.int().min(1),
  position: z.string().regex(/^\d{20}-\d{20}$/, 'must be a log position'),
}).strict();
export type PublishedEvent = z.infer<typeof PublishedEventSchema>;

/** Headers on every published event, so that consumers can route and trace without parsing. */
export const EVENT_HEADERS = {
  eventId: 'ebp-event-id',
  eventType: 'ebp-event-type',
  schemaVersion: 'ebp-schema-version',
  streamId: 'ebp-stream-id',
  streamVersion: 'ebp-stream-version',
  position: 'ebp-position',
  correlationId: 'ebp-correlation-id',
  causationId: 'ebp-causation-id',
  classification: 'ebp-classification',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;
