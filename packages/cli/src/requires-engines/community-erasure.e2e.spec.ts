// Erasure on the real engines: a person with many events, projected into MongoDB and published to
// Kafka, is erased through the gateway; then nothing readable of their name, email or phone is
// left in PostgreSQL, MongoDB, the Kafka topics read from the beginning, or any process's logs,
// and a full replay of the community's log still succeeds with their fields redacted.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { community, dissemination, register } from '@ebp/contracts';
import {
  KafkaBus,
  MongoDocumentStore,
  PersonalData,
  SealingEventStore,
  SqlCheckpointStore,
  SqlEventStore,
  SqlSubjectKeyStore,
  createPostgresClient,
  isRedacted,
  rebuildProjection,
  toBusMessage,
  type ReceivedMessage,
  type SqlClient,
  type StoredEvent,
} from '@ebp/eventing';
import { communityPersonalData, personDirectory, type PersonEntry } from '@ebp/community';
import { loadEngineSettings } from '@ebp/platform';
import { startDistributed, type RunningDistributed } from '../distributed';
import { GraphClient } from '../graph-client';
import { proposal, proposeProject } from '../testing/register-fixtures';
import { waitFor } from '@ebp/eventing/testing';
import { staffMember } from '../testing/platform-under-test';

const engines = { ...loadEngineSettings(), logLevel: 'debug' as const };
const run = randomUUID().slice(0, 8);
const erin = `e2e-${run}-erin`;
const kept = `e2e-${run}-kim`;
// What must not survive: every personal value Erin ever had, spelled as she gave it.
const needles = [
  `Erin Erasable ${run}`,
  `erin.${run}@met.example`,
  `erin.new.${run}@met.example`,
  `+44 20 7${100 + Math.floor(Math.random() * 900)} ${1000 + Math.floor(Math.random() * 9000)}`,
  `Erasure Studies ${run}`,
];

/** Every row of every table in the database, as text. */
async function everyRow(sql: SqlClient): Promise<string[]> {
  const { rows: tables } = await sql.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  const texts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql.query<{ row: string }>(
      `select t::text as row from "${table.table_schema}"."${table.table_name}" t`,
    );
    texts.push(...rows.map((row) => row.row));
  }
  return texts;
}

/** Every document of every collection in the read-model database, as JSON. */
async function everyDocument(): Promise<string[]> {
  const client = new MongoClient(engines.mongo.url);
  try {
    await client.connect();
    const db = client.db(engines.mongo.database);
    const texts: string[] = [];
    for (const { name } of await db.listCollections().toArray())
      for (const document of await db.collection(name).find().toArray())
        texts.push(JSON.stringify(document));
    return texts;
  } finally {
    await client.close();
  }
}

/** Every message of the topics from the beginning, until `done` says all expected ones arrived. */
async function everyMessage(
  bus: KafkaBus,
  topics: string[],
  done: (messages: ReceivedMessage[]) => boolean,
): Promise<ReceivedMessage[]> {
  const messages: ReceivedMessage[] = [];
  const subscription = await bus.subscribe({
    groupId: `e2e-erasure-reader-${randomUUID()}`,
    topics,
    handler: (message) => {
      messages.push(message);
      return Promise.resolve();
    },
  });
  try {
    await waitFor('the expected messages on the topics', () => messages, done, 60_000);
    return messages;
  } finally {
    await subscription.stop();
  }
}

const hitsIn = (texts: readonly string[]) =>
  needles.filter((needle) =>
    texts.some((text) => text.toLowerCase().includes(needle.toLowerCase())),
  );

const isErasureOf = (personId: string) => (message: ReceivedMessage) =>
  message.value.includes('"community.person.erased"') && message.key === `person:${personId}`;

