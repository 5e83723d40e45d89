// The demo data set loads through the gateway as the demo users, covers every status of the
// lifecycle, loads only once, and has a past: loaded with the demo clock, its history runs over
// the last two years, so the as-of views, the dashboard's points in time and the timelines show
// change (decision 0024).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { gatewayRoot } from '@ebp/gateway';
import { startAllInOne, type RunningPlatform } from '../all-in-one';
import { GraphClient } from '../graph-client';
import { demoHistoryStart } from './demo-calendar';
import { DemoClock } from './demo-clock';
import { DEMO_PEOPLE_COUNT } from './demo-community';
import { DEMO_LOADERS, DEMO_PROJECT_COUNT, loadDemoData } from './demo-data';
import { demoProjectId } from './demo-projects';
import { DEMO_ORGANISATION_COUNT } from './demo-partners';

const DAY_MS = 86_400_000;

/** The governance dashboard's points in time: the ends of the five months before, and the day. */
function dashboardDays(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthEnds = [5, 4, 3, 2, 1].map((back) =>
    new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10),
  );
  return [...monthEnds, today];
}

describe('demo data', () => {
  let platform: RunningPlatform;
  const clients = new Map<string, GraphClient>();
  const clock = new DemoClock(demoHistoryStart(new Date()));
  const client = (user: string) => clients.get(user)!;

  beforeAll(async () => {
    platform = await startAllInOne({ port: 0, now: () => clock.now() });
    for (const user of [...DEMO_LOADERS, 'vic', 'uni'])
      clients.set(user, new GraphClient(platform.url, await platform.issuer!.tokenFor(user)));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  // Loading every project, person, partner and item through the graph takes tens of seconds on
  // two cores while the other services follow the register: a generous limit, not a measure.
  it('loads projects in every status once, with the sensitive one hidden from a viewer', async () => {
    expect(await loadDemoData(client, { clock })).toEqual({
      loaded: true,
      priorities: 4,
      projects: DEMO_PROJECT_COUNT,
      people: DEMO_PEOPLE_COUNT,
      organisations: DEMO_ORGANISATION_COUNT,
      libraryItems: expect.any(Number) as number,
    });
    // Loaded, the platform runs on real time again.
    expect(clock.isHeld).toBe(false);
    expect(await loadDemoData(client)).toEqual({
      loaded: false,
      priorities: 0,
      projects: 0,
      people: 0,
      organisations: 0,
      libraryItems: 0,
    });
    const query =
      '{ researchProjects(limit: 200) { total items { status amendments outcomeSwitching } } }';
    type Page = {
      researchProjects: {
        total: number;
        items: { status: string; amendments: number; outcomeSwitching: boolean }[];
      };
    };
    const committee = await client('cat').must<Page>(query);
    expect(committee.researchProjects.total).toBe(DEMO_PROJECT_COUNT);
    expect(new Set(committee.researchProjects.items.map((item) => item.status))).toEqual(
      new Set([
        'proposed',
        'submitted',
        'under_review',
        'approved',
        'rejected',
        'deferred',
        'in_progress',
        'suspended',
        'completed',
        'stopped',
        'withdrawn',
      ]),
    );
    expect(committee.researchProjects.items.some((item) => item.amendments > 0)).toBe(true);
    expect(committee.researchProjects.items.some((item) => item.outcomeSwitching)).toBe(true);
    const viewer = await client('vic').must<Page>(query);
    expect(viewer.researchProjects.total).toBe(DEMO_PROJECT_COUNT - 1);
  }, 600_000);

  it('has a talent pool with champions and a team on the hot-spots project', async () => {
    const { researchProject } = await client('rae').must<{
      researchProject: { team: { role: string; person: { id: string; name: string } }[] };
    }>('query($id: ID!) { researchProject(id: $id) { team { role person { id name } } } }', {
      id: demoProjectId('demo-hot-spots'),
    });
    expect(researchProject.team.map((member) => [member.person.name, member.role])).toEqual(
      expect.arrayContaining([
        ['Rae Researcher', 'lead'],
        ['Rob Reviewer', 'analyst'],
        ['Kit Knowles', 'champion'],
      ]),
    );
    const { champions } = await client('vic').must<{ champions: { name: string }[] }>(
      '{ champions { name } }',
    );
    expect(champions.map((champion) => champion.name).sort()).toEqual([
      'Kit Knowles',
      'Lee Learner',
    ]);
  });

  it('has partner organisations and academics collaborating on demo projects', async () => {
    const { researchProject } = await client('vic').must<{
      researchProject: {
        partners: {
          role: string;
          organisation: { name: string } | null;
          academic: { name: string } | null;
        }[];
      };
    }>(
      'query($id: ID!) { researchProject(id: $id) { partners { role organisation { name } academic { name } } } }',
      { id: demoProjectId('demo-hot-spots') },
    );
    // By start date, then partner id.
    expect(
      researchProject.partners.map((partner) => [
        (partner.organisation ?? partner.academic)?.name,
        partner.role,
      ]),
    ).toEqual([
      ['Prof. Lawrence Sherman', 'co_investigator'],
      ['Cambridge Centre for Evidence-Based Policing', 'evaluator'],
    ]);
    const { organisations } = await client('vic').must<{ organisations: { name: string }[] }>(
      '{ organisations(expertise: "trials") { name } }',
    );
    expect(organisations.map((organisation) => organisation.name)).toEqual([
      'Cambridge Centre for Evidence-Based Policing',
    ]);
  });

  it('has a published library to search, upcoming master classes and learning networks', async () => {
    const vic = client('vic');
    const { recentlyPublished } = await vic.must<{ recentlyPublished: { id: string }[] }>(
      '{ recentlyPublished(limit: 100) { id } }',
    );
    // The completed projects' reports, the partner's report and the seeded evidence, all published.
    expect(recentlyPublished.map((item) => item.id)).toEqual(
      expect.arrayContaining([`project-${demoProjectId('demo-hot-spots')}`, 'demo-seed-000']),
    );
    expect(recentlyPublished.length).toBeGreaterThan(60);
    const { search } = await vic.must<{ search: { hits: { title: string }[] } }>(
      '{ search(text: "hot spots policing burglary", limit: 3) { hits { title } } }',
    );
    expect(search.hits[0]?.title).toBe('Hot spots policing and burglary in Lambeth');
    const { upcomingMasterClasses, learningNetworks } = await vic.must<{
      upcomingMasterClasses: { title: string }[];
      learningNetworks: { name: string; posts: { title: string }[] }[];
    }>('{ upcomingMasterClasses { title } learningNetworks { name posts { title } } }');
    // The master class held fourteen months ago is over.
    expect(upcomingMasterClasses).toHaveLength(2);
    expect(learningNetworks.map((network) => network.posts.length).sort()).toEqual([0, 1]);
  });

  it('has courses citing the evidence behind them, and an evidence map with gaps', async () => {
    const { courses, trainingEvidenceMap } = await client('vic').must<{
      courses: { title: string }[];
      trainingEvidenceMap: {
        coursesWithoutEvidence: { title: string }[];
        partsWithoutEvidence: { title: string }[];
        taught: { item: { id: string } }[];
        strongEvidenceTaughtNowhere: { id: string }[];
      };
    }>(`{ courses { title } trainingEvidenceMap { coursesWithoutEvidence { title }
      partsWithoutEvidence { title } taught { item { id } } strongEvidenceTaughtNowhere { id } } }`);
    expect(courses.map((course) => course.title)).toEqual([
      'Domestic abuse: the first response',
      'Hot spots patrols for neighbourhood teams',
      'Stop and search: initial training',
    ]);
    expect(trainingEvidenceMap.coursesWithoutEvidence.map((course) => course.title)).toEqual([
      'Domestic abuse: the first response',
    ]);
    expect(trainingEvidenceMap.partsWithoutEvidence.map((part) => part.title)).toContain(
      'Reasonable grounds and the code of practice',
    );
    expect(trainingEvidenceMap.taught.map((entry) => entry.item.id)).toContain('demo-seed-045');
    // Street lighting and domestic abuse (SMS level 5): strong, and taught nowhere.
    expect(trainingEvidenceMap.strongEvidenceTaughtNowhere.map((item) => item.id)).toContain(
      'demo-seed-043',
    );
  });

  it('shows a different register as of one year ago', async () => {
    type Page = { researchProjects: { total: number; items: { id: string; status: string }[] } };
    const query =
      'query($asOf: String) { researchProjects(limit: 200, asOf: $asOf) { total items { id status } } }';
    const oneYearAgo = new Date();
    oneYearAgo.setUTCFullYear(oneYearAgo.getUTCFullYear() - 1);
    const then = (await client('cat').must<Page>(query, { asOf: oneYearAgo.toISOString() }))
      .researchProjects;
    const now = (await client('cat').must<Page>(query)).researchProjects;
    const statusIn = (page: Page['researchProjects'], name: string) =>
      page.items.find((item) => item.id === demoProjectId(name))?.status;
    // Seven projects had been proposed a year ago; the other seven came since.
    expect([then.total, now.total]).toEqual([7, DEMO_PROJECT_COUNT]);
    expect(statusIn(then, 'demo-hot-spots')).toBe('in_progress');
    expect(statusIn(now, 'demo-hot-spots')).toBe('completed');
    expect(statusIn(then, 'demo-body-worn-video')).toBe('in_progress');
    expect(statusIn(now, 'demo-body-worn-video')).toBe('completed');
    expect(statusIn(then, 'demo-stalking-clinic')).toBeUndefined();
    expect(statusIn(now, 'demo-stalking-clinic')).toBe('approved');
    // What was settled by then stays so.
    expect(statusIn(then, 'demo-cctv-upgrade')).toBe('rejected');
    expect(statusIn(now, 'demo-cctv-upgrade')).toBe('rejected');
  });

  it('gives the governance dashboard six different points in time', async () => {
    const days = dashboardDays(new Date().toISOString().slice(0, 10));
    const byStatus: string[] = [];
    for (const day of days) {
      const { governanceReport } = await client('cat').must<{ governanceReport: string }>(
        'query($asOf: String!) { governanceReport(asOf: $asOf, format: JSON) }',
        { asOf: day },
      );
      const report = JSON.parse(governanceReport) as { projects: { byStatus: unknown[] } };
      byStatus.push(JSON.stringify(report.projects.byStatus));
    }
    // Something changed status in every month of the six.
    expect(new Set(byStatus).size).toBe(days.length);
  }, 120_000);

  it('has the SMS 5 trial approved by the committee after two reviews', async () => {
    const { researchProject } = await client('cat').must<{
      researchProject: {
        status: string;
        plannedSmsLevel: number;
        reviews: { reviewerId: string; verdict: string; current: boolean }[];
      };
    }>(
      'query($id: ID!) { researchProject(id: $id) { status plannedSmsLevel reviews { reviewerId verdict current } } }',
      { id: demoProjectId('demo-stalking-clinic') },
    );
    expect(researchProject).toEqual({
      status: 'approved',
      plannedSmsLevel: 5,
      reviews: [
        { reviewerId: 'person-rob', verdict: 'meets_standards', current: true },
        { reviewerId: 'person-rex', verdict: 'meets_standards', current: true },
      ],
    });
    // The SMS 4 study has one review so far and awaits its second.
    const awaiting = await client('cat').must<{
      researchProject: { status: string; reviews: { reviewerId: string }[] };
    }>('query($id: ID!) { researchProject(id: $id) { status reviews { reviewerId } } }', {
      id: demoProjectId('demo-perpetrator-programme'),
    });
    expect(awaiting.researchProject).toEqual({
      status: 'under_review',
      reviews: [{ reviewerId: 'person-rex' }],
    });
  });

  it('lets the partner user uni see its organisation’s collaborations, agreements and submissions', async () => {
    const uni = client('uni');
    const hotSpots = demoProjectId('demo-hot-spots');
    const answer = await uni.must<{
      organisation: { collaborations: { role: string; project: { id: string } | null }[] };
      mySubmissions: { title: string; kind: string; status: string }[];
      agreements: { items: { id: string }[] };
      researchProject: { title: string; partnerOutcomes: { kind: string }[] } | null;
    }>(
      `query($id: ID!) {
        organisation(id: "demo-org-cambridge") { collaborations { role project { id } } }
        mySubmissions { title kind status }
        agreements { items { id } }
        researchProject(id: $id) { title partnerOutcomes { kind } }
      }`,
      { id: hotSpots },
    );
    expect(answer.organisation.collaborations).toEqual([
      { role: 'evaluator', project: { id: hotSpots } },
    ]);
    expect(
      answer.mySubmissions.map((submission) => [submission.kind, submission.status]).sort(),
    ).toEqual([
      ['dataset', 'awaiting_moderation'],
      ['publication', 'published'],
    ]);
    // Its own agreement only, not the N8 partnership's.
    expect(answer.agreements.items).toEqual([{ id: 'demo-mou-cambridge' }]);
    expect(answer.researchProject).toEqual({
      title: 'Hot-spot patrols in the night-time economy',
      partnerOutcomes: [{ kind: 'publication' }],
    });
    // Another organisation's record is not its business.
    const other = await uni.request('{ organisation(id: "demo-org-n8") { name } }');
    expect(other.data?.organisation ?? null).toBeNull();
  });

  it('dates a project’s timeline over its own history, in time order', async () => {
    const { researchProject } = await client('cat').must<{
      researchProject: { proposedAt: string; history: { type: string; at: string }[] };
    }>('query($id: ID!) { researchProject(id: $id) { proposedAt history { type at } } }', {
      id: demoProjectId('demo-hot-spots'),
    });
    const times = researchProject.history.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const days = new Set(researchProject.history.map((entry) => entry.at.slice(0, 10)));
    // Proposed, submitted, reviewed, approved, joined by Cambridge, started, progress, completed,
    // the partner's report: each on its own day.
    expect(days.size).toBeGreaterThanOrEqual(9);
    expect(Date.parse(researchProject.proposedAt)).toBeLessThan(Date.now() - 600 * DAY_MS);
    expect(researchProject.history.map((entry) => entry.type)).toEqual(
      expect.arrayContaining([
        'register.project.proposed',
        'register.project.partner-joined',
        'register.project.completed',
        'register.project.partner-outcome-reported',
      ]),
    );
  });

  it('offers no way through the graph to say when something happened', async () => {
    // No mutation argument or input field names an event's time.
    const schema = buildSchema(readFileSync(join(gatewayRoot, 'api-schema.graphql'), 'utf8'));
    const named: string[] = [];
    const seen = new Set<string>();
    const walk = (type: GraphQLInputObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        named.push(`${type.name}.${field.name}`);
        const inner = getNamedType(field.type);
        if (isInputObjectType(inner)) walk(inner);
      }
    };
    for (const mutation of Object.values(schema.getMutationType()!.getFields()))
      for (const argument of mutation.args) {
        named.push(`${mutation.name}(${argument.name})`);
        const inner = getNamedType(argument.type);
        if (isInputObjectType(inner)) walk(inner);
      }
    expect(named.length).toBeGreaterThan(100);
    expect(
      named.filter((name) => /[.(](recordedAt|occurredAt|at|timestamp|now)\)?$/i.test(name)),
    ).toEqual([]);
    // Dates a proposal is about are data, not when it was recorded: a proposal for research in
    // 2020 is recorded now.
    const before = Date.now();
    const { proposeProject } = await client('rae').must<{ proposeProject: { projectId: string } }>(
      'mutation($p: ProjectProposalInput!) { proposeProject(proposal: $p) { projectId } }',
      {
        p: {
          title: 'A study planned in the past',
          summary: 'Was this planned in 2020? Only its planned dates say so, never its record.',
          researchQuestions: ['Does the register keep the time it was told of?'],
          ebpLevel: 'tactical',
          priorityIds: [],
          design: 'Measures before and after the change',
          methods: ['before-after'],
          plannedSmsLevel: 2,
          ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
          plannedStart: '2020-01-06',
          plannedEnd: '2020-12-31',
          owningUnit: 'South BCU',
          leadId: 'person-rae',
          ethics: { status: 'not_required', reason: 'Uses only aggregated recorded crime.' },
          classification: 'OFFICIAL',
          outcomes: {
            primary: [{ name: 'Burglary', measure: 'Burglary, monthly' }],
            secondary: [],
          },
        },
      },
    );
    const { researchProject } = await client('rae').must<{
      researchProject: { proposedAt: string; plannedStart: string; history: { at: string }[] };
    }>('query($id: ID!) { researchProject(id: $id) { proposedAt plannedStart history { at } } }', {
      id: proposeProject.projectId,
    });
    expect(researchProject.plannedStart).toBe('2020-01-06');
    for (const at of [researchProject.proposedAt, ...researchProject.history.map((e) => e.at)])
      expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1_000);
  });
});
