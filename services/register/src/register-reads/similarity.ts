/**
 * "Is this already being researched?" A proposal's title and summary are compared with every
 * existing project's, by the overlap of their meaningful words (Jaccard) and of their titles'
 * character trigrams, so that "hot-spot patrols" finds "hotspot patrolling".
 */
const STOP_WORDS = new Set(
  'a an and are as at be by can does do for from has have how in into is it its of on or that the their this to was we what when which will with within without would'.split(
    ' ',
  ),
);

export function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(ing|ed|es|s)$/, '')),
  );
}

function trigrams(text: string): Set<string> {
  const compact = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, '')} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= compact.length; index += 1)
    grams.add(compact.slice(index, index + 3));
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface Comparable {
  readonly projectId: string;
  readonly title: string;
  readonly summary: string;
}

export interface SimilarProject {
  readonly projectId: string;
  readonly title: string;
  /** 0 (nothing in common) to 1 (the same words and title). */
  readonly score: number;
}

export function similarity(
  a: Omit<Comparable, 'projectId'>,
  b: Omit<Comparable, 'projectId'>,
): number {
  const titles = jaccard(trigrams(a.title), trigrams(b.title));
  const text = jaccard(words(`${a.title} ${a.summary}`), words(`${b.title} ${b.summary}`));
  return Number((0.5 * titles + 0.5 * text).toFixed(3));
}

/** The existing projects most like the candidate, most similar first, above a floor of relevance. */
export function mostSimilar(
  candidate: Omit<Comparable, 'projectId'>,
  existing: readonly Comparable[],
  options: { limit?: number; minimumScore?: number } = {},
): SimilarProject[] {
  return existing
    .map((project) => ({
      projectId: project.projectId,
      title: project.title,
      score: similarity(candidate, project),
    }))
    .filter((match) => match.score >= (options.minimumScore ?? 0.2))
    .sort((a, b) => b.score - a.score || a.projectId.localeCompare(b.projectId))
    .slice(0, options.limit ?? 5);
}
