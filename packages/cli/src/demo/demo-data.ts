import { register } from '@ebp/contracts';
import type { GraphClient } from '../graph-client';
import { loadDemoCommunity } from './demo-community';
import { loadDemoLibrary } from './demo-library';
import { loadDemoPartners } from './demo-partners';

/**
 * The demo data set: the Research Plan and projects in every status of the lifecycle, with
 * reviews, committee decisions, progress reports, an amendment, findings (one with outcome
 * switching) and an OFFICIAL-SENSITIVE project. Loaded through the gateway as the demo users,
 * so it exercises the same rules as any client.
 */
export type DemoUser = 'rae' | 'sam' | 'rob' | 'cat' | 'ada';
export type ClientFor = (user: DemoUser) => GraphClient;

const PRIORITIES = [
  {
    id: 'priority-violence',
    title: 'Reduce violence with injury in the night-time economy',
    rationale:
      'Violence with injury is concentrated in a few late-night streets; the Police and Crime Plan asks for tested responses.',
  },
  {
    id: 'priority-trust',
    title: 'Build public trust and confidence',
    rationale:
      'Confidence surveys show falling trust among young Londoners; the force needs evidence of what rebuilds it.',
  },
  {
    id: 'priority-vawg',
    title: 'Tackle violence against women and girls',
    rationale:
      'A force-wide commitment: what works in protecting victims and pursuing perpetrators must be known and used.',
  },
  {
    id: 'priority-exploitation',
    title: 'Disrupt county lines and child criminal exploitation',
    rationale:
      'Exploitation crosses borough and force boundaries; evidence on disruption tactics is thin and needed.',
  },
];

const allMet = Object.fromEntries(register.QA_CRITERIA.map((criterion) => [criterion, 'met']));

interface DemoProject {
  readonly id: string;
  readonly by: DemoUser;
  readonly title: string;
  readonly summary: string;
  readonly priorityIds: string[];
  readonly unit: string;
  readonly sms: number;
  readonly level: 'tactical' | 'organisational' | 'strategic';
  readonly methods: string[];
  readonly classification?: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  readonly primary: string;
  /** How far along the lifecycle it goes. */
  readonly path: readonly Step[];
}

type Step =
  | 'submit'
  | 'review'
  | 'review-revisions'
  | 'approve'
  | 'reject'
  | 'defer'
  | 'start'
  | 'progress'
  | 'suspend'
  | 'stop'
  | 'complete'
  | 'complete-switched'
  | 'withdraw'
  | 'amend';

