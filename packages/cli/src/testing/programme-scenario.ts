// The Research Plan for a year and the EBP Programme end to end through the gateway, against either
// run mode (issue 20): the EBP Delivery Team drafts a plan with its priorities, revises it with a
// justification, the committee agrees it once, and next year's agreed plan supersedes it; a work
// stream gets milestones, one is done and one overdue, and the overdue one is listed.
import { randomUUID } from 'node:crypto';
import type { GraphResponse } from '../graph-client';
import { callers, type PlatformUnderTest } from './platform-under-test';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

interface Plan {
  year: number;
  title: string;
  status: string;
  priorities: { id: string; title: string }[];
  agreedBy: string | null;
  decision: string | null;
  revisions: { by: string; justification: string; fields: string[] }[];
}
interface Workstream {
  id: string;
  name: string;
  milestones: { id: string; status: string; overdue: boolean; note: string | null }[];
  progress: { planned: number; inProgress: number; done: number; dropped: number; overdue: number };
}

const PLAN = `year title status priorities { id title } agreedBy decision
  revisions { by justification fields }`;
const DRAFT = `mutation($y: Int!, $p: ResearchPlanInput!) { draftResearchPlan(year: $y, plan: $p) { plan { ${PLAN} } } }`;
const REVISE = `mutation($y: Int!, $c: ResearchPlanChangesInput!, $j: String!) {
  reviseResearchPlan(year: $y, changes: $c, justification: $j) { plan { ${PLAN} } } }`;
const AGREE = `mutation($y: Int!, $d: String!) { agreeResearchPlan(year: $y, decision: $d) { plan { ${PLAN} } } }`;
const PLANS = `query { researchPlans { year status } }`;
const WORKSTREAM = `id name milestones { id status overdue note }
  progress { planned inProgress done dropped overdue }`;
const DEFINE = `mutation($id: ID!, $w: WorkstreamInput!) { defineWorkstream(id: $id, workstream: $w) { workstream { ${WORKSTREAM} } } }`;
const ADD = `mutation($w: ID!, $m: ID!, $ms: MilestoneInput!) { addMilestone(workstreamId: $w, milestoneId: $m, milestone: $ms) {
  workstream { ${WORKSTREAM} } } }`;
