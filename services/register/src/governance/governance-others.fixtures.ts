import { randomUUID } from 'node:crypto';
import { community, dissemination, partners } from '@ebp/contracts';
import type { EventStore } from '@ebp/eventing';
import type { ArchiveSource } from './governance-archive';

/** One event of another service: when, which stream, and its data as its contract defines it. */
type OtherEvent = readonly [when: string, streamId: string, type: string, data: object];

const CONTRACTS: Record<ArchiveSource, Record<string, { parse(data: unknown): unknown }>> = {
  partners: partners.partnersEventData,
  community: community.communityEventData,
  dissemination: dissemination.disseminationEventData,
};

const organisation = (name: string, kind: string) => ({
  name,
  kind,
  expertise: ['evaluation'],
  contacts: [],
});
const person = (personId: string) => ({
  personId,
  registeredBy: 'admin-1',
  name: `Officer ${personId}`,
  rankOrGrade: 'PC',
  unit: 'South Area BCU',
  contact: { email: `${personId}@met.police.example` },
  credentials: [],
  skills: [],
  topics: [],
  availability: { willing: true },
  consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
});
const collaboration = (
  projectId: string,
  kind: 'organisation' | 'academic',
  id: string,
  role: string,
) => ({
  collaboration: { projectId, partner: { kind, id }, role, from: '2025-08-01' },
  by: 'ed-1',
});
const content = (kind: string, title: string, projectIds: string[] = []) => ({
  kind,
  title,
  summary: 'What the research found, in a paragraph for officers.',
  year: 2026,
  projectIds,
  classification: 'OFFICIAL',
});
const masterClass = (title: string, startsAt: string, capacity: number) => ({
  title,
  kind: 'master_class',
  description: 'An evening with the researchers.',
  presenter: 'Dr A Smith',
  startsAt,
  durationMinutes: 90,
  location: 'New Scotland Yard',
  capacity,
});

/** The partners' history up to the end of A (2026-03-31). */
export const PARTNERS_TO_A: readonly OtherEvent[] = [
  [
    '2025-04-10',
    'organisation-org-ucl',
    'partners.organisation.registered',
    {
      organisationId: 'org-ucl',
      organisation: organisation('University College London', 'university'),
      by: 'ed-1',
    },
  ],
  [
    '2025-04-10',
    'organisation-org-sebp',
    'partners.organisation.registered',
    {
      organisationId: 'org-sebp',
      organisation: organisation(
        'Society of Evidence Based Policing',
        'society_of_evidence_based_policing',
      ),
      by: 'ed-1',
    },
  ],
  [
    '2025-06-01',
    'academic-acad-smith',
    'partners.academic.registered',
    {
      academicId: 'acad-smith',
      academic: { name: 'Dr A Smith', expertise: ['rct'], affiliations: [] },
      by: 'ed-1',
    },
  ],
  [
    '2025-06-05',
    'agreement-agr-data',
    'partners.agreement.signed',
    {
      agreementId: 'agr-data',
      agreement: {
        kind: 'data_sharing',
        title: 'Recorded crime data for evaluations',
        partyIds: ['org-ucl'],
        scope: 'Pseudonymised recorded crime for approved projects.',
        startsOn: '2025-06-01',
        expiresOn: '2026-05-31',
      },
      by: 'ed-1',
    },
  ],
  [
    '2025-01-10',
    'agreement-agr-mou',
    'partners.agreement.signed',
    {
      agreementId: 'agr-mou',
      agreement: {
        kind: 'memorandum_of_understanding',
        title: 'Joint research programme',
        partyIds: ['org-sebp'],
        scope: 'Master classes and joint events.',
        startsOn: '2025-01-01',
        expiresOn: '2026-01-31',
      },
      by: 'ed-1',
    },
  ],
  [
    '2025-08-02',
    'collaboration-p-patrol',
    'partners.collaboration.started',
    collaboration('p-patrol', 'organisation', 'org-ucl', 'evaluator'),
  ],
  [
    '2025-08-02T13:00:00.000Z',
    'collaboration-p-patrol',
    'partners.collaboration.started',
    collaboration('p-patrol', 'academic', 'acad-smith', 'co_investigator'),
  ],
  [
    '2025-11-02',
    'collaboration-p-switch',
    'partners.collaboration.started',
    collaboration('p-switch', 'organisation', 'org-sebp', 'data_provider'),
  ],
  [
    '2026-03-25',
    'collaboration-p-switch',
    'partners.collaboration.ended',
    { projectId: 'p-switch', partnerId: 'org-sebp', on: '2026-03-25', by: 'ed-1' },
  ],
  [
    '2026-02-01',
    'engagement-fair',
    'partners.engagement.recorded',
    {
      engagementId: 'fair-2026',
      engagement: {
        kind: 'research_fair',
        title: 'Research fair 2026',
        on: '2026-02-01',
        organisationIds: ['org-ucl'],
        academicIds: [],
        peopleIds: ['per-1'],
      },
      by: 'ed-1',
    },
  ],
  [
    '2026-03-21',
    'outcome-sub-1',
    'partners.outcome.published',
    {
      submissionId: 'sub-1',
      organisationId: 'org-ucl',
      outcome: {
        projectId: 'p-switch',
        kind: 'findings',
        title: 'Street lighting and burglary: findings',
        publishedOn: '2026-03-21',
      },
      acceptedBy: 'ed-1',
    },
  ],
];

