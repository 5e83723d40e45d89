// The anonymity test of decision 0038: an attacker reads every stored event (data and envelope:
// actor, correlation and causation ids, times, positions, stream ids), every message the relay
// published (key, headers, body), every read-model document (PostgreSQL JSONB, or MongoDB on the
// engines) and every other row of the community's database, knows the talent pool, and tries to
// tie a survey answer to the person who gave it. Results hide every group below the minimum.
import { createHash, createHmac } from 'node:crypto';
import { community } from '@ebp/contracts';
import {
  relayToServiceTopic,
  SqlDocumentStore,
  type Bus,
  type DocumentStore,
  type ReceivedMessage,
  type SqlClient,
  type StoredEvent,
} from '@ebp/eventing';
import { busTargets, mongoDocumentsTarget, sqlTargets, waitFor } from '@ebp/eventing/testing';
import { onRealEngines, type Identity } from '@ebp/platform';
import { CommunityApplication } from '../application/community-application';
import { openCommunityStores, type OpenedCommunityStores } from '../community-stores';
import { aProfile } from '../people/person.fixtures';
import { SurveyBallots } from './ballots';
import { ANONYMOUS_RESPONDENT, CommunityBenchmarking } from './benchmarking-use-cases';

const staff = (id: string, roles: Identity['roles'] = ['viewer']): Identity => ({
  actor: { kind: 'person', id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});
const SECRET = 'a survey ballot secret of at least thirty-two characters';
const MINIMUM = 5;

/** Every row of every table of the database, as text: what an attacker with read access sees. */
async function everything(sql: SqlClient): Promise<{ table: string; row: string }[]> {
  const tables = await sql.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const rows: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables.rows) {
    const found = await sql.query(`select * from "${table}"`);
    for (const row of found.rows) rows.push({ table, row: JSON.stringify(row) });
  }
  return rows;
}

async function allEvents(stores: OpenedCommunityStores): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await stores.inner.readAll({
      limit: 500,
      ...(events.length ? { after: events.at(-1)!.position } : {}),
    });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

