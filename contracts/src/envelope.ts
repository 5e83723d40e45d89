import { z } from 'zod';
import { currentSchemaVersion } from './respelling';
import { parseContract } from './parse';

/** Government Security Classifications used by the platform; need-to-know applies to the second. */
export const ClassificationSchema = z
  .enum(['OFFICIAL', 'OFFICIAL_SENSITIVE'])
  .describe('Security classification of the data the event carries.');
export type Classification = z.infer<typeof ClassificationSchema>;

/**
 * Who took part in what, trained in what, holds which credentials: personal data, labelled so
 * wherever it is recorded (the community, master classes, networks, engagements).
 */
export const PERSONAL_DATA_CLASSIFICATION: Classification = 'OFFICIAL_SENSITIVE';

/** The most sensitive of these classifications (OFFICIAL when none is given). */
export function highestClassification(
  ...classifications: readonly (Classification | undefined)[]
): Classification {
  return classifications.includes('OFFICIAL_SENSITIVE') ? 'OFFICIAL_SENSITIVE' : 'OFFICIAL';
}

/** Who caused a change: a person (by platform id, never by name), a service, or a partner feed. */
export const ActorSchema = z
  .object({
    kind: z.enum(['person', 'service', 'partner', 'system']),
    id: z.string().min(1).max(200),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** W3C Trace Context, carried so that a trace follows a change across services and the bus. */
export const TraceContextSchema = z
  .object({
    traceparent: z.string().regex(TRACEPARENT, 'must be a W3C traceparent (version 00)'),
    tracestate: z.string().max(512).optional(),
  })
  .strict();
export type TraceContext = z.infer<typeof TraceContextSchema>;

export const EventMetadataSchema = z
  .object({
    correlationId: z.uuid().describe('Shared by every event caused by one request.'),
    causationId: z.uuid().nullable().describe('The event or command id that caused this event.'),
    actor: ActorSchema,
    recordedAt: z.iso
      .datetime({ offset: true })
      .describe('When the event was recorded (ISO 8601).'),
    traceContext: TraceContextSchema.optional(),
    classification: ClassificationSchema,
  })
  .strict();
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/**
 * Event type names are `<service>.<subject>.<what happened>` in lower case, e.g.
 * `register.project.submitted`. They are stored and published, so they are never derived from
 * class names and never change; a new shape of the same event is a new schema version.
 */
export const EventTypeNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/,
    'must look like <service>.<subject>.<what-happened>, lower case',
  );

export const SchemaVersionSchema = z.int().min(1).max(1000);

/** The envelope of every event: in the event store, on the bus, and in exports. */
export const EventEnvelopeSchema = z
  .object({
    id: z.uuid().describe('Unique id of the event; appends and consumers are idempotent on it.'),
    type: EventTypeNameSchema,
    schemaVersion: SchemaVersionSchema,
    data: z.record(z.string(), z.unknown()),
    metadata: EventMetadataSchema,
  })
  .strict();
export type EventEnvelope<Data = Record<string, unknown>> = Omit<
  z.infer<typeof EventEnvelopeSchema>,
  'data'
> & { data: Data };

/**
 * The contract of one event type at one schema version: the envelope with its `type` and
 * `schemaVersion` fixed and its `data` checked by the given schema.
 */
export function defineEvent<
  const Type extends string,
  const Version extends number,
  Data extends z.ZodObject,
>(type: Type, schemaVersion: Version, data: Data) {
  EventTypeNameSchema.parse(type);
  SchemaVersionSchema.parse(schemaVersion);
  return z
    .object({
      id: z.uuid(),
      type: z.literal(type),
      schemaVersion: z.literal(schemaVersion),
      data,
      metadata: EventMetadataSchema,
    })
    .strict();
}

/** The current contracts of a family of event types, from their data schemas. */
export function defineEvents<const Schemas extends Record<string, z.ZodObject>>(schemas: Schemas) {
  return Object.fromEntries(
    Object.entries(schemas).map(([type, data]) => [
      type,
      defineEvent(type, currentSchemaVersion(type), data),
    ]),
  ) as {
    [Type in keyof Schemas & string]: ReturnType<
      typeof defineEvent<Type, 1 | 2 | 3, Schemas[Type]>
    >;
  };
}

/** Parses any event envelope arriving from outside the process; throws ContractViolationError. */
export function parseEventEnvelope(input: unknown): EventEnvelope {
  return parseContract('EventEnvelope', EventEnvelopeSchema, input);
}
