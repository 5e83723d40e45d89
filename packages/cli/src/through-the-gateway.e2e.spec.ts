// The register's first end-to-end path: a client talks only to the federated gateway, which
// plans each operation onto the register subgraph composed into the supergraph at build time.
import { SqlDocumentStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { startGateway, type RunningGateway } from '@ebp/gateway';
import { DevelopmentIssuer, signIdentity, DEMO_USERS } from '@ebp/platform';
import { startRegisterService, type RunningService } from './register-service';

const [sqlTarget] = sqlTargets();

const proposal = {
  title: 'Hot-spot policing in the night-time economy',
  summary: 'Does visible patrolling of the busiest late-night streets reduce violence with injury?',
  researchQuestions: ['Do 15-minute patrols at hot spots reduce violence with injury?'],
  ebpLevel: 'organisational',
  priorityIds: ['priority-violence'],
  design: 'Before and after, with matched comparison hot spots',
  methods: ['quasi-experiment'],
  plannedSmsLevel: 3,
  ebpMatrix: { target: 'micro-place', proactivity: 'proactive', specificity: 'focused' },
  plannedStart: '2026-04-01',
  plannedEnd: '2027-03-31',
  owningUnit: 'Central West BCU',
  leadId: 'person-lead',
  ethics: { status: 'not-required', reason: 'Uses only recorded crime counts, no participants.' },
  classification: 'OFFICIAL',
  outcomes: {
    primary: [{ name: 'Violence with injury', measure: 'Offences per hot spot per week' }],
    secondary: [],
  },
};

describe(`through the gateway (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let register: RunningService;
  let gateway: RunningGateway;
  let issuer: DevelopmentIssuer;
  let token: string;
  const identitySecret = 'a-test-secret-that-is-at-least-32-characters-long';

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    register = await startRegisterService({
      sql,
      documents: await SqlDocumentStore.open(sql),
      identitySecret,
    });
    issuer = await DevelopmentIssuer.create();
    token = await issuer.tokenFor('rae');
    gateway = await startGateway({
      subgraphUrls: { register: register.url },
      port: 0,
      verifier: issuer.verifier(),
      identitySecret,
    });
  });

  afterAll(async () => {
    await gateway.stop();
    await register.stop();
    await sql.close();
  });

  async function graphql(
    query: string,
    variables: Record<string, unknown> = {},
    bearer: string | null = token,
  ) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  }

  it('proposes, lists, submits, and reports a stale edit as a conflict', async () => {
    const proposed = await graphql(
      'mutation($p: JSON!) { proposeProject(id: "p-1", proposal: $p) { version project { id status } } }',
      { p: proposal },
    );
    expect(proposed).toEqual({
      data: { proposeProject: { version: 1, project: { id: 'p-1', status: 'proposed' } } },
    });

    const listed = await graphql(
      '{ researchProjects(filter: { text: "night-time" }) { total items { id title } } }',
    );
    expect(listed.data).toEqual({
      researchProjects: { total: 1, items: [{ id: 'p-1', title: proposal.title }] },
    });

    expect(
      (
        await graphql(
          'mutation { submitProject(id: "p-1", expectedVersion: 1) { status version } }',
        )
      ).data,
    ).toEqual({
      submitProject: { status: 'submitted', version: 2 },
    });
    const stale = await graphql(
      'mutation { submitProject(id: "p-1", expectedVersion: 1) { status } }',
    );
    expect(stale.errors?.map((error) => error.extensions?.code)).toEqual([
      'WRONG_EXPECTED_VERSION',
    ]);
  });

  it('passes domain error codes through and keeps stack traces out', async () => {
    const invalid = await graphql(
      'mutation($p: JSON!) { proposeProject(id: "p-2", proposal: $p) { version } }',
      { p: { ...proposal, plannedSmsLevel: 7 } },
    );
    expect(invalid.errors?.[0]?.extensions).toEqual({ code: 'INVALID_PROJECT_INPUT' });
    expect(JSON.stringify(invalid)).not.toMatch(/stacktrace|at .*\.ts/);
  });

  it('refuses callers without a valid token at the gateway', async () => {
    for (const bearer of [
      null,
      'not-a-token',
      await (await DevelopmentIssuer.create()).tokenFor('ada'),
    ]) {
      const refused = await graphql('{ researchProjects { total } }', {}, bearer);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('records the verified caller as the actor of what they do', async () => {
    const proposed = await graphql(
      'mutation($p: JSON!) { proposeProject(id: "p-3", proposal: $p) { version } }',
      { p: { ...proposal, title: 'Street lighting and burglary on estates' } },
    );
    expect(proposed.errors).toBeUndefined();
    const [event] = await register.runtime.store.readStream('project:p-3');
    expect(event?.metadata.actor).toEqual(DEMO_USERS.rae!.actor);
    expect(event?.data.proposedBy).toBe(DEMO_USERS.rae!.actor.id);
  });

  it('refuses any call to the subgraph that did not come through the gateway, _service and _entities included', async () => {
    const direct = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(register.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: (await response.json()) as Record<string, unknown>,
      };
    };
    for (const query of [
      '{ researchProjects { total } }',
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "ResearchProject", id: "p-1" }]) { __typename } }',
    ]) {
      const refused = await direct(query);
      expect(refused).toMatchObject({
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
      signIdentity(DEMO_USERS.vic!, identitySecret),
    );
    expect(signed.status).toBe(200);
  });

  it('does not expose the subgraph entity entry point through the gateway', async () => {
    const entities = await graphql(
      'query { _entities(representations: [{ __typename: "ResearchProject", id: "p-1" }]) { __typename } }',
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
