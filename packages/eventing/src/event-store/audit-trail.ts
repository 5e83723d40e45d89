import type { EventStore, StoredEvent } from './event-store';

/** One change to an entity: who made it, when, what it was, and why. */
export interface AuditEntry {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actor: StoredEvent['metadata']['actor'];
  /** The justification, reasons or reason the event carries, if any. */
  readonly why: string | null;
  /** The fields an amendment or revision changed, when the event lists them. */
  readonly changedFields: readonly string[];
  /** The event's data as the store reads it (sealed personal fields opened, or marked redacted). */
  readonly data: Record<string, unknown>;
}

function whyOf(data: Record<string, unknown>): string | null {
  for (const key of ['justification', 'reasons', 'reason']) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

export function toAuditEntry(event: StoredEvent): AuditEntry {
  const changes = event.data.changes;
  return {
    version: event.streamVersion,
    type: event.type,
    at: event.metadata.recordedAt,
    actor: event.metadata.actor,
    why: whyOf(event.data),
    changedFields:
      changes && typeof changes === 'object' && !Array.isArray(changes)
        ? Object.keys(changes).sort()
        : [],
    data: event.data,
  };
}

/**
 * The audit trail of one entity (its stream), oldest first. Read through the service's own store,
 * so a store that seals personal data shows what erasure left: redaction markers, not the data.
 */
export async function auditTrail(store: EventStore, streamId: string): Promise<AuditEntry[]> {
  return (await store.readStream(streamId)).map(toAuditEntry);
}