export const COMMUNITY_TO_A: readonly OtherEvent[] = [
  ...['per-1', 'per-2', 'per-3', 'per-4'].map(
    (personId) =>
      [
        '2025-04-05',
        `person-${personId}`,
        'community.person.registered',
        person(personId),
      ] as const,
  ),
  [
    '2025-08-01',
    'involvement-per-1',
    'community.involvement.joined',
    { personId: 'per-1', projectId: 'p-patrol', role: 'lead', from: '2025-08-01', by: 'admin-1' },
  ],
  [
    '2025-08-01',
    'involvement-per-2',
    'community.involvement.joined',
    {
      personId: 'per-2',
      projectId: 'p-patrol',
      role: 'analyst',
      from: '2025-08-01',
      by: 'admin-1',
    },
  ],
  [
    '2025-11-01',
    'involvement-per-2',
    'community.involvement.joined',
    {
      personId: 'per-2',
      projectId: 'p-switch',
      role: 'researcher',
      from: '2025-11-01',
      by: 'admin-1',
    },
  ],
  [
    '2026-02-16',
    'involvement-per-3',
    'community.involvement.joined',
    {
      personId: 'per-3',
      projectId: 'p-hotspot',
      role: 'researcher',
      from: '2026-02-16',
      by: 'admin-1',
    },
  ],
  [
    '2026-01-31',
    'involvement-per-2',
    'community.involvement.ended',
    { personId: 'per-2', projectId: 'p-patrol', on: '2026-01-31', reason: 'left', by: 'admin-1' },
  ],
  [
    '2025-09-01',
    'person-per-3',
    'community.person.champion-appointed',
    { personId: 'per-3', area: 'South Area BCU', from: '2025-09-01', appointedBy: 'admin-1' },
  ],
  [
    '2025-09-01',
    'person-per-1',
    'community.person.champion-appointed',
    {
      personId: 'per-1',
      area: 'Central West BCU',
      from: '2025-09-01',
      until: '2026-01-31',
      appointedBy: 'admin-1',
    },
  ],
  [
    '2026-03-11',
    'person-per-1',
    'community.person.training-recorded',
    {
      personId: 'per-1',
      activityId: 'mc-1',
      title: 'Hot spots policing',
      kind: 'master_class',
      attendedOn: '2026-03-10',
    },
  ],
  [
    '2026-03-12',
    'person-per-2',
    'community.person.training-recorded',
    {
      personId: 'per-2',
      activityId: 'course-1',
      title: 'Evaluation basics',
      kind: 'course',
      attendedOn: '2026-03-12',
    },
  ],
  // A benchmarking campaign of the 2012/13 instrument, closed before A: twelve anonymous answers.
  [
    '2026-02-01',
    'survey-campaign-staff-2026',
    'community.survey.launched',
    {
      campaignId: 'staff-2026',
      campaign: {
        title: 'EBP survey of staff, early 2026',
        questionSetId: community.EBP_SURVEY_2012_13.questionSetId,
        questionSetVersion: community.EBP_SURVEY_2012_13.version,
        opensOn: '2026-02-01',
        closesOn: '2026-02-28',
        minimumCellSize: 5,
      },
      questionSet: community.EBP_SURVEY_2012_13,
      launchedBy: 'person-rob',
    },
  ],
  ...Array.from({ length: 12 }, (_, index): OtherEvent => [
    '2026-02-10',
    'survey-campaign-staff-2026',
    'community.survey.answered',
    {
      campaignId: 'staff-2026',
      ballot: index.toString(16).padStart(64, '0'),
      rankBand: index < 6 ? 'constable_sergeant' : 'police_staff',
      businessArea: 'frontline_policing',
      // The first options are the most frequent or the most willing; every third answer differs.
      answers: community.EBP_SURVEY_2012_13.questions.map((question) => ({
        questionId: question.questionId,
        optionId: question.options[index % 3 === 0 ? question.options.length - 1 : 0]!.optionId,
      })),
    },
  ]),
  [
    '2026-03-01',
    'survey-campaign-staff-2026',
    'community.survey.closed',
    { campaignId: 'staff-2026', closedBy: 'person-rob' },
  ],
];

