import type { CourseEntry, CoursePartEntry } from '../projections/courses';

/** A course as one reader sees it: only the evidence they may read, published, is cited. */
export type CourseView = CourseEntry;

/** A published library item the reader may read, with the SMS level of its evidence, if rated. */
export interface ReadableEvidence {
  readonly itemId: string;
  readonly smsLevel: number | null;
}

export interface PartGap {
  readonly course: CourseView;
  readonly part: CoursePartEntry;
}

/** An item some active course cites, and where. */
export interface TaughtEvidence {
  readonly itemId: string;
  readonly strong: boolean;
  readonly citedBy: readonly { readonly course: CourseView; readonly partIds: readonly string[] }[];
}

export interface EvidenceMap {
  readonly minimumSmsLevel: number;
  readonly courses: number;
  readonly parts: number;
  readonly partsWithEvidence: number;
  /** Active courses none of whose parts cites evidence. */
  readonly coursesWithoutEvidence: readonly CourseView[];
  /** Parts of active courses that cite no evidence, course by course. */
  readonly partsWithoutEvidence: readonly PartGap[];
  /** Where evidence leads training: every item active courses cite, strongest-rated first. */
  readonly taught: readonly TaughtEvidence[];
  /** Strong evidence (at least the SMS level) that no active course cites, in the order given. */
  readonly strongEvidenceTaughtNowhere: readonly string[];
}

/**
 * Where evidence leads training and where there are gaps (issue 20). Pure: the courses come with
 * only the citations the reader may read, and the strong evidence is what they may read, so the
 * map never tells a reader that an item they may not read exists, nor that it is cited. A part
 * whose only citation is such an item is a gap for that reader.
 */
export function evidenceMap(
  courses: readonly CourseView[],
  strongEvidence: readonly ReadableEvidence[],
  citedLevels: ReadonlyMap<string, number | null>,
  minimumSmsLevel: number,
): EvidenceMap {
  const active = courses.filter((course) => course.status === 'active');
  const parts = active.flatMap((course) => course.parts.map((part) => ({ course, part })));
  const partsWithoutEvidence = parts.filter(({ part }) => part.evidence.length === 0);
  const citations = new Map<string, Map<CourseView, string[]>>();
  for (const { course, part } of parts)
    for (const { itemId } of part.evidence) {
      const byCourse = citations.get(itemId) ?? new Map<CourseView, string[]>();
      byCourse.set(course, [...(byCourse.get(course) ?? []), part.partId]);
      citations.set(itemId, byCourse);
    }
  const isStrong = (level: number | null | undefined) =>
    level !== null && level !== undefined && level >= minimumSmsLevel;
  const taught = [...citations]
    .map(([itemId, byCourse]) => ({
      itemId,
      level: citedLevels.get(itemId) ?? null,
      strong: isStrong(citedLevels.get(itemId)),
      citedBy: [...byCourse].map(([course, partIds]) => ({ course, partIds })),
    }))
    .sort((a, b) => (b.level ?? 0) - (a.level ?? 0) || a.itemId.localeCompare(b.itemId))
    .map(({ level: _level, ...entry }) => entry);
  return {
    minimumSmsLevel,
    courses: active.length,
    parts: parts.length,
    partsWithEvidence: parts.length - partsWithoutEvidence.length,
    coursesWithoutEvidence: active.filter((course) =>
      course.parts.every((part) => part.evidence.length === 0),
    ),
    partsWithoutEvidence,
    taught,
    strongEvidenceTaughtNowhere: strongEvidence
      .filter((item) => isStrong(item.smsLevel) && !citations.has(item.itemId))
      .map((item) => item.itemId),
  };
}
