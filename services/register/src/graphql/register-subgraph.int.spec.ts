import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import {
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import type { Identity, Role } from '@ebp/platform';
import { aProposal, allMet, COMMITTEE, LEAD, REVIEWER_A } from '../projects/project.fixtures';
import { researchPlans, workstreams } from '../programme/projections/programme.projections';
import { meetings } from '../meetings/projections/meetings.projection';
import { prioritySummaries } from '../priorities/projections/priority-summary.projection';
import { projectSummaries } from '../projects/projections/project-summary.projection';
import { RegisterModule } from './register.module';
import type { RegisterRuntime } from './register-runtime';

const [sqlTarget] = sqlTargets();

describe(`register subgraph over HTTP (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let app: INestApplication;
  let url: string;
  let failReads = false;
  const person = (id: string, name: string, role: Role): Identity => ({
    actor: { kind: 'person', id },
    name,
    roles: [role],
    clearances: ['OFFICIAL'],
  });
  const lead = person(LEAD, 'Project lead', 'researcher');
  let actingAs: Identity = lead;

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    const store = await SqlEventStore.open(sql);
    const documents = await SqlDocumentStore.open(sql);
    const checkpoints = await SqlCheckpointStore.open(sql);
    const projector = createProjectionProcessor(store, checkpoints, documents, projectSummaries);
    const priorityProjector = createProjectionProcessor(
      store,
      checkpoints,
      documents,
      prioritySummaries,
    );
    const runtime: RegisterRuntime = {
      store,
      projects: async () => {
        if (failReads) throw new Error('connection to 10.1.2.3 refused (password=hunter2)');
        return liveCollection(documents, projectSummaries);
      },
      priorities: () => liveCollection(documents, prioritySummaries),
      researchPlans: () => liveCollection(documents, researchPlans),
      workstreams: () => liveCollection(documents, workstreams),
      meetings: () => liveCollection(documents, meetings),
      catchUp: async () => {
        await projector.catchUp();
        await priorityProjector.catchUp();
      },
      // The subgraph on its own, behind a stand-in for the gateway's verified identity.
      identify: async () => actingAs,
      now: () => new Date('2026-01-05T10:00:00Z'),
    };
    app = await NestFactory.create(RegisterModule.forRoot(runtime), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await sql.close();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } }[];
    };
  }

  const propose = `mutation($proposal: ProjectProposalInput!, $key: String) {
    proposeProject(proposal: $proposal, idempotencyKey: $key) { projectId version project { id title status } similar { projectId } }
  }`;
  /** The first project's id, made by the server. */
  let p1 = '';

  it('proposes a project and reads it back', async () => {
    const result = await graphql(propose, { proposal: aProposal() });
    p1 = String((result.data?.proposeProject as { projectId?: string } | undefined)?.projectId);
    expect(p1).toMatch(/^project-[0-9a-f]{32}$/);
    expect(result).toEqual({
      data: {
        proposeProject: {
          projectId: p1,
          // The proposal, then the project's first audience (who may read it).
          version: 2,
          project: { id: p1, title: aProposal().title, status: 'proposed' },
          similar: [],
        },
      },
    });
    const read = await graphql(
      `query { researchProject(id: "${p1}") { id status owningUnit } researchProjects { total items { id } } }`,
    );
    expect(read.data).toEqual({
      researchProject: { id: p1, status: 'proposed', owningUnit: 'Central West BCU' },
      researchProjects: { total: 1, items: [{ id: p1 }] },
    });
  });

  it('makes project ids itself, and answers a retried proposal with the project it created', async () => {
    type Proposed = { proposeProject: { projectId: string; version: number } };
    const key = 'form-7f1c2d9e-retry';
    const first = await graphql(propose, {
      proposal: aProposal({ title: 'Retried proposal' }),
      key,
    });
    const again = await graphql(propose, {
      proposal: aProposal({ title: 'Retried proposal' }),
      key,
    });
    const { projectId, version } = (first.data as Proposed).proposeProject;
    expect((again.data as Proposed).proposeProject).toMatchObject({ projectId, version });
    const other = await graphql(propose, { proposal: aProposal({ title: 'Another proposal' }) });
    expect((other.data as Proposed).proposeProject.projectId).not.toBe(projectId);
    const reused = await graphql(propose, {
      proposal: aProposal({ title: 'Something else' }),
      key,
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const badKey = await graphql(propose, { proposal: aProposal(), key: 'short' });
    expect(badKey.errors?.[0]?.extensions?.code).toBe('INVALID_PROJECT_INPUT');
    const listed = await graphql(`
      query {
        researchProjects(filter: { text: "retried proposal" }) {
          total
        }
      }
    `);
    expect(listed.data).toEqual({ researchProjects: { total: 1 } });
  });

  it('returns typed errors with extensions.code', async () => {
    const invalid = await graphql(propose, {
      proposal: { ...aProposal(), plannedSmsLevel: 9 },
    });
    expect(invalid.errors?.[0]?.extensions?.code).toBe('INVALID_PROJECT_INPUT');
    expect(
      (
        await graphql(
          `mutation { submitProject(id: "${p1}", expectedVersion: 2) { version project { status } } }`,
        )
      ).data,
    ).toEqual({
      submitProject: { version: 3, project: { status: 'submitted' } },
    });
    const again = await graphql(`mutation { submitProject(id: "${p1}") { version } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const stale = await graphql(
      `mutation { submitProject(id: "${p1}", expectedVersion: 2) { version } }`,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('WRONG_EXPECTED_VERSION');
  });

  it('tells which reviews were of the current design, and approves only on those', async () => {
    const reviewer = person(REVIEWER_A, 'Reviewer', 'reviewer');
    const committee = person(COMMITTEE, 'Committee member', 'committee');
    const as = async (
      identity: Identity,
      query: string,
      variables: Record<string, unknown> = {},
    ) => {
      actingAs = identity;
      try {
        return await graphql(query, variables);
      } finally {
        actingAs = lead;
      }
    };
    const proposed = await graphql(propose, {
      proposal: aProposal({ title: 'Amended under review' }),
    });
    const id = (proposed.data?.proposeProject as { projectId: string }).projectId;
    const review = `mutation($id: ID!, $checklist: QaChecklistInput!) {
      recordReview(id: $id, verdict: meets_standards, checklist: $checklist, comments: "Sound.") {
        version
        project { status reviews { checklist { research_question_clear } } }
      }
    }`;
    const approve = `mutation($id: ID!) {
      decideProject(id: $id, decision: approve, reasons: "A sound design for a force priority.") { project { status } }
    }`;
    const reviews = async () =>
      (
        await graphql(
          `
            query ($id: ID!) {
              researchProject(id: $id) {
                reviews {
                  reviewerId
                  current
                }
              }
            }
          `,
          {
            id,
          },
        )
      ).data;

    await graphql(
      `
        mutation ($id: ID!) {
          submitProject(id: $id) {
            project {
              status
            }
          }
        }
      `,
      { id },
    );
    const reviewed = await as(reviewer, review, { id, checklist: allMet });
    expect(reviewed).toEqual({
      data: {
        recordReview: {
          version: 4,
          project: {
            status: 'under_review',
            reviews: [{ checklist: { research_question_clear: 'met' } }],
          },
        },
      },
    });
    const amended = await graphql(
      `
        mutation ($id: ID!) {
          amendProject(
            id: $id
            changes: { plannedSmsLevel: 2 }
            justification: "No comparison sites could be matched."
          ) {
            project {
              status
              plannedSmsLevel
              proposal {
                plannedSmsLevel
              }
            }
          }
        }
      `,
      { id },
    );
    expect(amended.data).toEqual({
      amendProject: {
        project: { status: 'under_review', plannedSmsLevel: 2, proposal: { plannedSmsLevel: 2 } },
      },
    });
    expect(await reviews()).toEqual({
      researchProject: { reviews: [{ reviewerId: REVIEWER_A, current: false }] },
    });
    const refused = await as(committee, approve, { id });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Approval needs a review of the current design finding that it meets the standards; ' +
        'this submission has none. The earlier review was of an earlier design and no longer counts.',
      extensions: { code: 'REVIEWS_INCOMPLETE' },
    });

    expect((await as(reviewer, review, { id, checklist: allMet })).errors).toBeUndefined();
    expect(await reviews()).toEqual({
      researchProject: {
        reviews: [
          { reviewerId: REVIEWER_A, current: false },
          { reviewerId: REVIEWER_A, current: true },
        ],
      },
    });
    expect((await as(committee, approve, { id })).data).toEqual({
      decideProject: { project: { status: 'approved' } },
    });
  });

  it('takes typed inputs, refuses what the contracts refuse, and answers with the changed entity', async () => {
    const committee = person(COMMITTEE, 'Committee member', 'committee');
    actingAs = committee;
    try {
      const set = await graphql(
        `
          mutation ($id: ID!, $priority: ResearchPriorityInput!) {
            setResearchPriority(id: $id, priority: $priority) {
              version
              priority {
                id
                title
                status
              }
            }
          }
        `,
        {
          id: 'priority-typed',
          priority: {
            title: 'Violence in the night-time economy',
            rationale: 'Most serious violence happens near licensed premises at night.',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            ownerId: COMMITTEE,
          },
        },
      );
      expect(set).toEqual({
        data: {
          setResearchPriority: {
            version: 1,
            priority: {
              id: 'priority-typed',
              title: 'Violence in the night-time economy',
              status: 'active',
            },
          },
        },
      });
      const revise = `mutation($changes: ResearchPriorityChangesInput!) {
        reviseResearchPriority(id: "priority-typed", changes: $changes, justification: "The committee narrowed it.") {
          version priority { title periodEnd }
        }
      }`;
      expect(
        await graphql(revise, { changes: { title: 'Violence near licensed premises' } }),
      ).toEqual({
        data: {
          reviseResearchPriority: {
            version: 2,
            priority: { title: 'Violence near licensed premises', periodEnd: '2026-12-31' },
          },
        },
      });
      // A field the contract does not have is refused by the graph; a value it does not allow,
      // by the contract, with the field's path.
      const unknown = await graphql(revise, { changes: { colour: 'red' } });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const early = await graphql(revise, { changes: { periodEnd: '2025-01-01' } });
      expect(early.errors?.[0]).toMatchObject({
        message: expect.stringContaining('periodEnd') as string,
        extensions: { code: 'INVALID_PRIORITY_INPUT' },
      });
      const retired = await graphql(`
        mutation {
          retireResearchPriority(id: "priority-typed", reason: "Folded into another priority.") {
            version
            priority {
              status
            }
          }
        }
      `);
      expect(retired.data).toEqual({
        retireResearchPriority: { version: 3, priority: { status: 'retired' } },
      });
    } finally {
      actingAs = lead;
    }

    const proposed = await graphql(propose, {
      proposal: aProposal({ title: 'Typed amendments' }),
    });
    const id = (proposed.data?.proposeProject as { projectId: string }).projectId;
    const amend = `mutation($id: ID!, $changes: ProjectProposalChangesInput!) {
      amendProject(id: $id, changes: $changes, justification: "The design changed after piloting.") {
        version project { proposal { ebpMatrix { target } ethics { status reason } } }
      }
    }`;
    const amended = await graphql(amend, {
      id,
      changes: { ebpMatrix: { target: 'group', proactivity: 'proactive', specificity: 'focused' } },
    });
    expect(amended).toEqual({
      data: {
        amendProject: {
          version: 3,
          project: {
            proposal: {
              ebpMatrix: { target: 'group' },
              // A union's variant fields: those of another variant are null.
              ethics: { status: 'approved', reason: null },
            },
          },
        },
      },
    });
    const badEnum = await graphql(amend, {
      id,
      changes: {
        ebpMatrix: { target: 'street', proactivity: 'proactive', specificity: 'focused' },
      },
    });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badLevel = await graphql(amend, { id, changes: { plannedSmsLevel: 9 } });
    expect(badLevel.errors?.[0]).toMatchObject({
      message: expect.stringContaining('plannedSmsLevel') as string,
      extensions: { code: 'INVALID_PROJECT_INPUT' },
    });
    const incomplete = await graphql(
      `
        mutation ($id: ID!) {
          recordReview(
            id: $id
            verdict: meets_standards
            checklist: { research_question_clear: met }
            comments: "Sound."
          ) {
            version
          }
        }
      `,
      { id },
    );
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("counts each priority's projects by status, in lifecycle order", async () => {
    const coverage = await graphql(`
      query {
        researchPlanCoverage {
          priorities {
            priority {
              id
            }
            projects
            byStatus {
              status
              count
            }
          }
        }
      }
    `);
    const rows = (
      coverage.data?.researchPlanCoverage as {
        priorities: { projects: number; byStatus: { status: string; count: number }[] }[];
      }
    ).priorities;
    for (const row of rows)
      expect(row.byStatus.reduce((sum, { count }) => sum + count, 0)).toBe(row.projects);
  });

  it('hides unexpected failures: no message details, no stack trace', async () => {
    failReads = true;
    try {
      const result = await graphql(`query { researchProject(id: "${p1}") { id } }`);
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['researchProject'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(result)).not.toContain('hunter2');
    } finally {
      failReads = false;
    }
  });

  it('is a Federation 2 subgraph: it serves its SDL and resolves entity references', async () => {
    const service = await graphql('{ _service { sdl } }');
    expect(String((service.data?._service as { sdl: string }).sdl)).toMatch(
      /type ResearchProject\s+@key\(fields: "id"\)/,
    );
    const entities = await graphql(
      'query($refs: [_Any!]!) { _entities(representations: $refs) { ... on ResearchProject { id title } } }',
      {
        refs: [{ __typename: 'ResearchProject', id: p1 }],
      },
    );
    expect(entities.data).toEqual({ _entities: [{ id: p1, title: aProposal().title }] });
  });
});
