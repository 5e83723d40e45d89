import { SqlDocumentStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { ForbiddenError, type Identity } from '@ebp/platform';
import type { PersonalReadLog } from '../access/personal-read-log';
import { aProfile } from '../people/person.fixtures';
import { openCommunityStores } from '../community-stores';
import { CommunityApplication } from './community-application';

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

describe.each(sqlTargets())('community application on $name', (target) => {
  let sql: SqlClient;
  let app: CommunityApplication;
  let readLog: PersonalReadLog;
  const run = Math.random().toString(36).slice(2, 8);
  const alex = `person-alex-${run}`;
  const bo = `person-bo-${run}`;

  beforeAll(async () => {
    sql = await target.create();
    const stores = await openCommunityStores({
      sql,
      documents: await SqlDocumentStore.open(sql),
      now: () => new Date('2026-05-01T09:00:00Z'),
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
    await sql.close();
  });

  it('shows a viewer no contact details, and records every personal read with its purpose', async () => {
    const seen = await app.person(viewer, alex, 'expertise-search');
    expect(seen?.personal).toEqual({ name: 'Alex Ample' });
    expect(seen?.visibleFields).toEqual(['name']);
    expect(JSON.stringify(seen)).not.toContain('alex.ample@');

    const byResearcher = await app.person(researcher, alex, 'team-building');
    expect(byResearcher?.personal).toMatchObject({
      name: 'Alex Ample',
      contact: { email: 'alex.ample@met.example' },
    });
    const private_ = await app.person(researcher, bo, 'team-building');
    expect(private_?.personal.contact).toBeUndefined();

    expect((await app.person(partner, alex, 'governance'))?.personal).toEqual({});
    const log = (await readLog.readsOf(alex)).map(
      ({ at: _at, correlationId: _c, ...read }) => read,
    );
    expect(log).toEqual([
      { readerId: 'person-vic', subjectId: alex, fields: ['name'], purpose: 'expertise-search' },
      {
        readerId: 'person-rae',
        subjectId: alex,
        fields: ['name', 'credentials', 'orcid', 'contact'],
        purpose: 'team-building',
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
    await app.joinProject(as(alex, ['researcher']), alex, projectId, 'analyst');
    await app.joinProject(researcher, bo, projectId, 'researcher');
    await expect(app.joinProject(viewer, alex, `other-${run}`, 'analyst')).rejects.toThrow(
      ForbiddenError,
    );
    expect(
      (await app.team(projectId)).map((member) => [member.personId, member.role]).sort(),
    ).toEqual(
      [
        [alex, 'analyst'],
        [bo, 'researcher'],
      ].sort(),
    );
    expect((await app.projectsOf(alex)).map((entry) => entry.projectId)).toEqual([projectId]);
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

  it('lets only administrators erase, after which nothing personal is shown', async () => {
    await expect(app.erase(researcher, bo, 'subject-request')).rejects.toThrow(ForbiddenError);
    await app.erase(admin, bo, 'subject-request');
    const erased = await app.person(admin, bo, 'governance');
    expect(erased).toMatchObject({ status: 'erased', personal: {}, visibleFields: [] });
    expect(JSON.stringify(erased)).not.toMatch(/Bo Private|bo\.private/);
    expect(
      (await app.findExperts(viewer, { methods: ['crime-analysis'] })).map((e) => e.personId),
    ).not.toContain(bo);
  });
});