const PROJECTS: readonly DemoProject[] = [
  {
    id: 'demo-hot-spots',
    by: 'rae',
    title: 'Hot-spot patrols in the night-time economy',
    summary:
      'Do 15-minute visible patrols at the busiest late-night hot spots reduce violence with injury?',
    priorityIds: ['priority-violence'],
    unit: 'Central West BCU',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment', 'crime-analysis'],
    primary: 'Violence with injury',
    path: ['submit', 'review', 'approve', 'start', 'progress', 'complete'],
  },
  {
    id: 'demo-body-worn-video',
    by: 'rae',
    title: 'Body-worn video and complaints against officers',
    summary:
      'Does switching on body-worn video at the start of every encounter reduce complaints and use of force?',
    priorityIds: ['priority-trust'],
    unit: 'North East BCU',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment'],
    primary: 'Complaints per 1,000 encounters',
    path: ['submit', 'review', 'approve', 'start', 'progress', 'complete-switched'],
  },
  {
    id: 'demo-procedural-justice',
    by: 'rae',
    title: 'Procedural justice training for response officers',
    summary:
      'Does a one-day procedural justice course change how members of the public rate their encounters with response officers?',
    priorityIds: ['priority-trust'],
    unit: 'South BCU',
    sms: 3,
    level: 'tactical',
    methods: ['survey', 'quasi-experiment'],
    primary: 'Encounter satisfaction score',
    path: ['submit', 'review', 'approve', 'start', 'progress', 'amend'],
  },
  {
    id: 'demo-street-lighting',
    by: 'rae',
    title: 'Improved street lighting on estates',
    summary:
      'Does brighter LED street lighting on three housing estates reduce burglary and robbery after dark?',
    priorityIds: ['priority-violence'],
    unit: 'East Area BCU',
    sms: 2,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'Burglary and robbery after dark',
    path: ['submit', 'review', 'approve', 'start', 'suspend'],
  },
  {
    id: 'demo-knife-arches',
    by: 'rae',
    title: 'Knife arches at transport hubs',
    summary:
      'Do walk-through knife arches at two busy stations deter carrying, as measured by weapon finds and offences nearby?',
    priorityIds: ['priority-violence'],
    unit: 'Roads and Transport Policing Command',
    sms: 2,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'Possession of weapon offences',
    path: ['submit', 'review', 'approve', 'start', 'stop'],
  },
  {
    id: 'demo-walk-and-talk',
    by: 'rae',
    title: 'Walk and Talk: women officers on night patrols',
    summary:
      'Do guided walks with women officers improve how safe women feel in the night-time economy and what they report?',
    priorityIds: ['priority-vawg'],
    unit: 'Central West BCU',
    sms: 1,
    level: 'tactical',
    methods: ['survey', 'interviews'],
    primary: 'Perceived safety at night',
    path: ['submit', 'review', 'approve'],
  },
  {
    id: 'demo-stalking-clinic',
    by: 'rae',
    title: 'Multi-agency stalking intervention clinic',
    summary:
      'Does a weekly clinic with probation and health reduce repeat stalking by known perpetrators compared with usual management?',
    priorityIds: ['priority-vawg'],
    unit: 'Public Protection',
    sms: 5,
    level: 'strategic',
    methods: ['randomised-controlled-trial'],
    primary: 'Repeat stalking reports',
    path: ['submit', 'review'],
  },
  {
    id: 'demo-predictive-mapping',
    by: 'rae',
    title: 'Predictive mapping for burglary patrols',
    summary:
      'Can a near-repeat prediction model direct patrols better than analysts’ weekly hot-spot maps?',
    priorityIds: [],
    unit: 'Met Intelligence',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment', 'crime-analysis'],
    primary: 'Burglaries in predicted cells',
    path: ['submit', 'review-revisions', 'defer'],
  },
  {
    id: 'demo-cctv-upgrade',
    by: 'rae',
    title: 'CCTV upgrade in a town centre',
    summary:
      'Evaluate whether a town-centre CCTV upgrade reduced crime, using recorded crime before and after installation.',
    priorityIds: ['priority-violence'],
    unit: 'South East BCU',
    sms: 1,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'All recorded crime',
    path: ['submit', 'review-revisions', 'reject'],
  },
  {
    id: 'demo-schools-officers',
    by: 'rae',
    title: 'Safer Schools officers and exclusions',
    summary:
      'Do Safer Schools officers change exclusion rates and young people’s contact with the justice system?',
    priorityIds: ['priority-exploitation'],
    unit: 'Youth Engagement',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment'],
    primary: 'First-time entrants to the justice system',
    path: ['submit'],
  },
  {
    id: 'demo-drones',
    by: 'rae',
    title: 'Drones for missing person searches',
    summary:
      'Do drones shorten the time to find high-risk missing people in parks and open land compared with ground searches?',
    priorityIds: [],
    unit: 'Specialist Operations',
    sms: 2,
    level: 'organisational',
    methods: ['case-study'],
    primary: 'Time to locate',
    path: [],
  },
  {
    id: 'demo-mentoring',
    by: 'rae',
    title: 'Mentoring young people at risk of exploitation',
    summary:
      'Does a six-month mentoring scheme reduce going-missing episodes among young people flagged at risk of exploitation?',
    priorityIds: ['priority-exploitation'],
    unit: 'Youth Engagement',
    sms: 3,
    level: 'tactical',
    methods: ['quasi-experiment'],
    primary: 'Missing episodes',
    path: ['withdraw'],
  },
  {
    id: 'demo-county-lines-disruption',
    by: 'sam',
    title: 'Covert disruption of county lines networks',
    summary:
      'Which disruption tactics against county lines networks most reduce the exploitation of children, measured across partner forces?',
    priorityIds: ['priority-exploitation'],
    unit: 'Specialist Crime',
    sms: 3,
    level: 'strategic',
    methods: ['quasi-experiment', 'network-analysis'],
    classification: 'OFFICIAL-SENSITIVE',
    primary: 'Children exploited by disrupted lines',
    path: ['submit', 'review', 'approve', 'start'],
  },
];

