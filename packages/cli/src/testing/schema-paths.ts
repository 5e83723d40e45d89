// Every way a client of the federated graph can reach a research project, found by walking the
// composed schema (DESIGN.md §7: need-to-know is proven by a leak test generated from the
// supergraph, not by a hand-written list of paths). Pure: reads the supergraph the gateway serves
// and builds queries; the leak scenario runs them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaOf, gatewayRoot } from '@ebp/gateway';
import { DEFAULT_GRAPHQL_LIMITS } from '@ebp/platform';
import {
  Kind,
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** The entity whose references are its data (the register's). */
export const PROJECT_TYPE = 'ResearchProject';
/** Fields that carry a project's id, by name: wherever they are, they are references. */
export const PROJECT_ID_FIELDS: readonly string[] = ['projectId', 'projectIds'];
/** Arguments (and input fields) that name a project or an organisation in a write. */
export const PROJECT_ARGUMENTS: readonly string[] = ['projectId', 'projectIds'];
export const ORGANISATION_ARGUMENTS: readonly string[] = [
  'organisationId',
  'organisationIds',
  'partyIds',
];

/** The federated graph as the gateway serves it, and which subgraph resolves each field. */
export interface ComposedGraph {
  /** The API schema: the supergraph less the federation machinery (no `_entities`, `_service`). */
  readonly schema: GraphQLSchema;
  /** The subgraphs that resolve `Type.field` (lower case, as in `subgraphs.json`). */
  ownersOf(typeName: string, fieldName: string): readonly string[];
  /** Every subgraph of the supergraph. */
  readonly services: readonly string[];
}

/** Reads the supergraph the gateway loads at start (`gateway/supergraph.graphql`). */
export function loadComposedGraph(
  supergraphSdl = readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8'),
): ComposedGraph {
  const schema = buildSchema(apiSchemaOf(supergraphSdl));
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const typeGraphs = new Map<string, string[]>();
  const fieldGraphs = new Map<string, string[]>();
  const stringArgument = (directive: ConstDirectiveNode, name: string): string | undefined => {
    const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
    if (value?.kind === Kind.ENUM || value?.kind === Kind.STRING) return value.value;
    if (value?.kind === Kind.BOOLEAN) return String(value.value);
    return undefined;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
        const name = graph && stringArgument(graph, 'name');
        if (name) graphNames.set(value.name.value, name);
      }
    }
  }
  const graphOf = (enumValue: string) => graphNames.get(enumValue) ?? enumValue.toLowerCase();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    const typeName = definition.name.value;
    const graphs = (definition.directives ?? [])
      .filter((directive) => directive.name.value === 'join__type')
      .map((directive) => stringArgument(directive, 'graph'))
      .filter((graph): graph is string => graph !== undefined)
      .map(graphOf);
    typeGraphs.set(typeName, [...(typeGraphs.get(typeName) ?? []), ...graphs]);
    for (const field of definition.fields ?? []) {
      const owners = (field.directives ?? [])
        .filter((directive) => directive.name.value === 'join__field')
        .filter((directive) => stringArgument(directive, 'external') !== 'true')
        .map((directive) => stringArgument(directive, 'graph'))
        .filter((graph): graph is string => graph !== undefined)
        .map(graphOf);
      if (owners.length > 0) fieldGraphs.set(`${typeName}.${field.name.value}`, owners);
    }
  }
  return {
    schema,
    services: [...new Set(graphNames.values())].sort(),
    ownersOf(typeName, fieldName) {
      return [
        ...new Set(fieldGraphs.get(`${typeName}.${fieldName}`) ?? typeGraphs.get(typeName) ?? []),
      ].sort();
    },
  };
}

/** One field on the way: `parentType.field`, continuing in `on` when the field is abstract. */
export interface PathStep {
  readonly parentType: string;
  readonly field: string;
  readonly on?: string;
}

/**
 * What the path ends at: a research project, a field carrying a project's id, or an opaque value
 * (a custom scalar such as JSON, or a root field's scalar) that may carry either.
 */
export type PathTarget = 'project' | 'project-id' | 'opaque';

