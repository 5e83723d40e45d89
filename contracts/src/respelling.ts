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

function enumValues(definition: ZodDefinition): readonly unknown[] | undefined {
  if (definition.type === 'enum')
    return Object.values(definition['entries'] as Record<string, unknown>);
  if (definition.type === 'literal') return definition['values'] as unknown[];
  return undefined;
}

function respellValue(value: unknown, allowed: readonly unknown[]): unknown {
  if (typeof value !== 'string' || allowed.includes(value)) return value;
  const respelt = value.replaceAll('-', '_');
  return allowed.includes(respelt) ? respelt : value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The data with every hyphenated enumerated value spelt as the schema now spells it. */
export function respellEnumValues(schema: z.ZodType, data: unknown): unknown {
  const definition = definitionOf(schema);
  const values = enumValues(definition);
  if (values) return respellValue(data, values);
  switch (definition.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return respellEnumValues(definition['innerType'] as z.ZodType, data);
    case 'pipe':
      return respellEnumValues(definition['in'] as z.ZodType, data);
    case 'array':
      return Array.isArray(data)
        ? data.map((item) => respellEnumValues(definition['element'] as z.ZodType, item))
        : data;
    case 'object': {
      if (!isRecord(data)) return data;
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      return Object.fromEntries(
        Object.entries(data).map(([field, value]) => [
          field,
          shape[field] ? respellEnumValues(shape[field], value) : value,
        ]),
      );
    }
    case 'record': {
      if (!isRecord(data)) return data;
      const keys = enumValues(definitionOf(definition['keyType'] as z.ZodType));
      const valueSchema = definition['valueType'] as z.ZodType;
      return Object.fromEntries(
        Object.entries(data).map(([key, value]) => [
          keys ? respellValue(key, keys) : key,
          respellEnumValues(valueSchema, value),
        ]),
      );
    }
    case 'union': {
      // Each option respells only what it recognises, so applying them in turn is safe.
      return (definition['options'] as z.ZodType[]).reduce(
        (current, option) => respellEnumValues(option, current),
        data,
      );
    }
    default:
      return data;
  }
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

/** The schema version new events of a type are written at. */
export const currentSchemaVersion = (type: string): 1 | 2 | 3 =>
  RETAGGED_EVENT_TYPES.has(type) ? 3 : RESPELLED_EVENT_TYPES.has(type) ? 2 : 1;