describe.each(sqlTargets())('survey anonymity on $name', (target) => {
  let sql: SqlClient;
  let documents: DocumentStore;
  let bus: Bus;
  const published: ReceivedMessage[] = [];
  const topic = `ebp.community.events.anonymity-${Math.random().toString(36).slice(2, 8)}`;
  let stores: OpenedCommunityStores;
  let app: CommunityApplication;
  let surveys: CommunityBenchmarking;
  let clock = new Date('2026-05-04T08:00:00Z');
  const run = Math.random().toString(36).slice(2, 8);
  const admin = staff(`person-ada-${run}`, ['admin']);
  const reviewer = staff(`person-rev-${run}`, ['reviewer']);
  const group = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => `person-${prefix}${index}-${run}`);
  const constables = group('pc', 6);
  const inspectors = group('insp', 5);
  const analysts = group('staff', 5);
  const chief = `person-chief-${run}`;
  const answering = [...constables, ...inspectors.slice(0, 2), ...analysts, chief];
  const names = new Map<string, string>();
  let campaignId: string;

  /** Each person's answers: the constables never read journals, the rest do weekly. */
  const answersOf = (personId: string) =>
    community.EBP_SURVEY_2012_13.questions.map((question) => ({
      questionId: question.questionId,
      optionId:
        question.questionId === 'source_academic_journals'
          ? constables.includes(personId)
            ? 'never'
            : 'weekly'
          : question.options[0]!.optionId,
    }));

  beforeAll(async () => {
    sql = await target.create();
    // The read models where the run mode keeps them: MongoDB on the engines, else JSONB.
    documents = onRealEngines()
      ? await mongoDocumentsTarget.create()
      : await SqlDocumentStore.open(sql);
    bus = await busTargets()[0]!.create();
    stores = await openCommunityStores({
      sql,
      documents,
      now: () => clock,
      surveyBallots: SurveyBallots.fromSecret(SECRET),
    });
    app = new CommunityApplication(stores);
    surveys = new CommunityBenchmarking(stores);
    const register = async (ids: string[], rankOrGrade: string, unit: string) => {
      for (const id of ids) {
        const name = `Name of ${id}`;
        names.set(id, name);
        await app.registerPerson(
          admin,
          id,
          aProfile({ name, rankOrGrade, unit, contact: { email: `${id}@met.example` } }),
        );
      }
    };
    await register(constables, 'Police Constable', 'Central West BCU');
    await register(inspectors, 'Inspector', 'North BCU');
    await register(analysts, 'Band C analyst', 'Strategy and Insight');
    await register([chief], 'Chief Superintendent', 'Specialist Crime');
    const launched = await surveys.launch(reviewer, {
      title: `Survey of staff ${run}`,
      questionSetId: 'ebp-survey-2012-13',
      questionSetVersion: 1,
      opensOn: '2026-05-01',
      closesOn: '2026-05-31',
      minimumCellSize: MINIMUM,
    });
    campaignId = launched.campaignId;
    // Each person answers at their own moment, some just after changing their own profile.
    for (const [index, personId] of answering.entries()) {
      clock = new Date(Date.parse('2026-05-04T09:00:00Z') + index * 97_000);
      if (index % 3 === 0)
        await app.updateProfile(admin, personId, { topics: [`topic of ${personId}`] });
      const before = (await allEvents(stores)).length;
      const { recordedAs } = await surveys.answer(staff(personId), campaignId, answersOf(personId));
      // Answering writes one event and nothing else, anywhere in the log.
      const after = await allEvents(stores);
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)!.type).toBe('community.survey.answered');
      if (personId === chief)
        expect(recordedAs).toEqual({ rankBand: 'withheld', businessArea: 'withheld' });
    }
    clock = new Date('2026-06-02T10:00:00Z');
    await surveys.close(reviewer, campaignId);
    // The relay publishes the community's log to its topic, as the service does.
    const relay = await relayToServiceTopic(stores.inner, stores.checkpoints, bus, topic);
    const stored = (await allEvents(stores)).length;
    await relay.catchUp();
    const subscription = await bus.subscribe({
      groupId: `anonymity-${run}`,
      topics: [topic],
      handler: (message) => {
        published.push(message);
        return Promise.resolve();
      },
    });
    await waitFor(
      'every event on the topic',
      async () => {
        await relay.catchUp();
        return new Set(published.map((message) => message.value)).size;
      },
      (count) => count >= stored,
      60_000,
    );
    await subscription.stop();
    await relay.stop();
  }, 180_000);

  afterAll(async () => {
    await bus?.close();
    if (onRealEngines()) await documents?.close();
    await sql.close();
  });

  it('stores answers that name nobody: no id, name or address of anyone, in the data or the envelope', async () => {
    const answers = (await allEvents(stores)).filter(
      (event) => event.type === 'community.survey.answered',
    );
    expect(answers).toHaveLength(answering.length);
    for (const event of answers) {
      const seen = JSON.stringify(event);
      for (const personId of [...answering, ...inspectors]) {
        expect(seen).not.toContain(personId);
        expect(seen).not.toContain(names.get(personId)!);
      }
      expect(event.metadata).toMatchObject({ actor: ANONYMOUS_RESPONDENT, causationId: null });
      expect(event.metadata.traceContext).toBeUndefined();
      // The day only, never the moment.
      expect(event.metadata.recordedAt).toMatch(/T00:00:00\.000Z$/);
      expect(event.streamId).toBe(`survey:${campaignId}`);
    }
  });

  it('publishes answers that name nobody either: key, headers and body of every message', () => {
    const answers = published.filter((message) =>
      message.value.includes('"community.survey.answered"'),
    );
    expect(new Set(answers.map((message) => message.value)).size).toBe(answering.length);
    for (const message of answers) {
      const seen = JSON.stringify({
        key: message.key,
        headers: message.headers,
        value: message.value,
      });
      for (const personId of [...answering, ...inspectors]) {
        expect(seen).not.toContain(personId);
        expect(seen).not.toContain(names.get(personId)!);
      }
      expect(JSON.parse(message.value)).toMatchObject({
        metadata: { actor: ANONYMOUS_RESPONDENT, causationId: null },
      });
    }
  });

  it('gives each answer a correlation id no other event shares, so no request joins them', async () => {
    const events = await allEvents(stores);
    const answers = events.filter((event) => event.type === 'community.survey.answered');
    for (const answer of answers) {
      const sharing = events.filter(
        (event) =>
          event.metadata.correlationId === answer.metadata.correlationId ||
          event.metadata.causationId === answer.id,
      );
      expect(sharing).toEqual([answer]);
    }
  });

  it('keys ballots with a secret: none of the unkeyed hashes an attacker can compute matches one', async () => {
    const ballots = new Set(
      (await allEvents(stores))
        .filter((event) => event.type === 'community.survey.answered')
        .map((event) => (event.data as { ballot: string }).ballot),
    );
    expect(ballots.size).toBe(answering.length);
    const guesses = (personId: string) =>
      [
        personId,
        `${campaignId}${personId}`,
        `${campaignId}:${personId}`,
        `${campaignId}\u0000${personId}`,
        `ebp-survey-ballot\u0000${campaignId}\u0000${personId}`,
      ].flatMap((input) => [
        createHash('sha256').update(input).digest('hex'),
        createHmac('sha256', '').update(input).digest('hex'),
        createHmac('sha256', campaignId).update(input).digest('hex'),
      ]);
    for (const personId of [...answering, ...inspectors])
      for (const guess of guesses(personId)) expect(ballots.has(guess)).toBe(false);
    // With the secret, which no row of the database holds, the ballots are the people's.
    const keyed = SurveyBallots.fromSecret(SECRET);
    expect(answering.every((id) => ballots.has(keyed.ballotOf(campaignId, id)))).toBe(true);
    for (const { row } of await everything(sql)) expect(row).not.toContain(SECRET);
  });

  it('records band and area only where at least the minimum of the talent pool share them', async () => {
    const directory = (await (await stores.people()).find({ filter: { status: 'active' } })).items;
    const attributes = directory.map(({ body }) => ({
      rankBand: community.rankBandOf(body.rankOrGrade),
      businessArea: community.businessAreaOf(body.unit),
    }));
    for (const event of (await allEvents(stores)).filter(
      (candidate) => candidate.type === 'community.survey.answered',
    )) {
      const { rankBand, businessArea } = event.data as unknown as community.CoarseAttributes;
      if (rankBand === 'withheld') {
        expect(businessArea).toBe('withheld');
        continue;
      }
      const candidates = attributes.filter(
        (person) => person.rankBand === rankBand && person.businessArea === businessArea,
      );
      expect(candidates.length).toBeGreaterThanOrEqual(MINIMUM);
    }
  });

  it('keeps no answer, ballot or respondent in any read model or other table', async () => {
    const ballots = (await allEvents(stores))
      .filter((event) => event.type === 'community.survey.answered')
      .map((event) => (event.data as { ballot: string }).ballot);
    const rows = (await everything(sql)).filter(({ table }) => table !== 'ebp_events');
    // The read models as the run mode keeps them (in MongoDB on the engines, not in these tables).
    const campaigns = await (await stores.surveyCampaigns()).find({});
    for (const item of campaigns.items)
      rows.push({ table: 'read model', row: JSON.stringify(item) });
    for (const { row } of rows) for (const ballot of ballots) expect(row).not.toContain(ballot);
    const surveyRows = rows.filter(({ row }) => row.includes(campaignId));
    expect(surveyRows.length).toBeGreaterThan(0);
    for (const { row } of surveyRows)
      for (const personId of answering) expect(row).not.toContain(personId);
  });

  it('refuses a second answer by the same person, after a restart too; an open campaign shows no results, no count of answers, and does not close before its last day', async () => {
    clock = new Date('2026-05-20T10:00:00Z');
    // The same secret from configuration, in a new instance: as after a restart.
    const second = { ...stores, surveyBallots: SurveyBallots.fromSecret(SECRET) };
    const restarted = new CommunityBenchmarking(second);
    const reopened = await restarted.launch(reviewer, {
      title: `Second survey ${run}`,
      questionSetId: 'ebp-survey-2012-13',
      questionSetVersion: 1,
      opensOn: '2026-05-01',
      closesOn: '2026-05-31',
      minimumCellSize: MINIMUM,
    });
    await restarted.answer(staff(constables[0]!), reopened.campaignId, answersOf(constables[0]!));
    await expect(
      new CommunityBenchmarking(second).answer(
        staff(constables[0]!),
        reopened.campaignId,
        answersOf(constables[0]!),
      ),
    ).rejects.toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED' });
    await expect(restarted.results(staff(analysts[0]!), reopened.campaignId)).rejects.toMatchObject(
      { code: 'SURVEY_RESULTS_NOT_READY' },
    );
    // No count that moves with each answer, for anyone, while it takes answers.
    expect(reopened.responses).toBeNull();
    expect((await restarted.campaign(reviewer, reopened.campaignId))!.responses).toBeNull();
    const listed = await restarted.campaignList(admin, { status: 'open', limit: 200 });
    expect(listed.items.find((item) => item.campaignId === reopened.campaignId)!.responses).toBe(
      null,
    );
    // Nor can it be closed at will, just after one more answer came in: not before 2026-05-31.
    await expect(restarted.close(reviewer, reopened.campaignId)).rejects.toMatchObject({
      code: 'SURVEY_CAMPAIGN_NOT_DUE_TO_CLOSE',
    });
    expect((await restarted.campaign(reviewer, reopened.campaignId))!.status).toBe('open');
    // The closed campaign shows its count.
    expect((await restarted.campaign(reviewer, campaignId))!.responses).toBe(answering.length);
    // A person's ballots differ between campaigns: their answers cannot be linked across them.
    const keyed = SurveyBallots.fromSecret(SECRET);
    expect(keyed.ballotOf(reopened.campaignId, constables[0]!)).not.toBe(
      keyed.ballotOf(campaignId, constables[0]!),
    );
  });

  it('hides every group below the minimum and every group that would give one away', async () => {
    const { results } = await surveys.results(staff(analysts[0]!), campaignId);
    expect(results.respondents).toBe(answering.length);
    const bands = Object.fromEntries(
      results.byRankBand.map((group) => [group.group, group.respondents]),
    );
    // Two inspectors answered: too few, and so are the groups that would give them away.
    expect(bands.inspector_chief_inspector).toBeNull();
    expect(
      results.byRankBand.every((group) => group.suppressed === (group.respondents === null)),
    ).toBe(true);
    // Every band and area is listed, whether anyone of it answered or not: the chief officer's
    // band shows no differently from those nobody answered from.
    expect(results.byRankBand.map((group) => group.group)).toEqual(
      community.RankBandSchema.options,
    );
    expect(results.byBusinessArea.map((group) => group.group)).toEqual(
      community.BusinessAreaSchema.options,
    );
    expect(bands.superintendent_and_above).toBeNull();
    // Within a shown group, no headline share tells that all or none of it answered one way.
    for (const group of [...results.byRankBand, ...results.byBusinessArea])
      for (const question of group.questions ?? [])
        if (question.headline.percent !== null)
          expect([0, 100]).not.toContain(question.headline.percent);
    for (const breakdown of [results.byRankBand, results.byBusinessArea]) {
      const shown = breakdown.reduce((sum, group) => sum + (group.respondents ?? 0), 0);
      const left = results.respondents! - shown;
      expect(left === 0 || left >= MINIMUM).toBe(true);
      for (const group of breakdown)
        if (group.respondents !== null) expect(group.respondents).toBeGreaterThanOrEqual(MINIMUM);
    }
  });
});