/** A required argument of a field on the path, passed as a variable. */
export interface ArgumentSlot {
  readonly variable: string;
  readonly name: string;
  /** The argument's type as written in SDL, e.g. `ID!` or `[ID!]!`. */
  readonly typeText: string;
  readonly type: GraphQLInputType;
  /** The field it belongs to, its parent type and the named type the field returns. */
  readonly field: string;
  readonly parentType: string;
  readonly returns: string;
  /** 0 for the root field. */
  readonly step: number;
}

export type SelectionMode = 'full' | 'minimal';

export interface GraphPath {
  /** `Query.person > Person.projects > Involvement.project` */
  readonly key: string;
  readonly steps: readonly PathStep[];
  readonly target: PathTarget;
  /** The subgraph(s) that hold the reference: those resolving the path's last field. */
  readonly holders: readonly string[];
  /** Levels of the query, as the gateway's depth limit counts them. */
  readonly depth: number;
  readonly arguments: readonly ArgumentSlot[];
  /**
   * The operation: `full` selects, at every level, the scalar fields beside the path (roles,
   * dates, counts) and every scalar of a project at the end; `minimal` only ids and the title.
   */
  query(mode: SelectionMode): string;
}

export interface WalkOptions {
  /** The gateway's depth limit; the default is the platform's. */
  readonly maxDepth?: number;
}

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

const requiredArguments = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter(
    (argument) => isNonNullType(argument.type) && argument.defaultValue === undefined,
  );

/** The fields of a type that a selection can name without arguments and without sub-selection. */
function scalarFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((field) => !field.name.startsWith('_'))
    .filter((field) => isLeafType(getNamedType(field.type)))
    .filter((field) => requiredArguments(field).length === 0)
    .map((field) => field.name);
}

function targetOf(field: GraphQLField<unknown, unknown>, atRoot: boolean): PathTarget | undefined {
  const named = getNamedType(field.type);
  if (named.name === PROJECT_TYPE) return 'project';
  if (PROJECT_ID_FIELDS.includes(field.name)) return 'project-id';
  if (isLeafType(named) && (atRoot || (!BUILT_IN_SCALARS.has(named.name) && !isEnum(named))))
    return 'opaque';
  return undefined;
}

const isEnum = (type: GraphQLNamedType) => type.astNode?.kind === Kind.ENUM_TYPE_DEFINITION;

/** The concrete object types a field's value may have. */
function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

/**
 * Every path from a root Query field, through any object type at most once (entities included,
 * whichever subgraph resolves them), to a research project, a project id or an opaque value,
 * that fits in the gateway's depth limit. `_entities` and `_service` are not in the API schema.
 */
export function projectPaths(graph: ComposedGraph, options: WalkOptions = {}): GraphPath[] {
  const { schema } = graph;
  const maxDepth = options.maxDepth ?? DEFAULT_GRAPHQL_LIMITS.maxDepth;
  const query = schema.getQueryType();
  if (!query) return [];
  const found: GraphPath[] = [];

  const visit = (type: GraphQLObjectType, prefix: PathStep[], onPath: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const level = prefix.length + 1;
      const named = getNamedType(field.type);
      const types = concreteTypes(schema, named);
      const target = targetOf(field, prefix.length === 0);
      if (target) {
        const depth = level + (types.length > 0 ? 1 : 0);
        if (depth <= maxDepth)
          for (const on of types.length > 1 ? types : [undefined])
            found.push(
              pathOf(
                graph,
                [
                  ...prefix,
                  { parentType: type.name, field: field.name, ...(on ? { on: on.name } : {}) },
                ],
                target,
              ),
            );
      }
      // A deeper path needs at least one more level for its own last field.
      if (level + 1 > maxDepth) continue;
      for (const next of types) {
        if (onPath.has(next.name)) continue;
        visit(
          next,
          [
            ...prefix,
            {
              parentType: type.name,
              field: field.name,
              ...(types.length > 1 || isAbstractType(named) ? { on: next.name } : {}),
            },
          ],
          new Set([...onPath, next.name]),
        );
      }
    }
  };
  visit(query, [], new Set([query.name]));
  return [...found.filter((path) => path.target !== 'opaque'), ...opaqueCarriers(found)];
}

/**
 * Opaque values are many (every JSON field on every way there): each is kept once per root field,
 * by its shortest path, unless a project path from the same root already selects it beside the
 * path (it then passes through the value's type), or the way there passes through a project (a
 * project's own fields are the register's, selected whole where a path ends at the project).
 */
