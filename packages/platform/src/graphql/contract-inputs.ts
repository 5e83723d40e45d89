import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLType,
  type GraphQLSchema,
} from 'graphql';
import { zodDefinitionOf, type ZodDefinition } from '@ebp/contracts';
import type { z } from 'zod';

/**
 * GraphQL input types generated from the zod contracts, so that what a client may send and what
 * the service accepts have one source (decision 0021). The generator walks a contract's zod
 * definition; `describeContractShape` gives the same walk as plain data, which the schema tests
 * compare field by field with the served schema.
 *
 * How zod maps onto GraphQL:
 * - object → input type; record with enum keys → input type with a field per key;
 * - a discriminated union → one input type: the discriminator (an enum of its literals) and every
 *   variant's fields, each required only where every variant requires it with the same type
 *   (zod still checks the variant precisely);
 * - enum and literal → enum type (values must already be GraphQL names);
 * - string → String, or ID for a field named `id`, `…Id` or `…Ids`; integer → Int; number →
 *   Float; boolean → Boolean; array → list of non-null items;
 * - optional, default, nullable → the field may be left out (null means left out).
 */

/** The GraphQL type of a field or list item, as plain data. */
export type GraphTypeShape =
  | { readonly kind: 'scalar'; readonly name: 'String' | 'ID' | 'Int' | 'Float' | 'Boolean' }
  | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'list'; readonly of: GraphTypeShape };

export interface GraphFieldShape {
  readonly type: GraphTypeShape;
  readonly required: boolean;
  readonly description?: string;
}

export interface GraphInputShape {
  readonly name: string;
  readonly description?: string;
  readonly fields: Readonly<Record<string, GraphFieldShape>>;
}

export interface GraphEnumShape {
  readonly name: string;
  readonly description?: string;
  readonly values: readonly string[];
}

/** Every input, output and enum type a set of contracts needs, by name. */
export interface ContractShapes {
  readonly inputs: ReadonlyMap<string, GraphInputShape>;
  /** Object types with the same fields, for answers that carry a contract's value. */
  readonly outputs: ReadonlyMap<string, GraphInputShape>;
  readonly enums: ReadonlyMap<string, GraphEnumShape>;
}

export interface ContractTypes {
  /** The top-level inputs: GraphQL input type name → its zod contract. */
  readonly inputs: Readonly<Record<string, z.ZodType>>;
  /**
   * Names for nested objects and enums (the same zod schema object gets the same type wherever it
   * appears). Unnamed ones are named after their field (`ebpMatrix` → `EbpMatrixInput`, an enum
   * `kind` → `Kind`); a clash between two different schemas is an error naming the field.
   */
  readonly names?: ReadonlyArray<readonly [z.ZodType, string]>;
  /**
   * Object types for answers: GraphQL type name → the contract of the value it carries. Nested
   * objects are named after their field without a suffix (`ebpMatrix` → `EbpMatrix`).
   */
  readonly outputs?: Readonly<Record<string, z.ZodType>>;
  /** Names for nested objects of the output types (as `names` for the inputs). */
  readonly outputNames?: ReadonlyArray<readonly [z.ZodType, string]>;
  /** Enums the schema uses in output types too, emitted even if no input uses them. */
  readonly enums?: ReadonlyArray<readonly [z.ZodType, string]>;
  /** Enum names another part of the schema defines already (not emitted again). */
  readonly external?: readonly string[];
}

export class ContractMappingError extends Error {
  override readonly name = 'ContractMappingError';
}

const GRAPH_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const definitionOf = zodDefinitionOf;

const descriptionOf = (schema: z.ZodType): string | undefined =>
  (schema as unknown as { description?: string }).description;

const pascal = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

/** Optional, default, nullable, readonly and pipes (their input side) say nothing of the shape. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean; description?: string } {
  let current = schema;
  let optional = false;
  let description = descriptionOf(schema);
  for (;;) {
    const definition = definitionOf(current);
    if (['optional', 'default', 'nullable', 'prefault'].includes(definition.type)) {
      optional = true;
    } else if (!['readonly', 'catch', 'nonoptional', 'pipe'].includes(definition.type)) {
      return { schema: current, optional, ...(description ? { description } : {}) };
    }
    if (definition.type === 'nonoptional') optional = false;
    current = (
      definition.type === 'pipe' ? definition['in'] : definition['innerType']
    ) as z.ZodType;
    description ??= descriptionOf(current);
  }
}

/**
 * What makes two schemas the same contract: a described copy (`.describe()`) shares its
 * original's definition, so a field may carry its own description and still be the named type.
 */
function identityOf(schema: object): object {
  return isZodSchema(schema) ? definitionOf(schema) : schema;
}

