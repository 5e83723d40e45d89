export interface Count {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface ProjectLine {
  readonly projectId: string;
  readonly title: string;
  readonly classification: string;
}

/** Counts in a fixed order: the known keys first (zeros included), then the rest by key. */
export function countBy(
  values: readonly string[],
  order: readonly string[] = [],
  label: (key: string) => string = (key) => key,
): Count[] {
  const counts = new Map<string, number>(order.map((key) => [key, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rest = [...counts.keys()].filter((key) => !order.includes(key)).sort();
  return [...order, ...rest].map((key) => ({ key, label: label(key), count: counts.get(key)! }));
}