const delivery = (deliveryId: string, targetId: string) => ({
  deliveryId,
  itemId: 'item-switch',
  version: 1,
  targetId,
  idempotencyKey: `item-switch@v1->${targetId}`,
});

export const DISSEMINATION_TO_A: readonly OtherEvent[] = [
  [
    '2025-07-01',
    'item-old',
    'dissemination.library.item-drafted',
    {
      itemId: 'item-old',
      source: { kind: 'editor' },
      content: content('evidence_summary', 'An old summary'),
      by: 'ed-2',
    },
  ],
  [
    '2025-07-02',
    'item-old',
    'dissemination.library.item-published',
    {
      itemId: 'item-old',
      version: 1,
      content: content('evidence_summary', 'An old summary'),
      by: 'ed-2',
    },
  ],
  [
    '2026-01-10',
    'item-old',
    'dissemination.library.item-withdrawn',
    { itemId: 'item-old', reason: 'Superseded by newer evidence.', by: 'ed-2' },
  ],
  [
    '2025-12-01',
    'item-toolkit',
    'dissemination.library.item-drafted',
    {
      itemId: 'item-toolkit',
      source: { kind: 'editor' },
      content: content('toolkit', 'Hot spots toolkit'),
      by: 'ed-2',
    },
  ],
  [
    '2025-12-02',
    'item-toolkit',
    'dissemination.library.item-published',
    {
      itemId: 'item-toolkit',
      version: 1,
      content: content('toolkit', 'Hot spots toolkit'),
      by: 'ed-2',
    },
  ],
  [
    '2026-02-01',
    'item-toolkit',
    'dissemination.library.item-published',
    {
      itemId: 'item-toolkit',
      version: 2,
      content: content('toolkit', 'Hot spots toolkit', ['p-hotspot']),
      by: 'ed-2',
    },
  ],
  [
    '2026-03-21',
    'item-switch',
    'dissemination.library.item-drafted',
    {
      itemId: 'item-switch',
      source: { kind: 'project', projectId: 'p-switch' },
      content: content('research_report', 'Street lighting and burglary', ['p-switch']),
      by: 'dissemination',
    },
  ],
  [
    '2026-03-22',
    'item-switch',
    'dissemination.library.item-published',
    {
      itemId: 'item-switch',
      version: 1,
      content: content('research_report', 'Street lighting and burglary', ['p-switch']),
      by: 'ed-2',
    },
  ],
  [
    '2026-03-22T12:01:00.000Z',
    'delivery-d1',
    'dissemination.delivery.scheduled',
    delivery('d1', 'research-map'),
  ],
  [
    '2026-03-22T12:01:00.000Z',
    'delivery-d2',
    'dissemination.delivery.scheduled',
    delivery('d2', 'knowledge-hub'),
  ],
  [
    '2026-03-22T12:01:00.000Z',
    'delivery-d3',
    'dissemination.delivery.scheduled',
    delivery('d3', 'national-police-library'),
  ],
  [
    '2026-03-22T12:01:00.000Z',
    'delivery-d4',
    'dissemination.delivery.scheduled',
    delivery('d4', 'what-works-toolkit'),
  ],
  [
    '2026-03-22T12:02:00.000Z',
    'delivery-d1',
    'dissemination.delivery.acknowledged',
    { deliveryId: 'd1', attempt: 1, httpStatus: 201, reference: 'RM-1' },
  ],
  [
    '2026-03-22T12:02:00.000Z',
    'delivery-d2',
    'dissemination.delivery.attempt-failed',
    {
      deliveryId: 'd2',
      attempt: 1,
      httpStatus: null,
      error: 'Knowledge Hub unreachable: ECONNREFUSED',
      retryAt: '2026-03-22T12:03:00.000Z',
    },
  ],
  [
    '2026-03-22T12:02:00.000Z',
    'delivery-d3',
    'dissemination.delivery.sent',
    { deliveryId: 'd3', attempt: 1, httpStatus: 202 },
  ],
  [
    '2026-03-22T12:02:00.000Z',
    'delivery-d4',
    'dissemination.delivery.attempt-failed',
    {
      deliveryId: 'd4',
      attempt: 1,
      httpStatus: 422,
      error: 'HTTP 422: The toolkit takes only items with an EMMIE effect rating',
      retryAt: null,
    },
  ],
  [
    '2026-02-01',
    'master-class-mc-1',
    'dissemination.master-class.scheduled',
    {
      masterClassId: 'mc-1',
      masterClass: masterClass('Hot spots policing', '2026-03-10T18:00:00.000Z', 2),
      by: 'ed-2',
    },
  ],
  [
    '2026-02-02',
    'master-class-mc-1',
    'dissemination.master-class.registered',
    { masterClassId: 'mc-1', personId: 'per-1' },
  ],
  [
    '2026-02-03',
    'master-class-mc-1',
    'dissemination.master-class.registered',
    { masterClassId: 'mc-1', personId: 'per-2' },
  ],
  [
    '2026-02-04',
    'master-class-mc-1',
    'dissemination.master-class.waitlisted',
    { masterClassId: 'mc-1', personId: 'per-3' },
  ],
  [
    '2026-03-11',
    'master-class-mc-1',
    'dissemination.attendance.recorded',
    {
      activityId: 'mc-1',
      title: 'Hot spots policing',
      kind: 'master_class',
      attendedOn: '2026-03-10',
      personId: 'per-1',
    },
  ],
  [
    '2026-03-01',
    'master-class-mc-2',
    'dissemination.master-class.scheduled',
    {
      masterClassId: 'mc-2',
      masterClass: masterClass('Outcome switching', '2026-04-20T18:00:00.000Z', 30),
      by: 'ed-2',
    },
  ],
  [
    '2026-03-02',
    'master-class-mc-2',
    'dissemination.master-class.registered',
    { masterClassId: 'mc-2', personId: 'per-3' },
  ],
  [
    '2026-03-01',
    'master-class-mc-3',
    'dissemination.master-class.scheduled',
    {
      masterClassId: 'mc-3',
      masterClass: masterClass('Drones', '2026-03-30T18:00:00.000Z', 30),
      by: 'ed-2',
    },
  ],
  [
    '2026-03-05',
    'master-class-mc-3',
    'dissemination.master-class.cancelled',
    { masterClassId: 'mc-3', reason: 'The presenter is unavailable.', by: 'ed-2' },
  ],
  [
    '2025-10-01',
    'network-net-south',
    'dissemination.network.created',
    {
      networkId: 'net-south',
      network: {
        name: 'South LLN',
        focus: 'area',
        area: 'South Area BCU',
        description: 'Learning in the south.',
      },
      by: 'ed-2',
    },
  ],
  [
    '2025-10-02',
    'network-net-south',
    'dissemination.network.joined',
    { networkId: 'net-south', personId: 'per-1' },
  ],
  [
    '2025-10-03',
    'network-net-south',
    'dissemination.network.joined',
    { networkId: 'net-south', personId: 'per-3' },
  ],
  [
    '2026-01-03',
    'network-net-south',
    'dissemination.network.left',
    { networkId: 'net-south', personId: 'per-1' },
  ],
  [
    '2026-01-04',
    'network-net-south',
    'dissemination.network.learning-shared',
    {
      networkId: 'net-south',
      postId: 'post-1',
      personId: 'per-3',
      post: { title: 'What we learnt', body: 'Hot spots work when patrols are short.' },
    },
  ],
  [
    '2026-01-05',
    'subscription-per-2',
    'dissemination.subscription.set',
    { personId: 'per-2', topics: ['burglary'], crimeProblems: [] },
  ],
];