function isZodSchema(value: object): value is z.ZodType {
  return '_zod' in value;
}

function isIdentifierField(field: string): boolean {
  return field === 'id' || /Ids?$/.test(field);
}

class ShapeBuilder {
  // Keyed by the zod schema's identity (or, for a union's discriminator, a stand-in for it).
  private readonly names = new Map<object, string>();
  private readonly outputNames = new Map<object, string>();
  private readonly owners = new Map<string, object>();
  /** The schema first named for each identity: its description describes the type. */
  private readonly canonical = new Map<object, z.ZodType>();
  /** Whether objects met now become input types or output types. */
  mode: 'input' | 'output' = 'input';
  private readonly discriminators = new WeakMap<object, object>();
  readonly inputs = new Map<string, GraphInputShape>();
  readonly outputs = new Map<string, GraphInputShape>();
  readonly enums = new Map<string, GraphEnumShape>();

  constructor(private readonly external: ReadonlySet<string>) {}

  name(schema: object, name: string, where: string, registry = this.names): string {
    const identity = identityOf(schema);
    const known = registry.get(identity);
    if (known) return known;
    if (!GRAPH_NAME.test(name))
      throw new ContractMappingError(`${where}: "${name}" is not a GraphQL name`);
    const owner = this.owners.get(name);
    if (owner && owner !== identity) {
      throw new ContractMappingError(
        `${where}: two different contracts would both be called ${name}; give one a name`,
      );
    }
    registry.set(identity, name);
    this.owners.set(name, identity);
    if (isZodSchema(schema) && !this.canonical.has(identity)) this.canonical.set(identity, schema);
    return name;
  }

  /** A type's description: its named contract's, not that of a field's described copy. */
  private typeDescription(schema: z.ZodType): string | undefined {
    return descriptionOf(this.canonical.get(identityOf(schema)) ?? schema);
  }

  enumType(
    schema: z.ZodType,
    fallbackName: string,
    where: string,
    discriminated?: { readonly key: object; readonly values: readonly string[] },
  ): GraphTypeShape {
    const name = this.name(discriminated?.key ?? schema, fallbackName, where);
    const enumValues = discriminated?.values ?? enumValuesOf(schema, where);
    for (const value of enumValues) {
      if (!GRAPH_NAME.test(value)) {
        throw new ContractMappingError(`${where}: enum value "${value}" is not a GraphQL name`);
      }
    }
    if (!this.external.has(name) && !this.enums.has(name)) {
      const description = this.typeDescription(schema);
      this.enums.set(name, { name, values: enumValues, ...(description ? { description } : {}) });
    }
    return { kind: 'enum', name, values: enumValues };
  }

  /** Names an output object (seeded from `outputNames`). */
  outputName(schema: z.ZodType, name: string): void {
    this.name(schema, name, name, this.outputNames);
  }

  input(schema: z.ZodType, fallbackName: string, where: string): GraphTypeShape {
    const output = this.mode === 'output';
    const name = this.name(schema, fallbackName, where, output ? this.outputNames : this.names);
    const types = output ? this.outputs : this.inputs;
    if (!types.has(name)) {
      // Reserve the name first: contracts may nest the same object below themselves.
      types.set(name, { name, fields: {} });
      const description = this.typeDescription(schema);
      types.set(name, {
        name,
        fields: this.fieldsOf(schema, name),
        ...(description ? { description } : {}),
      });
    }
    return { kind: 'input', name };
  }

  private fieldsOf(
    schema: z.ZodType,
    typeName: string,
    except?: string,
  ): Record<string, GraphFieldShape> {
    const definition = definitionOf(schema);
    if (definition.type === 'object') {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      return Object.fromEntries(
        Object.entries(shape)
          .filter(([field]) => field !== except)
          .map(([field, fieldSchema]) => [
            field,
            this.field(fieldSchema, field, `${typeName}.${field}`),
          ]),
      );
    }
    if (definition.type === 'record') {
      const keys = enumValuesOf(definition['keyType'] as z.ZodType, `${typeName} keys`);
      const value = definition['valueType'] as z.ZodType;
      return Object.fromEntries(
        keys.map((key) => {
          if (!GRAPH_NAME.test(key)) {
            throw new ContractMappingError(`${typeName}: key "${key}" is not a GraphQL name`);
          }
          return [key, this.field(value, key, `${typeName}.${key}`)];
        }),
      );
    }
    if (definition.type === 'union' && typeof definition['discriminator'] === 'string') {
      return this.variantFields(schema, definition, typeName);
    }
    throw new ContractMappingError(
      `${typeName}: a ${definition.type} cannot be a GraphQL input type`,
    );
  }