function opaqueCarriers(found: readonly GraphPath[]): GraphPath[] {
  const rootOf = (path: GraphPath) => path.steps[0]!.field;
  const typeAt = (step: PathStep) => step.on ?? step.parentType;
  const traversed = new Set<string>();
  for (const path of found)
    if (path.target !== 'opaque')
      for (const step of path.steps) traversed.add(`${rootOf(path)} ${typeAt(step)}`);
  const kept = new Map<string, GraphPath>();
  for (const path of found) {
    if (path.target !== 'opaque') continue;
    const last = path.steps[path.steps.length - 1]!;
    if (path.steps.length > 1 && traversed.has(`${rootOf(path)} ${typeAt(last)}`)) continue;
    if (path.steps.slice(1).some((step) => typeAt(step) === PROJECT_TYPE)) continue;
    const key = `${rootOf(path)} ${last.parentType}.${last.field}`;
    const shortest = kept.get(key);
    if (!shortest || shortest.steps.length > path.steps.length) kept.set(key, path);
  }
  return [...kept.values()];
}

function pathOf(graph: ComposedGraph, steps: PathStep[], target: PathTarget): GraphPath {
  const { schema } = graph;
  const last = steps[steps.length - 1]!;
  const slots: ArgumentSlot[] = [];
  steps.forEach((step, index) => {
    const field = fieldOf(schema, step);
    for (const argument of requiredArguments(field))
      slots.push(slotOf(argument, step, getNamedType(field.type).name, index));
  });
  const lastNamed = getNamedType(fieldOf(schema, last).type);
  const path: GraphPath = {
    key: steps
      .map((step) => `${step.parentType}.${step.field}${step.on ? `<${step.on}>` : ''}`)
      .join(' > '),
    steps,
    target,
    holders: graph.ownersOf(last.parentType, last.field),
    depth: steps.length + (isLeafType(lastNamed) ? 0 : 1),
    arguments: slots,
    query: (mode) => operationFor(schema, [path], mode),
  };
  return path;
}

function slotOf(
  argument: GraphQLArgument,
  step: PathStep,
  returns: string,
  index: number,
): ArgumentSlot {
  return {
    variable: `s${index}_${step.field}_${argument.name}`,
    name: argument.name,
    typeText: String(argument.type),
    type: argument.type,
    field: step.field,
    parentType: step.parentType,
    returns,
    step: index,
  };
}

const fieldOf = (schema: GraphQLSchema, step: PathStep) =>
  (schema.getType(step.parentType) as GraphQLObjectType).getFields()[step.field]!;

/** What a query selects on one object: scalar fields, and fields with their own selections. */
export interface Selection {
  readonly scalars: Set<string>;
  readonly children: Map<string, FieldSelection>;
}
export interface FieldSelection {
  readonly arguments: string;
  /** Set when the field is abstract: a selection per concrete type (inline fragments). */
  readonly fragments?: Map<string, Selection>;
  readonly selection: Selection;
}
const emptySelection = (): Selection => ({ scalars: new Set(), children: new Map() });

/** Adds a path's selections to a tree: the fields beside it (`full`) and the end's scalars. */
function addPath(
  schema: GraphQLSchema,
  tree: Selection,
  path: GraphPath,
  mode: SelectionMode,
): void {
  const argumentsOf = (index: number) => {
    const own = path.arguments.filter((slot) => slot.step === index);
    return own.length === 0
      ? ''
      : `(${own.map((slot) => `${slot.name}: $${slot.variable}`).join(', ')})`;
  };
  const beside = (type: GraphQLObjectType): string[] =>
    scalarFields(type).filter((name) => mode === 'full' || name === 'id');
  const atEnd = (type: GraphQLObjectType): string[] => {
    const chosen = scalarFields(type).filter(
      (name) => mode === 'full' || name === 'id' || name === 'title',
    );
    return chosen.length > 0 ? chosen : ['__typename'];
  };
  let here = tree;
  path.steps.forEach((step, index) => {
    const named = getNamedType(fieldOf(schema, step).type);
    if (isLeafType(named)) {
      here.scalars.add(`${step.field}${argumentsOf(index)}`);
      return;
    }
    let field = here.children.get(step.field);
    if (!field) {
      field = {
        arguments: argumentsOf(index),
        selection: emptySelection(),
        ...(isAbstractType(named) ? { fragments: new Map<string, Selection>() } : {}),
      };
      here.children.set(step.field, field);
    }
    let inner = field.selection;
    if (field.fragments && step.on) {
      inner = field.fragments.get(step.on) ?? emptySelection();
      field.fragments.set(step.on, inner);
    }
    const type = (step.on ? schema.getType(step.on) : named) as GraphQLObjectType;
    for (const name of index === path.steps.length - 1 ? atEnd(type) : beside(type))
      inner.scalars.add(name);
    here = inner;
  });
}

