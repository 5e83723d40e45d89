import { EbpError } from '@ebp/contracts';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/** How much one operation may ask for (DESIGN.md §7): checked before anything is resolved. */
export interface GraphqlLimits {
  /** Nesting of fields, fragments expanded. */
  readonly maxDepth: number;
  /** Aliased fields in one operation: aliases multiply work without deepening the query. */
  readonly maxAliases: number;
  /**
   * Estimated work: each field costs 1, and a field's selections count once per item it may
   * return, taken from its `limit` argument (a list without one counts its selections once).
   */
  readonly maxCost: number;
  /** Lexical tokens in one document, checked by the parser. */
  readonly maxTokens: number;
  /**
   * Fragment spreads (`...Name`) in one document, wherever they are: a few spreads of fragments
   * that spread each other stand for an exponential number of fields.
   */
  readonly maxFragmentSpreads: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 5_000,
  maxFragmentSpreads: 200,
};

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * Sees the work the limit rules do, for tests that bound it: `visit` is called once for every
 * selection (field, inline fragment or fragment spread) the rules look at.
 */
export interface GraphqlLimitsProbe {
  visit(): void;
}

/** An operation over the limits: refused before it runs, with its own code (not Apollo's). */
export class QueryTooComplex extends EbpError {
  readonly code = QUERY_TOO_COMPLEX;
}

function refuse(context: ValidationContext, message: string): void {
  context.reportError(
    new GraphQLError(message, {
      extensions: { code: QUERY_TOO_COMPLEX },
      originalError: new QueryTooComplex(message),
    }),
  );
}

interface Measure {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, cost: 0 };

/**
 * Counts stop here rather than grow to Infinity (or to NaN, as 0 × Infinity would): a count this
 * large is over any limit, and every product of two saturated counts is still a finite number.
 */
const SATURATED = Number.MAX_SAFE_INTEGER;
const plus = (a: number, b: number) => Math.min(SATURATED, a + b);
const times = (a: number, b: number) => Math.min(SATURATED, a * b);
const shown = (count: number) => (count >= SATURATED ? `at least ${count}` : String(count));

/**
 * Variables are unknown while validating, so a `limit` taken from one counts as the largest page,
 * and `ids` taken from one as the longest list.
 */
const LARGEST_PAGE = 200;

/** The most ids a field that reads entities by id (`people(ids:)`) takes at once. */
export const LARGEST_ID_LIST = 100;

/**
 * How many items a field may return: its `limit`, or as many as the `ids` it is asked for (one
 * `people` of 100 ids is 100 people, not one).
 */
function limitOf(field: FieldNode): number {
  const argument = (name: string): ValueNode | undefined =>
    field.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const limit = argument('limit');
  const ids = argument('ids');
  const byLimit =
    limit?.kind === Kind.INT
      ? Math.min(SATURATED, Math.max(1, Number(limit.value)))
      : limit?.kind === Kind.VARIABLE
        ? LARGEST_PAGE
        : 1;
  const byIds =
    ids?.kind === Kind.LIST
      ? Math.max(1, ids.values.length)
      : ids?.kind === Kind.VARIABLE
        ? LARGEST_ID_LIST
        : 1;
  return Math.max(byLimit, byIds);
}

/** The fragment spreads in a document, each selection looked at once. */
function fragmentSpreadsIn(document: DocumentNode, probe: GraphqlLimitsProbe | undefined): number {
  let spreads = 0;
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    )
      pending.push(definition.selectionSet);
  }
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      probe?.visit();
      if (selection.kind === Kind.FRAGMENT_SPREAD) spreads += 1;
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return spreads;
}

const MEASURING = 'measuring';

/**
 * Measures the operations of one document. Each fragment is measured once, the first time it is
 * spread, and every spread of it counts its remembered measure: the work is linear in the size of
 * the document, however the fragments spread each other. A fragment spread while it is being
 * measured (a cycle, which is GraphQL's own NoFragmentCycles error) counts as nothing, so the
 * measuring ends whether or not that rule runs.
 */
class DocumentMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Measure | typeof MEASURING>();

  constructor(
    document: DocumentNode,
    private readonly probe: GraphqlLimitsProbe | undefined,
  ) {
    for (const definition of document.definitions) {
      // A repeated name is GraphQL's own UniqueFragmentNames error; the first one is measured.
      if (
        definition.kind === Kind.FRAGMENT_DEFINITION &&
        !this.fragments.has(definition.name.value)
      )
        this.fragments.set(definition.name.value, definition);
    }
  }

  ofSelections(selections: SelectionSetNode | undefined): Measure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of selections?.selections ?? []) {
      this.probe?.visit();
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const child = this.ofSelections(selection.selectionSet);
        const items = limitOf(selection);
        inner = {
          depth: child.depth + 1,
          aliases: plus(times(child.aliases, items), selection.alias ? 1 : 0),
          cost: plus(1, times(child.cost, items)),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.ofSelections(selection.selectionSet);
      } else {
        inner = this.ofFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases = plus(aliases, inner.aliases);
      cost = plus(cost, inner.cost);
    }
    return { depth, aliases, cost };
  }

  private ofFragment(name: string): Measure {
    const known = this.measured.get(name);
    if (known === MEASURING) return NOTHING;
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return NOTHING; // an unknown fragment is GraphQL's own KnownFragmentNames error
    this.measured.set(name, MEASURING);
    const found = this.ofSelections(fragment.selectionSet);
    this.measured.set(name, found);
    return found;
  }
}

/**
 * Validation rules enforcing the limits; give them to Apollo Server as `validationRules`. They
 * run in time linear in the document (DESIGN.md §7); `probe` lets a test count their work.
 */
export function graphqlLimits(
  overrides: Partial<GraphqlLimits> = {},
  probe?: GraphqlLimitsProbe,
): ValidationRule[] {
  const limits = { ...DEFAULT_GRAPHQL_LIMITS, ...overrides };
  const rule: ValidationRule = (context) => {
    let measurer: DocumentMeasurer | undefined;
    return {
      Document(document) {
        const spreads = fragmentSpreadsIn(document, probe);
        if (spreads > limits.maxFragmentSpreads) {
          refuse(
            context,
            `The query spreads fragments ${spreads} times; the limit is ${limits.maxFragmentSpreads}`,
          );
          return false; // nothing more to measure: the document is refused
        }
        measurer = new DocumentMeasurer(document, probe);
        return undefined;
      },
      OperationDefinition(operation) {
        measurer ??= new DocumentMeasurer(context.getDocument(), probe);
        const found = measurer.ofSelections(operation.selectionSet);
        if (found.depth > limits.maxDepth)
          refuse(
            context,
            `The query is ${shown(found.depth)} levels deep; the limit is ${limits.maxDepth}`,
          );
        if (found.aliases > limits.maxAliases)
          refuse(
            context,
            `The query uses ${shown(found.aliases)} aliases; the limit is ${limits.maxAliases}`,
          );
        if (found.cost > limits.maxCost)
          refuse(
            context,
            `The query's estimated cost is ${shown(found.cost)}; the limit is ${limits.maxCost}`,
          );
      },
    };
  };
  return [rule];
}