  /** A discriminated union as one input type (see the module comment). */
  private variantFields(
    schema: z.ZodType,
    definition: ZodDefinition,
    typeName: string,
  ): Record<string, GraphFieldShape> {
    const discriminator = definition['discriminator'] as string;
    const variants = (definition['options'] as z.ZodType[]).map((variant) =>
      this.fieldsOf(variant, typeName, discriminator),
    );
    const literals = (definition['options'] as z.ZodType[]).flatMap((variant) => {
      const tag = (variant as unknown as { shape: Record<string, z.ZodType> }).shape[
        discriminator
      ]!;
      return enumValuesOf(tag, `${typeName}.${discriminator}`);
    });
    const key = this.discriminators.get(identityOf(schema)) ?? {};
    this.discriminators.set(identityOf(schema), key);
    const enumName = `${typeName.replace(/Input$/, '')}${pascal(discriminator)}`;
    const tags = (definition['options'] as z.ZodType[]).map(
      (variant) =>
        (variant as unknown as { shape: Record<string, z.ZodType> }).shape[discriminator]!,
    );
    const tagDescription =
      tags.map(descriptionOf).find((text) => text !== undefined) ??
      `Which kind it is: ${literals.join(', ')}.`;
    const fields: Record<string, GraphFieldShape> = {
      [discriminator]: {
        type: this.enumType(schema, enumName, typeName, { key, values: literals }),
        required: true,
        description: tagDescription,
      },
    };
    const names = [...new Set(variants.flatMap((variant) => Object.keys(variant)))];
    for (const field of names.filter((name) => name !== discriminator)) {
      const shapes = variants.map((variant) => variant[field]);
      const first = shapes.find((shape) => shape !== undefined)!;
      for (const other of shapes) {
        if (other && JSON.stringify(other.type) !== JSON.stringify(first.type)) {
          throw new ContractMappingError(`${typeName}.${field}: variants disagree on its type`);
        }
      }
      const required = shapes.every((shape) => shape?.required === true);
      fields[field] = { ...first, required };
    }
    return fields;
  }

  private field(schema: z.ZodType, field: string, where: string): GraphFieldShape {
    const unwrapped = unwrap(schema);
    return {
      type: this.typeOf(unwrapped.schema, field, where),
      required: !unwrapped.optional,
      ...(unwrapped.description ? { description: unwrapped.description } : {}),
    };
  }

  private typeOf(schema: z.ZodType, field: string, where: string): GraphTypeShape {
    const definition = definitionOf(schema);
    switch (definition.type) {
      case 'string':
        return { kind: 'scalar', name: isIdentifierField(field) ? 'ID' : 'String' };
      case 'number': {
        const format = (schema as unknown as { format?: string | null }).format;
        const integer = typeof format === 'string' && /int/.test(format);
        return { kind: 'scalar', name: integer ? 'Int' : 'Float' };
      }
      case 'boolean':
        return { kind: 'scalar', name: 'Boolean' };
      case 'enum':
      case 'literal':
        return this.enumType(schema, pascal(field), where);
      case 'array': {
        const item = unwrap(definition['element'] as z.ZodType);
        if (item.optional)
          throw new ContractMappingError(`${where}: list items must not be optional`);
        return { kind: 'list', of: this.typeOf(item.schema, field, where) };
      }
      case 'object':
      case 'record':
      case 'union':
        return this.input(
          schema,
          this.mode === 'output' ? pascal(field) : `${pascal(field)}Input`,
          where,
        );
      default:
        throw new ContractMappingError(`${where}: a ${definition.type} has no GraphQL input type`);
    }
  }
}

function enumValuesOf(schema: z.ZodType, where: string): string[] {
  const definition = definitionOf(unwrap(schema).schema);
  if (definition.type === 'enum')
    return Object.values(definition['entries'] as Record<string, string>);
  if (definition.type === 'literal') return (definition['values'] as unknown[]).map(String);
  throw new ContractMappingError(`${where}: expected an enum, found a ${definition.type}`);
}

/** The input and enum types the contracts describe, as plain data. */
export function describeContractShapes(types: ContractTypes): ContractShapes {
  const builder = new ShapeBuilder(new Set(types.external ?? []));
  for (const [schema, name] of types.names ?? []) builder.name(schema, name, name);
  for (const [schema, name] of types.enums ?? []) builder.enumType(schema, name, name);
  for (const [name, schema] of Object.entries(types.inputs)) {
    const shape = builder.input(schema, name, name);
    if (shape.kind === 'input' && shape.name !== name) {
      throw new ContractMappingError(
        `${name}: its contract is already the input type ${shape.name}`,
      );
    }
  }
  builder.mode = 'output';
  for (const [schema, name] of types.outputNames ?? []) builder.outputName(schema, name);
  for (const [name, schema] of Object.entries(types.outputs ?? {})) {
    const shape = builder.input(schema, name, name);
    if (shape.kind === 'input' && shape.name !== name) {
      throw new ContractMappingError(
        `${name}: its contract is already the output type ${shape.name}`,
      );
    }
  }
  return { inputs: builder.inputs, outputs: builder.outputs, enums: builder.enums };
}

