import { NO_SUCH_PROJECT, readerKey } from '@ebp/access';
import { SqlDocumentStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { ForbiddenError, type Identity } from '@ebp/platform';
import type { PersonalReadLog } from '../access/personal-read-log';
import { CommunityAwards } from '../awards/award-use-cases';
import { aProfile } from '../people/person.fixtures';
import { openCommunityStores, type OpenedCommunityStores } from '../community-stores';
import { CommunityApplication } from './community-application';
import { RegisterAudiences } from './project-audience.fixtures';

const as = (
  id: string,
  roles: Identity['roles'],
  kind: 'person' | 'partner' = 'person',
): Identity => ({
  actor: { kind, id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});
const admin = as('person-ada', ['admin']);
const viewer = as('person-vic', ['viewer']);
const researcher = as('person-rae', ['researcher']);
const partner = as('org-uni', ['partner'], 'partner');
const cleared = (identity: Identity): Identity => ({
  ...identity,
  clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
});

/** What a refused write answered: its code and message. */
async function refusal(write: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await write;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code, message };
  }
  throw new Error('The write was accepted');
}

describe.each(sqlTargets())('community application on $name', (target) => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let stores: OpenedCommunityStores;
  let register: RegisterAudiences;
  let app: CommunityApplication;
  let readLog: PersonalReadLog;
  const run = Math.random().toString(36).slice(2, 8);
  const alex = `person-alex-${run}`;
  const bo = `person-bo-${run}`;

  beforeAll(async () => {
    sql = await target.create();
    registerSql = await target.create();
    register = new RegisterAudiences(await SqlEventStore.open(registerSql));
    stores = await openCommunityStores({
      sql,
      documents: await SqlDocumentStore.open(sql),
      now: () => new Date('2026-05-01T09:00:00Z'),
      registerEvents: register.feed,
    });
    readLog = stores.readLog;
    app = new CommunityApplication(stores);
    await app.registerPerson(
      admin,
      alex,
      aProfile({ name: 'Alex Ample', contact: { email: 'alex.ample@met.example' } }),
    );
    await app.registerPerson(
      admin,
      bo,
      aProfile({
        name: 'Bo Private',
        contact: { email: 'bo.private@met.example' },
        consent: { listedInExpertiseFinder: true, contactableByResearchers: false },
        skills: [{ method: 'crime-analysis', selfAssessed: 2 }],
      }),
    );
  });

  afterAll(async () => {
    await stores.projectAudienceFollower?.stop();
    await sql.close();
    await registerSql.close();
  });

  it('shows a viewer no contact details, and records every personal read with its purpose', async () => {
    const seen = await app.person(viewer, alex, 'expertise_search');
    expect(seen?.personal).toEqual({ name: 'Alex Ample' });
    expect(seen?.visibleFields).toEqual(['name']);
    expect(JSON.stringify(seen)).not.toContain('alex.ample@');

    const byResearcher = await app.person(researcher, alex, 'team_building');
    expect(byResearcher?.personal).toMatchObject({
      name: 'Alex Ample',
      contact: { email: 'alex.ample@met.example' },
    });
    const private_ = await app.person(researcher, bo, 'team_building');
    expect(private_?.personal.contact).toBeUndefined();

    // A partner learns nothing of a person outside its collaborations, not even that they exist.
    expect(await app.person(partner, alex, 'governance')).toBeUndefined();
    const log = (await readLog.readsOf(alex)).map(
      ({ at: _at, correlationId: _c, ...read }) => read,
    );
    expect(log).toEqual([
      { readerId: 'person-vic', subjectId: alex, fields: ['name'], purpose: 'expertise_search' },
      {
        readerId: 'person-rae',
        subjectId: alex,
        fields: ['name', 'credentials', 'orcid', 'contact'],
        purpose: 'team_building',
      },
    ]);
    expect(JSON.stringify(await readLog.readsOf(alex))).not.toMatch(/Alex|alex\.ample/);
  });

  it('finds experts, suggests a team, and keeps teams and people’s projects', async () => {
    const experts = await app.findExperts(viewer, { methods: ['crime-analysis'] });
    expect(experts.map((entry) => entry.personId)).toEqual(expect.arrayContaining([alex, bo]));
    expect(experts.find((entry) => entry.personId === alex)?.person.personal).toEqual({
      name: 'Alex Ample',
    });
    const team = await app.suggestTeam(researcher, {
      methods: ['randomised-controlled-trial', 'crime-analysis'],
      topics: [],
      unit: 'Central West BCU',
    });
    expect(team.length).toBeGreaterThan(0);
    await expect(app.suggestTeam(viewer, { methods: [], topics: [], unit: 'x' })).rejects.toThrow(
      ForbiddenError,
    );

    const projectId = `project-${run}`;
    await register.official(projectId);
    await register.official(`other-${run}`);
    await app.joinProject(as(alex, ['researcher']), alex, projectId, 'analyst');
    await app.joinProject(researcher, bo, projectId, 'researcher');
    await expect(app.joinProject(viewer, alex, `other-${run}`, 'analyst')).rejects.toThrow(
      ForbiddenError,
    );
    expect(
      (await app.team(viewer, projectId)).map((member) => [member.personId, member.role]).sort(),
    ).toEqual(
      [
        [alex, 'analyst'],
        [bo, 'researcher'],
      ].sort(),
    );
    expect((await app.projectsOf(viewer, alex)).map((entry) => entry.projectId)).toEqual([
      projectId,
    ]);
  });

  describe('references to an OFFICIAL-SENSITIVE project (need-to-know)', () => {
    const hidden = `project-sensitive-${run}`;
    const missing = `project-never-proposed-${run}`;
    const lead = cleared(as(`person-lee-${run}`, ['researcher']));
    const clearedOutsider = cleared(as(`person-zed-${run}`, ['researcher']));
    const committee = cleared(as('person-cat', ['committee']));

    beforeAll(async () => {
      await register.sensitive(hidden, [lead.actor.id]);
      await app.registerPerson(admin, lead.actor.id, aProfile({ name: 'Lee Lead' }));
      // The lead, cleared and on the need-to-know list, puts Alex on the team.
      await app.joinProject(lead, alex, hidden, 'analyst');
    });

    it('leaves the project out of Person.projects and ResearchProject.team for those who may not see it', async () => {
      for (const reader of [viewer, researcher, admin, clearedOutsider, partner]) {
        expect((await app.projectsOf(reader, alex)).map((entry) => entry.projectId)).not.toContain(
          hidden,
        );
        expect(await app.team(reader, hidden)).toEqual([]);
      }
      for (const reader of [lead, committee]) {
        expect((await app.projectsOf(reader, alex)).map((entry) => entry.projectId)).toContain(
          hidden,
        );
        expect((await app.team(reader, hidden)).map((member) => member.personId)).toEqual([alex]);
      }
    });

    it('answers a join naming a hidden project exactly as one naming a project that does not exist', async () => {
      const hiddenAnswer = await refusal(app.joinProject(researcher, bo, hidden, 'analyst'));
      const missingAnswer = await refusal(app.joinProject(researcher, bo, missing, 'analyst'));
      expect(hiddenAnswer).toEqual({ code: 'PROJECT_NOT_FOUND', message: NO_SUCH_PROJECT });
      expect(missingAnswer).toEqual(hiddenAnswer);
      // Alex is on the team, but uncleared Alex may not learn it from "already part of".
      expect(
        await refusal(app.joinProject(as(alex, ['researcher']), alex, hidden, 'analyst')),
      ).toEqual(hiddenAnswer);
      expect(await refusal(app.joinProject(clearedOutsider, bo, hidden, 'analyst'))).toEqual(
        hiddenAnswer,
      );
      // Nobody, however cleared, joins a project that does not exist.
      expect(await refusal(app.joinProject(committee, bo, missing, 'analyst'))).toEqual(
        hiddenAnswer,
      );
      expect((await app.team(committee, hidden)).map((member) => member.personId)).toEqual([alex]);
    });

    it('finds a project proposed a moment ago (the guard catches up on a miss)', async () => {
      const fresh = `project-fresh-${run}`;
      await register.official(fresh);
      await app.joinProject(researcher, bo, fresh, 'researcher');
      expect((await app.team(viewer, fresh)).map((member) => member.personId)).toEqual([bo]);
    });

    it('leaves hidden projects out of award nominations and fund applications, and refuses them as missing', async () => {
      const awards = new CommunityAwards(stores);
      const roundId = `round-${run}`;
      await awards.open(admin, roundId, {
        title: "Commissioner's EBP award and fund 2026",
        opensOn: '2026-04-01',
        closesOn: '2026-06-30',
        fundBudget: 50_000,
      });
      const visible = `project-${run}`;
      const nominate = (by: Identity, id: string, projectIds: string[]) =>
        awards.nominate(by, roundId, id, {
          nomineeId: alex,
          citation: 'Led the analysis that changed patrol deployment across the BCU.',
          projectIds,
        });
      const apply = (by: Identity, id: string, projectId?: string) =>
        awards.apply(by, roundId, id, {
          title: 'A stepped-wedge trial',
          summary: 'Does the intervention reduce repeat victimisation?',
          amountRequested: 1_000,
          ...(projectId ? { projectId } : {}),
        });

      const hiddenAnswer = await refusal(
        nominate(researcher, `n-hidden-${run}`, [visible, hidden]),
      );
      expect(hiddenAnswer).toEqual({ code: 'PROJECT_NOT_FOUND', message: NO_SUCH_PROJECT });
      expect(await refusal(nominate(researcher, `n-missing-${run}`, [missing]))).toEqual(
        hiddenAnswer,
      );
      expect(await refusal(apply(as(bo, ['viewer']), `a-hidden-${run}`, hidden))).toEqual(
        hiddenAnswer,
      );
      expect(await refusal(apply(as(bo, ['viewer']), `a-missing-${run}`, missing))).toEqual(
        hiddenAnswer,
      );

      // The lead may name the project: a nomination and an application that name it.
      await nominate(lead, `n-lead-${run}`, [visible, hidden]);
      await apply(lead, `a-lead-${run}`, hidden);
      await apply(lead, `a-lead-open-${run}`, visible);

      const asSeenBy = async (reader: Identity) => {
        const round = await awards.round(reader, roundId);
        return {
          projectIds: round?.nominations.map((nomination) => nomination.projectIds),
          applications: round?.applications.map((application) => application.id),
        };
      };
      expect(await asSeenBy(cleared(as(admin.actor.id, ['admin'])))).toEqual({
        projectIds: [[visible, hidden]],
        applications: [`a-lead-${run}`, `a-lead-open-${run}`],
      });
      expect(await asSeenBy(lead)).toEqual({
        projectIds: [[visible, hidden]],
        applications: [`a-lead-${run}`, `a-lead-open-${run}`],
      });
      // The panel without clearance: the nomination without the project, the application left out.
      expect(await asSeenBy(admin)).toEqual({
        projectIds: [[visible]],
        applications: [`a-lead-open-${run}`],
      });
      expect(JSON.stringify(await awards.round(admin, roundId))).not.toContain(hidden);
      expect(await asSeenBy(partner)).toEqual({ projectIds: [], applications: [] });

      // An uncleared member of the panel cannot decide (nor so learn of) the hidden application.
      const decide = (by: Identity, applicationId: string) =>
        awards.decideApplication(by, roundId, applicationId, 'funded', 'A sound design.', 500);
      const stillOpen = await refusal(decide(admin, `a-lead-${run}`));
      expect(await refusal(decide(admin, `a-none-${run}`))).toEqual(stillOpen);
      await awards.close(admin, roundId);
      const notFound = await refusal(decide(admin, `a-lead-${run}`));
      expect(notFound).toEqual({
        code: 'AWARD_ENTRY_NOT_FOUND',
        message: `No application a-lead-${run}`,
      });
      expect(await refusal(decide(admin, `a-none-${run}`))).toEqual({
        code: 'AWARD_ENTRY_NOT_FOUND',
        message: `No application a-none-${run}`,
      });
      // The cleared panel decides it; the sum committed leaves out what a reader may not see.
      await decide(cleared(as(admin.actor.id, ['admin'])), `a-lead-${run}`);
      expect(
        (await awards.round(cleared(as(admin.actor.id, ['admin'])), roundId))?.fundCommitted,
      ).toBe(500);
      expect((await awards.round(admin, roundId))?.fundCommitted).toBe(0);
    });

    it('shows the project once the register releases it (a new audience, OFFICIAL)', async () => {
      expect((await app.projectsOf(viewer, alex)).map((entry) => entry.projectId)).not.toContain(
        hidden,
      );
      await register.official(hidden);
      await stores.projectAudienceFollower?.catchUp();
      expect((await app.projectsOf(viewer, alex)).map((entry) => entry.projectId)).toContain(
        hidden,
      );
      expect((await app.team(viewer, hidden)).map((member) => member.personId)).toEqual([alex]);
    });
  });

  it('shows a partner no one but the people on the teams of projects it may see, and only their names', async () => {
    const collaboration = `project-collaboration-${run}`;
    await register.publish(collaboration, 'OFFICIAL', [
      readerKey.everyone,
      readerKey.partner(partner.actor.id),
    ]);
    expect(await app.entry(partner, alex)).toBeUndefined();
    expect(await app.person(partner, alex, 'research_contact')).toBeUndefined();
    expect(await app.champions(partner)).toEqual([]);
    await expect(app.findExperts(partner, { methods: ['crime-analysis'] })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      app.findExperts(as('org-uni', ['viewer'], 'partner'), { methods: ['crime-analysis'] }),
    ).rejects.toThrow(ForbiddenError);

    await app.joinProject(researcher, alex, collaboration, 'analyst');
    const seen = await app.person(partner, alex, 'research_contact');
    expect(seen).toMatchObject({
      personId: alex,
      personal: { name: 'Alex Ample' },
      visibleFields: ['name'],
      unit: null,
      rankOrGrade: null,
      skills: [],
      topics: [],
      championships: [],
      training: [],
    });
    expect(JSON.stringify(seen)).not.toMatch(/alex\.ample@|Central West|North BCU/);
    // Alex's part in the projects the partner may see, and nothing of the others.
    expect((await app.projectsOf(partner, alex)).map((entry) => entry.projectId)).toEqual([
      collaboration,
    ]);
  });

  it('keeps the EBP champions directory by unit', async () => {
    await expect(app.appointChampion(researcher, alex, 'North BCU', '2026-05-01')).rejects.toThrow(
      ForbiddenError,
    );
    await app.appointChampion(admin, alex, 'North BCU', '2026-05-01');
    const north = await app.champions(viewer, 'North BCU');
    expect(north.map((person) => [person.personId, person.personal])).toEqual([
      [alex, { name: 'Alex Ample' }],
    ]);
    expect(await app.champions(viewer, 'South BCU')).toEqual([]);
  });

  it('runs a skills audit: people answer for their own unit, the committee reads the report', async () => {
    const auditId = `audit-${run}`;
    await expect(app.launchAudit(viewer, auditId, {})).rejects.toThrow(ForbiddenError);
    await app.launchAudit(admin, auditId, {
      title: 'EBP skills audit, spring 2026',
      questions: [
        { questionId: 'q1', skill: 'crime-analysis', text: 'How well can you analyse crime?' },
      ],
      targetUnits: ['Central West BCU', 'North BCU'],
      opensOn: '2026-04-15',
      closesOn: '2026-06-30',
    });
    await app.answerAudit(as(alex, ['viewer']), auditId, [{ questionId: 'q1', level: 4 }]);
    await app.answerAudit(as(bo, ['viewer']), auditId, [{ questionId: 'q1', level: 1 }]);
    await expect(
      app.answerAudit(viewer, auditId, [{ questionId: 'q1', level: 2 }]),
    ).rejects.toThrow(/Only people in the talent pool/);
    const report = await app.auditReport(admin, auditId);
    expect(report?.coverage).toEqual([
      {
        unit: 'Central West BCU',
        skill: 'crime-analysis',
        respondents: 2,
        meanLevel: 2.5,
        capable: 1,
      },
      { unit: 'North BCU', skill: 'crime-analysis', respondents: 0, meanLevel: 0, capable: 0 },
    ]);
    expect(report?.silentUnits).toEqual(['North BCU']);
    await app.closeAudit(admin, auditId);
    await expect(
      app.answerAudit(as(alex, ['viewer']), auditId, [{ questionId: 'q1', level: 3 }]),
    ).rejects.toThrow(/while it is open/);
  });

  it('counts an audit’s days in London: one opening today is listed and answered from London’s midnight', async () => {
    const auditId = `audit-may-${run}`;
    await app.launchAudit(admin, auditId, {
      title: 'EBP skills audit, May 2026',
      questions: [
        { questionId: 'q1', skill: 'crime-analysis', text: 'How well can you analyse crime?' },
      ],
      targetUnits: ['Central West BCU'],
      opensOn: '2026-05-01',
      closesOn: '2026-05-31',
    });
    const at = (instant: string) =>
      new CommunityApplication({ ...stores, now: () => new Date(instant) });
    const listed = async (instant: string) =>
      (await at(instant).skillsAuditsToAnswer(as(alex, ['viewer']))).map(({ audit, answers }) => ({
        id: audit.auditId,
        answers,
      }));
    // 23:30 UTC on 30 April is 00:30 on 1 May in London (BST): open.
    expect(await listed('2026-04-30T22:30:00Z')).toEqual([]);
    expect(await listed('2026-04-30T23:30:00Z')).toEqual([{ id: auditId, answers: [] }]);
    await at('2026-04-30T23:30:00Z').answerAudit(as(alex, ['viewer']), auditId, [
      { questionId: 'q1', level: 2 },
    ]);
    expect(await listed('2026-05-31T22:59:00Z')).toEqual([
      { id: auditId, answers: [{ questionId: 'q1', level: 2 }] },
    ]);
    // 23:30 UTC on 31 May is 1 June in London: it has closed.
    expect(await listed('2026-05-31T23:30:00Z')).toEqual([]);
    await expect(
      at('2026-05-31T23:30:00Z').answerAudit(as(alex, ['viewer']), auditId, [
        { questionId: 'q1', level: 3 },
      ]),
    ).rejects.toThrow(/while it is open/);
  });

  it('lets only administrators erase, after which nothing personal is shown', async () => {
    await expect(app.erase(researcher, bo, 'subject_request')).rejects.toThrow(ForbiddenError);
    await app.erase(admin, bo, 'subject_request');
    const erased = await app.person(admin, bo, 'governance');
    expect(erased).toMatchObject({ status: 'erased', personal: {}, visibleFields: [] });
    expect(JSON.stringify(erased)).not.toMatch(/Bo Private|bo\.private/);
    expect(
      (await app.findExperts(viewer, { methods: ['crime-analysis'] })).map((e) => e.personId),
    ).not.toContain(bo);
  });
});
