import { dissemination } from '@ebp/contracts';
import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
} from '../dissemination-errors';
import { courseDecider, type CourseEvent, type CourseState } from './course.decider';

const spec = deciderSpecification(courseDecider);
const courseId = 'course-1';
const course = {
  title: 'Stop and search for new constables',
  provider: 'Met Learning and Development',
  audience: 'Student officers',
  parts: [
    { partId: 'grounds', title: 'Reasonable grounds' },
    { partId: 'encounter', title: 'Procedural justice in the encounter' },
  ],
};
const registered: CourseEvent = {
  type: 'dissemination.course.registered',
  data: { courseId, course },
};
const linked = (
  itemId: string,
  partId = 'encounter',
  classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' = 'OFFICIAL',
): CourseEvent => ({
  type: 'dissemination.course.evidence-linked',
  data: { courseId, link: { partId, itemId }, classification },
});
const reason = 'The review was withdrawn by its authors.';
const link = (itemId: string, partId = 'encounter') => ({
  type: 'link' as const,
  courseId,
  link: { partId, itemId },
  classification: 'OFFICIAL' as const,
});

const stateAfter = (events: readonly CourseEvent[]): CourseState =>
  events.reduce(courseDecider.evolve, courseDecider.initialState());

describe('course decider', () => {
  it('registers a course once, with a provider, an audience and parts of unique ids', () => {
    spec.given([]).when({ type: 'register', courseId, course }).then([registered]);
    spec.given([registered]).when({ type: 'register', courseId, course }).thenThrows(AlreadyExists);
    const repeated = { ...course, parts: [course.parts[0], course.parts[0]] };
    spec
      .given([])
      .when({ type: 'register', courseId, course: repeated })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([])
      .when({ type: 'register', courseId, course: { ...course, provider: undefined } })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([])
      .when({ type: 'register', courseId, course: { ...course, parts: [] } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('cites a published item for a part once, and no more than a part holds', () => {
    spec
      .given([registered])
      .when(link('item-pj'))
      .then([linked('item-pj')]);
    spec
      .given([registered, linked('item-pj')])
      .when(link('item-pj'))
      .then([]);
    spec.given([registered]).when(link('item-pj', 'no_such_part')).thenThrows(NotFound);
    spec.given([]).when(link('item-pj')).thenThrows(NotFound);
    spec
      .given([registered])
      .when({ ...link('item-pj'), link: { partId: 'encounter' } })
      .thenThrows(InvalidDisseminationInput);
    const full = Array.from({ length: dissemination.MAX_PART_CITATIONS }, (_, n) =>
      linked(`item-${n}`),
    );
    spec
      .given([registered, ...full])
      .when(link('item-one-more'))
      .thenThrows(IllegalDisseminationTransition);
    // Another part still takes it.
    spec
      .given([registered, ...full])
      .when(link('item-one-more', 'grounds'))
      .then([linked('item-one-more', 'grounds')]);
  });

  it('unlinks cited evidence only with a reason, and only what the part cites', () => {
    const unlinked: CourseEvent = {
      type: 'dissemination.course.evidence-unlinked',
      data: { courseId, partId: 'encounter', itemId: 'item-pj', reason },
    };
    const unlink = { type: 'unlink' as const, courseId, partId: 'encounter', itemId: 'item-pj' };
    spec
      .given([registered, linked('item-pj')])
      .when({ ...unlink, reason })
      .then([unlinked]);
    spec
      .given([registered, linked('item-pj')])
      .when({ ...unlink, reason: 'no' })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([registered])
      .when({ ...unlink, reason })
      .thenThrows(NotFound);
    spec
      .given([registered, linked('item-pj'), unlinked])
      .when({ ...unlink, reason })
      .thenThrows(NotFound);
  });

  it('revises a course, and evidence cited for a part it drops goes with the part', () => {
    const revisedCourse = { ...course, parts: [course.parts[0]!] };
    const revised: CourseEvent = {
      type: 'dissemination.course.revised',
      data: { courseId, course: revisedCourse },
    };
    spec
      .given([registered, linked('item-pj')])
      .when({ type: 'revise', courseId, course: revisedCourse })
      .then([revised]);
    spec.given([registered]).when({ type: 'revise', courseId, course }).thenThrows(NothingChanged);
    expect(stateAfter([registered, linked('item-pj'), revised]).evidence).toEqual({});
    // The part back again starts with nothing cited.
    spec
      .given([registered, linked('item-pj'), revised])
      .when({ type: 'revise', courseId, course })
      .then([{ type: 'dissemination.course.revised', data: { courseId, course } }]);
  });

  it('retires a course with a reason, after which it takes no changes', () => {
    const retired: CourseEvent = {
      type: 'dissemination.course.retired',
      data: { courseId, reason },
    };
    spec.given([registered]).when({ type: 'retire', courseId, reason }).then([retired]);
    spec
      .given([registered])
      .when({ type: 'retire', courseId, reason: '' })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([registered, retired])
      .when(link('item-pj'))
      .thenThrows(IllegalDisseminationTransition);
    spec
      .given([registered, retired])
      .when({ type: 'retire', courseId, reason })
      .thenThrows(IllegalDisseminationTransition);
  });

  it('labels the course as sensitive as the most sensitive item it cites while it cites it', () => {
    const classification = (events: readonly CourseEvent[]) =>
      courseDecider.classificationOf?.(stateAfter(events));
    expect(classification([registered, linked('item-pj')])).toBe('OFFICIAL');
    const sensitive = linked('item-covert', 'grounds', 'OFFICIAL_SENSITIVE');
    expect(classification([registered, linked('item-pj'), sensitive])).toBe('OFFICIAL_SENSITIVE');
    const unlinked: CourseEvent = {
      type: 'dissemination.course.evidence-unlinked',
      data: { courseId, partId: 'grounds', itemId: 'item-covert', reason },
    };
    expect(classification([registered, sensitive, unlinked])).toBe('OFFICIAL');
  });
});