function printSelection(selection: Selection): string {
  const parts = [...selection.scalars];
  for (const [name, field] of selection.children) {
    const fragments = field.fragments
      ? [...field.fragments].map(([on, inner]) => `... on ${on} { ${printSelection(inner)} }`)
      : [];
    const own = printSelection(field.selection);
    parts.push(
      `${name}${field.arguments} { ${[fragments.length > 0 ? '__typename' : '', own, ...fragments]
        .filter((text) => text !== '')
        .join(' ')} }`,
    );
  }
  return parts.join(' ');
}

/** The selection tree one path (or several, merged) makes. */
export function selectionOf(
  schema: GraphQLSchema,
  paths: readonly GraphPath[],
  mode: SelectionMode,
): Selection {
  const tree = emptySelection();
  for (const path of paths) addPath(schema, tree, path, mode);
  return tree;
}

/**
 * One operation for paths from the same root field with the same arguments: GraphQL merges the
 * selections they share, so one request answers them all.
 */
export function operationFor(
  schema: GraphQLSchema,
  paths: readonly GraphPath[],
  mode: SelectionMode,
): string {
  const slots = new Map<string, string>();
  for (const path of paths)
    for (const slot of path.arguments) slots.set(slot.variable, slot.typeText);
  const variables =
    slots.size === 0
      ? ''
      : `(${[...slots].map(([variable, type]) => `$${variable}: ${type}`).join(', ')})`;
  return `query LeakPath${variables} { ${printSelection(selectionOf(schema, paths, mode))} }`;
}

/** Lexical tokens of a document, roughly as the gateway's parser counts them. */
export const tokensIn = (document: string): number =>
  document.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|"[^"]*"|[{}():$!,[\]=@|&]/g)
    ?.length ?? 0;

