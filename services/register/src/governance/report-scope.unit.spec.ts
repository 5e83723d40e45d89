import { randomUUID } from 'node:crypto';
import type { ArchivedEvent } from '@ebp/eventing';
import { OtherServicesRecord } from './other-services-record';
import { partnersSection, peopleSection, reachSection } from './other-services-sections';

const event = (type: string, data: Record<string, unknown>): ArchivedEvent => ({
  eventId: randomUUID(),
  source: type.split('.')[0]!,
  streamId: 'stream',
  streamVersion: 1,
  type,
  data,
  recordedAt: '2026-03-01T10:00:00.000Z',
});

const collaboration = (projectId: string, id: string) =>
  event('partners.collaboration.started', {
    collaboration: {
      projectId,
      partner: { kind: 'organisation', id },
      role: 'evaluator',
      from: '2026-01-01',
    },
    by: 'person-rae',
  });
const joined = (personId: string, projectId: string) =>
  event('community.involvement.joined', { personId, projectId, role: 'analyst' });
const outcome = (submissionId: string, projectId: string) =>
  event('partners.outcome.published', { submissionId, outcome: { projectId } });
const reportOf = (itemId: string, projectId: string | undefined, projectIds: string[]) => [
  event('dissemination.library.item-drafted', { itemId, source: projectId ? { projectId } : {} }),
  event('dissemination.library.item-published', {
    itemId,
    version: 1,
    content: { kind: 'evaluation-report', classification: 'OFFICIAL', projectIds },
  }),
  event('dissemination.library.item-released', { itemId, version: 1 }),
  event('dissemination.delivery.scheduled', {
    deliveryId: `${itemId}-d`,
    itemId,
    targetId: 'knowledge-hub',
  }),
  event('dissemination.delivery.acknowledged', { deliveryId: `${itemId}-d` }),
];

const recordOf = (events: ArchivedEvent[]) => {
  const record = new OtherServicesRecord();
  for (const item of events) record.apply(item);
  return record;
};
const sectionsOf = (record: OtherServicesRecord) => {
  const lineOf = (projectId: string) => ({
    projectId,
    title: projectId,
    classification: 'OFFICIAL' as const,
  });
  return {
    partners: partnersSection(record, '2026-03-31', lineOf),
    people: peopleSection(record, '2026-03-31', lineOf),
    reach: reachSection(record, '2026-03-31T23:59:59.999Z'),
  };
};

describe('a governance report scoped to a reader', () => {
  const visible = [
    collaboration('p-open', 'org-ucl'),
    joined('person-rae', 'p-open'),
    outcome('sub-1', 'p-open'),
    ...reportOf('project-p-open', 'p-open', ['p-open']),
  ];
  const aboutHidden = [
    collaboration('p-hidden', 'org-n8'),
    joined('person-sam', 'p-hidden'),
    outcome('sub-2', 'p-hidden'),
    ...reportOf('project-p-hidden', 'p-hidden', ['p-hidden']),
  ];

  it('is the report of a world without the projects the reader may not read', () => {
    const everything = recordOf([
      ...visible,
      ...aboutHidden,
      // An editor's item naming both: it stays, without the hidden project.
      ...reportOf('editors-review', undefined, ['p-open', 'p-hidden']),
    ]);
    const withoutHidden = recordOf([
      ...visible,
      ...reportOf('editors-review', undefined, ['p-open']),
    ]);
    const scoped = everything.onlyProjects((projectId) => projectId !== 'p-hidden');
    expect(sectionsOf(scoped)).toEqual(sectionsOf(withoutHidden));
    // And the figures did differ before scoping, so the comparison means something.
    expect(sectionsOf(everything)).not.toEqual(sectionsOf(withoutHidden));
  });

  it('leaves the record it was made from as it was', () => {
    const everything = recordOf([...visible, ...aboutHidden]);
    const before = sectionsOf(everything);
    everything.onlyProjects(() => false);
    expect(sectionsOf(everything)).toEqual(before);
  });
});
