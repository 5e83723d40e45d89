import { register } from '@ebp/contracts';
import type { GraphClient } from '../graph-client';
import type { DemoCalendar, DemoDay } from './demo-calendar';
import type { At } from './demo-schedule';
import type { DemoProject, DemoUser, Step } from './demo-projects';

/**
 * The register's part of the demo's history: the Research Plan, then each project proposed and
 * taken along its lifecycle on its own dates (reviews, committee decisions, progress, an
 * amendment, completions), through the gateway as the demo users.
 */
export type ClientFor = (user: DemoUser) => GraphClient;

/** The Research Plan, set by the committee when the demo's history begins. */
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

export const DEMO_PRIORITY_COUNT = PRIORITIES.length;

const PLAN_SET: DemoDay = [23, 3];
/** How long after its proposal a project plans to start, and how long it plans to run. */
const LEAD_IN_DAYS = 60;
const PLANNED_DAYS = 365;
/** How much longer the amended project runs. */
const EXTENSION_DAYS = 182;

/**
 * Sets the Research Plan's priorities on the day the demo's history begins, then the plan for
 * that year and the EBP Programme.
 */
export async function loadResearchPlan(
  committee: GraphClient,
  delivery: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  await at(calendar.at(PLAN_SET));
  for (const priority of PRIORITIES)
    await committee.must(
      'mutation($id: ID!, $priority: ResearchPriorityInput!) { setResearchPriority(id: $id, priority: $priority) { version } }',
      {
        id: priority.id,
        priority: {
          title: priority.title,
          rationale: priority.rationale,
          periodStart: calendar.dayAfter(PLAN_SET),
          periodEnd: calendar.dayAfter(PLAN_SET, 3 * 365 - 1),
          ownerId: 'person-cat',
        },
      },
    );
  await loadPlanAndProgramme(delivery, committee, calendar);
}

/**
 * The EBP Programme's five work streams, as the framework names them, each with milestones due
 * so many days after the plan was set; `done` ones were met, the others stand as planned.
 */
const WORKSTREAMS = [
  {
    id: 'embed',
    name: 'Embed the EBP framework',
    objective: 'Evidence-based policing is business as usual across the Met.',
    approach: [
      'EBP in the force’s governance and business planning',
      'The Research and Learning Register for every project',
    ],
    outcomes: ['Every research project in the Met on the register'],
    ownerId: 'person-cat',
    milestones: [
      { id: 'register-open', title: 'The register open to every unit', due: 90, done: true },
    ],
  },
  {
    id: 'research-delivery',
    name: 'Drive research and delivery',
    objective: 'Research answers the Research Plan’s priorities, to the national design standards.',
    approach: ['Research against every priority', 'Quality assurance of every proposal'],
    outcomes: ['Every priority with research against it'],
    ownerId: 'person-rob',
    milestones: [
      { id: 'every-priority', title: 'Research against every priority', due: 800, done: false },
    ],
  },
  {
    id: 'capability',
    name: 'Build capability in the Met',
    objective: 'Officers and staff able to find, judge and use research.',
    approach: ['Master classes and briefings', 'An EBP champion in every BCU'],
    outcomes: ['A champion in every BCU', 'The survey of senior staff showing change'],
    ownerId: 'person-rob',
    milestones: [
      { id: 'champions', title: 'An EBP champion in every BCU', due: 300, done: true },
      { id: 'survey', title: 'The survey of senior staff run again', due: 600, done: false },
    ],
  },
  {
    id: 'partners',
    name: 'Engage partners',
    objective: 'Universities and research bodies work with the force on its priorities.',
    approach: ['Agreements with universities', 'Partner feeds for outcomes'],
    outcomes: ['Three universities with data-sharing agreements'],
    ownerId: 'person-cat',
    milestones: [
      {
        id: 'agreements',
        title: 'Data-sharing agreements with three universities',
        due: 800,
        done: false,
      },
    ],
  },
  {
    id: 'share',
    name: 'Share what works',
    objective: 'Findings reach the people who can use them, inside and outside the force.',
    approach: [
      'The Research and Learning Library',
      'Local Learning Networks',
      'Findings to national bodies',
    ],
    outcomes: ['Every completed project in the library'],
    ownerId: 'person-rob',
    milestones: [
      { id: 'library', title: 'Every completed project in the library', due: 500, done: true },
    ],
  },
];

