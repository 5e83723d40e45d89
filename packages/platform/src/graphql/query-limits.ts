import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
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
}

export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 5_000,
};

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

function refuse(context: ValidationContext, message: string): void {
  context.reportError(new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX } }));
}

interface Measure {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
}

/** Variables are unknown while validating, so a `limit` taken from one counts as the largest page. */
const LARGEST_PAGE = 200;

function limitOf(field: FieldNode): number {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'limit');
  const value: ValueNode | undefined = argument?.value;
  if (value?.kind === Kind.INT) return Math.max(1, Number(value.value));
  if (value?.kind === Kind.VARIABLE) return LARGEST_PAGE;
  return 1;
}

/** Measures a selection set, expanding fragments (a fragment cycle is GraphQL's own error). */
function measure(
  selections: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selections?.selections ?? []) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      const child = measure(selection.selectionSet, fragments, visiting);
      const items = limitOf(selection);
      inner = {
        depth: child.depth + 1,
        aliases: child.aliases * items + (selection.alias ? 1 : 0),
        cost: 1 + child.cost * items,
      };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      inner = measure(fragment.selectionSet, fragments, visiting);
      visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** Validation rules enforcing the limits; give them to Apollo Server as `validationRules`. */
export function graphqlLimits(overrides: Partial<GraphqlLimits> = {}) {
  const limits = { ...DEFAULT_GRAPHQL_LIMITS, ...overrides };
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION)
          fragments[definition.name.value] = definition;
      }
      const found = measure(operation.selectionSet, fragments, new Set());
      if (found.depth > limits.maxDepth)
        refuse(context, `The query is ${found.depth} levels deep; the limit is ${limits.maxDepth}`);
      if (found.aliases > limits.maxAliases)
        refuse(
          context,
          `The query uses ${found.aliases} aliases; the limit is ${limits.maxAliases}`,
        );
      if (found.cost > limits.maxCost)
        refuse(
          context,
          `The query's estimated cost is ${found.cost}; the limit is ${limits.maxCost}`,
        );
    },
  });
  return [rule];
}
