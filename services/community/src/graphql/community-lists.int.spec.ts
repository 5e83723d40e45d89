// The lists of award rounds and skills audits over the community's subgraph (issue 18): filters,
// paging (limit, offset, total), a deterministic order, who may read them, and need-to-know on
// the projects that nominations and applications name, exactly as the read of a round by id.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { SqlDocumentStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import type { Identity } from '@ebp/platform';
import { RegisterAudiences } from '../application/project-audience.fixtures';
import { openCommunityStores, type OpenedCommunityStores } from '../community-stores';
import { aProfile } from '../people/person.fixtures';
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

const admin = cleared(who('person-ada', ['admin']));
/** The committee without clearance for OFFICIAL-SENSITIVE research. */
const committee = who('person-cat', ['committee']);
const clearedCommittee = cleared(who('person-cal', ['committee']));
/** Cleared and named by the register as needing to know the sensitive project. */
const lead = cleared(who('person-lee', ['researcher']));
const sam = who('person-sam', ['researcher']);
const viewer = who('person-vic', ['viewer']);
const reviewer = cleared(who('person-rob', ['reviewer']));
const partner: Identity = {
  actor: { kind: 'partner', id: 'org-uni' },
  name: 'University',
  roles: ['partner'],
  clearances: ['OFFICIAL'],
};

const VISIBLE = 'project-open';
const HIDDEN = 'project-county-lines';

interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe(`community lists over HTTP: awardRounds and skillsAudits (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let stores: OpenedCommunityStores;
  let app: INestApplication;
  let url: string;
  let caller: Identity = admin;

  async function graphql(
    as: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphResult> {
    caller = as;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult;
  }
  async function must<Data>(as: Identity, query: string, variables: Record<string, unknown> = {}) {
    const result = await graphql(as, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as Data;
  }

  const ROUND_FIELDS = `id title status opensOn closesOn fundBudget fundCommitted
    nominations { id nominatedBy projectIds outcome reason nominee { id } }
    applications { id title amountRequested projectId outcome amountAwarded applicant { id } }`;
  interface Round {
    id: string;
    [field: string]: unknown;
  }
  interface RoundPage {
    awardRounds: { items: Round[]; total: number };
  }
  const ROUNDS = `query($f: AwardRoundFilter, $l: Int, $o: Int) {
    awardRounds(filter: $f, limit: $l, offset: $o) { total items { ${ROUND_FIELDS} } } }`;
  const roundIds = async (as: Identity, variables: Record<string, unknown> = {}) => {
    const { awardRounds } = await must<RoundPage>(as, ROUNDS, variables);
    return { ids: awardRounds.items.map((round) => round.id), total: awardRounds.total };
  };

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    registerSql = await sqlTarget!.create();
    const register = new RegisterAudiences(await SqlEventStore.open(registerSql));
    stores = await openCommunityStores({
      sql,
      documents: await SqlDocumentStore.open(sql),
      now: () => new Date('2026-05-01T09:00:00Z'),
      registerEvents: register.feed,
    });
    app = await NestFactory.create(
      CommunityModule.forRoot({ ...stores, identify: () => Promise.resolve(caller) }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');

    await register.official(VISIBLE);
    await register.sensitive(HIDDEN, [lead.actor.id]);
    const REGISTER =
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';
    for (const [id, name] of [
      ['p-alex', 'Alex Ample'],
      [lead.actor.id, 'Lee Lead'],
      [sam.actor.id, 'Sam Sample'],
    ] as const)
      await must(admin, REGISTER, { id, p: aProfile({ name }) });

    const OPEN =
      'mutation($id: ID!, $r: AwardRoundInput!) { openAwardRound(id: $id, round: $r) { round { id } } }';
    const rounds: [string, string, string, number][] = [
      ['round-2023', '2023-04-01', '2023-06-30', 1_000],
      ['round-2024', '2024-04-01', '2024-06-30', 5_000],
      ['round-2025-award', '2025-04-01', '2025-06-30', 0],
      // Two rounds opening on the same day: by id.
      ['round-2026-b', '2026-04-01', '2026-06-30', 9_000],
      ['round-2026-a', '2026-04-01', '2026-09-30', 2_000],
    ];
    for (const [id, opensOn, closesOn, fundBudget] of rounds)
      await must(admin, OPEN, { id, r: { title: `Round ${id}`, opensOn, closesOn, fundBudget } });

    const NOMINATE = `mutation($n: ID!, $p: [ID!]) { nominateForAward(roundId: "round-2026-b",
      nominationId: $n, nomineeId: "p-alex", citation: "Changed how the BCU deploys its patrols.",
      projectIds: $p) { round { id } } }`;
    const APPLY = `mutation($a: ID!, $x: FundApplicationInput!) {
      applyToFund(roundId: "round-2026-b", applicationId: $a, application: $x) { round { id } } }`;
    const application = (projectId: string, amountRequested: number) => ({
      title: `A trial on ${projectId}`,
      summary: 'Does it reduce harm?',
      amountRequested,
      projectId,
    });
    await must(lead, NOMINATE, { n: 'n-lead', p: [VISIBLE, HIDDEN] });
    await must(sam, NOMINATE, { n: 'n-sam', p: [VISIBLE] });
    await must(lead, APPLY, { a: 'a-hidden', x: application(HIDDEN, 1_000) });
    await must(sam, APPLY, { a: 'a-open', x: application(VISIBLE, 500) });
    await must(sam, APPLY, { a: 'a-declined', x: application(VISIBLE, 300) });

    for (const id of ['round-2024', 'round-2025-award', 'round-2026-b'])
      await must(admin, 'mutation($id: ID!) { closeAwardRound(id: $id) { round { id } } }', { id });
    const FUND = `mutation($a: ID!, $o: FundOutcome!, $x: Int) { decideFundApplication(
      roundId: "round-2026-b", applicationId: $a, outcome: $o, amountAwarded: $x, reason: "Decided.") {
        round { id } } }`;
    await must(clearedCommittee, FUND, { a: 'a-hidden', o: 'funded', x: 1_000 });
    await must(clearedCommittee, FUND, { a: 'a-open', o: 'funded', x: 500 });
    await must(clearedCommittee, FUND, { a: 'a-declined', o: 'declined' });
    await must(
      clearedCommittee,
      `mutation { decideNomination(roundId: "round-2026-b", nominationId: "n-lead",
        outcome: awarded, reason: "Changed practice.") { round { id } } }`,
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await stores?.projectAudienceFollower?.stop();
    await sql?.close();
    await registerSql?.close();
  });

  describe('awardRounds', () => {
    const ALL = ['round-2026-a', 'round-2026-b', 'round-2025-award', 'round-2024', 'round-2023'];

    it('lists every round, most recently opening first and then by id, with the total', async () => {
      expect(await roundIds(viewer)).toEqual({ ids: ALL, total: 5 });
    });

    it('filters by status and by whether the round has a fund', async () => {
      const filtered = (f: Record<string, unknown>) => roundIds(committee, { f });
      expect(await filtered({ status: 'open' })).toEqual({
        ids: ['round-2026-a', 'round-2023'],
        total: 2,
      });
      expect(await filtered({ status: 'closed' })).toEqual({
        ids: ['round-2026-b', 'round-2025-award', 'round-2024'],
        total: 3,
      });
      expect(await filtered({ hasFund: false })).toEqual({ ids: ['round-2025-award'], total: 1 });
      expect(await filtered({ hasFund: true, status: 'closed' })).toEqual({
        ids: ['round-2026-b', 'round-2024'],
        total: 2,
      });
    });

    it('refuses a status that is not one of the enum’s values', async () => {
      const result = await graphql(committee, ROUNDS, { f: { status: 'OPEN' } });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
    });

    it('pages with limit and offset: pages do not overlap, together they are the list, the total stays', async () => {
      const pages = [];
      for (const offset of [0, 2, 4]) pages.push(await roundIds(viewer, { l: 2, o: offset }));
      expect(pages).toEqual([
        { ids: ['round-2026-a', 'round-2026-b'], total: 5 },
        { ids: ['round-2025-award', 'round-2024'], total: 5 },
        { ids: ['round-2023'], total: 5 },
      ]);
      expect(await roundIds(viewer, { l: 2, o: 5 })).toEqual({ ids: [], total: 5 });
      expect(await roundIds(viewer, { f: { status: 'closed' }, l: 1, o: 1 })).toEqual({
        ids: ['round-2025-award'],
        total: 3,
      });
    });

    it('shows each caller every round exactly as awardRound(id) shows it', async () => {
      const ROUND = `query($id: ID!) { awardRound(id: $id) { ${ROUND_FIELDS} } }`;
      for (const reader of [admin, committee, clearedCommittee, lead, sam, viewer, partner]) {
        const listed = (await must<RoundPage>(reader, ROUNDS)).awardRounds.items;
        expect(listed.map((round) => round.id)).toEqual(ALL);
        for (const round of listed)
          expect({ reader: reader.actor.id, round }).toEqual({
            reader: reader.actor.id,
            round: (await must<{ awardRound: Round }>(reader, ROUND, { id: round.id })).awardRound,
          });
      }
    });

    it('leaves the hidden project, the application naming it and its award out for a reader without need-to-know', async () => {
      const round = async (reader: Identity) => {
        const { awardRounds } = await must<RoundPage>(reader, ROUNDS, {
          f: { status: 'closed', hasFund: true },
          l: 1,
        });
        return awardRounds.items[0]!;
      };
      const seen = (found: Round) => ({
        fundCommitted: found.fundCommitted,
        nominations: (found.nominations as { id: string; projectIds: string[] }[]).map(
          ({ id, projectIds }) => ({ id, projectIds }),
        ),
        applications: (found.applications as { id: string }[]).map(({ id }) => id),
      });
      for (const reader of [clearedCommittee, admin])
        expect(seen(await round(reader))).toEqual({
          fundCommitted: 1_500,
          nominations: [
            { id: 'n-lead', projectIds: [VISIBLE, HIDDEN] },
            { id: 'n-sam', projectIds: [VISIBLE] },
          ],
          applications: ['a-hidden', 'a-open', 'a-declined'],
        });
      // The panel without clearance: the nomination without the project; the application and
      // the £1,000 awarded to it left out.
      const uncleared = await round(committee);
      expect(seen(uncleared)).toEqual({
        fundCommitted: 500,
        nominations: [
          { id: 'n-lead', projectIds: [VISIBLE] },
          { id: 'n-sam', projectIds: [VISIBLE] },
        ],
        applications: ['a-open', 'a-declined'],
      });
      expect(JSON.stringify(uncleared)).not.toContain(HIDDEN);
      // Everyone else: the awarded nomination and the funded application (and their own), less
      // what names the hidden project.
      expect(seen(await round(viewer))).toEqual({
        fundCommitted: 500,
        nominations: [{ id: 'n-lead', projectIds: [VISIBLE] }],
        applications: ['a-open'],
      });
      expect(seen(await round(sam))).toEqual({
        fundCommitted: 500,
        nominations: [
          { id: 'n-lead', projectIds: [VISIBLE] },
          { id: 'n-sam', projectIds: [VISIBLE] },
        ],
        applications: ['a-open', 'a-declined'],
      });
      expect(seen(await round(lead))).toEqual({
        fundCommitted: 1_500,
        nominations: [{ id: 'n-lead', projectIds: [VISIBLE, HIDDEN] }],
        applications: ['a-hidden', 'a-open'],
      });
      // A partner sees the rounds, and none of their entries (they name members of staff); it
      // may see neither project, so neither award counts in what it is shown committed.
      expect(seen(await round(partner))).toEqual({
        fundCommitted: 0,
        nominations: [],
        applications: [],
      });
      const everything = JSON.stringify(await must(viewer, ROUNDS));
      expect(everything).not.toContain(HIDDEN);
      expect(everything).not.toContain('a-hidden');
    });

    it('opens a citation for the panel only, and records the read only when a query asks for it', async () => {
      const CITATIONS = `query($f: AwardRoundFilter) {
        awardRounds(filter: $f) { items { id nominations { id citation } } } }`;
      const reads = async () => (await stores.readLog.readsOf('p-alex')).length;
      const before = await reads();
      await must(clearedCommittee, ROUNDS);
      expect(await reads()).toBe(before);

      const f = { status: 'closed', hasFund: true };
      const forPanel = await must<RoundPage>(clearedCommittee, CITATIONS, { f });
      expect(forPanel.awardRounds.items[0]!.nominations).toEqual([
        { id: 'n-lead', citation: 'Changed how the BCU deploys its patrols.' },
        { id: 'n-sam', citation: 'Changed how the BCU deploys its patrols.' },
      ]);
      const logged = (await stores.readLog.readsOf('p-alex')).slice(before);
      expect(
        logged.map(({ readerId, fields, purpose }) => ({ readerId, fields, purpose })),
      ).toEqual([
        { readerId: clearedCommittee.actor.id, fields: ['award-citation'], purpose: 'governance' },
      ]);
      for (const reader of [viewer, sam, lead]) {
        const listed = await must<RoundPage>(reader, CITATIONS, { f });
        for (const nomination of listed.awardRounds.items[0]!.nominations as {
          citation: unknown;
        }[])
          expect(nomination.citation).toBeNull();
      }
      expect((await stores.readLog.readsOf('p-alex')).length).toBe(before + 1);
    });
  });

  describe('skillsAudits', () => {
    const LAUNCH =
      'mutation($id: ID!, $a: SkillsAuditInput!) { launchSkillsAudit(id: $id, audit: $a) { audit { id status } } }';
    const AUDITS = `query($f: SkillsAuditFilter, $l: Int, $o: Int) {
      skillsAudits(filter: $f, limit: $l, offset: $o) {
        total items { id title status opensOn closesOn targetUnits questions { questionId skill text } }
      } }`;
    interface AuditPage {
      skillsAudits: { total: number; items: { id: string; status: string }[] };
    }
    const auditIds = async (as: Identity, variables: Record<string, unknown> = {}) => {
      const { skillsAudits } = await must<AuditPage>(as, AUDITS, variables);
      return { ids: skillsAudits.items.map((audit) => audit.id), total: skillsAudits.total };
    };
    const audit = (opensOn: string, closesOn: string, targetUnits: string[]) => ({
      title: `Research skills ${opensOn}`,
      questions: [
        { questionId: 'q1', skill: 'crime-analysis', text: 'How well do you analyse crime data?' },
      ],
      targetUnits,
      opensOn,
      closesOn,
    });

    beforeAll(async () => {
      await must(admin, LAUNCH, {
        id: 'audit-2025',
        a: audit('2025-03-01', '2025-04-30', ['North BCU']),
      });
      await must(admin, LAUNCH, {
        id: 'audit-2026-spring',
        a: audit('2026-04-01', '2026-06-30', ['North BCU', 'Central West BCU']),
      });
      await must(admin, LAUNCH, {
        id: 'audit-2026-autumn',
        a: audit('2026-09-01', '2026-10-31', ['Specialist Crime']),
      });
      expect(
        await must(
          admin,
          'mutation { closeSkillsAudit(id: "audit-2025") { audit { id status } } }',
        ),
      ).toEqual({ closeSkillsAudit: { audit: { id: 'audit-2025', status: 'closed' } } });
    });

    it('lists the audits, most recently opening first, with what each asks of whom', async () => {
      const { skillsAudits } = await must<AuditPage>(reviewer, AUDITS);
      expect(skillsAudits.total).toBe(3);
      expect(skillsAudits.items.map(({ id, status }) => ({ id, status }))).toEqual([
        { id: 'audit-2026-autumn', status: 'open' },
        { id: 'audit-2026-spring', status: 'open' },
        { id: 'audit-2025', status: 'closed' },
      ]);
      expect(skillsAudits.items[1]).toEqual({
        id: 'audit-2026-spring',
        title: 'Research skills 2026-04-01',
        status: 'open',
        opensOn: '2026-04-01',
        closesOn: '2026-06-30',
        targetUnits: ['North BCU', 'Central West BCU'],
        questions: [
          {
            questionId: 'q1',
            skill: 'crime-analysis',
            text: 'How well do you analyse crime data?',
          },
        ],
      });
    });

    it('filters by status and by unit', async () => {
      expect(await auditIds(admin, { f: { status: 'closed' } })).toEqual({
        ids: ['audit-2025'],
        total: 1,
      });
      expect(await auditIds(admin, { f: { status: 'open' } })).toEqual({
        ids: ['audit-2026-autumn', 'audit-2026-spring'],
        total: 2,
      });
      expect(await auditIds(admin, { f: { unit: 'North BCU' } })).toEqual({
        ids: ['audit-2026-spring', 'audit-2025'],
        total: 2,
      });
      expect(await auditIds(admin, { f: { unit: 'North BCU', status: 'open' } })).toEqual({
        ids: ['audit-2026-spring'],
        total: 1,
      });
    });

    it('pages with limit and offset', async () => {
      expect(await auditIds(committee, { l: 2 })).toEqual({
        ids: ['audit-2026-autumn', 'audit-2026-spring'],
        total: 3,
      });
      expect(await auditIds(committee, { l: 2, o: 2 })).toEqual({ ids: ['audit-2025'], total: 3 });
    });

    it('is refused, as the audit report is, to anyone but the committee, reviewers and administrators', async () => {
      for (const reader of [viewer, sam, lead, partner]) {
        const listed = await graphql(reader, AUDITS);
        const report = await graphql(
          reader,
          '{ skillsAuditReport(id: "audit-2026-spring") { auditId } }',
        );
        expect(report.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(listed.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(listed.data ?? null).toBeNull();
      }
    });

    // Runs after the list's tests above, so the audits it adds leave their totals alone.
    describe('skillsAuditsToAnswer', () => {
      const TO_ANSWER = `{ skillsAuditsToAnswer {
        audit { id status opensOn closesOn targetUnits questions { questionId } }
        answers { questionId level } } }`;
      interface ToAnswer {
        skillsAuditsToAnswer: {
          audit: { id: string; status: string; targetUnits: string[] };
          answers: { questionId: string; level: number }[];
        }[];
      }
      const ANSWER =
        'mutation($id: ID!, $a: [SkillsAuditAnswerInput!]!) { answerSkillsAudit(id: $id, answers: $a) { auditId } }';
      /** A researcher of another unit (Public Protection), in the talent pool. */
      const pat = who('person-pat', ['researcher']);
      const toAnswer = async (as: Identity) =>
        (await must<ToAnswer>(as, TO_ANSWER)).skillsAuditsToAnswer.map((each) => ({
          id: each.audit.id,
          answers: each.answers,
        }));

      beforeAll(async () => {
        await must(
          admin,
          'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
          { id: pat.actor.id, p: aProfile({ name: 'Pat Protect', unit: 'Public Protection' }) },
        );
        // Today is 2026-05-01 (London). Each asks Central West BCU, where Lee and Sam work.
        const centralWest = ['Central West BCU'];
        await must(admin, LAUNCH, {
          id: 'audit-last-day',
          a: audit('2026-04-15', '2026-05-01', centralWest),
        });
        await must(admin, LAUNCH, {
          id: 'audit-ended',
          a: audit('2026-03-01', '2026-04-30', centralWest),
        });
        await must(admin, LAUNCH, {
          id: 'audit-not-yet-open',
          a: audit('2026-05-02', '2026-07-31', centralWest),
        });
        await must(admin, LAUNCH, {
          id: 'audit-closed-early',
          a: audit('2026-04-01', '2026-06-30', centralWest),
        });
        await must(
          admin,
          'mutation { closeSkillsAudit(id: "audit-closed-early") { audit { id } } }',
        );
        await must(sam, ANSWER, { id: 'audit-2026-spring', a: [{ questionId: 'q1', level: 3 }] });
        await must(lead, ANSWER, { id: 'audit-2026-spring', a: [{ questionId: 'q1', level: 1 }] });
        // A later answer replaces an earlier one.
        await must(lead, ANSWER, { id: 'audit-2026-spring', a: [{ questionId: 'q1', level: 2 }] });
      });

      it('lists the open audits asking the caller’s unit, soonest closing first, with only the caller’s answers', async () => {
        expect(await toAnswer(sam)).toEqual([
          { id: 'audit-last-day', answers: [] },
          { id: 'audit-2026-spring', answers: [{ questionId: 'q1', level: 3 }] },
        ]);
        expect(await toAnswer(lead)).toEqual([
          { id: 'audit-last-day', answers: [] },
          { id: 'audit-2026-spring', answers: [{ questionId: 'q1', level: 2 }] },
        ]);
        const { skillsAuditsToAnswer } = await must<ToAnswer>(sam, TO_ANSWER);
        expect(skillsAuditsToAnswer[1]!.audit).toEqual({
          id: 'audit-2026-spring',
          status: 'open',
          opensOn: '2026-04-01',
          closesOn: '2026-06-30',
          targetUnits: ['North BCU', 'Central West BCU'],
          questions: [{ questionId: 'q1' }],
        });
      });

      it('leaves out audits that are closed, ended or not yet open, and those of other units', async () => {
        const listed = (await toAnswer(sam)).map((each) => each.id);
        for (const id of [
          'audit-closed-early',
          'audit-ended',
          'audit-not-yet-open',
          'audit-2025',
          'audit-2026-autumn',
        ])
          expect(listed).not.toContain(id);
      });

      it('lists none to a person of another unit', async () => {
        expect(await toAnswer(pat)).toEqual([]);
      });

      it('lists none to a partner, nor to staff outside the talent pool', async () => {
        for (const caller of [partner, viewer, reviewer])
          expect(await toAnswer(caller)).toEqual([]);
      });
    });
  });
});