function proposalOf(project: DemoProject) {
  const lead = project.by === 'sam' ? 'person-sam' : 'person-rae';
  return {
    title: project.title,
    summary: project.summary,
    researchQuestions: [project.summary],
    ebpLevel: project.level,
    priorityIds: project.priorityIds,
    design:
      project.sms >= 3
        ? 'Treatment and matched comparison areas, measured before and after'
        : 'Measures before and after the change, without a comparison group',
    methods: project.methods,
    plannedSmsLevel: project.sms,
    ebpMatrix: { target: 'micro-place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-01-05',
    plannedEnd: '2027-01-04',
    owningUnit: project.unit,
    leadId: lead,
    ethics: {
      status: 'not-required',
      reason: 'Uses only aggregated recorded crime and survey data.',
    },
    classification: project.classification ?? 'OFFICIAL',
    outcomes: {
      primary: [{ name: project.primary, measure: `${project.primary}, monthly` }],
      secondary: [],
    },
  };
}

function findingsOf(primary: string) {
  const rating = { evidence: 'moderate', quality: 'moderate' };
  return {
    summary: `${primary} improved at treated sites relative to comparison sites over twelve months.`,
    effectDirection: 'positive',
    achievedSmsLevel: 3,
    emmie: {
      effect: rating,
      mechanism: rating,
      moderators: { evidence: 'limited', quality: 'limited' },
      implementation: rating,
      economicCost: { evidence: 'none', quality: 'none' },
    },
    reportedOutcomes: [{ name: primary, primary: true, result: 'A 12% relative reduction' }],
  };
}

const STEP_MUTATIONS: Record<Step, { user: DemoUser | 'lead'; query: string; variables?: object }> =
  {
    submit: { user: 'lead', query: 'mutation($id: ID!) { submitProject(id: $id) { status } }' },
    review: {
      user: 'rob',
      query:
        'mutation($id: ID!, $checklist: JSON!) { recordReview(id: $id, verdict: meets_standards, checklist: $checklist, comments: "Design and analysis plan meet the standards.") { status } }',
      variables: { checklist: allMet },
    },
    'review-revisions': {
      user: 'rob',
      query:
        'mutation($id: ID!, $checklist: JSON!) { recordReview(id: $id, verdict: revisions_required, checklist: $checklist, comments: "No comparison group; the effect cannot be attributed.") { status } }',
      variables: { checklist: { ...allMet, 'comparison-appropriate': 'not-met' } },
    },
    approve: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: approve, reasons: "Addresses a Research Plan priority with a sound design.") { status } }',
    },
    reject: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: reject, reasons: "The design cannot answer the question it asks.") { status } }',
    },
    defer: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: defer, reasons: "Return with a comparison design and a power calculation.") { status } }',
    },
    start: { user: 'lead', query: 'mutation($id: ID!) { startProject(id: $id) { status } }' },
    progress: {
      user: 'lead',
      query:
        'mutation($id: ID!) { reportProgress(id: $id, summary: "Fieldwork on schedule; first quarter data collected and checked.") { status } }',
    },
    suspend: {
      user: 'lead',
      query:
        'mutation($id: ID!) { suspendProject(id: $id, reason: "Officers redeployed to a major operation for six weeks.") { status } }',
    },
    stop: {
      user: 'cat',
      query:
        'mutation($id: ID!) { stopProject(id: $id, reason: "The stations closed for rebuilding; the design no longer holds.") { status } }',
    },
    complete: { user: 'lead', query: '' },
    'complete-switched': { user: 'lead', query: '' },
    withdraw: {
      user: 'lead',
      query:
        'mutation($id: ID!) { withdrawProject(id: $id, reason: "The scheme lost its funding before the study began.") { status } }',
    },
    amend: {
      user: 'lead',
      query:
        'mutation($id: ID!, $changes: JSON!) { amendProject(id: $id, changes: $changes, justification: "Two more boroughs joined, so the study runs six months longer.") { status } }',
      variables: { changes: { plannedEnd: '2027-07-04' } },
    },
  };