function typeReference(type: GraphTypeShape): string {
  return type.kind === 'list' ? `[${typeReference(type.of)}!]` : type.name;
}

const quoted = (description: string | undefined, indent: string): string =>
  description ? `${indent}${JSON.stringify(description)}\n` : '';

/** The SDL of every input and enum type the contracts need (to splice into a subgraph schema). */
export function contractTypeDefs(types: ContractTypes): string {
  const shapes = describeContractShapes(types);
  const enums = [...shapes.enums.values()].map(
    (type) =>
      `${quoted(type.description, '  ')}  enum ${type.name} {\n${type.values.map((value) => `    ${value}`).join('\n')}\n  }`,
  );
  const objects = (keyword: 'input' | 'type', types: ReadonlyMap<string, GraphInputShape>) =>
    [...types.values()].map((type) => {
      const fields = Object.entries(type.fields).map(
        ([name, field]) =>
          `${quoted(field.description, '    ')}    ${name}: ${typeReference(field.type)}${field.required ? '!' : ''}`,
      );
      return `${quoted(type.description, '  ')}  ${keyword} ${type.name} {\n${fields.join('\n')}\n  }`;
    });
  const all = [...enums, ...objects('input', shapes.inputs), ...objects('type', shapes.outputs)];
  return `\n${all.join('\n\n')}\n`;
}

/**
 * GraphQL passes a field the client set to null as null; the contracts mean "left out" by an
 * optional field. Drops null-valued properties (at any depth) before the contract parses the input.
 */
export function inputFromGraph(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inputFromGraph);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([name, field]) => [name, inputFromGraph(field)]),
  );
}

function describeGraphType(type: GraphQLType): string {
  if (isNonNullType(type)) return `${describeGraphType(type.ofType as GraphQLType)}!`;
  if (isListType(type)) return `[${describeGraphType(type.ofType)}]`;
  return (type as GraphQLNamedType).name;
}

function expectedGraphType(type: GraphTypeShape, required: boolean): string {
  const named = type.kind === 'list' ? `[${expectedGraphType(type.of, true)}]` : type.name;
  return required ? `${named}!` : named;
}

/**
 * Where a served schema differs from the contracts' types, one line each (none when they agree
 * field by field: names, types, lists, nullability and enum values).
 */
export function contractDrift(schema: GraphQLSchema, types: ContractTypes): string[] {
  const shapes = describeContractShapes({ ...types, external: [] });
  const problems: string[] = [];
  const compare = (shape: GraphInputShape, output: boolean) => {
    const served = schema.getType(shape.name);
    if (output ? !isObjectType(served) : !isInputObjectType(served)) {
      problems.push(`${shape.name}: not ${output ? 'an object' : 'an input'} type in the schema`);
      return;
    }
    const fields = (served as GraphQLInputObjectType | GraphQLObjectType).getFields();
    for (const [name, field] of Object.entries(shape.fields)) {
      const actual = fields[name];
      const expected = expectedGraphType(field.type, field.required);
      if (!actual) problems.push(`${shape.name}.${name}: missing (the contract has ${expected})`);
      else if (describeGraphType(actual.type) !== expected) {
        problems.push(
          `${shape.name}.${name}: ${describeGraphType(actual.type)}, the contract says ${expected}`,
        );
      }
    }
    for (const name of Object.keys(fields).filter((name) => !(name in shape.fields))) {
      problems.push(`${shape.name}.${name}: not in the contract`);
    }
  };
  for (const shape of shapes.inputs.values()) compare(shape, false);
  for (const shape of shapes.outputs.values()) compare(shape, true);
  for (const shape of shapes.enums.values()) {
    const served = schema.getType(shape.name);
    if (!isEnumType(served)) {
      problems.push(`${shape.name}: not an enum in the schema`);
      continue;
    }
    const actual = served
      .getValues()
      .map((value) => value.name)
      .sort();
    const expected = [...shape.values].sort();
    if (actual.join() !== expected.join()) {
      problems.push(
        `${shape.name}: values ${actual.join(', ')}; the contract says ${expected.join(', ')}`,
      );
    }
  }
  return problems;
}