/** The part of an answer that one path's own selection asked for (its data and its errors). */
export function projection(
  schema: GraphQLSchema,
  path: GraphPath,
  mode: SelectionMode,
  response: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly { message: string; path?: readonly (string | number)[] }[];
  },
): { data: unknown; errors: unknown[] } {
  const tree = selectionOf(schema, [path], mode);
  const prune = (value: unknown, selection: Selection): unknown => {
    if (Array.isArray(value)) return value.map((item) => prune(item, selection));
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const scalar of selection.scalars) {
      const name = scalar.replace(/\(.*$/, '');
      if (name in record) kept[name] = record[name];
    }
    for (const [name, field] of selection.children) {
      if (!(name in record)) continue;
      const inner = field.fragments
        ? [...field.fragments.values()].reduce(
            (all, fragment) => ({
              scalars: new Set([...all.scalars, ...fragment.scalars, '__typename']),
              children: new Map([...all.children, ...fragment.children]),
            }),
            field.selection,
          )
        : field.selection;
      kept[name] = prune(record[name], inner);
    }
    return kept;
  };
  const asked = (errorPath: readonly (string | number)[] | undefined): boolean => {
    if (!errorPath || errorPath.length === 0) return true;
    let selection: Selection | undefined = tree;
    const names = errorPath.filter((segment): segment is string => typeof segment === 'string');
    for (const [index, name] of names.entries()) {
      if (!selection) return false;
      const child: FieldSelection | undefined = selection.children.get(name);
      if (index === names.length - 1)
        return (
          child !== undefined ||
          [...selection.scalars].some((scalar) => scalar.replace(/\(.*$/, '') === name)
        );
      selection = child?.selection;
    }
    return false;
  };
  return {
    data: response.data === undefined || response.data === null ? null : prune(response.data, tree),
    errors: (response.errors ?? []).filter((error) => asked(error.path)),
  };
}

/**
 * Where an error's null lands: GraphQL nulls the nearest nullable position at or above the field
 * that failed, so every path through it is hidden by the error. The field names down to that
 * position; an empty list when the whole answer is null (or the error has no path).
 */
export function nulledBy(schema: GraphQLSchema, errorPath: readonly (string | number)[]): string[] {
  type Position = { readonly names: string[]; readonly nullable: boolean };
  const positions: Position[] = [];
  let type: GraphQLOutputType | undefined = schema.getQueryType() ?? undefined;
  const names: string[] = [];
  for (const segment of errorPath) {
    if (!type) break;
    if (typeof segment === 'string') {
      const parent: GraphQLNamedType = getNamedType(type);
      const field: GraphQLField<unknown, unknown> | undefined = isObjectType(parent)
        ? parent.getFields()[segment]
        : undefined;
      if (!field) break;
      names.push(segment);
      positions.push({ names: [...names], nullable: !isNonNullType(field.type) });
      type = field.type;
    } else {
      const list = isNonNullType(type) ? type.ofType : type;
      if (!isListType(list)) break;
      const item = list.ofType as GraphQLOutputType;
      positions.push({ names: [...names], nullable: !isNonNullType(item) });
      type = item;
    }
  }
  for (let index = positions.length - 1; index >= 0; index--)
    if (positions[index]!.nullable) return positions[index]!.names;
  return [];
}

/** Where a write names a project or an organisation. */
export interface WriteReference {
  readonly mutation: string;
  /** The argument, then keys inside it (`*` for every item of a list). */
  readonly at: readonly string[];
  readonly kind: 'project' | 'organisation';
  /** A list of ids rather than one. */
  readonly many: boolean;
  /** Found by argument or input-field name, by the mutation's name, or listed for a JSON input. */
  readonly found: 'argument' | 'input-field' | 'mutation-name' | 'listed';
}

/** Keys inside JSON inputs that name a project or organisation: what the schema cannot tell. */
export type JsonReferences = Readonly<
  Record<string, Readonly<Record<string, readonly WriteReferenceInJson[]>>>
>;
export interface WriteReferenceInJson {
  readonly at: readonly string[];
  readonly kind: 'project' | 'organisation';
  readonly many?: boolean;
}

/**
 * Whether an input type is a typed reference to a partner (`{ kind, id }`, the kind an enum that
 * may say `organisation`): its `id` then names an organisation.
 */
function refersToOrganisationById(type: GraphQLInputObjectType): boolean {
  const { kind, id } = type.getFields();
  const kinds = kind && getNamedType(kind.type);
  return (
    id !== undefined &&
    kinds !== undefined &&
    isEnumType(kinds) &&
    kinds.getValue('organisation') !== undefined
  );
}

/**
 * Every mutation that names a project or organisation: arguments and input-object fields named
 * like `projectId` or `organisationId`, and the `id` of a typed reference to an organisation
 * (`{ kind: organisation, id }`); an `id` argument of a mutation named `…Project` (the
 * register's own commands, `proposeProject` included: its id must not collide with a hidden
 * project's either); and keys inside `JSON` inputs, which only the list given can tell.
 */
export function writeReferences(
  graph: ComposedGraph,
  jsonReferences: JsonReferences,
): WriteReference[] {
  const mutation = graph.schema.getMutationType();
  if (!mutation) return [];
  const found: WriteReference[] = [];
  const kindOf = (name: string) =>
    PROJECT_ARGUMENTS.includes(name)
      ? ('project' as const)
      : ORGANISATION_ARGUMENTS.includes(name)
        ? ('organisation' as const)
        : undefined;
  const inInput = (
    mutationName: string,
    type: GraphQLInputType,
    at: string[],
    seen: Set<string>,
  ) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields())) {
      const where = [...at, ...(isListType(unwrapNonNull(type)) ? ['*'] : []), field.name];
      const kind =
        kindOf(field.name) ??
        (field.name === 'id' && refersToOrganisationById(named)
          ? ('organisation' as const)
          : undefined);
      if (kind)
        found.push({
          mutation: mutationName,
          at: where,
          kind,
          many: isListType(unwrapNonNull(field.type)),
          found: 'input-field',
        });
      inInput(mutationName, field.type, where, new Set([...seen, named.name]));
    }
  };
  for (const field of Object.values(mutation.getFields())) {
    for (const argument of field.args) {
      const kind = kindOf(argument.name);
      if (kind)
        found.push({
          mutation: field.name,
          at: [argument.name],
          kind,
          many: isListType(unwrapNonNull(argument.type)),
          found: 'argument',
        });
      else if (argument.name === 'id' && /Project$/.test(field.name))
        found.push({
          mutation: field.name,
          at: ['id'],
          kind: 'project',
          many: false,
          found: 'mutation-name',
        });
      inInput(field.name, argument.type, [argument.name], new Set());
      for (const listed of jsonReferences[field.name]?.[argument.name] ?? [])
        found.push({
          mutation: field.name,
          at: [argument.name, ...listed.at],
          kind: listed.kind,
          many: listed.many ?? false,
          found: 'listed',
        });
    }
  }
  return found;
}

