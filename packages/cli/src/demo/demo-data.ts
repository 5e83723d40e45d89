import { register } from '@ebp/contracts';
import type { GraphClient } from '../graph-client';
import { loadDemoCommunity } from './demo-community';
import { loadDemoLibrary } from './demo-library';
import { loadDemoPartners } from './demo-partners';
import {
  PROJECTS,
  demoProjectId,
  type DemoProject,
  type DemoUser,
  type Step,
} from './demo-projects';

export type { DemoUser } from './demo-projects';

/**
 * The demo data set: the Research Plan and projects in every status of the lifecycle, with
 * reviews, committee decisions, progress reports, an amendment, findings (one with outcome
 * switching) and an OFFICIAL-SENSITIVE project. Loaded through the gateway as the demo users,
 * so it exercises the same rules as any client.
 */
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
    ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-01-05',
    plannedEnd: '2027-01-04',
    owningUnit: project.unit,
    leadId: lead,
    ethics: {
      status: 'not_required',
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
    submit: { user: 'lead', query: 'mutation($id: ID!) { submitProject(id: $id) { version } }' },
    review: {
      user: 'rob',
      query:
        'mutation($id: ID!, $checklist: QaChecklistInput!) { recordReview(id: $id, verdict: meets_standards, checklist: $checklist, comments: "Design and analysis plan meet the standards.") { version } }',
      variables: { checklist: allMet },
    },
    'review-revisions': {
      user: 'rob',
      query:
        'mutation($id: ID!, $checklist: QaChecklistInput!) { recordReview(id: $id, verdict: revisions_required, checklist: $checklist, comments: "No comparison group; the effect cannot be attributed.") { version } }',
      variables: { checklist: { ...allMet, comparison_appropriate: 'not_met' } },
    },
    approve: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: approve, reasons: "Addresses a Research Plan priority with a sound design.") { version } }',
    },
    reject: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: reject, reasons: "The design cannot answer the question it asks.") { version } }',
    },
    defer: {
      user: 'cat',
      query:
        'mutation($id: ID!) { decideProject(id: $id, decision: defer, reasons: "Return with a comparison design and a power calculation.") { version } }',
    },
    start: { user: 'lead', query: 'mutation($id: ID!) { startProject(id: $id) { version } }' },
    progress: {
      user: 'lead',
      query:
        'mutation($id: ID!) { reportProgress(id: $id, summary: "Fieldwork on schedule; first quarter data collected and checked.") { version } }',
    },
    suspend: {
      user: 'lead',
      query:
        'mutation($id: ID!) { suspendProject(id: $id, reason: "Officers redeployed to a major operation for six weeks.") { version } }',
    },
    stop: {
      user: 'cat',
      query:
        'mutation($id: ID!) { stopProject(id: $id, reason: "The stations closed for rebuilding; the design no longer holds.") { version } }',
    },
    complete: { user: 'lead', query: '' },
    'complete-switched': { user: 'lead', query: '' },
    withdraw: {
      user: 'lead',
      query:
        'mutation($id: ID!) { withdrawProject(id: $id, reason: "The scheme lost its funding before the study began.") { version } }',
    },
    amend: {
      user: 'lead',
      query:
        'mutation($id: ID!, $changes: ProjectProposalChangesInput!) { amendProject(id: $id, changes: $changes, justification: "Two more boroughs joined, so the study runs six months longer.") { version } }',
      variables: { changes: { plannedEnd: '2027-07-04' } },
    },
  };

const COMPLETE =
  'mutation($id: ID!, $findings: FindingsInput!) { completeProject(id: $id, findings: $findings) { version } }';

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
    'query($id: ID!) { researchProject(id: $id) { id } }',
    { id: demoProjectId('demo-hot-spots') },
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
      'mutation($id: ID!, $priority: ResearchPriorityInput!) { setResearchPriority(id: $id, priority: $priority) { version } }',
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
    const { proposeProject } = await clientFor(project.by).must<{
      proposeProject: { projectId: string };
    }>(
      'mutation($key: String!, $proposal: ProjectProposalInput!) { proposeProject(idempotencyKey: $key, proposal: $proposal) { projectId } }',
      { key: project.id, proposal: proposalOf(project) },
    );
    const id = proposeProject.projectId;
    for (const step of project.path) {
      const mutation = STEP_MUTATIONS[step];
      const user = mutation.user === 'lead' ? project.by : mutation.user;
      if (step === 'complete' || step === 'complete-switched') {
        const reported = step === 'complete' ? project.primary : 'Use of force incidents';
        await clientFor(user).must(COMPLETE, { id, findings: findingsOf(reported) });
      } else {
        await clientFor(user).must(mutation.query, { id, ...mutation.variables });
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