/** What the other services recorded after A: none of it may change the report as of A. */
export const OTHERS_AFTER_A: Readonly<Record<ArchiveSource, readonly OtherEvent[]>> = {
  partners: [
    [
      '2026-04-01T00:00:00.000Z',
      'collaboration-p-hotspot',
      'partners.collaboration.started',
      collaboration('p-hotspot', 'organisation', 'org-ucl', 'evaluator'),
    ],
    [
      '2026-04-20',
      'agreement-agr-data',
      'partners.agreement.terminated',
      { agreementId: 'agr-data', on: '2026-04-20', reason: 'The project ended.', by: 'ed-1' },
    ],
  ],
  community: [
    [
      '2026-04-02',
      'involvement-per-1',
      'community.involvement.joined',
      {
        personId: 'per-1',
        projectId: 'p-hotspot',
        role: 'researcher',
        from: '2026-04-02',
        by: 'admin-1',
      },
    ],
  ],
  dissemination: [
    [
      '2026-04-02',
      'delivery-d2',
      'dissemination.delivery.acknowledged',
      { deliveryId: 'd2', attempt: 2, httpStatus: 200 },
    ],
    [
      '2026-04-21',
      'master-class-mc-2',
      'dissemination.attendance.recorded',
      {
        activityId: 'mc-2',
        title: 'Outcome switching',
        kind: 'master_class',
        attendedOn: '2026-04-20',
        personId: 'per-3',
      },
    ],
  ],
};

export const OTHERS_TO_A: Readonly<Record<ArchiveSource, readonly OtherEvent[]>> = {
  partners: PARTNERS_TO_A,
  community: COMMUNITY_TO_A,
  dissemination: DISSEMINATION_TO_A,
};

/**
 * Records another service's events in its own store, each at its instant and checked against
 * the service's contract first, so that the fixtures are events that service could publish.
 */
export async function recordOtherService(
  store: EventStore,
  source: ArchiveSource,
  events: readonly OtherEvent[],
): Promise<void> {
  for (const [when, streamId, type, data] of events) {
    const contract = CONTRACTS[source][type];
    if (!contract) throw new Error(`${type} is not a ${source} event`);
    contract.parse(data);
    const recordedAt = new Date(when.length === 10 ? `${when}T12:00:00Z` : when).toISOString();
    await store.append(
      streamId,
      [
        {
          id: randomUUID(),
          type,
          schemaVersion: 1,
          data: data as Record<string, unknown>,
          metadata: {
            correlationId: randomUUID(),
            causationId: null,
            actor: { kind: 'person', id: 'fixture' },
            recordedAt,
            classification: 'OFFICIAL',
          },
        },
      ],
      { expectedVersion: 'any' },
    );
  }
}
