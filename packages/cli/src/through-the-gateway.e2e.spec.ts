// The register's first end-to-end path: a client talks only to the federated gateway, which
// plans each operation onto the register subgraph composed into the supergraph at build time.
import { SqlDocumentStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { startGateway, type RunningGateway } from '@ebp/gateway';
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

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    register = await startRegisterService({
      sql,
      documents: await SqlDocumentStore.open(sql),
      // Authentication at the gateway and verified identity in the subgraph come with the security work.
      identify: async () => ({
        actor: { kind: 'person', id: 'person-lead' },
        roles: ['researcher'],
        clearances: ['OFFICIAL'],
      }),
    });
    gateway = await startGateway({ subgraphUrls: { register: register.url }, port: 0 });
  });

  afterAll(async () => {
    await gateway.stop();
    await register.stop();
    await sql.close();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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

  it('does not expose the subgraph entity entry point through the gateway', async () => {
    const entities = await graphql(
      'query { _entities(representations: [{ __typename: "ResearchProject", id: "p-1" }]) { __typename } }',
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
