import type { z } from 'zod';

/**
 * Enumerated values have one spelling everywhere (decision 0023): lower case words joined by
 * underscores, which GraphQL enums can carry, so the graph, events, read models and reports agree.
 * Events stored before that spelt some values with hyphens (`in_progress`, `meets_standards`);
 * `respellEnumValues` lifts such data to the current spelling, guided by the current schema: only
 * a value in an enumerated position changes, and only into one of that enum's values.
 */

/** A zod schema's definition (its kind in `type`), for code that walks contracts. */
export interface ZodDefinition {
  readonly type: string;
  readonly [key: string]: unknown;
}

export const zodDefinitionOf = (schema: z.ZodType): ZodDefinition =>
  (schema as unknown as { _zod: { def: ZodDefinition } })._zod.def;

const definitionOf = zodDefinitionOf;

function enumValues(definition: ZodDefinition): ReadonlySet<unknown> | undefined {
  if (definition.type === 'enum')
    return new Set(Object.values(definition['entries'] as Record<string, unknown>));
  if (definition.type === 'literal') return new Set(definition['values'] as unknown[]);
  return undefined;
}

function respellValue(value: unknown, allowed: ReadonlySet<unknown>): unknown {
  if (typeof value !== 'string' || allowed.has(value)) return value;
  const respelt = value.replaceAll('-', '_');
  return allowed.has(respelt) ? respelt : value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lifts one value of a schema to today's spelling; returns its input when nothing changes. */
type Respeller = (data: unknown) => unknown;

/** For schemas with no enumerated position: nothing to walk. */
const UNCHANGED: Respeller = (data) => data;

/**
 * Respellers are built once per schema and kept, because stores respell every event they read
 * (the metadata's classification and actor kind): walking the schema per event dominated replays.
 */
const respellers = new WeakMap<z.ZodType, Respeller>();

function respellerFor(schema: z.ZodType): Respeller {
  const known = respellers.get(schema);
  if (known) return known;
  // A schema that contains itself meets this placeholder instead of recursing forever.
  let built: Respeller = UNCHANGED;
  respellers.set(schema, (data) => built(data));
  built = buildRespeller(schema);
  respellers.set(schema, built);
  return built;
}

function buildRespeller(schema: z.ZodType): Respeller {
  const definition = definitionOf(schema);
  const values = enumValues(definition);
  if (values) return (data) => respellValue(data, values);
  switch (definition.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return respellerFor(definition['innerType'] as z.ZodType);
    case 'pipe':
      return respellerFor(definition['in'] as z.ZodType);
    case 'array':
      return arrayRespeller(respellerFor(definition['element'] as z.ZodType));
    case 'object':
      return objectRespeller((schema as unknown as { shape: Record<string, z.ZodType> }).shape);
    case 'record':
      return recordRespeller(
        enumValues(definitionOf(definition['keyType'] as z.ZodType)),
        respellerFor(definition['valueType'] as z.ZodType),
      );
    case 'union': {
      // Each option respells only what it recognises, so applying them in turn is safe.
      const options = (definition['options'] as z.ZodType[])
        .map(respellerFor)
        .filter((option) => option !== UNCHANGED);
      if (options.length === 0) return UNCHANGED;
      return (data) => options.reduce((current, option) => option(current), data);
    }
    default:
      return UNCHANGED;
  }
}

function arrayRespeller(element: Respeller): Respeller {
  if (element === UNCHANGED) return UNCHANGED;
  return (data) => {
    if (!Array.isArray(data)) return data;
    const items = data as unknown[];
    let changed = false;
    const respelt = items.map((item) => {
      const next = element(item);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? respelt : items;
  };
}

function objectRespeller(shape: Record<string, z.ZodType>): Respeller {
  const fields = Object.entries(shape)
    .map(([field, fieldSchema]) => [field, respellerFor(fieldSchema)] as const)
    .filter(([, respeller]) => respeller !== UNCHANGED);
  if (fields.length === 0) return UNCHANGED;
  return (data) => {
    if (!isRecord(data)) return data;
    let respelt: Record<string, unknown> | undefined;
    for (const [field, respeller] of fields) {
      if (!Object.hasOwn(data, field)) continue;
      const value = data[field];
      const next = respeller(value);
      if (next !== value) (respelt ??= { ...data })[field] = next;
    }
    return respelt ?? data;
  };
}

function recordRespeller(keys: ReadonlySet<unknown> | undefined, value: Respeller): Respeller {
  if (!keys && value === UNCHANGED) return UNCHANGED;
  return (data) => {
    if (!isRecord(data)) return data;
    let changed = false;
    const entries = Object.entries(data).map(([key, item]) => {
      const nextKey = keys ? (respellValue(key, keys) as string) : key;
      const nextItem = value(item);
      if (nextKey !== key || nextItem !== item) changed = true;
      return [nextKey, nextItem] as const;
    });
    return changed ? Object.fromEntries(entries) : data;
  };
}

/**
 * The data with every hyphenated enumerated value spelt as the schema now spells it. Parts that
 * need no change are returned as they are, not copied.
 */
export function respellEnumValues(schema: z.ZodType, data: unknown): unknown {
  return respellerFor(schema)(data);
}

/**
 * The event types whose data held a hyphenated enumerated value at schema version 1. Version 2 is
 * the same shape with the values respelt; events stored at version 1 are lifted on read.
 */
export const RESPELLED_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'register.project.proposed',
  'register.project.review-recorded',
  'register.project.amended',
  'register.project.completed',
  'register.project.audience-changed',
  'community.award-round.nomination-decided',
  'community.involvement.ended',
  'community.person.erased',
  'community.person.training-recorded',
  'partners.organisation.registered',
  'partners.organisation.updated',
  'partners.agreement.signed',
  'partners.collaboration.started',
  'partners.engagement.recorded',
  'dissemination.library.item-drafted',
  'dissemination.library.item-revised',
  'dissemination.library.item-published',
  'dissemination.master-class.scheduled',
  'dissemination.attendance.recorded',
]);

/**
 * The library's item events whose content's tags gained research methods and topics (issue 18,
 * decision 0025). Version 3 is version 2 with both lists; events stored before have them empty.
 */
export const RETAGGED_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'dissemination.library.item-drafted',
  'dissemination.library.item-revised',
  'dissemination.library.item-published',
]);

