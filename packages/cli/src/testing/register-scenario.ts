// The register's end-to-end scenario, run through the gateway against either run mode: the
// all-in-one platform (npm test) and separate processes on the engines (npm run test:engines).
import { randomUUID } from 'node:crypto';
import { DEMO_USERS, signIdentity, type Identity } from '@ebp/platform';
import { GraphClient, type GraphResponse } from '../graph-client';
import { callers, type PlatformUnderTest } from './platform-under-test';
import { allMet, findings, proposal } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

/** `$id` is the idempotency key; the server makes the project's id. */
const PROPOSE = `mutation($id: String!, $proposal: ProjectProposalInput!) {
  proposeProject(idempotencyKey: $id, proposal: $proposal) { projectId version project { id status } similar { projectId } }
}`;

/** Proposes through the graph; the new project's id, made by the server. */
async function proposeWith(
  client: GraphClient,
  variables: { readonly id: string; readonly proposal: unknown },
): Promise<string> {
  const { proposeProject } = await client.must<{ proposeProject: { projectId: string } }>(
    PROPOSE,
    variables,
  );
  return proposeProject.projectId;
}
const PROJECT = `query($id: ID!, $asOf: String) {
  researchProject(id: $id, asOf: $asOf) { id title status version amendments outcomeSwitching
    history { version type actor { id } why } }
}`;

/** Pauses so that instants before and after a step differ at millisecond resolution. */
const instant = async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const now = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return now;
};

