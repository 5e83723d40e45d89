// The community's end-to-end scenario through the gateway, against either run mode: the talent
// pool, a skills audit, the expertise finder, a team for a register project, and the register's
// completion closing the team's involvements (all-in-one: from the register's store; distributed:
// over Kafka).
import { randomUUID } from 'node:crypto';
import { waitFor } from '@ebp/eventing/testing';
import type { GraphResponse } from '../graph-client';
import { callers, staffMember, type PlatformUnderTest } from './platform-under-test';
import { completeProposedProject, proposal, proposeProject } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Involvement {
  readonly role: string;
  readonly status: string;
  readonly endReason: string | null;
  readonly person: { readonly id: string } | null;
}

/** Defines the community scenario's tests against a running platform. */
export function communityScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  // Everything this run creates is its own: methods, topic and unit carry the run's id, so a
  // second run on the same engines ranks and suggests only its own people.
  const run = randomUUID().slice(0, 8);
  /** The register project the team joins, made by the server when a test proposes it. */
  let projectId = '';
  const personId = (name: string) => `e2e-${run}-${name}`;
  const trials = `randomised-controlled-trial ${run}`;
  const analysis = `crime-analysis ${run}`;
  const topic = `knife crime ${run}`;
  const unit = `Central West BCU ${run}`;
  const otherUnit = `North BCU ${run}`;
  const people = {
    trialist: personId('tess'),
    analyst: personId('andy'),
    champion: personId('chris'),
    reserved: personId('pat'),
  };

  const profile = (name: string, overrides: Record<string, unknown>) => ({
    name,
    rankOrGrade: 'Police Sergeant',
    unit,
    contact: { email: `${name.toLowerCase().replace(' ', '.')}@met.example` },
    credentials: [
      { level: 'master', subject: 'Applied Criminology', institution: 'Cambridge', year: 2020 },
    ],
    skills: [],
    topics: [],
    availability: { willing: true, hoursPerMonth: 8 },
    consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
    ...overrides,
  });

  const REGISTER =
    'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId version } }';
  const JOIN =
    'mutation($person: ID!, $project: ID!, $role: InvolvementRole!) { joinProject(personId: $person, projectId: $project, role: $role) { involvement { role status person { id } } } }';
  const TEAM = `query($id: ID!) {
    researchProject(id: $id) { id title status
      team { role status endReason person { id name
        projects { role project { id title status } } } } }
  }`;

  beforeAll(async () => {
    const ada = await as('ada');
    await ada.must(REGISTER, {
      id: people.trialist,
      p: profile('Tess Trialist', {
        skills: [{ method: trials, selfAssessed: 3 }],
        topics: [topic],
      }),
    });
    await ada.must(REGISTER, {
      id: people.analyst,
      p: profile('Andy Analyst', {
        unit: otherUnit,
        skills: [
          { method: analysis, selfAssessed: 4 },
          { method: trials, selfAssessed: 1 },
        ],
      }),
    });
    await ada.must(REGISTER, { id: people.champion, p: profile('Chris Champion', {}) });
    await ada.must(REGISTER, {
      id: people.reserved,
      p: profile('Pat Reserved', {
        skills: [{ method: trials, selfAssessed: 2 }],
        consent: { listedInExpertiseFinder: true, contactableByResearchers: false },
      }),
    });
  });

  it('runs a skills audit and reports coverage and gaps by unit', async () => {
    const ada = await as('ada');
    const auditId = `e2e-${run}-audit`;
    const LAUNCH =
      'mutation($id: ID!, $a: SkillsAuditInput!) { launchSkillsAudit(id: $id, audit: $a) { audit { id status } } }';
    await ada.must(LAUNCH, {
      id: auditId,
      a: {
        title: `Research skills ${run}`,
        questions: [
          { questionId: 'q1', skill: trials, text: 'How well can you run a randomised trial?' },
          { questionId: 'q2', skill: analysis, text: 'How well can you analyse crime data?' },
        ],
        targetUnits: [unit, otherUnit],
        opensOn: dayOffset(-1),
        closesOn: dayOffset(30),
      },
    });
    const answer =
      'mutation($id: ID!, $a: [SkillsAuditAnswerInput!]!) { answerSkillsAudit(id: $id, answers: $a) { auditId answers { questionId level } audit { id } } }';
    // A person answering gets their answers back, not the audit (for the committee, reviewers
    // and administrators).
    expect(
      await (
        await as(staffMember(people.trialist))
      ).must(answer, {
        id: auditId,
        a: [
          { questionId: 'q1', level: 4 },
          { questionId: 'q2', level: 1 },
        ],
      }),
    ).toEqual({
      answerSkillsAudit: {
        auditId,
        answers: [
          { questionId: 'q1', level: 4 },
          { questionId: 'q2', level: 1 },
        ],
        audit: null,
      },
    });
    await (
      await as(staffMember(people.analyst))
    ).must(answer, {
      id: auditId,
      a: [
        { questionId: 'q1', level: 1 },
        { questionId: 'q2', level: 4 },
      ],
    });
    // Someone outside the talent pool has nothing to answer for.
    expect(
      codes(await (await as('vic')).request(answer, { id: auditId, a: [] })).length,
    ).toBeGreaterThan(0);
    const cat = await as('cat');
    expect(
      await cat.must('mutation($id: ID!) { closeSkillsAudit(id: $id) { audit { id status } } }', {
        id: auditId,
      }),
    ).toEqual({ closeSkillsAudit: { audit: { id: auditId, status: 'closed' } } });
    const { skillsAuditReport: report } = await cat.must<{
      skillsAuditReport: {
        responsesByUnit: { unit: string; responses: number }[];
        gaps: { unit: string; skill: string }[];
        silentUnits: string[];
      };
    }>(
      'query($id: ID!) { skillsAuditReport(id: $id) { responsesByUnit { unit responses } gaps { unit skill } silentUnits } }',
      { id: auditId },
    );
    expect(report.responsesByUnit).toEqual([
      { unit, responses: 1 },
      { unit: otherUnit, responses: 1 },
    ]);
    expect(report.gaps).toEqual(
      expect.arrayContaining([
        { unit, skill: analysis },
        { unit: otherUnit, skill: trials },
      ]),
    );
    expect(report.silentUnits).toEqual([]);
    // A viewer may not read the report.
    expect(
      codes(await (await as('vic')).request('{ skillsAuditReport(id: "x") { auditId } }')),
    ).toContain('FORBIDDEN');
  });

  it('finds experts, ranked by verified and self-assessed levels, and lists champions', async () => {
    await (
      await as('rob')
    ).must(
      'mutation($id: ID!, $m: String!) { verifySkill(id: $id, method: $m, level: 4) { personId } }',
      {
        id: people.trialist,
        m: trials,
      },
    );
    await (
      await as('cat')
    ).must(
      'mutation($id: ID!, $area: String!) { appointChampion(id: $id, area: $area, from: "2026-04-01") { person { championships { area } } } }',
      {
        id: people.champion,
        area: unit,
      },
    );
    const { experts } = await (
      await as('rae')
    ).must<{
      experts: {
        person: { id: string; name: string; contact: { email: string } | null };
        score: number;
        matchedMethods: { method: string; level: number }[];
      }[];
    }>(
      'query($m: [String!]) { experts(methods: $m) { score matchedMethods { method level } person { id name contact { email } } } }',
      { m: [trials] },
    );
    expect(experts.map((expert) => [expert.person.id, expert.score])).toEqual([
      [people.trialist, 4],
      [people.reserved, 1.6],
      [people.analyst, 0.8],
    ]);
    expect(experts.map((expert) => expert.matchedMethods)).toEqual([
      [{ method: trials, level: 4 }],
      [{ method: trials, level: 1.6 }],
      [{ method: trials, level: 0.8 }],
    ]);
    expect(experts[0]!.person).toMatchObject({
      name: 'Tess Trialist',
      contact: { email: 'tess.trialist@met.example' },
    });
    // Pat did not agree to be contacted by researchers.
    expect(experts[1]!.person).toMatchObject({ name: 'Pat Reserved', contact: null });
    const { champions } = await (
      await as('vic')
    ).must<{ champions: { id: string }[] }>('query($u: String) { champions(unit: $u) { id } }', {
      u: unit,
    });
    expect(champions).toEqual([{ id: people.champion }]);
  });

  it('suggests a team for a register project, joins it, and shows the team and each person’s projects in one query', async () => {
    const rae = await as('rae');
    projectId = await proposeProject(
      rae,
      `e2e-${run}-project`,
      proposal(`Reducing ${topic} in hot spots`, 'person-rae', {
        methods: [trials, analysis],
        owningUnit: unit,
      }),
    );
    const { researchProject: suggested } = await rae.must<{
      researchProject: {
        suggestedTeam: { role: string; covers: string[]; person: { id: string; name: string } }[];
      };
    }>(
      'query($id: ID!) { researchProject(id: $id) { suggestedTeam { role covers person { id name } } } }',
      { id: projectId },
    );
    expect(suggested.suggestedTeam).toEqual([
      {
        role: 'researcher',
        covers: [trials],
        person: { id: people.trialist, name: 'Tess Trialist' },
      },
      { role: 'analyst', covers: [analysis], person: { id: people.analyst, name: 'Andy Analyst' } },
      { role: 'champion', covers: [unit], person: { id: people.champion, name: 'Chris Champion' } },
    ]);
    // Suggesting a team is for those who build research teams.
    expect(
      codes(
        await (
          await as('vic')
        ).request('query($id: ID!) { researchProject(id: $id) { suggestedTeam { role } } }', {
          id: projectId,
        }),
      ),
    ).toContain('FORBIDDEN');

    for (const member of suggested.suggestedTeam.slice(0, 2))
      await rae.must(JOIN, { person: member.person.id, project: projectId, role: member.role });
    // The champion joins by themselves.
    await (
      await as(staffMember(people.champion))
    ).must(JOIN, { person: people.champion, project: projectId, role: 'champion' });
    // A viewer cannot put someone else on a project.
    expect(
      codes(
        await (
          await as('vic')
        ).request(JOIN, { person: people.reserved, project: projectId, role: 'adviser' }),
      ),
    ).toContain('FORBIDDEN');

    const { researchProject } = await rae.must<{
      researchProject: {
        title: string;
        team: (Involvement & {
          person: { id: string; projects: { role: string; project: { title: string } }[] };
        })[];
      };
    }>(TEAM, { id: projectId });
    expect(researchProject.title).toBe(`Reducing ${topic} in hot spots`);
    expect(
      researchProject.team.map((member) => [member.person.id, member.role, member.status]),
    ).toEqual([
      // In the order they joined, then by person id.
      [people.analyst, 'analyst', 'active'],
      [people.champion, 'champion', 'active'],
      [people.trialist, 'researcher', 'active'],
    ]);
    // Person.projects comes back round to the register for the project's title.
    for (const member of researchProject.team)
      expect(member.person.projects).toEqual([
        {
          role: member.role,
          project: { id: projectId, title: researchProject.title, status: 'proposed' },
        },
      ]);
  });

  it('closes the team’s involvements when the register completes the project', async () => {
    const rae = await as('rae');
    // The project the team joined above.
    await completeProposedProject(as, projectId);
    const closed = await waitFor(
      'the register’s completion to close the team’s involvements',
      () =>
        rae.must<{ researchProject: { status: string; team: Involvement[] } }>(TEAM, {
          id: projectId,
        }),
      ({ researchProject }) => researchProject.team.every((member) => member.status === 'ended'),
      20_000,
    );
    expect(closed.researchProject.status).toBe('completed');
    expect(closed.researchProject.team.map((member) => member.endReason)).toEqual([
      'project_completed',
      'project_completed',
      'project_completed',
    ]);
  });

  it('shows a viewer no contact details, lets a person see and correct their own profile, and records every personal read', async () => {
    const READS = 'query($id: ID!) { personalReads(personId: $id) { readerId fields purpose at } }';
    type Read = { readerId: string; fields: string[]; purpose: string; at: string };
    const ada = await as('ada');
    const readsOf = async (subject: string) =>
      (await ada.must<{ personalReads: Read[] }>(READS, { id: subject })).personalReads;
    // Her audit trail: for her or an administrator, and reading it is a recorded read.
    const TRAIL =
      'query($id: ID!) { person(id: $id, purpose: governance) { auditTrail { type actorId data } } }';
    const { person: trail } = await ada.must<{
      person: { auditTrail: { type: string; actorId: string; data: { name?: string } }[] };
    }>(TRAIL, { id: people.trialist });
    expect(trail.auditTrail[0]).toMatchObject({
      type: 'community.person.registered',
      actorId: 'person-ada',
      data: { name: 'Tess Trialist' },
    });
    expect(
      (await readsOf(people.trialist)).filter((read) => read.purpose === 'governance'),
    ).toHaveLength(1);
    expect(codes(await (await as('vic')).request(TRAIL, { id: people.trialist }))).toEqual([
      'FORBIDDEN',
    ]);

    // Earlier steps read Tess's fields while searching and building the team; all are logged.
    const before = await readsOf(people.trialist);
    expect(before.map((read) => read.purpose)).toEqual(
      expect.arrayContaining(['expertise_search', 'team_building']),
    );

    const vic = await as('vic');
    const PERSON = `query($id: ID!) { person(id: $id, purpose: expertise_search) {
      unit name contact { email } credentials { level } orcid } }`;
    expect((await vic.must(PERSON, { id: people.trialist })).person).toEqual({
      unit,
      name: 'Tess Trialist',
      contact: null,
      credentials: null,
      orcid: null,
    });
    const afterViewer = await readsOf(people.trialist);
    expect(afterViewer).toHaveLength(before.length + 1);
    expect(afterViewer.at(-1)).toMatchObject({
      readerId: 'person-vic',
      fields: ['name'],
      purpose: 'expertise_search',
    });
    // Selecting no personal field reads none, and logs nothing.
    await vic.must(
      'query($id: ID!) { person(id: $id, purpose: expertise_search) { unit skills { method } } }',
      {
        id: people.trialist,
      },
    );
    expect(await readsOf(people.trialist)).toHaveLength(afterViewer.length);
    // The log holds ids and codes, nothing about the person.
    expect(JSON.stringify(afterViewer)).not.toMatch(/Tess|Trialist|met\.example/);

    const tess = await as(staffMember(people.trialist));
    const UPDATE = `mutation($id: ID!, $c: PersonProfileChangesInput!) {
      updateProfile(id: $id, changes: $c) { version person { contact { email } } } }`;
    const { updateProfile } = await tess.must<{
      updateProfile: { version: number; person: { contact: { email: string } } };
    }>(UPDATE, {
      id: people.trialist,
      c: { contact: { email: 'tess.t@met.example' } },
    });
    // Her own read back, for self-service, with the version to send back with the next change.
    expect(updateProfile.person.contact).toEqual({ email: 'tess.t@met.example' });
    expect(updateProfile.version).toBeGreaterThan(1);
    expect(
      (
        await tess.must<{ person: { contact: { email: string } } }>(
          'query($id: ID!) { person(id: $id, purpose: self_service) { contact { email } } }',
          { id: people.trialist },
        )
      ).person.contact,
    ).toEqual({ email: 'tess.t@met.example' });
    expect(
      (await tess.must<{ personalReads: Read[] }>(READS, { id: people.trialist })).personalReads.at(
        -1,
      ),
    ).toMatchObject({ readerId: people.trialist, purpose: 'self_service' });
    expect(
      codes(
        await vic.request(UPDATE, {
          id: people.trialist,
          c: { unit: 'Elsewhere' },
        }),
      ),
    ).toContain('FORBIDDEN');
    expect(codes(await vic.request(READS, { id: people.trialist }))).toContain('FORBIDDEN');
  });

  it("runs a round of the Commissioner's EBP award and fund: nominations, applications, decisions", async () => {
    const roundId = `e2e-${run}-round`;
    const cat = await as('cat');
    const vic = await as('vic');
    const OPEN =
      'mutation($id: ID!, $r: AwardRoundInput!) { openAwardRound(id: $id, round: $r) { round { id status } } }';
    const round = {
      title: `Commissioner's EBP award and fund ${run}`,
      opensOn: dayOffset(-1),
      closesOn: dayOffset(30),
      fundBudget: 20_000,
    };
    expect(codes(await vic.request(OPEN, { id: roundId, r: round }))).toContain('FORBIDDEN');
    await cat.must(OPEN, { id: roundId, r: round });

    const NOMINATE = `mutation($round: ID!, $id: ID!, $nominee: ID!, $citation: String!) {
      nominateForAward(roundId: $round, nominationId: $id, nomineeId: $nominee, citation: $citation) {
        round { nominations { id citation } } } }`;
    const citation = `Tess ran the ${topic} trial that changed patrol deployment.`;
    const andy = await as(staffMember(people.analyst));
    // The nominator sees the round as awardRound shows it to them: their nomination, no citation.
    expect(
      await andy.must(NOMINATE, {
        round: roundId,
        id: 'n1',
        nominee: people.trialist,
        citation,
      }),
    ).toEqual({ nominateForAward: { round: { nominations: [{ id: 'n1', citation: null }] } } });
    const tess = await as(staffMember(people.trialist));
    expect(
      codes(
        await tess.request(NOMINATE, {
          round: roundId,
          id: 'n2',
          nominee: people.trialist,
          citation: 'I did well.',
        }),
      ),
    ).toEqual(['SELF_NOMINATION']);
    await andy.must(
      'mutation($round: ID!, $a: FundApplicationInput!) { applyToFund(roundId: $round, applicationId: "a1", application: $a) { round { applications { id } } } }',
      {
        round: roundId,
        a: {
          title: 'Knife arches at transport hubs',
          summary: 'Do knife arches at stations reduce knife carrying nearby?',
          amountRequested: 15_000,
        },
      },
    );

    const DECIDE_NOMINATION = `mutation($round: ID!) {
      decideNomination(roundId: $round, nominationId: "n1", outcome: awarded, reason: "Changed practice.") {
        round { nominations { id outcome } } } }`;
    expect(codes(await cat.request(DECIDE_NOMINATION, { round: roundId }))).toEqual([
      'AWARD_ROUND_STILL_OPEN',
    ]);
    await cat.must('mutation($id: ID!) { closeAwardRound(id: $id) { round { status } } }', {
      id: roundId,
    });
    await cat.must(DECIDE_NOMINATION, { round: roundId });
    const FUND = `mutation($round: ID!, $amount: Int) {
      decideFundApplication(roundId: $round, applicationId: "a1", outcome: funded, amountAwarded: $amount, reason: "A force priority.") {
        round { fundCommitted } } }`;
    expect(codes(await cat.request(FUND, { round: roundId, amount: 25_000 }))).toEqual([
      'INVALID_AWARD_INPUT',
    ]);
    expect(await cat.must(FUND, { round: roundId, amount: 12_000 })).toEqual({
      decideFundApplication: { round: { fundCommitted: 12_000 } },
    });

    const ROUND = `query($id: ID!) { awardRound(id: $id) { status fundBudget fundCommitted
      nominations { id outcome citation nominee { id name } }
      applications { id title outcome amountAwarded applicant { id } } } }`;
    expect((await vic.must(ROUND, { id: roundId })).awardRound).toEqual({
      status: 'closed',
      fundBudget: 20_000,
      fundCommitted: 12_000,
      // The force celebrates the award; the citation stays with the committee.
      nominations: [
        {
          id: 'n1',
          outcome: 'awarded',
          citation: null,
          nominee: { id: people.trialist, name: 'Tess Trialist' },
        },
      ],
      applications: [
        {
          id: 'a1',
          title: 'Knife arches at transport hubs',
          outcome: 'funded',
          amountAwarded: 12_000,
          applicant: { id: people.analyst },
        },
      ],
    });
    const forCommittee = await cat.must<{ awardRound: { nominations: { citation: string }[] } }>(
      ROUND,
      { id: roundId },
    );
    expect(forCommittee.awardRound.nominations[0]!.citation).toBe(citation);
    const { personalReads } = await (
      await as('ada')
    ).must<{ personalReads: { readerId: string; fields: string[]; purpose: string }[] }>(
      'query($id: ID!) { personalReads(personId: $id) { readerId fields purpose } }',
      { id: people.trialist },
    );
    expect(personalReads).toContainEqual({
      readerId: 'person-cat',
      fields: ['award-citation'],
      purpose: 'governance',
    });
  });
}
