import * as dissemination from './dissemination';
import { currentSchemaVersion } from './respelling';
import { upcasters, type Upcaster } from './upcasting';

/** Lifts stored data from a version to the current one, as the event store does on read. */
function lift(type: string, fromVersion: number, data: Record<string, unknown>) {
  const steps = new Map<number, Upcaster>(
    upcasters.filter((upcaster) => upcaster.type === type).map((step) => [step.fromVersion, step]),
  );
  let lifted = data;
  for (let version = fromVersion; version < currentSchemaVersion(type); version += 1)
    lifted = steps.get(version)!.upcast(lifted);
  return lifted;
}

describe("the library's item events at version 3 (tags with methods and topics)", () => {
  const DRAFTED = 'dissemination.library.item-drafted';
  const content = {
    kind: 'evidence-summary',
    title: 'Hot spots policing and burglary',
    summary: 'What the evidence says about hot spots policing, for busy supervisors.',
    year: 2024,
    evidence: {},
    tags: {
      crimeProblems: ['burglary'],
      interventions: ['hot spots policing'],
      populations: [],
      settings: [],
    },
    projectIds: [],
    classification: 'OFFICIAL',
  };
  const stored = { itemId: 'item-1', source: { kind: 'editor' }, content, by: 'person-ed' };

  it('writes the drafted, revised and published events at version 3', () => {
    for (const type of [
      DRAFTED,
      'dissemination.library.item-revised',
      'dissemination.library.item-published',
    ])
      expect([type, currentSchemaVersion(type)]).toEqual([type, 3]);
    expect(currentSchemaVersion('dissemination.library.item-withdrawn')).toBe(1);
  });

  it('lifts versions 1 and 2 with no methods or topics, and the result parses', () => {
    const fromOne = lift(DRAFTED, 1, stored);
    const fromTwo = lift(DRAFTED, 2, {
      ...stored,
      content: { ...content, kind: 'evidence_summary' },
    });
    expect(fromOne).toEqual(fromTwo);
    expect(fromTwo).toMatchObject({
      content: {
        kind: 'evidence_summary',
        tags: { interventions: ['hot spots policing'], methods: [], topics: [] },
      },
    });
    expect(dissemination.disseminationEventData[DRAFTED].parse(fromTwo)).toEqual(fromTwo);
  });

  it('keeps methods and topics a later version already carries, and content without tags', () => {
    const tagged = { ...content, tags: { ...content.tags, methods: ['survey'], topics: [] } };
    expect(lift(DRAFTED, 2, { ...stored, content: tagged })).toEqual({
      ...stored,
      content: tagged,
    });
    const { tags: _tags, ...untagged } = content;
    expect(lift(DRAFTED, 2, { ...stored, content: untagged })).toEqual({
      ...stored,
      content: untagged,
    });
  });
});

describe('a scheduled master class at version 3 (open to partners, decision 0039)', () => {
  const SCHEDULED = 'dissemination.master-class.scheduled';
  const masterClass = {
    title: 'Running a randomised trial in a BCU',
    kind: 'master-class',
    description: 'From power calculation to analysis, with the Cambridge team.',
    presenter: 'Professor L. Sherman',
    startsAt: '2026-12-10T14:00:00Z',
    durationMinutes: 120,
    location: 'New Scotland Yard, room 4.12',
    capacity: 20,
    topics: ['randomised trials'],
  };
  const stored = { masterClassId: 'mc-rct', masterClass, by: 'person-ada' };

  it('writes it at version 3', () => {
    expect(currentSchemaVersion(SCHEDULED)).toBe(3);
    expect(currentSchemaVersion('dissemination.master-class.registered')).toBe(1);
    expect(currentSchemaVersion('dissemination.master-class.partner-booked')).toBe(1);
  });

  it('lifts versions 1 and 2 as closed to partners, and the result parses', () => {
    const fromOne = lift(SCHEDULED, 1, stored);
    const fromTwo = lift(SCHEDULED, 2, {
      ...stored,
      masterClass: { ...masterClass, kind: 'master_class' },
    });
    expect(fromOne).toEqual(fromTwo);
    expect(fromTwo).toMatchObject({
      masterClass: { kind: 'master_class', openToPartners: false },
    });
    expect(dissemination.disseminationEventData[SCHEDULED].parse(fromTwo)).toEqual(fromTwo);
  });

  it('keeps whether it is open when the data already says so', () => {
    const open = {
      ...stored,
      masterClass: { ...masterClass, kind: 'master_class', openToPartners: true },
    };
    const step = upcasters.find(
      (upcaster) => upcaster.type === SCHEDULED && upcaster.fromVersion === 2,
    );
    expect(step?.upcast(open)).toEqual(open);
  });
});
