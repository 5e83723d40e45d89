import {
  dissemination,
  highestClassification,
  parseOrThrow,
  type Classification,
} from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
} from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type CourseEvent = DisseminationEvent<'course.'>;

export interface CourseState {
  readonly course: dissemination.Course | null;
  readonly retired: boolean;
  /** Items cited, by part, with each item's classification when it was cited. */
  readonly evidence: Readonly<Record<string, Readonly<Record<string, Classification>>>>;
}

export type CourseCommand =
  | { type: 'register'; courseId: string; course: unknown }
  | { type: 'revise'; courseId: string; course: unknown }
  | {
      type: 'link';
      courseId: string;
      link: unknown;
      /** The cited item's classification, as the library holds it (the application reads it). */
      classification: Classification;
    }
  | { type: 'unlink'; courseId: string; partId: string; itemId: string; reason: unknown }
  | { type: 'retire'; courseId: string; reason: unknown };

const reasonOf = (reason: unknown) =>
  parseOrThrow(dissemination.CourseReasonSchema, reason, 'reason', InvalidDisseminationInput);

function decide(command: CourseCommand, state: CourseState): CourseEvent[] {
  const { courseId } = command;
  if (command.type === 'register') {
    if (state.course) throw new AlreadyExists(`Course ${courseId} exists`);
    const course = parseOrThrow(
      dissemination.CourseSchema,
      command.course,
      'course',
      InvalidDisseminationInput,
    );
    return [{ type: 'dissemination.course.registered', data: { courseId, course } }];
  }
  if (!state.course) throw new NotFound(`No course ${courseId}`);
  if (state.retired)
    throw new IllegalDisseminationTransition(`Course ${courseId} is retired: it takes no changes`);
  switch (command.type) {
    case 'revise': {
      const course = parseOrThrow(
        dissemination.CourseSchema,
        command.course,
        'course',
        InvalidDisseminationInput,
      );
      if (JSON.stringify(course) === JSON.stringify(state.course))
        throw new NothingChanged('The course is unchanged');
      return [{ type: 'dissemination.course.revised', data: { courseId, course } }];
    }
    case 'link': {
      const link = parseOrThrow(
        dissemination.CourseEvidenceLinkSchema,
        command.link,
        'evidence',
        InvalidDisseminationInput,
      );
      const cited = partEvidence(state, courseId, link.partId);
      if (link.itemId in cited) return [];
      // The application holds each editor to MAX_PART_EVIDENCE of the citations they may read.
      if (Object.keys(cited).length >= dissemination.MAX_PART_CITATIONS)
        throw new IllegalDisseminationTransition(
          `Part ${link.partId} cites ${dissemination.MAX_PART_CITATIONS} items, as many as a part holds`,
        );
      return [
        {
          type: 'dissemination.course.evidence-linked',
          data: { courseId, link, classification: command.classification },
        },
      ];
    }
    case 'unlink': {
      const { partId, itemId } = command;
      if (!(itemId in partEvidence(state, courseId, partId)))
        throw new NotFound(`Part ${partId} of course ${courseId} does not cite item ${itemId}`);
      return [
        {
          type: 'dissemination.course.evidence-unlinked',
          data: { courseId, partId, itemId, reason: reasonOf(command.reason) },
        },
      ];
    }
    case 'retire':
      return [
        {
          type: 'dissemination.course.retired',
          data: { courseId, reason: reasonOf(command.reason) },
        },
      ];
  }
}

/** The items a part cites; NOT_FOUND when the course has no such part. */
function partEvidence(state: CourseState, courseId: string, partId: string) {
  if (!state.course?.parts.some((part) => part.partId === partId))
    throw new NotFound(`Course ${courseId} has no part ${partId}`);
  return state.evidence[partId] ?? {};
}

function evolve(state: CourseState, event: CourseEvent): CourseState {
  switch (event.type) {
    case 'dissemination.course.registered':
      return { ...state, course: event.data.course };
    case 'dissemination.course.revised': {
      // Evidence cited for a part the course no longer has goes with the part.
      const kept = new Set(event.data.course.parts.map((part) => part.partId));
      const evidence = Object.fromEntries(
        Object.entries(state.evidence).filter(([partId]) => kept.has(partId)),
      );
      return { ...state, course: event.data.course, evidence };
    }
    case 'dissemination.course.evidence-linked': {
      const { partId, itemId } = event.data.link;
      const part = { ...state.evidence[partId], [itemId]: event.data.classification };
      return { ...state, evidence: { ...state.evidence, [partId]: part } };
    }
    case 'dissemination.course.evidence-unlinked': {
      const { [event.data.itemId]: _gone, ...part } = state.evidence[event.data.partId] ?? {};
      return { ...state, evidence: { ...state.evidence, [event.data.partId]: part } };
    }
    case 'dissemination.course.retired':
      return { ...state, retired: true };
  }
}

/**
 * A course of the force's training (issue 20, decision 0040): recorded with its provider,
 * audience and parts, revised, and retired; each part cites the published library items that
 * support it. A citation is the item's data, so the course's events are labelled as sensitive as
 * the most sensitive item it cites.
 */
export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  decide,
  evolve,
  initialState: () => ({ course: null, retired: false, evidence: {} }),
  classificationOf: (state) =>
    highestClassification(
      'OFFICIAL',
      ...Object.values(state.evidence).flatMap((part) => Object.values(part)),
    ),
};

export const courseStreamId = (courseId: string) => `course:${courseId}`;
