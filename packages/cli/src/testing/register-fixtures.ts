// Register inputs the end-to-end scenarios share.
import { register } from '@ebp/contracts';

export const allMet = Object.fromEntries(
  register.QA_CRITERIA.map((criterion) => [criterion, 'met']),
);

export function proposal(title: string, lead: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    summary: `${title}: does the intervention reduce harm compared with matched comparison areas?`,
    researchQuestions: ['Does the intervention reduce violence with injury?'],
    ebpLevel: 'organisational',
    priorityIds: [],
    design: 'Before and after, with matched comparison hot spots',
    methods: ['quasi-experiment'],
    plannedSmsLevel: 3,
    ebpMatrix: { target: 'micro-place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-04-01',
    plannedEnd: '2027-03-31',
    owningUnit: 'Central West BCU',
    leadId: lead,
    ethics: { status: 'not-required', reason: 'Uses only recorded crime counts, no participants.' },
    classification: 'OFFICIAL',
    outcomes: {
      primary: [{ name: 'Violence with injury', measure: 'Offences per hot spot per week' }],
      secondary: [],
    },
    ...overrides,
  };
}

export const findings = {
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
  reportedOutcomes: [{ name: 'Violence with injury', primary: true, result: '12% reduction' }],
};