/** Defines the register scenario's tests against a running platform. */
export function registerScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  const id = (name: string) => `e2e-${run}-${name}`;

  /** Calls the subgraph directly, with or without the gateway's signed identity. */
  async function direct(query: string, headers: Record<string, string> = {}, variables = {}) {
    const response = await fetch(running().subgraphUrls.register, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as GraphResponse & Record<string, unknown>,
    };
  }

  it('runs a project from proposal to findings, with history and time travel', async () => {
    const rae = await as('rae');
    const title = `Hot-spot patrols ${run}`;
    const before = await instant();
    const proposed = await rae.must<{ proposeProject: { projectId: string } }>(PROPOSE, {
      id: id('lifecycle'),
      proposal: proposal(title, 'person-rae'),
    });
    const projectId = proposed.proposeProject.projectId;
    expect(proposed).toMatchObject({
      proposeProject: { version: 2, project: { id: projectId, status: 'proposed' } },
    });
    await rae.must(
      'mutation($id: ID!) { submitProject(id: $id, expectedVersion: 2) { version } }',
      {
        id: projectId,
      },
    );
    const afterSubmit = await instant();
    await (
      await as('rob')
    ).must(
      'mutation($id: ID!, $c: QaChecklistInput!) { recordReview(id: $id, verdict: meets_standards, checklist: $c, comments: "Sound design.") { version } }',
      { id: projectId, c: allMet },
    );
    await (
      await as('cat')
    ).must(
      'mutation($id: ID!) { decideProject(id: $id, decision: approve, reasons: "A force priority with a sound design.") { version } }',
      { id: projectId },
    );
    const afterApproval = await instant();
    await rae.must('mutation($id: ID!) { startProject(id: $id) { version } }', { id: projectId });
    await rae.must(
      'mutation($id: ID!) { reportProgress(id: $id, summary: "First quarter of patrols delivered as planned.") { version } }',
      { id: projectId },
    );
    const completed = await rae.must<{ completeProject: Record<string, unknown> }>(
      'mutation($id: ID!, $f: FindingsInput!) { completeProject(id: $id, findings: $f) { version project { status effectDirection findings { achievedSmsLevel emmie { effect { evidence } } } } } }',
      { id: projectId, f: findings },
    );
    // The payload carries the project as it now stands, its findings typed from the contract.
    expect(completed.completeProject).toEqual({
      version: 8,
      project: {
        status: 'completed',
        effectDirection: 'positive',
        findings: { achievedSmsLevel: 3, emmie: { effect: { evidence: 'moderate' } } },
      },
    });

    const now = await rae.must<{ researchProject: Record<string, unknown> }>(PROJECT, {
      id: projectId,
    });
    expect(now.researchProject).toMatchObject({
      status: 'completed',
      version: 8,
      outcomeSwitching: false,
    });
    // Version 2 is the project's first audience (who may read it), which the history leaves out.
    expect(now.researchProject.history).toEqual([
      { version: 1, type: 'register.project.proposed', actor: { id: 'person-rae' }, why: null },
      { version: 3, type: 'register.project.submitted', actor: { id: 'person-rae' }, why: null },
      {
        version: 4,
        type: 'register.project.review-recorded',
        actor: { id: 'person-rob' },
        why: null,
      },
      {
        version: 5,
        type: 'register.project.approved',
        actor: { id: 'person-cat' },
        why: 'A force priority with a sound design.',
      },
      { version: 6, type: 'register.project.started', actor: { id: 'person-rae' }, why: null },
      {
        version: 7,
        type: 'register.project.progress-reported',
        actor: { id: 'person-rae' },
        why: null,
      },
      { version: 8, type: 'register.project.completed', actor: { id: 'person-rae' }, why: null },
    ]);

    const asOf = async (at: string) =>
      (
        await rae.must<{ researchProject: { status: string; version: number } | null }>(PROJECT, {
          id: projectId,
          asOf: at,
        })
      ).researchProject;
    expect(await asOf(before)).toBeNull();
    expect(await asOf(afterSubmit)).toMatchObject({ status: 'submitted', version: 3 });
    expect(await asOf(afterApproval)).toMatchObject({ status: 'approved', version: 5 });
    for (const nonsense of ['2026-02-30', 'yesterday'])
      expect(codes(await rae.request(PROJECT, { id: projectId, asOf: nonsense }))).toEqual([
        'BAD_USER_INPUT',
      ]);

    const listAsOf = await rae.must<{ researchProjects: { total: number; items: unknown[] } }>(
      'query($text: String, $asOf: String) { researchProjects(filter: { text: $text }, asOf: $asOf) { total items { id status } } }',
      { text: run, asOf: afterSubmit },
    );
    expect(listAsOf.researchProjects).toEqual({
      total: 1,
      items: [{ id: projectId, status: 'submitted' }],
    });
  });

  it('gives the committee the governance report as of a date, and nobody else', async () => {
    const REPORT =
      'query($asOf: String!, $format: ReportFormat) { governanceReport(asOf: $asOf, format: $format) }';
    const today = new Date().toISOString().slice(0, 10);
    const cat = await as('cat');
    const { governanceReport: json } = await cat.must<{ governanceReport: string }>(REPORT, {
      asOf: today,
    });
    const report = JSON.parse(json) as {
      asOf: string;
      projects: { total: number; byStatus: { key: string; count: number }[] };
    };
    expect(report.asOf).toBe(today);
    // The project completed above is counted.
    expect(report.projects.byStatus.find((row) => row.key === 'completed')?.count).toBeGreaterThan(
      0,
    );
    const { governanceReport: html } = await cat.must<{ governanceReport: string }>(REPORT, {
      asOf: today,
      format: 'HTML',
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg role="img" aria-label="Projects by status"');
    // Before the platform had any history, there is nothing to count.
    const empty = JSON.parse(
      (await cat.must<{ governanceReport: string }>(REPORT, { asOf: '2000-01-01' }))
        .governanceReport,
    ) as { projects: { total: number } };
    expect(empty.projects.total).toBe(0);
    expect(codes(await (await as('vic')).request(REPORT, { asOf: today }))).toEqual(['FORBIDDEN']);
    expect(codes(await (await as('rae')).request(REPORT, { asOf: today }))).toEqual(['FORBIDDEN']);
    expect(codes(await cat.request(REPORT, { asOf: '2026-02-30' }))).toEqual([
      'INVALID_REPORT_DATE',
    ]);
    expect(codes(await cat.request(REPORT, { asOf: '31/03/2026' }))).toEqual([
      'INVALID_REPORT_DATE',
    ]);
    const COMPARE =
      'query($from: String!, $to: String!) { governanceComparison(from: $from, to: $to, format: MARKDOWN) }';
    const { governanceComparison } = await cat.must<{ governanceComparison: string }>(COMPARE, {
      from: '2000-01-01',
      to: today,
    });
    expect(governanceComparison).toContain(
      `# EBP governance: what changed: 2000-01-01 to ${today}`,
    );
    expect(codes(await cat.request(COMPARE, { from: today, to: '2000-01-01' }))).toEqual([
      'INVALID_REPORT_DATE',
    ]);
  });

  it('leaves out of a reader’s governance report the sensitive projects they may not read', async () => {
    const REPORT = 'query($asOf: String!) { governanceReport(asOf: $asOf) }';
    const today = new Date().toISOString().slice(0, 10);
    const title = `Informant tasking review ${run}`;
    const projectId = await proposeWith(await as('sam'), {
      id: id('covert-report'),
      proposal: proposal(title, 'person-sam', {
        classification: 'OFFICIAL_SENSITIVE',
        methods: [`tasking-method-${run}`],
      }),
    });
    const reportFor = async (user: string) =>
      (await (await as(user)).must<{ governanceReport: string }>(REPORT, { asOf: today }))
        .governanceReport;
    // Rob is a cleared reviewer, but the project is not before reviewers and he never reviewed it.
    const robs = await reportFor('rob');
    for (const unique of [projectId, title, `tasking-method-${run}`])
      expect(robs).not.toContain(unique);
    expect((JSON.parse(robs) as { scope: string }).scope).toMatch(
      /^Only the projects the reader may read/,
    );
    const cats = await reportFor('cat');
    expect(cats).toContain(`tasking-method-${run}`);
    const total = (report: string) =>
      (JSON.parse(report) as { projects: { total: number } }).projects.total;
    expect(total(cats)).toBeGreaterThan(total(robs));
  });

  it('refuses a concurrent edit with the conflict error', async () => {
    const rae = await as('rae');
    const projectId = await proposeWith(rae, {
      id: id('concurrent'),
      proposal: proposal(`Street lighting ${run}`, 'person-rae'),
    });
    const amend = (plannedEnd: string) =>
      rae.request(
        'mutation($id: ID!, $c: ProjectProposalChangesInput!) { amendProject(id: $id, changes: $c, justification: "Two more boroughs joined the study.", expectedVersion: 2) { version } }',
        { id: projectId, c: { plannedEnd } },
      );
    const results = await Promise.all([amend('2027-06-30'), amend('2027-09-30')]);
    expect(results.map(codes).flat().sort()).toEqual(['WRONG_EXPECTED_VERSION']);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const project = await rae.must<{
      researchProject: { amendments: number; history: { why: string }[] };
    }>(PROJECT, { id: projectId });
    expect(project.researchProject.amendments).toBe(1);
    expect(project.researchProject.history[1]?.why).toBe('Two more boroughs joined the study.');
  });

  it('lets only the EBP Committee decide: a viewer or a researcher cannot approve', async () => {
    const rae = await as('rae');
    const projectId = await proposeWith(rae, {
      id: id('decide'),
      proposal: proposal(`Knife arches ${run}`, 'person-rae'),
    });
    await rae.must('mutation($id: ID!) { submitProject(id: $id) { version } }', { id: projectId });
    const approve =
      'mutation($id: ID!) { decideProject(id: $id, decision: approve, reasons: "Looks good to me, approve it.") { version } }';
    for (const user of ['vic', 'rae']) {
      expect(codes(await (await as(user)).request(approve, { id: projectId }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(
      codes(
        await (
          await as('vic')
        ).request(PROPOSE, {
          id: id('by-viewer'),
          proposal: proposal(`A viewer's idea ${run}`, 'person-vic'),
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    // The committee can, once the review is in.
    expect(codes(await (await as('cat')).request(approve, { id: projectId }))).toEqual([
      'REVIEWS_INCOMPLETE',
    ]);
  });

  it('hides an OFFICIAL-SENSITIVE project from anyone without need-to-know, by every path', async () => {
    const priorityId = id('priority');
    await (
      await as('cat')
    ).must(
      'mutation($id: ID!, $p: ResearchPriorityInput!) { setResearchPriority(id: $id, priority: $p) { priority { id } } }',
      {
        id: priorityId,
        p: {
          title: `County lines ${run}`,
          rationale: 'Exploitation crosses borough boundaries and evidence is thin.',
          periodStart: '2026-04-01',
          periodEnd: '2029-03-31',
          ownerId: 'person-cat',
        },
      },
    );
    const sam = await as('sam');
    const projectId = await proposeWith(sam, {
      id: id('sensitive'),
      proposal: proposal(`Covert disruption ${run}`, 'person-sam', {
        classification: 'OFFICIAL_SENSITIVE',
        priorityIds: [priorityId],
        needToKnow: ['person-nia'],
      }),
    });
    const cleared = (person: string): Identity => ({
      actor: { kind: 'person', id: person },
      name: person,
      roles: ['researcher'],
      clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
    });
    const paths = `query($id: ID!, $text: String) {
      researchProject(id: $id) { id }
      researchProjects(filter: { text: $text }) { total items { id } }
      researchPriorities { id projects { id } }
      researchPlanCoverage { priorities { priority { id } projects byStatus { status count } } }
    }`;
    const seen = async (user: string | Identity) => {
      const data = await (
        await as(user)
      ).must<{
        researchProject: { id: string } | null;
        researchProjects: { total: number };
        researchPriorities: { id: string; projects: { id: string }[] }[];
        researchPlanCoverage: {
          priorities: {
            priority: { id: string };
            projects: number;
            byStatus: { status: string; count: number }[];
          }[];
        };
      }>(paths, { id: projectId, text: `Covert ${run}` });
      const identity = typeof user === 'string' ? DEMO_USERS[user]! : user;
      const entities = await direct(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on ResearchProject { id title } } }',
        signIdentity(identity, running().identitySecret),
        { r: [{ __typename: 'ResearchProject', id: projectId }] },
      );
      const covered = data.researchPlanCoverage.priorities.find(
        (p) => p.priority.id === priorityId,
      );
      return {
        root: data.researchProject !== null,
        list: data.researchProjects.total,
        nested: data.researchPriorities.find((p) => p.id === priorityId)?.projects.length,
        coverage: covered?.projects,
        byStatus: covered?.byStatus,
        entities: (entities.body.data as { _entities: unknown[] })._entities,
      };
    };
    const hidden = {
      root: false,
      list: 0,
      nested: 0,
      coverage: 0,
      byStatus: [],
      entities: [null],
    };
    const visible = {
      root: true,
      list: 1,
      nested: 1,
      coverage: 1,
      byStatus: [{ status: 'proposed', count: 1 }],
      entities: [{ id: projectId, title: `Covert disruption ${run}` }],
    };
    expect(await seen('vic')).toEqual(hidden);
    expect(await seen('rae')).toEqual(hidden);
    // Cleared, but not among those who need to know.
    expect(await seen(cleared('person-kim'))).toEqual(hidden);
    // Named as needing to know, but without the clearance.
    expect(await seen({ ...cleared('person-nia'), clearances: ['OFFICIAL'] })).toEqual(hidden);
    expect(await seen(cleared('person-nia'))).toEqual(visible);
    expect(await seen('sam')).toEqual(visible);
    expect(await seen('cat')).toEqual(visible);
    // Nor can an outsider act on it, or learn from the error that it exists.
    const submit = 'mutation($id: ID!) { submitProject(id: $id) { version } }';
    expect(codes(await (await as('rae')).request(submit, { id: projectId }))).toEqual([
      'PROJECT_NOT_FOUND',
    ]);
    expect(codes(await (await as('rae')).request(submit, { id: id('no-such-project') }))).toEqual([
      'PROJECT_NOT_FOUND',
    ]);
  });

  it('refuses any direct call to the subgraph, _service and _entities included', async () => {
    for (const query of [
      '{ researchProjects { total } }',
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "ResearchProject", id: "p-1" }]) { __typename } }',
    ]) {
      expect(await direct(query)).toMatchObject({
        status: 401,
        type: 'application/problem+json',
        body: { status: 401, code: 'UNAUTHENTICATED' },
      });
    }
    const forged = await direct(
      '{ researchProjects { total } }',
      signIdentity(DEMO_USERS.ada!, 'a-guessed-secret-that-is-long-enough-too'),
    );
    expect(forged.status).toBe(401);
    const signed = await direct(
      '{ researchProjects { total } }',
      signIdentity(DEMO_USERS.vic!, running().identitySecret),
    );
    expect(signed.status).toBe(200);
  });

  it('refuses callers without a valid token, and over-deep or over-aliased queries', async () => {
    for (const token of [null, 'not-a-token']) {
      const refused = await new GraphClient(running().url, token).request(
        '{ researchProjects { total } }',
      );
      expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    }
    const vic = await as('vic');
    // Eleven levels: priorities and their projects, nested five times over, then an id.
    const deep = `{ researchPriorities ${'{ projects { priorities '.repeat(4)}{ projects { id } }${' } }'.repeat(4)} }`;
    const tooDeep = await vic.request(deep);
    // Apollo Server reports every failed validation rule with its standard code.
    expect(codes(tooDeep)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooDeep.errors?.[0]?.message).toMatch(/levels deep; the limit is 10/);
    const aliases = Array.from(
      { length: 16 },
      (_, n) => `a${n}: researchProject(id: "x") { id }`,
    ).join(' ');
    const tooAliased = await vic.request(`{ ${aliases} }`);
    expect(codes(tooAliased)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooAliased.errors?.[0]?.message).toMatch(/16 aliases; the limit is 15/);
  });

  it('returns typed errors without stack traces, and a correlation id on every response', async () => {
    const invalid = await (
      await as('rae')
    ).request(PROPOSE, {
      id: id('invalid'),
      proposal: proposal('Bad', 'person-rae', { plannedSmsLevel: 9 }),
    });
    // The code, and what is wrong with which field, for a form to show beside each.
    const extensions = invalid.errors?.[0]?.extensions as {
      code: string;
      issues: { path: string; message: string }[];
    };
    expect(Object.keys(extensions)).toEqual(['code', 'issues']);
    expect(extensions.code).toBe('INVALID_PROJECT_INPUT');
    // In the words a form shows beside the field.
    expect(extensions.issues).toEqual([
      { path: 'title', message: 'Enter at least 5 characters' },
      { path: 'plannedSmsLevel', message: 'Must be at most 5' },
    ]);
    expect(JSON.stringify(invalid)).not.toMatch(/stacktrace|at .*\.ts/);
    const response = await fetch(running().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': `trace-${run}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.headers.get('x-correlation-id')).toBe(`trace-${run}`);
    const live = await fetch(running().url.replace('/graphql', '/health/live'));
    const ready = await fetch(running().subgraphUrls.register.replace('/graphql', '/health/ready'));
    expect([live.status, ready.status]).toEqual([200, 200]);
  });
}