describe('erasure of a person on the real engines', () => {
  const logs: string[] = [];
  let platform: RunningDistributed;
  let sql: SqlClient;
  let bus: KafkaBus;
  const as = async (user: string | ReturnType<typeof staffMember>) =>
    new GraphClient(
      platform.url,
      typeof user === 'string'
        ? await platform.issuer.tokenFor(user)
        : await platform.issuer.issue(user),
    );

  beforeAll(async () => {
    platform = await startDistributed({ engines, childOutput: (line) => logs.push(line) });
    sql = await createPostgresClient({ url: engines.postgres.url });
    bus = await KafkaBus.connect({ brokers: engines.kafka.brokers, clientId: `e2e-${run}` });
  });

  afterAll(async () => {
    await platform?.stop();
    await bus?.close();
    await sql?.close();
  });

  it('leaves no readable personal data anywhere, and a full replay still succeeds', async () => {
    const [name, email, newEmail, phone, subject] = needles as [
      string,
      string,
      string,
      string,
      string,
    ];
    const ada = await as('ada');
    const profile = (who: string, mail: string) => ({
      name: who,
      rankOrGrade: 'Detective Constable',
      unit: `Erasure unit ${run}`,
      contact: { email: mail, phone },
      credentials: [{ level: 'doctorate', subject, institution: 'UCL', year: 2019 }],
      skills: [{ method: `systematic-review ${run}`, selfAssessed: 3 }],
      topics: [`erasure topic ${run}`],
      availability: { willing: true },
      orcid: '0000-0002-1825-0097',
      consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
    });
    await ada.must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: erin,
        p: profile(name, email),
      },
    );
    await ada.must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: kept,
        p: profile(`Kim Kept ${run}`, `kim.${run}@met.example`),
      },
    );
    // Many events: her own corrections, a verification, a championship, a project, training.
    const self = await as(staffMember(erin));
    await self.must(
      'mutation($id: ID!, $c: PersonProfileChangesInput!) { updateProfile(id: $id, changes: $c) { version } }',
      {
        id: erin,
        c: { contact: { email: newEmail, phone } },
      },
    );
    // A refused change, carrying her name, must not leave it in any log either.
    expect(
      (
        await self.request(
          'mutation($id: ID!, $c: PersonProfileChangesInput!) { updateProfile(id: $id, changes: $c) { version } }',
          { id: erin, c: { name, contact: { email: 'not an email' } } },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('INVALID_PERSON_INPUT');
    await (
      await as('rob')
    ).must(
      'mutation($id: ID!, $m: String!) { verifySkill(id: $id, method: $m, level: 3) { personId } }',
      {
        id: erin,
        m: `systematic-review ${run}`,
      },
    );
    await (
      await as('cat')
    ).must(
      'mutation($id: ID!) { appointChampion(id: $id, area: "Erasure unit", from: "2026-01-01") { personId } }',
      {
        id: erin,
      },
    );
    // A colleague's citation about her, for the Commissioner's award, is hers too.
    const roundId = `e2e-${run}-erasure-round`;
    const today = new Date().toISOString().slice(0, 10);
    const cat = await as('cat');
    await cat.must(
      'mutation($id: ID!, $r: AwardRoundInput!) { openAwardRound(id: $id, round: $r) { round { id } } }',
      {
        id: roundId,
        r: { title: 'Erasure round', opensOn: '2026-01-01', closesOn: '2099-12-31', fundBudget: 0 },
      },
    );
    await (
      await as(staffMember(kept))
    ).must(
      'mutation($round: ID!, $nominee: ID!, $c: String!) { nominateForAward(roundId: $round, nominationId: "n1", nomineeId: $nominee, citation: $c) { round { id } } }',
      { round: roundId, nominee: erin, c: `${name} led our ${subject} work in ${today}.` },
    );

    const rae = await as('rae');
    const projectId = await proposeProject(
      rae,
      `e2e-${run}-erasure-project`,
      proposal(`Erasure project ${run}`, 'person-rae'),
    );
    // The community learns of a new project from the register's topic: until then the project
    // does not exist for it, so the join is tried again until it has.
    const joined = await waitFor(
      'the community to learn of the new project from the register',
      () =>
        rae.request(
          'mutation($p: ID!, $project: ID!) { joinProject(personId: $p, projectId: $project, role: researcher) { personId } }',
          { p: erin, project: projectId },
        ),
      (result) => !result.errors?.some((error) => error.extensions?.code === 'PROJECT_NOT_FOUND'),
      60_000,
    );
    expect(joined.errors).toBeUndefined();
    // Training arrives from the dissemination service's topic, through the bus contract.
    const attendance: StoredEvent = {
      id: randomUUID(),
      type: dissemination.ATTENDANCE_RECORDED,
      schemaVersion: 1,
      data: {
        activityId: `master-class-${run}`,
        title: 'Master class: randomised trials in policing',
        kind: 'master_class',
        attendedOn: '2026-10-01',
        personId: erin,
      },
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: { kind: 'service', id: 'dissemination' },
        recordedAt: '2026-10-01T17:00:00.000Z',
        classification: 'OFFICIAL',
      },
      streamId: `activity:master-class-${run}`,
      streamVersion: 1,
      position: '00000000000000000001-00000000000000000001' as StoredEvent['position'],
    };
    await bus.createTopics([{ name: dissemination.DISSEMINATION_TOPIC, partitions: 3 }]);
    await bus.publish(dissemination.DISSEMINATION_TOPIC, [toBusMessage(attendance)]);
    const PROFILE = `query($id: ID!) { person(id: $id, purpose: governance) {
      status name contact { email } training { activityId } projects { project { id } } } }`;
    const before = await waitFor(
      'the attendance published on the bus to be recorded as training',
      () => ada.must<{ person: Record<string, unknown> }>(PROFILE, { id: erin }),
      ({ person }) =>
        JSON.stringify(person.training) === JSON.stringify([{ activityId: `master-class-${run}` }]),
    );
    expect(before.person).toMatchObject({
      status: 'active',
      name,
      contact: { email: newEmail },
      projects: [{ project: { id: projectId } }],
    });
    // Her events reach Kafka (sealed) before the erasure.
    await everyMessage(bus, [community.COMMUNITY_TOPIC], (messages) =>
      messages.some(
        (message) =>
          message.key === `person:${erin}` && message.value.includes('training-recorded'),
      ),
    );

    await ada.must(
      'mutation($id: ID!) { erasePerson(id: $id, reason: subject_request) { personId erased } }',
      {
        id: erin,
      },
    );
    expect(
      (await ada.must<{ person: Record<string, unknown> }>(PROFILE, { id: erin })).person,
    ).toMatchObject({
      status: 'erased',
      name: null,
      contact: null,
    });

    // Her audit trail still lists every change, with the personal fields redacted.
    const { person: trail } = await ada.must<{
      person: { auditTrail: { type: string; data: unknown }[] };
    }>('query($id: ID!) { person(id: $id, purpose: governance) { auditTrail { type data } } }', {
      id: erin,
    });
    expect(trail.auditTrail.map((entry) => entry.type)).toContain('community.person.erased');
    expect(JSON.stringify(trail.auditTrail)).toContain('redacted');
    expect(hitsIn([JSON.stringify(trail.auditTrail)])).toEqual([]);

    const CITATIONS = 'query($id: ID!) { awardRound(id: $id) { nominations { citation } } }';
    expect((await cat.must(CITATIONS, { id: roundId })).awardRound).toEqual({
      nominations: [{ citation: null }],
    });

    // PostgreSQL: every table of every schema (events, keys, read log, checkpoints, register).
    const rows = await everyRow(sql);
    expect(rows.some((row) => row.includes(erin))).toBe(true); // the search reaches her events
    expect(hitsIn(rows)).toEqual([]);
    // MongoDB: every read model of every service.
    const documents = await everyDocument();
    expect(documents.some((document) => document.includes(erin))).toBe(true);
    expect(hitsIn(documents)).toEqual([]);
    // Kafka: the community's, the register's and the dissemination topics from the beginning.
    const messages = await everyMessage(
      bus,
      [community.COMMUNITY_TOPIC, register.REGISTER_TOPIC, dissemination.DISSEMINATION_TOPIC],
      (seen) => seen.some(isErasureOf(erin)),
    );
    expect(messages.filter((message) => message.key === `person:${erin}`).length).toBeGreaterThan(
      5,
    );
    expect(
      hitsIn(messages.map((message) => `${message.value} ${JSON.stringify(message.headers)}`)),
    ).toEqual([]);
    // Logs: everything every process wrote, at debug level.
    expect(logs.length).toBeGreaterThan(0);
    expect(hitsIn(logs)).toEqual([]);

    // A full replay: stop the services, read the whole log through the key store, and rebuild the
    // directory from the beginning. Erin's fields read as redacted; Kim's still open.
    await platform.stop();
    const communitySql = await createPostgresClient({
      url: engines.postgres.url,
      schema: 'community',
    });
    const documentStore = await MongoDocumentStore.connect(
      engines.mongo.url,
      engines.mongo.database,
    );
    try {
      const inner = await SqlEventStore.open(communitySql);
      const keys = await SqlSubjectKeyStore.open(communitySql);
      const store = new SealingEventStore(inner, new PersonalData(keys), communityPersonalData);
      const registered = (await store.readStream(`person:${erin}`)).find(
        (event) => event.type === 'community.person.registered',
      );
      expect(isRedacted((registered?.data as { name: unknown }).name)).toBe(true);
      const nomination = (await store.readStream(`award-round:${roundId}`)).find(
        (event) => event.type === 'community.award-round.nominated',
      );
      expect(isRedacted((nomination?.data as { citation: unknown }).citation)).toBe(true);
      const keptRegistration = (await store.readStream(`person:${kept}`))[0];
      expect((keptRegistration?.data as { name: unknown }).name).toBe(`Kim Kept ${run}`);
      const report = await rebuildProjection(
        inner,
        await SqlCheckpointStore.open(communitySql),
        documentStore,
        personDirectory,
      );
      expect(report.done).toBe(report.total);
      const rebuilt = documentStore.collection<PersonEntry>(report.collection);
      expect((await rebuilt.get(erin))?.body).toMatchObject({ status: 'erased', sealed: {} });
      expect((await rebuilt.get(kept))?.body.status).toBe('active');
      expect(hitsIn(await everyDocument())).toEqual([]);
    } finally {
      await documentStore.close();
      await communitySql.close();
    }
  });
});