const unwrapNonNull = (type: GraphQLInputType): GraphQLInputType =>
  isNonNullType(type) ? type.ofType : type;

/** Mutations with an argument of a custom scalar (JSON): the schema cannot say what is inside. */
export function opaqueMutationArguments(
  graph: ComposedGraph,
): { mutation: string; argument: string }[] {
  const mutation = graph.schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).flatMap((field) =>
    field.args
      .filter((argument) => {
        const named = getNamedType(argument.type);
        return isLeafType(named) && !BUILT_IN_SCALARS.has(named.name) && !isEnum(named);
      })
      .map((argument) => ({ mutation: field.name, argument: argument.name })),
  );
}

/**
 * The list fields whose items are references to a project: lists of projects, of project ids,
 * and of things that stand for a project link (an item type with a `project` field or a non-null
 * `projectId`: a team membership, a collaboration, a partner's outcome). A hidden project must
 * not lengthen them for a reader who may not see it.
 */
export function referenceListFields(graph: ComposedGraph): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(graph.schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) continue;
      const item = getNamedType(field.type);
      const standsForLink =
        isObjectType(item) &&
        Object.values(item.getFields()).some(
          (inner) =>
            (inner.name === 'project' && getNamedType(inner.type).name === PROJECT_TYPE) ||
            (PROJECT_ID_FIELDS.includes(inner.name) &&
              isNonNullType(inner.type) &&
              !isListType(inner.type.ofType)),
        );
      if (item.name === PROJECT_TYPE || PROJECT_ID_FIELDS.includes(field.name) || standsForLink)
        names.add(field.name);
    }
  }
  return names;
}

/** A mutation as one operation taking every argument as a variable, selecting what it returns. */
export interface WriteOperation {
  readonly mutation: string;
  readonly query: string;
  readonly arguments: readonly GraphQLArgument[];
}

export function writeOperation(graph: ComposedGraph, name: string): WriteOperation {
  const field = graph.schema.getMutationType()?.getFields()[name];
  if (!field) throw new Error(`No mutation ${name} in the composed graph`);
  const named = getNamedType(field.type);
  const selectionOf = (type: GraphQLNamedType, levels: number): string => {
    const types = concreteTypes(graph.schema, type);
    if (types.length === 0) return '';
    const inner = types.map((concrete) => {
      const fields = Object.values(concrete.getFields())
        .filter((inner) => !inner.name.startsWith('_') && requiredArguments(inner).length === 0)
        .map((inner) => {
          const innerNamed = getNamedType(inner.type);
          if (isLeafType(innerNamed)) return inner.name;
          return levels > 0 ? `${inner.name} ${selectionOf(innerNamed, levels - 1)}` : '';
        })
        .filter((text) => text !== '' && !text.endsWith(' '));
      return isAbstractType(type)
        ? `... on ${concrete.name} { ${fields.join(' ')} }`
        : fields.join(' ');
    });
    return `{ __typename ${inner.join(' ')} }`;
  };
  const variables = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`);
  const passed = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  return {
    mutation: name,
    arguments: field.args,
    query: `mutation LeakWrite${variables.length ? `(${variables.join(', ')})` : ''} { ${[
      `${name}${passed.length ? `(${passed.join(', ')})` : ''}`,
      selectionOf(named, 1),
    ]
      .filter((part) => part !== '')
      .join(' ')} }`,
  };
}
