import {
  EVENT_HEADERS,
  EventMetadataSchema,
  PublishedEventSchema,
  parseContract,
  respellEnumValues,
  upcasters,
  type PublishedEvent,
} from '@ebp/contracts';
import type { BusMessage, ReceivedMessage } from '../bus/bus';
import type { StoredEvent } from '../event-store/event-store';
import type { LogPosition } from '../event-store/log-position';
import { UpcasterRegistry } from '../event-store/upcasting';

/** A stored event as it is published (on the bus, in exports): the envelope and its place. */
export function toPublishedEvent(event: StoredEvent): PublishedEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
  };
}

/** A stored event as a bus message: keyed by stream, with routing and tracing headers. */
export function toBusMessage(event: StoredEvent): BusMessage {
  const { traceContext } = event.metadata;
  return {
    key: event.streamId,
    value: JSON.stringify(toPublishedEvent(event)),
    timestamp: String(Date.parse(event.metadata.recordedAt)),
    headers: {
      [EVENT_HEADERS.eventId]: event.id,
      [EVENT_HEADERS.eventType]: event.type,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.streamId]: event.streamId,
      [EVENT_HEADERS.streamVersion]: String(event.streamVersion),
      [EVENT_HEADERS.position]: event.position,
      [EVENT_HEADERS.correlationId]: event.metadata.correlationId,
      [EVENT_HEADERS.classification]: event.metadata.classification,
      ...(event.metadata.causationId
        ? { [EVENT_HEADERS.causationId]: event.metadata.causationId }
        : {}),
      ...(traceContext ? { [EVENT_HEADERS.traceparent]: traceContext.traceparent } : {}),
      ...(traceContext?.tracestate ? { [EVENT_HEADERS.tracestate]: traceContext.tracestate } : {}),
    },
  };
}

/** Parses a received bus message into a published event; throws ContractViolationError when it is not one. */
export function fromBusMessage(message: Pick<ReceivedMessage, 'value'>): PublishedEvent {
  let body: unknown;
  try {
    body = JSON.parse(message.value);
  } catch {
    body = message.value;
  }
  return parseContract('PublishedEvent', PublishedEventSchema, toCurrentVersion(body));
}

const registry = new UpcasterRegistry(upcasters);

/**
 * A message published before an event type's current version (still on the topic after an
 * upgrade) is lifted as the event store lifts stored events; its metadata is read in today's
 * spelling (decision 0023).
 */
function toCurrentVersion(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const message = body as Record<string, unknown>;
  const { type, schemaVersion, data, metadata } = message;
  const lifted =
    typeof type === 'string' && typeof schemaVersion === 'number' && isRecord(data)
      ? registry.upcast(type, schemaVersion, data)
      : undefined;
  return {
    ...message,
    ...(lifted ? { schemaVersion: lifted.schemaVersion, data: lifted.data } : {}),
    ...(isRecord(metadata) ? { metadata: respellEnumValues(EventMetadataSchema, metadata) } : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A received bus message as the stored event it was published from (for projections and reactions). */
export function storedEventFromBus(message: Pick<ReceivedMessage, 'value'>): StoredEvent {
  const published = fromBusMessage(message);
  return { ...published, position: published.position as LogPosition };
}
