import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { NO_SUCH_PROJECT, readerKey } from '@ebp/access';
import { SqlDocumentStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import type { Identity } from '@ebp/platform';
import type { PersonalReadLog } from '../access/personal-read-log';
import { RegisterAudiences } from '../application/project-audience.fixtures';
import { aProfile } from '../people/person.fixtures';
import { openCommunityStores, type OpenedCommunityStores } from '../community-stores';
import { CommunityModule } from './community.module';

const [sqlTarget] = sqlTargets();
const who = (id: string, roles: Identity['roles']): Identity => ({
  actor: { kind: 'person', id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});
const cleared = (identity: Identity): Identity => ({
  ...identity,
  clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
});

describe(`community subgraph over HTTP (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let registerLog: RegisterAudiences;
  let stores: OpenedCommunityStores;
  let app: INestApplication;
  let url: string;
  let readLog: PersonalReadLog;
  let caller: Identity = who('person-ada', ['admin']);

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    registerSql = await sqlTarget!.create();
    registerLog = new RegisterAudiences(await SqlEventStore.open(registerSql));
    stores = await openCommunityStores({
      sql,
      documents: await SqlDocumentStore.open(sql),
      now: () => new Date('2026-05-01T09:00:00Z'),
      // The register's log, as all-in-one feeds it: the projects' audiences come from it.
      registerEvents: registerLog.feed,
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
    await stores.projectAudienceFollower?.stop();
    await sql.close();
    await registerSql.close();
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
    const register =
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId version person { id status name } } }';
    expect(
      (await graphql(register, { id: 'p-alex', p: aProfile({ name: 'Alex Ample' }) })).data,
    ).toEqual({
      registerPerson: {
        personId: 'p-alex',
        version: 1,
        person: { id: 'p-alex', status: 'active', name: 'Alex Ample' },
      },
    });
    // The administrator's read back is recorded as profile maintenance, like any personal read.
    expect(
      (await readLog.readsOf('p-alex')).map(({ readerId, fields, purpose }) => ({
        readerId,
        fields,
        purpose,
      })),
    ).toEqual([
      {
        readerId: 'person-ada',
        fields: ['name', 'contact', 'credentials', 'orcid'],
        purpose: 'profile_maintenance',
      },
    ]);
    await graphql(register, { id: 'p-bo', p: aProfile({ name: 'Bo Bright', unit: 'North BCU' }) });
    await registerLog.official('project-1');
    for (const [person, role] of [
      ['p-alex', 'analyst'],
      ['p-bo', 'researcher'],
    ])
      expect(
        (
          await graphql(
            'mutation($p: ID!, $r: InvolvementRole!) { joinProject(personId: $p, projectId: "project-1", role: $r) { personId projectId involvement { role status project { id } } } }',
            { p: person, r: role },
          )
        ).data,
      ).toEqual({
        joinProject: {
          personId: person,
          projectId: 'project-1',
          involvement: { role, status: 'active', project: { id: 'project-1' } },
        },
      });

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
      '{ person(id: "p-alex", purpose: expertise_search) { name contact { email } credentials { level } orcid } }',
    );
    expect(personal.data).toEqual({
      person: { name: 'Alex Ample', contact: null, credentials: null, orcid: null },
    });
    const reads = await readLog.readsOf('p-alex');
    expect(
      reads.slice(before).map(({ readerId, fields, purpose }) => ({ readerId, fields, purpose })),
    ).toEqual([{ readerId: 'person-vic', fields: ['name'], purpose: 'expertise_search' }]);
  });

  it('names people for attribution in one request: the name only, in the order asked, recorded as attribution', async () => {
    caller = who('person-ada', ['admin']);
    const before = (await readLog.readsOf('p-bo')).length;
    const named = await graphql(
      '{ people(ids: ["p-bo", "p-nobody", "p-alex"], purpose: attribution) { id name unit contact { email } credentials { level } orcid } }',
    );
    // An administrator sees every field of someone's profile, but naming needs the name alone.
    expect(named.data).toEqual({
      people: [
        {
          id: 'p-bo',
          name: 'Bo Bright',
          unit: 'North BCU',
          contact: null,
          credentials: null,
          orcid: null,
        },
        null,
        expect.objectContaining({ id: 'p-alex', name: 'Alex Ample', contact: null }) as unknown,
      ],
    });
    const reads = await readLog.readsOf('p-bo');
    expect(
      reads.slice(before).map(({ readerId, fields, purpose }) => ({ readerId, fields, purpose })),
    ).toEqual([{ readerId: 'person-ada', fields: ['name'], purpose: 'attribution' }]);

    // What is reached through them is read no more widely (the person again, through their
    // projects), and their history not at all.
    const before2 = (await readLog.readsOf('p-bo')).length;
    const reached = await graphql(
      '{ people(ids: ["p-bo"], purpose: attribution) { projects { person { id name contact { email } credentials { level } orcid } } } }',
    );
    const again = (
      reached.data as { people: { projects: { person: Record<string, unknown> | null }[] }[] }
    ).people[0]!.projects.map((involvement) => involvement.person);
    expect(again.length).toBeGreaterThan(0);
    for (const person of again)
      expect(person).toEqual({
        id: 'p-bo',
        name: 'Bo Bright',
        contact: null,
        credentials: null,
        orcid: null,
      });
    expect(
      (await readLog.readsOf('p-bo'))
        .slice(before2)
        .map(({ fields, purpose }) => ({ fields, purpose })),
    ).toEqual([{ fields: ['name'], purpose: 'attribution' }]);
    const history = await graphql(
      '{ people(ids: ["p-bo"], purpose: attribution) { auditTrail { type } } }',
    );
    expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    caller = who('person-vic', ['viewer']);
    expect(
      (await graphql('{ people(ids: ["p-bo"], purpose: attribution) { name } }')).data,
    ).toEqual({
      people: [{ name: 'Bo Bright' }],
    });
    // A viewer may not state team-building, for any of the ids; a partner may not name staff.
    const refused = await graphql('{ people(ids: ["p-bo"], purpose: team_building) { name } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    caller = { ...who('org-x', ['partner']), actor: { kind: 'partner', id: 'org-x' } };
    const partner = await graphql('{ people(ids: ["p-bo"], purpose: attribution) { name } }');
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    caller = who('person-vic', ['viewer']);
    const tooMany = await graphql(
      `{ people(ids: ${JSON.stringify(Array.from({ length: 101 }, (_, i) => `p-${i}`))}, purpose: attribution) { id } }`,
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('CONTRACT_VIOLATION');
  });

  it('answers each write with what it changed, read back only as the writer may read it', async () => {
    const readsSince = async (count: number) =>
      (await readLog.readsOf('p-alex')).slice(count).map(({ readerId, purpose }) => ({
        readerId,
        purpose,
      }));
    // The person themselves: read back for self-service, with the version to send back; a field
    // set to null is left out (the ORCID stays).
    caller = who('p-alex', ['viewer']);
    let before = (await readLog.readsOf('p-alex')).length;
    const UPDATE = `mutation($c: PersonProfileChangesInput!, $v: Int) {
      updateProfile(id: "p-alex", changes: $c, expectedVersion: $v) {
        personId version person { id orcid topics credentials { level subject institution year } } } }`;
    expect(
      (await graphql(UPDATE, { c: { topics: ['hot-spot policing'], orcid: null }, v: 1 })).data,
    ).toEqual({
      updateProfile: {
        personId: 'p-alex',
        version: 2,
        person: {
          id: 'p-alex',
          orcid: '0000-0002-1825-0097',
          topics: ['hot-spot policing'],
          credentials: [
            {
              level: 'master',
              subject: 'Applied Criminology',
              institution: 'University of Cambridge',
              year: 2021,
            },
          ],
        },
      },
    });
    expect(await readsSince(before)).toEqual([{ readerId: 'p-alex', purpose: 'self_service' }]);
    expect(
      (await graphql(UPDATE, { c: { unit: 'North BCU' }, v: 1 })).errors?.[0]?.extensions?.code,
    ).toBe('WRONG_EXPECTED_VERSION');
    // A value the contract refuses keeps its typed error.
    expect(
      (await graphql(UPDATE, { c: { contact: { email: 'not an address' } } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('INVALID_PERSON_INPUT');

    // A reviewer verifying a skill: read back for governance; the version is not theirs to know;
    // selecting no personal field reads none.
    caller = who('person-rob', ['reviewer']);
    before = (await readLog.readsOf('p-alex')).length;
    const verified = await graphql(
      'mutation { verifySkill(id: "p-alex", method: "crime-analysis", level: 3) { personId version person { id skills { method verified } } } }',
    );
    expect(verified.data).toEqual({
      verifySkill: {
        personId: 'p-alex',
        version: null,
        person: {
          id: 'p-alex',
          skills: [
            { method: 'randomised-controlled-trial', verified: null },
            { method: 'crime-analysis', verified: 3 },
          ],
        },
      },
    });
    expect(await readsSince(before)).toEqual([]);
    expect(
      (
        await graphql(
          'mutation { verifySkill(id: "p-alex", method: "randomised-controlled-trial", level: 2) { person { name } } }',
        )
      ).data,
    ).toEqual({ verifySkill: { person: { name: 'Alex Ample' } } });
    expect(await readsSince(before)).toEqual([{ readerId: 'person-rob', purpose: 'governance' }]);

    // Joining a project oneself: the involvement as Person.projects shows it, read for self-service.
    await registerLog.official('project-2');
    caller = who('p-alex', ['viewer']);
    before = (await readLog.readsOf('p-alex')).length;
    expect(
      (
        await graphql(
          'mutation { joinProject(personId: "p-alex", projectId: "project-2", role: adviser) { involvement { role status project { id } person { id name } } } }',
        )
      ).data,
    ).toEqual({
      joinProject: {
        involvement: {
          role: 'adviser',
          status: 'active',
          project: { id: 'project-2' },
          person: { id: 'p-alex', name: 'Alex Ample' },
        },
      },
    });
    expect(await readsSince(before)).toEqual([{ readerId: 'p-alex', purpose: 'self_service' }]);

    // A skills audit: its readers get it back; a person answering gets their answers, not the audit.
    caller = who('person-ada', ['admin']);
    expect(
      (
        await graphql(
          'mutation($a: SkillsAuditInput!) { launchSkillsAudit(id: "audit-payload", audit: $a) { audit { id status targetUnits } } }',
          {
            a: {
              title: 'Research skills',
              questions: [
                {
                  questionId: 'q1',
                  skill: 'crime-analysis',
                  text: 'How well do you analyse data?',
                },
              ],
              targetUnits: ['Central West BCU', 'North BCU'],
              opensOn: '2026-04-01',
              closesOn: '2026-06-30',
            },
          },
        )
      ).data,
    ).toEqual({
      launchSkillsAudit: {
        audit: {
          id: 'audit-payload',
          status: 'open',
          targetUnits: ['Central West BCU', 'North BCU'],
        },
      },
    });
    caller = who('p-alex', ['viewer']);
    expect(
      (
        await graphql(
          'mutation($a: [SkillsAuditAnswerInput!]!) { answerSkillsAudit(id: "audit-payload", answers: $a) { auditId answers { questionId level } audit { id } } }',
          { a: [{ questionId: 'q1', level: 1 }] },
        )
      ).data,
    ).toEqual({
      answerSkillsAudit: {
        auditId: 'audit-payload',
        answers: [{ questionId: 'q1', level: 1 }],
        audit: null,
      },
    });
    caller = who('person-rob', ['reviewer']);
    expect(
      (
        await graphql(`
          {
            skillsAuditReport(id: "audit-payload") {
              auditId
              responsesByUnit {
                unit
                responses
              }
              gaps {
                unit
                skill
              }
              silentUnits
              coverage {
                unit
                skill
                respondents
                meanLevel
                capable
              }
            }
          }
        `)
      ).data,
    ).toEqual({
      skillsAuditReport: {
        auditId: 'audit-payload',
        responsesByUnit: [{ unit: 'Central West BCU', responses: 1 }],
        gaps: [{ unit: 'Central West BCU', skill: 'crime-analysis' }],
        silentUnits: ['North BCU'],
        coverage: [
          {
            unit: 'Central West BCU',
            skill: 'crime-analysis',
            respondents: 1,
            meanLevel: 1,
            capable: 0,
          },
          { unit: 'North BCU', skill: 'crime-analysis', respondents: 0, meanLevel: 0, capable: 0 },
        ],
      },
    });

    // An award round: the nominator sees the round as awardRound shows it to them (their own
    // nomination, no citation); the committee sees every entry.
    caller = who('person-ada', ['admin']);
    await graphql(
      'mutation($r: AwardRoundInput!) { openAwardRound(id: "round-payload", round: $r) { round { id } } }',
      { r: { title: 'EBP award', opensOn: '2026-04-01', closesOn: '2026-06-30', fundBudget: 0 } },
    );
    caller = who('p-bo', ['viewer']);
    expect(
      (
        await graphql(`
          mutation {
            nominateForAward(
              roundId: "round-payload"
              nominationId: "n1"
              nomineeId: "p-alex"
              citation: "Changed how the BCU deploys its patrols."
            ) {
              round {
                id
                status
                nominations {
                  id
                  outcome
                  citation
                  nominee {
                    id
                  }
                }
              }
            }
          }
        `)
      ).data,
    ).toEqual({
      nominateForAward: {
        round: {
          id: 'round-payload',
          status: 'open',
          nominations: [{ id: 'n1', outcome: null, citation: null, nominee: { id: 'p-alex' } }],
        },
      },
    });
    caller = who('person-cat', ['committee']);
    await graphql('mutation { closeAwardRound(id: "round-payload") { round { status } } }');
    expect(
      (
        await graphql(`
          mutation {
            decideNomination(
              roundId: "round-payload"
              nominationId: "n1"
              outcome: commended
              reason: "Changed practice."
            ) {
              round {
                nominations {
                  id
                  outcome
                }
              }
            }
          }
        `)
      ).data,
    ).toEqual({
      decideNomination: { round: { nominations: [{ id: 'n1', outcome: 'commended' }] } },
    });
  });

  it('finds experts, and refuses what a role may not do with typed errors', async () => {
    caller = who('person-vic', ['viewer']);
    const experts = await graphql(
      '{ experts(methods: ["crime-analysis"]) { score person { id } } }',
    );
    expect((experts.data?.experts as unknown[]).length).toBe(2);
    const refused = await graphql(
      'mutation { erasePerson(id: "p-bo", reason: subject_request) { personId erased } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    caller = who('person-ada', ['admin']);
    expect(
      (await graphql('mutation { erasePerson(id: "p-bo", reason: whim) { erased } }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      (
        await graphql(
          'mutation { erasePerson(id: "p-bo", reason: subject_request) { personId erased } }',
        )
      ).data,
    ).toEqual({
      erasePerson: { personId: 'p-bo', erased: true },
    });
    const erased = await graphql(
      '{ person(id: "p-bo", purpose: governance) { status name unit } }',
    );
    expect(erased.data).toEqual({ person: { status: 'erased', name: null, unit: null } });
  });

  describe('need-to-know on references to research projects', () => {
    const hidden = 'demo-county-lines-disruption';
    const missing = 'project-never-proposed';
    const lead = cleared(who('person-lee', ['researcher']));
    const sam = who('person-sam', ['researcher']);
    const viewer = who('person-vic', ['viewer']);
    const clearedCommittee = cleared(who('person-cat', ['committee']));
    const partner: Identity = {
      actor: { kind: 'partner', id: 'org-uni' },
      name: 'University',
      roles: ['partner'],
      clearances: ['OFFICIAL'],
    };
    const projectsOfSam = `{
      person(id: "person-sam", purpose: expertise_search) { projects { project { id } role } }
      experts(methods: ["crime-analysis"]) { person { id projects { project { id } } } }
    }`;
    const join = (personId: string, projectId: string) =>
      graphql(
        'mutation($p: ID!, $j: ID!) { joinProject(personId: $p, projectId: $j, role: analyst) { personId } }',
        { p: personId, j: projectId },
      );
    const answer = (result: Awaited<ReturnType<typeof graphql>>) => ({
      code: result.errors?.[0]?.extensions?.code,
      message: result.errors?.[0]?.message,
    });
    const idsIn = (result: Awaited<ReturnType<typeof graphql>>) =>
      [...JSON.stringify(result.data).matchAll(/"id":"([^"]+)"/g)].map(([, id]) => id);

    beforeAll(async () => {
      caller = who('person-ada', ['admin']);
      const register =
        'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';
      await graphql(register, { id: 'person-sam', p: aProfile({ name: 'Sam Sample' }) });
      await graphql(register, { id: 'person-lee', p: aProfile({ name: 'Lee Lead' }) });
      await registerLog.sensitive(hidden, ['person-lee']);
      caller = sam;
      expect((await join('person-sam', 'project-1')).errors).toBeUndefined();
      // The lead, cleared and needing to know, puts Sam on the sensitive project's team.
      caller = lead;
      expect((await join('person-sam', hidden)).errors).toBeUndefined();
    });

    it('leaves a hidden project out of Person.projects (through person and experts) for an uncleared reader', async () => {
      for (const reader of [viewer, sam, who('person-ada', ['admin'])]) {
        caller = reader;
        const result = await graphql(projectsOfSam);
        expect(result.errors).toBeUndefined();
        expect(idsIn(result)).toContain('project-1');
        expect(idsIn(result)).not.toContain(hidden);
      }
      caller = viewer;
      expect((await graphql(projectsOfSam)).data?.person).toEqual({
        projects: [{ project: { id: 'project-1' }, role: 'analyst' }],
      });
      for (const reader of [lead, clearedCommittee]) {
        caller = reader;
        expect(idsIn(await graphql(projectsOfSam))).toContain(hidden);
      }
    });

    it('resolves ResearchProject.team only for a project the caller may see', async () => {
      const team = `query ($r: [_Any!]!) {
        _entities(representations: $r) { ... on ResearchProject { id team { role person { id } } } }
      }`;
      const representations = { r: [{ __typename: 'ResearchProject', id: hidden }] };
      caller = viewer;
      expect((await graphql(team, representations)).data).toEqual({
        _entities: [{ id: hidden, team: [] }],
      });
      caller = lead;
      expect((await graphql(team, representations)).data).toEqual({
        _entities: [{ id: hidden, team: [{ role: 'analyst', person: { id: 'person-sam' } }] }],
      });
    });

    it('answers joinProject, nominateForAward and applyToFund naming a hidden project exactly as a missing one', async () => {
      caller = sam;
      const hiddenJoin = answer(await join('person-sam', hidden));
      expect(hiddenJoin).toEqual({ code: 'PROJECT_NOT_FOUND', message: NO_SUCH_PROJECT });
      expect(answer(await join('person-sam', missing))).toEqual(hiddenJoin);
      caller = who('person-rae', ['researcher']);
      expect(answer(await join('p-alex', hidden))).toEqual(hiddenJoin);
      expect(answer(await join('p-alex', missing))).toEqual(hiddenJoin);

      caller = who('person-ada', ['admin']);
      await graphql(
        'mutation($r: AwardRoundInput!) { openAwardRound(id: "round-2026", round: $r) { round { id } } }',
        {
          r: {
            title: 'EBP award 2026',
            opensOn: '2026-04-01',
            closesOn: '2026-06-30',
            fundBudget: 9000,
          },
        },
      );
      const nominate = (id: string, projectIds: string[]) =>
        graphql(
          `
            mutation ($n: ID!, $p: [ID!]) {
              nominateForAward(
                roundId: "round-2026"
                nominationId: $n
                nomineeId: "p-alex"
                citation: "Changed how the BCU deploys its patrols."
                projectIds: $p
              ) {
                round {
                  id
                }
              }
            }
          `,
          { n: id, p: projectIds },
        );
      const apply = (id: string, projectId: string) =>
        graphql(
          'mutation($a: ID!, $x: FundApplicationInput!) { applyToFund(roundId: "round-2026", applicationId: $a, application: $x) { round { id } } }',
          {
            a: id,
            x: {
              title: 'A county lines trial',
              summary: 'What disrupts the lines?',
              amountRequested: 500,
              projectId,
            },
          },
        );
      caller = sam;
      expect(answer(await nominate('n-hidden', ['project-1', hidden]))).toEqual(hiddenJoin);
      expect(answer(await nominate('n-missing', [missing]))).toEqual(hiddenJoin);
      expect(answer(await apply('a-hidden', hidden))).toEqual(hiddenJoin);
      expect(answer(await apply('a-missing', missing))).toEqual(hiddenJoin);

      caller = lead;
      expect((await nominate('n-lead', ['project-1', hidden])).errors).toBeUndefined();
      expect((await apply('a-lead', hidden)).errors).toBeUndefined();
      const round = `{ awardRound(id: "round-2026") {
        fundCommitted nominations { id projectIds } applications { id projectId }
      } }`;
      caller = clearedCommittee;
      expect((await graphql(round)).data).toEqual({
        awardRound: {
          fundCommitted: 0,
          nominations: [{ id: 'n-lead', projectIds: ['project-1', hidden] }],
          applications: [{ id: 'a-lead', projectId: hidden }],
        },
      });
      caller = who('person-cat', ['committee']);
      const uncleared = await graphql(round);
      expect(uncleared.data).toEqual({
        awardRound: {
          fundCommitted: 0,
          nominations: [{ id: 'n-lead', projectIds: ['project-1'] }],
          applications: [],
        },
      });
      expect(JSON.stringify(uncleared)).not.toContain(hidden);
    });

    it('gives a partner no person outside its collaborations, and of those only the name and role', async () => {
      caller = partner;
      const sam = `query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on Person {
            id name unit rankOrGrade skills { method } topics championships { area } training { title }
            projects { project { id } role }
          }
        }
      }`;
      const team = `query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on ResearchProject { id team { role person { id name unit } } }
        }
      }`;
      const samRef = { r: [{ __typename: 'Person', id: 'person-sam' }] };
      const projectRef = { r: [{ __typename: 'ResearchProject', id: 'project-1' }] };
      expect((await graphql(sam, samRef)).data).toEqual({ _entities: [null] });
      expect((await graphql(team, projectRef)).data).toEqual({
        _entities: [{ id: 'project-1', team: [] }],
      });
      expect((await graphql('{ champions { id } }')).data).toEqual({ champions: [] });
      expect(
        (
          await graphql(
            '{ awardRound(id: "round-2026") { nominations { id } applications { id } } }',
          )
        ).data,
      ).toEqual({
        awardRound: { nominations: [], applications: [] },
      });

      // The register makes the university a reader of project-1 (a collaboration).
      await registerLog.publish('project-1', 'OFFICIAL', [
        readerKey.everyone,
        readerKey.partner('org-uni'),
      ]);
      await stores.projectAudienceFollower?.catchUp();
      expect((await graphql(sam, samRef)).data).toEqual({
        _entities: [
          {
            id: 'person-sam',
            name: 'Sam Sample',
            unit: null,
            rankOrGrade: null,
            skills: [],
            topics: [],
            championships: [],
            training: [],
            projects: [{ project: { id: 'project-1' }, role: 'analyst' }],
          },
        ],
      });
      const members = (
        (await graphql(team, projectRef)).data as {
          _entities: { team: { role: string; person: Record<string, unknown> }[] }[];
        }
      )._entities[0]!.team;
      expect(members).toContainEqual({
        role: 'analyst',
        person: { id: 'person-sam', name: 'Sam Sample', unit: null },
      });
      for (const member of members) expect(member.person.unit).toBeNull();
    });

    it('shows the project once the register releases it', async () => {
      caller = viewer;
      expect(idsIn(await graphql(projectsOfSam))).not.toContain(hidden);
      await registerLog.official(hidden);
      await stores.projectAudienceFollower?.catchUp();
      const released = await graphql(projectsOfSam);
      expect(idsIn(released)).toContain(hidden);
      expect((released.data?.person as { projects: unknown[] }).projects).toHaveLength(2);
    });
  });
});
