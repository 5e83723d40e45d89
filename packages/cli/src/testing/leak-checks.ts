// The leak test's oracles, pure: what in a response gives a hidden project away, and how two
// responses that must be the same answer are compared.
import type { GraphResponse } from '../graph-client';
import type { GraphPath } from './schema-paths';

/** The values only the hidden project has: its id, title, summary words, unique dates. */
export interface HiddenMarkers {
  readonly id: string;
  readonly values: readonly string[];
}

/** The markers found in a response (the id only when `includeId`). */
export function markersIn(response: unknown, markers: HiddenMarkers, includeId = true): string[] {
  const text = JSON.stringify(response) ?? '';
  return [...(includeId ? [markers.id] : []), ...markers.values].filter((marker) =>
    text.includes(marker),
  );
}

/** A response with each of these texts replaced by its placeholder, for comparing two answers. */
export function normalised(response: unknown, replacements: Readonly<Record<string, string>>) {
  let text = JSON.stringify(response ?? null);
  for (const [value, placeholder] of Object.entries(replacements))
    text = text.split(value).join(placeholder);
  return JSON.parse(text) as unknown;
}

/** What of an answer must not differ: data, and each error's code, message and path. */
export function answerOf(response: GraphResponse) {
  return {
    data: response.data ?? null,
    errors: (response.errors ?? []).map((error) => ({
      code: error.extensions?.code ?? null,
      message: error.message,
      path: (error as { path?: unknown }).path ?? null,
    })),
  };
}

/** Errors that only ever come from a reference turned into null instead of being left out. */
export const NULLED_REFERENCE = /Cannot return null for non-nullable field/;

/** An error as one key, whatever the list index and the arguments: `CODE at a.*.b`. */
export function errorKeys(response: GraphResponse): string[] {
  return (response.errors ?? []).map((error) => {
    const path = ((error as { path?: (string | number)[] }).path ?? [])
      .map((segment) => (typeof segment === 'number' ? '*' : segment))
      .join('.');
    const code = error.extensions?.code;
    return `${typeof code === 'string' ? code : 'ERROR'} at ${path || '(operation)'}`;
  });
}

/** Numbers that count things: a hidden reference must not change them for a reader who may not see it. */
export const COUNT_FIELD = /^(total|count|projects|[a-z]+Count)$/;

/**
 * The counts in a response, and the lengths of the lists whose items are references to a project
 * (items with a `project` field, or a non-null `projectId`, as the path's types say), each keyed by
 * where it is: list items by their id (or what they point at), not by position.
 */
export function countsIn(
  data: unknown,
  referenceListFields: ReadonlySet<string>,
): Map<string, number> {
  const found = new Map<string, number>();
  const itemKey = (item: unknown, index: number): string => {
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      for (const key of ['id', 'submissionId', 'engagementId', 'agreementId', 'itemId'])
        if (typeof record[key] === 'string') return String(record[key]);
      for (const value of Object.values(record))
        if (
          value &&
          typeof value === 'object' &&
          typeof (value as { id?: unknown }).id === 'string'
        )
          return String((value as { id: string }).id);
    }
    return `#${index}`;
  };
  const walk = (value: unknown, at: string, field: string) => {
    if (Array.isArray(value)) {
      if (referenceListFields.has(field)) found.set(`${at}.length`, value.length);
      value.forEach((item, index) => walk(item, `${at}[${itemKey(item, index)}]`, field));
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (typeof inner === 'number' && COUNT_FIELD.test(key)) found.set(`${at}.${key}`, inner);
      walk(inner, `${at}.${key}`, key);
    }
  };
  walk(data, '', '');
  return found;
}

/** The values the path's last field returned, wherever the path led (for "does it show it"). */
export function valuesAtEnd(path: GraphPath, data: unknown): unknown[] {
  let current: unknown[] = [data];
  for (const step of path.steps) {
    const next: unknown[] = [];
    const take = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(take);
      else if (value !== null && value !== undefined) next.push(value);
    };
    for (const value of current)
      if (value && typeof value === 'object') take((value as Record<string, unknown>)[step.field]);
    current = next;
  }
  return current;
}

/** A path's answers for one reader: the full selection's and, where it failed, the minimal one's. */
export interface PathAnswers {
  readonly path: GraphPath;
  readonly responses: readonly (GraphResponse | undefined)[];
}

/**
 * The keys of the paths that, in any of their answers, show one of these markers in the values
 * the path ends at (not merely beside the path): the paths by which a reader reaches the project.
 */
export function pathsShowing(answers: readonly PathAnswers[], markers: HiddenMarkers): Set<string> {
  const showing = new Set<string>();
  for (const { path, responses } of answers)
    for (const response of responses)
      if (response && markersIn(valuesAtEnd(path, response.data), markers).length > 0)
        showing.add(path.key);
  return showing;
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order of the answers. */
export async function inBatches<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