/**
 * The committee's decisions on proposals, which gained the meeting they were taken in (issue 20,
 * decision 0036). Version 2 is version 1 with an optional `meetingId`; nothing is lifted.
 */
export const MEETING_LINKED_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'register.project.approved',
  'register.project.rejected',
  'register.project.deferred',
]);

/**
 * Master classes that may be open to partner organisations (issue 20, decision 0039). Version 3
 * is version 2 with `masterClass.openToPartners`; one stored before was for staff only (false).
 */
export const OPEN_TO_PARTNERS_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'dissemination.master-class.scheduled',
]);

export type SchemaVersion = 1 | 2 | 3;

/** Each set of event types lifted to a new version, with the version it lifts them to. */
const VERSIONED_EVENT_TYPES: readonly (readonly [SchemaVersion, ReadonlySet<string>])[] = [
  [2, RESPELLED_EVENT_TYPES],
  [2, MEETING_LINKED_EVENT_TYPES],
  [3, RETAGGED_EVENT_TYPES],
  [3, OPEN_TO_PARTNERS_EVENT_TYPES],
];

/** The schema version new events of a type are written at: the highest it was lifted to. */
export const currentSchemaVersion = (type: string): SchemaVersion =>
  VERSIONED_EVENT_TYPES.reduce<SchemaVersion>(
    (current, [version, types]) => (types.has(type) && version > current ? version : current),
    1,
  );
