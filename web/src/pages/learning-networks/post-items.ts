/** The library items a post points to, typed as ids or /library/… addresses, each once. */
export function itemIdsFrom(text: string): string[] {
  const ids = text
    .split(/[\s,;]+/)
    .map((each) => each.trim().replace(/^.*\/library\//, ''))
    .filter(Boolean);
  return [...new Set(ids)];
}
