import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMetadata } from '@ebp/contracts';

/** A valid event envelope for tests; override any part. */
export function testEvent(
  overrides: Partial<Omit<EventEnvelope, 'metadata'>> & { metadata?: Partial<EventMetadata> } = {},
): EventEnvelope {
  const { metadata, ...rest } = overrides;
  return {
    id: randomUUID(),
    type: 'test.thing.happened',
    schemaVersion: 1,
    data: {},
    ...rest,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'system', id: 'test' },
      recordedAt: new Date().toISOString(),
      classification: 'OFFICIAL',
      ...metadata,
    },
  };
}

/** A unique, valid SQL identifier or collection name for one test's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