export const DEMO_WORKSTREAM_COUNT = WORKSTREAMS.length;

/**
 * The Research Plan for the year the demo's history begins, drafted by the EBP Delivery Team and
 * agreed by the committee, and the EBP Programme with its milestones.
 */
async function loadPlanAndProgramme(
  delivery: GraphClient,
  committee: GraphClient,
  calendar: DemoCalendar,
): Promise<void> {
  const year = calendar.at(PLAN_SET).getUTCFullYear();
  await delivery.must(
    'mutation($y: Int!, $p: ResearchPlanInput!) { draftResearchPlan(year: $y, plan: $p) { plan { year } } }',
    {
      y: year,
      p: {
        title: `MPS Research Plan ${year}`,
        summary:
          'The research the force wants, agreed with the business areas and the Police and Crime Plan.',
        priorityIds: PRIORITIES.map((priority) => priority.id),
      },
    },
  );
  await committee.must(
    'mutation($y: Int!, $d: String!) { agreeResearchPlan(year: $y, decision: $d) { plan { year } } }',
    { y: year, d: 'The four priorities as drafted, for three years, reviewed each year.' },
  );
  for (const { milestones, id, ...workstream } of WORKSTREAMS) {
    await delivery.must(
      'mutation($id: ID!, $w: WorkstreamInput!) { defineWorkstream(id: $id, workstream: $w) { workstream { id } } }',
      { id, w: workstream },
    );
    for (const milestone of milestones) {
      await delivery.must(
        'mutation($w: ID!, $m: ID!, $ms: MilestoneInput!) { addMilestone(workstreamId: $w, milestoneId: $m, milestone: $ms) { workstream { id } } }',
        {
          w: id,
          m: milestone.id,
          ms: {
            title: milestone.title,
            due: calendar.dayAfter(PLAN_SET, milestone.due),
            ownerId: workstream.ownerId,
          },
        },
      );
      if (milestone.done)
        await delivery.must(
          'mutation($w: ID!, $m: ID!) { progressMilestone(workstreamId: $w, milestoneId: $m, status: done) { workstream { id } } }',
          { w: id, m: milestone.id },
        );
    }
  }
}

