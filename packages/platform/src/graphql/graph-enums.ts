/** GraphQL enum values cannot hold '-', so the graph spells the domain's hyphens as underscores. */
export const toGraphEnum = (value: string): string => value.replaceAll('-', '_');
export const fromGraphEnum = <Value extends string>(value: string): Value =>
  value.replaceAll('_', '-') as Value;
