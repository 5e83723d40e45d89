import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Helpers for the one-spelling test (issue 18, decision 0023): a selection of every field a type
 * has, a few levels deep, and a finder of enumerated values spelt another way.
 */

/** Arguments a nested field may be given without context (a required one we cannot fill skips it). */
const NESTED_ARGUMENTS: Readonly<Record<string, string>> = { purpose: 'team_building' };

function argumentsFor(field: GraphQLField<unknown, unknown>): string | undefined {
  const given: string[] = [];
  for (const argument of field.args) {
    const value = NESTED_ARGUMENTS[argument.name];
    if (value !== undefined) given.push(`${argument.name}: ${value}`);
    else if (isNonNullType(argument.type)) return undefined;
  }
  return given.length > 0 ? `(${given.join(', ')})` : '';
}

/** Every field of a type down to `depth` levels of objects (leaves at the bottom). */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type)) {
    const fragments = schema
      .getPossibleTypes(type)
      .map((possible) => `... on ${possible.name} { ${selectionFor(schema, possible, depth)} }`);
    return `__typename ${fragments.join(' ')}`;
  }
  if (!isObjectType(type)) return '__typename';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const args = argumentsFor(field);
    if (args === undefined) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (depth > 0) {
      const inner = selectionFor(schema, named, depth - 1);
      if (inner) parts.push(`${field.name}${args} { ${inner} }`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** Every enum value the graph declares. */
export function graphEnumValues(schema: GraphQLSchema): Set<string> {
  const values = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type) && !type.name.startsWith('__'))
      for (const value of type.getValues()) values.add(value.name);
  }
  return values;
}

/** Every string enum value in JSON Schemas (the event catalogue's). */
export function jsonSchemaEnumValues(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) jsonSchemaEnumValues(item, into);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const item of value) if (typeof item === 'string') into.add(item);
      } else if (key === 'const' && typeof value === 'string') into.add(value);
      else jsonSchemaEnumValues(value, into);
    }
  }
  return into;
}

/**
 * The other spelling of each value that has words joined by underscores: the same words joined
 * by hyphens (`in_progress` for `in_progress`), by which the old spelling is recognised.
 */
export function otherSpellings(values: ReadonlySet<string>): Map<string, string> {
  const other = new Map<string, string>();
  for (const value of values) if (value.includes('_')) other.set(value.replaceAll('_', '-'), value);
  return other;
}

/**
 * Fields of free text that list other spellings on purpose: a vocabulary term's synonyms are
 * what people write (e.g. "highly-proactive"), kept so that their text matches the term.
 */
const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['synonyms']);

/** Every string in a JSON value (object keys too: records keyed by an enum), free text aside. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      if (!FREE_TEXT_FIELDS.has(key)) stringsIn(item, into);
    }
  return into;
}

/** The cells of a CSV text (quoted, comma-separated). */
export function csvCells(text: string): string[] {
  return [...text.matchAll(/"((?:[^"]|"")*)"|([^,\n]+)/g)].map((match) =>
    (match[1] ?? match[2] ?? '').replaceAll('""', '"').trim(),
  );
}

/** The table cells and code spans of a Markdown or HTML text. */
export function documentTokens(text: string): string[] {
  return [
    ...text.split(/[|\n]/).map((cell) => cell.trim()),
    ...[...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
    ...[...text.matchAll(/>([^<>]+)</g)].map((match) => match[1]!.trim()),
  ];
}

/** Where a value appears in its other spelling: `<where>: <found> (the graph's <value>)`. */
export function misspelt(
  where: string,
  strings: readonly string[],
  other: ReadonlyMap<string, string>,
): string[] {
  const found = new Set<string>();
  for (const text of strings) {
    const canonical = other.get(text);
    if (canonical) found.add(`${where}: ${text} (one spelling is ${canonical})`);
  }
  return [...found];
}
