import { register } from '@ebp/contracts';
import type { ProjectEvent } from './project';

export const LEAD = 'person-lead';
export const REVIEWER_A = 'person-reviewer-a';
export const REVIEWER_B = 'person-reviewer-b';
export const COMMITTEE = 'person-committee';

export function aProposal(
  overrides: Partial<register.ProjectProposal> = {},
): register.ProjectProposal {
  return {
    title: 'Hot-spot policing in the night-time economy',
    summary:
      'Does visible patrolling of the busiest late-night streets reduce violence with injury?',
    researchQuestions: ['Do 15-minute patrols at hot spots reduce violence with injury?'],
    ebpLevel: 'organisational',
    priorityIds: ['priority-violence'],
    design: 'Before and after, with matched comparison hot spots',
    methods: ['quasi-experiment', 'crime-analysis'],
    plannedSmsLevel: 3,
    ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-04-01',
    plannedEnd: '2027-03-31',
    owningUnit: 'Central West BCU',
    leadId: LEAD,
    ethics: {
      status: 'approved',
      board: 'MPS Research Ethics Board',
      reference: 'REB-2026-014',
      approvedOn: '2026-02-01',
      expiresOn: '2027-06-30',
    },
    classification: 'OFFICIAL',
    outcomes: {
      primary: [
        { name: 'Violence with injury', measure: 'Recorded offences per hot spot per week' },
      ],
      secondary: [{ name: 'Calls for service', measure: 'Calls per hot spot per week' }],
    },
    ...overrides,
  };
}

export const allMet: register.QaChecklist = Object.fromEntries(
  register.QA_CRITERIA.map((criterion) => [criterion, 'met']),
) as register.QaChecklist;

export const withUnmet = (...unmet: register.QaCriterion[]): register.QaChecklist => ({
  ...allMet,
  ...Object.fromEntries(unmet.map((criterion) => [criterion, 'not_met'])),
});

export const proposed = (proposal = aProposal()): ProjectEvent => ({
  type: 'register.project.proposed',
  data: { projectId: 'project-1', proposal, proposedBy: LEAD },
});
export const submitted: ProjectEvent = {
  type: 'register.project.submitted',
  data: { submittedBy: LEAD },
};
export const reviewed = (
  reviewerId: string,
  verdict: register.ReviewVerdict = 'meets_standards',
): ProjectEvent => ({
  type: 'register.project.review-recorded',
  data: {
    reviewerId,
    verdict,
    checklist: verdict === 'meets_standards' ? allMet : withUnmet('sample_size_justified'),
    comments: 'Sound design.',
  },
});
export const approved: ProjectEvent = {
  type: 'register.project.approved',
  data: { decidedBy: COMMITTEE, reasons: 'Addresses a force priority with a sound design.' },
};
export const deferred: ProjectEvent = {
  type: 'register.project.deferred',
  data: { decidedBy: COMMITTEE, reasons: 'Return with a power calculation.' },
};
export const started: ProjectEvent = {
  type: 'register.project.started',
  data: { startedBy: LEAD, startedOn: '2026-04-01' },
};
export const suspended: ProjectEvent = {
  type: 'register.project.suspended',
  data: { by: LEAD, reason: 'Officers redeployed to an operation.' },
};

export const findings = (primaryNames: string[] = ['Violence with injury']): register.Findings => ({
  summary: 'Violence with injury fell by 12% at treated hot spots relative to comparison sites.',
  effectDirection: 'positive',
  achievedSmsLevel: 3,
  emmie: {
    effect: { evidence: 'moderate', quality: 'moderate' },
    mechanism: { evidence: 'limited', quality: 'limited' },
    moderators: { evidence: 'limited', quality: 'limited' },
    implementation: { evidence: 'strong', quality: 'moderate' },
    economicCost: { evidence: 'none', quality: 'none' },
  },
  reportedOutcomes: primaryNames.map((name) => ({
    name,
    primary: true,
    result: '12% reduction (95% CI 4% to 19%)',
  })),
});