function proposalOf(project: DemoProject, calendar: DemoCalendar) {
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
    plannedStart: calendar.dayAfter(project.proposed, LEAD_IN_DAYS),
    plannedEnd: calendar.dayAfter(project.proposed, LEAD_IN_DAYS + PLANNED_DAYS),
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

const allMet = Object.fromEntries(register.QA_CRITERIA.map((criterion) => [criterion, 'met']));

const REVIEW =
  'mutation($id: ID!, $verdict: ReviewVerdict!, $checklist: QaChecklistInput!, $comments: String!) { recordReview(id: $id, verdict: $verdict, checklist: $checklist, comments: $comments) { version } }';
const DECIDE =
  'mutation($id: ID!, $decision: CommitteeDecision!, $reasons: String!) { decideProject(id: $id, decision: $decision, reasons: $reasons) { version } }';
const COMPLETE =
  'mutation($id: ID!, $findings: FindingsInput!) { completeProject(id: $id, findings: $findings) { version } }';

interface StepMutation {
  /** Who takes the step: a demo user, or the project's own lead. */
  readonly user: DemoUser | 'lead';
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

/** The mutation a step is, for this project (its amendment and findings are its own). */
function stepMutation(step: Step, project: DemoProject, calendar: DemoCalendar): StepMutation {
  switch (step) {
    case 'submit':
      return {
        user: 'lead',
        query: 'mutation($id: ID!) { submitProject(id: $id) { version } }',
      };
    case 'review':
      return {
        user: 'rob',
        query: REVIEW,
        variables: {
          verdict: 'meets_standards',
          checklist: allMet,
          comments: 'Design and analysis plan meet the standards.',
        },
      };
    case 'second-review':
      return {
        user: 'rex',
        query: REVIEW,
        variables: {
          verdict: 'meets_standards',
          checklist: allMet,
          comments: 'Independent second review: the power calculation and allocation hold up.',
        },
      };
    case 'review-revisions':
      return {
        user: 'rob',
        query: REVIEW,
        variables: {
          verdict: 'revisions_required',
          checklist: { ...allMet, comparison_appropriate: 'not_met' },
          comments: 'No comparison group; the effect cannot be attributed.',
        },
      };
    case 'approve':
      return {
        user: 'cat',
        query: DECIDE,
        variables: {
          decision: 'approve',
          reasons: 'Addresses a Research Plan priority with a sound design.',
        },
      };
    case 'reject':
      return {
        user: 'cat',
        query: DECIDE,
        variables: {
          decision: 'reject',
          reasons: 'The design cannot answer the question it asks.',
        },
      };
    case 'defer':
      return {
        user: 'cat',
        query: DECIDE,
        variables: {
          decision: 'defer',
          reasons: 'Return with a comparison design and a power calculation.',
        },
      };
    case 'start':
      return { user: 'lead', query: 'mutation($id: ID!) { startProject(id: $id) { version } }' };
    case 'progress':
      return {
        user: 'lead',
        query:
          'mutation($id: ID!) { reportProgress(id: $id, summary: "Fieldwork on schedule; first quarter data collected and checked.") { version } }',
      };
    case 'suspend':
      return {
        user: 'lead',
        query:
          'mutation($id: ID!) { suspendProject(id: $id, reason: "Officers redeployed to a major operation for six weeks.") { version } }',
      };
    case 'stop':
      return {
        user: 'cat',
        query:
          'mutation($id: ID!) { stopProject(id: $id, reason: "The stations closed for rebuilding; the design no longer holds.") { version } }',
      };
    case 'complete':
      return {
        user: 'lead',
        query: COMPLETE,
        variables: { findings: findingsOf(project.primary) },
      };
    case 'complete-switched':
      // Reports an outcome it never pre-registered: the register flags outcome switching.
      return {
        user: 'lead',
        query: COMPLETE,
        variables: { findings: findingsOf('Use of force incidents') },
      };
    case 'withdraw':
      return {
        user: 'lead',
        query:
          'mutation($id: ID!) { withdrawProject(id: $id, reason: "The scheme lost its funding before the study began.") { version } }',
      };
    case 'amend':
      return {
        user: 'lead',
        query:
          'mutation($id: ID!, $changes: ProjectProposalChangesInput!) { amendProject(id: $id, changes: $changes, justification: "Two more boroughs joined, so the study runs six months longer.") { version } }',
        variables: {
          changes: {
            plannedEnd: calendar.dayAfter(
              project.proposed,
              LEAD_IN_DAYS + PLANNED_DAYS + EXTENSION_DAYS,
            ),
          },
        },
      };
  }
}

/** Proposes one project on its day, then takes each step of its path on that step's day. */
export async function loadDemoProject(
  project: DemoProject,
  clientFor: ClientFor,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  await at(calendar.at(project.proposed));
  const { proposeProject } = await clientFor(project.by).must<{
    proposeProject: { projectId: string };
  }>(
    'mutation($key: String!, $proposal: ProjectProposalInput!) { proposeProject(idempotencyKey: $key, proposal: $proposal) { projectId } }',
    { key: project.id, proposal: proposalOf(project, calendar) },
  );
  const id = proposeProject.projectId;
  for (const [step, day] of project.path) {
    await at(calendar.at(day));
    const mutation = stepMutation(step, project, calendar);
    const user = mutation.user === 'lead' ? project.by : mutation.user;
    await clientFor(user).must(mutation.query, { id, ...mutation.variables });
  }
}