const PROGRESS = `mutation($w: ID!, $m: ID!, $s: MilestoneStatus!, $n: String) {
  progressMilestone(workstreamId: $w, milestoneId: $m, status: $s, note: $n) { workstream { ${WORKSTREAM} } } }`;

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function programmeScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);

  it('drafts, revises and agrees the Research Plan for a year, once, with existing priorities each named once', async () => {
    const cat = await as('cat');
    const rob = await as('rob');
    const priority = (id: string, title: string) =>
      cat.must(
        'mutation($id: ID!, $p: ResearchPriorityInput!) { setResearchPriority(id: $id, priority: $p) { version } }',
        {
          id,
          p: {
            title,
            rationale: 'The force wants to know what works here, and for whom.',
            periodStart: '2027-01-01',
            periodEnd: '2027-12-31',
            ownerId: 'person-cat',
          },
        },
      );
    const vawg = `priority-${run}-vawg`;
    const knives = `priority-${run}-knives`;
    await priority(vawg, `Violence against women and girls ${run}`);
    await priority(knives, `Knife crime ${run}`);
    // Years after any plan already recorded (the engines may hold earlier runs' plans; each run
    // takes two years, so a long-lived local database reaches 2100 after some 35 runs).
    const { researchPlans } = await rob.must<{ researchPlans: { year: number }[] }>(PLANS);
    const year = Math.max(new Date().getUTCFullYear(), ...researchPlans.map((p) => p.year)) + 1;

    const plan = {
      title: `MPS Research Plan ${year}`,
      summary: 'The research the force wants this year, drawn up with the business areas.',
      priorityIds: [vawg, knives],
    };
    expect(codes(await (await as('vic')).request(DRAFT, { y: year, p: plan }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codes(await rob.request(DRAFT, { y: year, p: { ...plan, priorityIds: ['no-such'] } })),
    ).toEqual(['PRIORITY_NOT_FOUND']);
    const drafted = await rob.must<{ draftResearchPlan: { plan: Plan } }>(DRAFT, {
      y: year,
      p: plan,
    });
    expect(drafted.draftResearchPlan.plan).toMatchObject({
      year,
      status: 'draft',
      priorities: [{ id: vawg }, { id: knives }],
    });
    expect(codes(await rob.request(DRAFT, { y: year, p: plan }))).toEqual(['PLAN_ALREADY_EXISTS']);

    const justification = 'Knife crime moved to the Violence Reduction Unit’s own plan.';
    expect(
      codes(await rob.request(REVISE, { y: year, c: { priorityIds: [vawg] }, j: 'because' })),
    ).toEqual(['INVALID_PLAN_INPUT']);
    const revised = await rob.must<{ reviseResearchPlan: { plan: Plan } }>(REVISE, {
      y: year,
      c: { priorityIds: [vawg] },
      j: justification,
    });
    expect(revised.reviseResearchPlan.plan).toMatchObject({
      priorities: [{ id: vawg }],
      revisions: [{ by: 'person-rob', justification, fields: ['priorityIds'] }],
    });

    const decision = 'Agreed by the EBP Committee at its January meeting.';
    expect(codes(await rob.request(AGREE, { y: year, d: decision }))).toEqual(['FORBIDDEN']);
    const agreed = await cat.must<{ agreeResearchPlan: { plan: Plan } }>(AGREE, {
      y: year,
      d: decision,
    });
    expect(agreed.agreeResearchPlan.plan).toMatchObject({
      status: 'agreed',
      agreedBy: 'person-cat',
      decision,
    });
    expect(codes(await cat.request(AGREE, { y: year, d: decision }))).toEqual([
      'PLAN_ALREADY_AGREED',
    ]);

    await rob.must(DRAFT, { y: year + 1, p: { ...plan, title: `MPS Research Plan ${year + 1}` } });
    const before = await rob.must<{ researchPlans: { year: number; status: string }[] }>(PLANS);
    expect(before.researchPlans.filter((p) => p.year >= year)).toEqual([
      { year: year + 1, status: 'draft' },
      { year, status: 'agreed' },
    ]);
    await cat.must(AGREE, { y: year + 1, d: decision });
    // Both years are still to come: neither plan is in force yet, so neither is superseded (the
    // register's unit and governance tests show a plan superseded once a later one is in force).
    const after = await rob.must<{ researchPlans: { year: number; status: string }[] }>(PLANS);
    expect(after.researchPlans.filter((p) => p.year >= year)).toEqual([
      { year: year + 1, status: 'agreed' },
      { year, status: 'agreed' },
    ]);
    // A retired priority cannot join a plan, and a priority is named once.
    await cat.must(
      'mutation($id: ID!) { retireResearchPriority(id: $id, reason: "Moved to another plan.") { version } }',
      { id: knives },
    );
    expect(
      codes(
        await rob.request(REVISE, { y: year + 1, c: { priorityIds: [knives] }, j: justification }),
      ),
    ).toEqual(['PRIORITY_RETIRED']);
    expect(
      codes(
        await rob.request(REVISE, {
          y: year + 1,
          c: { priorityIds: [vawg, vawg] },
          j: justification,
        }),
      ),
    ).toEqual(['INVALID_PLAN_INPUT']);
  });

  it('keeps the EBP Programme: a work stream’s milestones done, dropped with a reason, and overdue', async () => {
    const rob = await as('rob');
    const id = `build-capability-${run}`;
    const workstream = {
      name: `Build capability in the Met ${run}`,
      objective: 'Officers and staff able to find, judge and use research.',
      approach: ['Master classes for supervisors', 'An EBP champion in every BCU'],
      outcomes: ['A champion in every BCU'],
      ownerId: 'person-rob',
    };
    expect(codes(await (await as('rae')).request(DEFINE, { id, w: workstream }))).toEqual([
      'FORBIDDEN',
    ]);
    await rob.must(DEFINE, { id, w: workstream });
    const milestone = (title: string, due: string, ownerId = 'person-rob') => ({
      title,
      due,
      ownerId,
    });
    await rob.must(ADD, {
      w: id,
      m: 'champions',
      ms: milestone('Champions named', dayOffset(-30)),
    });
    await rob.must(ADD, {
      w: id,
      m: 'classes',
      ms: milestone('Six master classes held', dayOffset(-10), 'person-rae'),
    });
    await rob.must(ADD, { w: id, m: 'survey', ms: milestone('Survey run again', dayOffset(60)) });
    expect(
      codes(await rob.request(ADD, { w: id, m: 'survey', ms: milestone('Again', dayOffset(1)) })),
    ).toEqual(['MILESTONE_ALREADY_EXISTS']);

    // Rae owns the master classes milestone, so she may move it on; not the others.
    const rae = await as('rae');
    await rae.must(PROGRESS, { w: id, m: 'classes', s: 'in_progress' });
    expect(codes(await rae.request(PROGRESS, { w: id, m: 'champions', s: 'done' }))).toEqual([
      'FORBIDDEN',
    ]);
    await rob.must(PROGRESS, { w: id, m: 'champions', s: 'done' });
    expect(codes(await rob.request(PROGRESS, { w: id, m: 'champions', s: 'planned' }))).toEqual([
      'ILLEGAL_MILESTONE_TRANSITION',
    ]);
    expect(codes(await rob.request(PROGRESS, { w: id, m: 'survey', s: 'dropped' }))).toEqual([
      'INVALID_WORKSTREAM_INPUT',
    ]);

    // The survey slips a month: rescheduled with a reason; its first due date stays on record.
    const RESCHEDULE = `mutation($w: ID!, $m: ID!, $d: String!, $j: String!) {
      rescheduleMilestone(workstreamId: $w, milestoneId: $m, due: $d, justification: $j) {
        workstream { milestones { id due firstDue } } } }`;
    const slipped = await rob.must<{
      rescheduleMilestone: {
        workstream: { milestones: { id: string; due: string; firstDue: string }[] };
      };
    }>(RESCHEDULE, {
      w: id,
      m: 'survey',
      d: dayOffset(90),
      j: 'The survey waits for the new census data.',
    });
    expect(
      slipped.rescheduleMilestone.workstream.milestones.find((m) => m.id === 'survey'),
    ).toEqual({ id: 'survey', due: dayOffset(90), firstDue: dayOffset(60) });
    expect(
      codes(
        await rob.request(RESCHEDULE, {
          w: id,
          m: 'champions',
          d: dayOffset(5),
          j: 'Too late to move it.',
        }),
      ),
    ).toEqual(['ILLEGAL_MILESTONE_TRANSITION']);

    const { ebpProgramme } = await (
      await as('vic')
    ).must<{ ebpProgramme: Workstream[] }>(`query { ebpProgramme { ${WORKSTREAM} } }`);
    const mine = ebpProgramme.find((each) => each.id === id);
    expect(mine?.progress).toEqual({ planned: 1, inProgress: 1, done: 1, dropped: 0, overdue: 1 });
    expect(mine?.milestones.map((m) => [m.id, m.status, m.overdue])).toEqual([
      ['champions', 'done', false],
      ['classes', 'in_progress', true],
      ['survey', 'planned', false],
    ]);
    const overdue = await rob.must<{
      overdueMilestones: { workstream: { id: string }; milestone: { id: string } }[];
    }>('query { overdueMilestones { workstream { id } milestone { id } } }');
    expect(
      overdue.overdueMilestones
        .filter((each) => each.workstream.id === id)
        .map((each) => each.milestone.id),
    ).toEqual(['classes']);
    // Seen from a day after the survey is now due, that one is overdue too.
    const later = await rob.must<{ ebpProgramme: Workstream[] }>(
      `query($t: String!) { ebpProgramme(today: $t) { ${WORKSTREAM} } }`,
      { t: dayOffset(120) },
    );
    expect(later.ebpProgramme.find((each) => each.id === id)?.progress.overdue).toBe(2);
    expect(codes(await rob.request('query { ebpProgramme(today: "31/12/2026") { id } }'))).toEqual([
      'INVALID_WORKSTREAM_INPUT',
    ]);
  });
}
