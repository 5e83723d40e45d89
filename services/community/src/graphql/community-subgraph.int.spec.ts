import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { SqlDocumentStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import type { Identity } from '@ebp/platform';
import type { PersonalReadLog } from '../access/personal-read-log';
import { aProfile } from '../people/person.fixtures';
import { openCommunityStores } from '../community-stores';
import { CommunityModule } from './community.module';

const [sqlTarget] = sqlTargets();
const who = (id: string, roles: Identity['roles']): Identity => ({
  actor: { kind: 'person', id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});

describe(`community subgraph over HTTP (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let app: INestApplication;
  let url: string;
  let readLog: PersonalReadLog;
  let caller: Identity = who('person-ada', ['admin']);

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    const stores = await openCommunityStores({
      sql,
      documents: await SqlDocumentStore.open(sql),
      now: () => new Date('2026-05-01T09:00:00Z'),
    });
    readLog = stores.readLog;
    app = await NestFactory.create(
      CommunityModule.forRoot({
        ...stores,
        // The subgraph on its own, behind a stand-in for the gateway's verified identity.
        identify: () => Promise.resolve(caller),
      }),
      { logger: false },
    );
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
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  it('registers people, joins them to a project, and resolves ResearchProject.team and Person.projects', async () => {
    caller = who('person-ada', ['admin']);
    const register = 'mutation($id: ID!, $p: JSON!) { registerPerson(id: $id, profile: $p) }';
    expect(
      (await graphql(register, { id: 'p-alex', p: aProfile({ name: 'Alex Ample' }) })).data,
    ).toEqual({
      registerPerson: true,
    });
    await graphql(register, { id: 'p-bo', p: aProfile({ name: 'Bo Bright', unit: 'North BCU' }) });
    for (const [person, role] of [
      ['p-alex', 'analyst'],
      ['p-bo', 'researcher'],
    ])
      expect(
        (
          await graphql(
            'mutation($p: ID!, $r: String!) { joinProject(personId: $p, projectId: "project-1", role: $r) }',
            { p: person, r: role },
          )
        ).errors,
      ).toBeUndefined();

    caller = who('person-rae', ['researcher']);
    const entities = await graphql(
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on ResearchProject {
              id
              team {
                role
                person {
                  id
                  name
                  unit
                  projects {
                    project {
                      id
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'ResearchProject', id: 'project-1' }] },
    );
    expect(entities.errors).toBeUndefined();
    const team = (
      entities.data as {
        _entities: { team: { role: string; person: Record<string, unknown> }[] }[];
      }
    )._entities[0]!.team;
    expect(team.map((member) => [member.role, member.person.name]).sort()).toEqual([
      ['analyst', 'Alex Ample'],
      ['researcher', 'Bo Bright'],
    ]);
    expect(team[0]?.person.projects).toEqual([{ project: { id: 'project-1' } }]);
  });

  it('returns no contact details to a viewer, and audits personal reads only when a personal field is selected', async () => {
    caller = who('person-vic', ['viewer']);
    const before = (await readLog.readsOf('p-alex')).length;
    const plain = await graphql(
      '{ person(id: "p-alex", purpose: expertise_search) { id unit skills { method } } }',
    );
    expect(plain.data).toEqual({
      person: { id: 'p-alex', unit: 'Central West BCU', skills: expect.any(Array) as unknown },
    });
    expect((await readLog.readsOf('p-alex')).length).toBe(before);
    const personal = await graphql(
      '{ person(id: "p-alex", purpose: expertise_search) { name contact { email } credentials orcid } }',
    );
    expect(personal.data).toEqual({
      person: { name: 'Alex Ample', contact: null, credentials: null, orcid: null },
    });
    const reads = await readLog.readsOf('p-alex');
    expect(
      reads.slice(before).map(({ readerId, fields, purpose }) => ({ readerId, fields, purpose })),
    ).toEqual([{ readerId: 'person-vic', fields: ['name'], purpose: 'expertise-search' }]);
  });

  it('finds experts, and refuses what a role may not do with typed errors', async () => {
    caller = who('person-vic', ['viewer']);
    const experts = await graphql(
      '{ experts(methods: ["crime-analysis"]) { score person { id } } }',
    );
    expect((experts.data?.experts as unknown[]).length).toBe(2);
    const refused = await graphql(
      'mutation { erasePerson(id: "p-bo", reason: "subject-request") }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    caller = who('person-ada', ['admin']);
    expect(
      (await graphql('mutation { erasePerson(id: "p-bo", reason: "whim") }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('INVALID_PERSON_INPUT');
    expect(
      (await graphql('mutation { erasePerson(id: "p-bo", reason: "subject-request") }')).data,
    ).toEqual({
      erasePerson: true,
    });
    const erased = await graphql(
      '{ person(id: "p-bo", purpose: governance) { status name unit } }',
    );
    expect(erased.data).toEqual({ person: { status: 'erased', name: null, unit: null } });
  });
});
