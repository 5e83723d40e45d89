// Register inputs the end-to-end scenarios share.
import { register } from '@ebp/contracts';
import type { GraphClient } from '../graph-client';

export const allMet = Object.fromEntries(
  register.QA_CRITERIA.map((criterion) => [criterion, 'met']),
);

/**
 * Proposes a project through the graph with `key` as the idempotency key; the new project's id,
 * which the server makes.
 */
export async function proposeProject(
  client: GraphClient,
  key: string,
  proposal: unknown,
): Promise<string> {
  const { proposeProject: proposed } = await client.must<{ proposeProject: { projectId: string } }>(
    'mutation($key: String!, $p: ProjectProposalInput!) { proposeProject(idempotencyKey: $key, proposal: $p) { projectId } }',
    { key, p: proposal },
  );
  return proposed.projectId;
}

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
    ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-04-01',
    plannedEnd: '2027-03-31',
    owningUnit: 'Central West BCU',
    leadId: lead,
    ethics: { status: 'not_required', reason: 'Uses only recorded crime counts, no participants.' },
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

/**
 * Takes a proposed project led by Rae through submission, review (Rob), approval (Cat) and its
 * start to completion with the findings above.
 */
export async function completeProposedProject(
  as: (user: string) => Promise<GraphClient>,
  projectId: string,
): Promise<void> {
  const rae = await as('rae');
  await rae.must('mutation($id: ID!) { submitProject(id: $id, expectedVersion: 2) { version } }', {
    id: projectId,
  });
  await (
    await as('rob')
  ).must(
    'mutation($id: ID!, $c: QaChecklistInput!) { recordReview(id: $id, verdict: meets_standards, checklist: $c, comments: "Sound design.") { version } }',
    { id: projectId, c: allMet },
  );
  await (
    await as('cat')
  ).must(
    'mutation($id: ID!) { decideProject(id: $id, decision: approve, reasons: "Sound design.") { version } }',
    { id: projectId },
  );
  await rae.must('mutation($id: ID!) { startProject(id: $id) { version } }', { id: projectId });
  await rae.must(
    'mutation($id: ID!, $f: FindingsInput!) { completeProject(id: $id, findings: $f) { version } }',
    { id: projectId, f: findings },
  );
}
