import type { dissemination } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { DisseminationEvent } from '../dissemination-events';

/** A library item one part of a course cites. */
export interface CitedEvidence {
  itemId: string;
  note: string | null;
  linkedAt: string;
}

export interface CoursePartEntry {
  partId: string;
  title: string;
  evidence: CitedEvidence[];
}

export interface CourseEntry {
  courseId: string;
  title: string;
  provider: string;
  audience: string;
  description: string | null;
  parts: CoursePartEntry[];
  status: dissemination.CourseStatus;
  registeredAt: string;
  /** When its details last changed: registered, revised or retired (never a citation). */
  updatedAt: string;
  retiredReason: string | null;
  /** Every item any part cites: which courses cite an item is one read. */
  itemIds: string[];
}

const as = (stored: StoredEvent) => stored as unknown as DisseminationEvent<'course.'>;

/**
 * The course with its parts changed. Citing and unlinking leave `updatedAt` alone: it would tell
 * a reader who may not read the item cited that a citation was made or taken off.
 */
const withParts = (entry: CourseEntry, parts: CoursePartEntry[]): CourseEntry => ({
  ...entry,
  parts,
  itemIds: [...new Set(parts.flatMap((part) => part.evidence.map((cited) => cited.itemId)))],
});

/** The force's courses, each part with the library items it cites (issue 20, decision 0040). */
export const courses: ProjectionDefinition<CourseEntry> = {
  name: 'dissemination-courses',
  version: 1,
  handles: [
    'dissemination.course.registered',
    'dissemination.course.revised',
    'dissemination.course.evidence-linked',
    'dissemination.course.evidence-unlinked',
    'dissemination.course.retired',
  ],
  documentId: (stored) => as(stored).data.courseId,
  evolve: (current, stored) => {
    const event = as(stored);
    const at = stored.metadata.recordedAt;
    if (event.type === 'dissemination.course.registered') {
      const { courseId, course } = event.data;
      return {
        courseId,
        title: course.title,
        provider: course.provider,
        audience: course.audience,
        description: course.description ?? null,
        parts: course.parts.map((part) => ({ ...part, evidence: [] })),
        status: 'active',
        registeredAt: at,
        updatedAt: at,
        retiredReason: null,
        itemIds: [],
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.course.revised': {
        const { course } = event.data;
        const before = new Map(current.parts.map((part) => [part.partId, part.evidence]));
        const parts = course.parts.map((part) => ({
          ...part,
          evidence: before.get(part.partId) ?? [],
        }));
        return withParts(
          {
            ...current,
            title: course.title,
            provider: course.provider,
            audience: course.audience,
            description: course.description ?? null,
            updatedAt: at,
          },
          parts,
        );
      }
      case 'dissemination.course.evidence-linked': {
        const { partId, itemId, note } = event.data.link;
        const parts = current.parts.map((part) =>
          part.partId === partId
            ? {
                ...part,
                evidence: [...part.evidence, { itemId, note: note ?? null, linkedAt: at }],
              }
            : part,
        );
        return withParts(current, parts);
      }
      case 'dissemination.course.evidence-unlinked': {
        const { partId, itemId } = event.data;
        const parts = current.parts.map((part) =>
          part.partId === partId
            ? { ...part, evidence: part.evidence.filter((cited) => cited.itemId !== itemId) }
            : part,
        );
        return withParts(current, parts);
      }
      case 'dissemination.course.retired':
        return { ...current, status: 'retired', retiredReason: event.data.reason, updatedAt: at };
    }
  },
};
