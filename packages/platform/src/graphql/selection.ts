import {
  Kind,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Whether the query selects `field` directly on the value this resolver returns (through inline
 * fragments and fragment spreads too): e.g. a list's `total`, which costs a count to answer.
 */
export function selectsField(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  field: string,
): boolean {
  const seen = new Set<string>();
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === field;
        case Kind.INLINE_FRAGMENT:
          return within(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (seen.has(name)) return false;
          seen.add(name);
          const fragment: FragmentDefinitionNode | undefined = info.fragments[name];
          return within(fragment?.selectionSet);
        }
        default:
          return false;
      }
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