const COMPLETE =
  'mutation($id: ID!, $findings: JSON!) { completeProject(id: $id, findings: $findings) { status } }';

/** Loads the demo set unless the register already has it; returns what it did. */
export async function loadDemoData(
  clientFor: ClientFor,
  progress: (message: string) => void = () => undefined,
): Promise<{
  loaded: boolean;
  priorities: number;
  projects: number;
  people: number;
  organisations: number;
  libraryItems: number;
}> {
  const existing = await clientFor('cat').must<{ researchProject: { id: string } | null }>(
    'query { researchProject(id: "demo-hot-spots") { id } }',
  );
  if (existing.researchProject)
    return {
      loaded: false,
      priorities: 0,
      projects: 0,
      people: 0,
      organisations: 0,
      libraryItems: 0,
    };
  for (const priority of PRIORITIES) {
    await clientFor('cat').must(
      'mutation($id: ID!, $priority: JSON!) { setResearchPriority(id: $id, priority: $priority) { id } }',
      {
        id: priority.id,
        priority: {
          title: priority.title,
          rationale: priority.rationale,
          periodStart: '2026-04-01',
          periodEnd: '2029-03-31',
          ownerId: 'person-cat',
        },
      },
    );
  }
  progress(`${PRIORITIES.length} Research Plan priorities`);
  for (const [index, project] of PROJECTS.entries()) {
    await clientFor(project.by).must(
      'mutation($id: ID!, $proposal: JSON!) { proposeProject(id: $id, proposal: $proposal) { version } }',
      { id: project.id, proposal: proposalOf(project) },
    );
    for (const step of project.path) {
      const mutation = STEP_MUTATIONS[step];
      const user = mutation.user === 'lead' ? project.by : mutation.user;
      if (step === 'complete' || step === 'complete-switched') {
        const reported = step === 'complete' ? project.primary : 'Use of force incidents';
        await clientFor(user).must(COMPLETE, { id: project.id, findings: findingsOf(reported) });
      } else {
        await clientFor(user).must(mutation.query, { id: project.id, ...mutation.variables });
      }
    }
    progress(`project ${index + 1}/${PROJECTS.length}: ${project.title}`);
  }
  const people = await loadDemoCommunity(clientFor('ada'));
  progress(`${people} people in the talent pool`);
  const organisations = await loadDemoPartners(clientFor('ada'));
  progress(`${organisations} partner organisations`);
  const completed = PROJECTS.filter((project) =>
    project.path.some((step) => step === 'complete' || step === 'complete-switched'),
  ).length;
  const library = await loadDemoLibrary(clientFor('rob'), clientFor('cat'), completed);
  progress(
    `${library.items} library items, ${library.masterClasses} master classes, ${library.networks} learning networks`,
  );
  return {
    loaded: true,
    priorities: PRIORITIES.length,
    projects: PROJECTS.length,
    people,
    organisations,
    libraryItems: library.items,
  };
}

export const DEMO_PROJECT_COUNT = PROJECTS.length;
