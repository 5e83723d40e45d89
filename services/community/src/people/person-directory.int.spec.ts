import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  PersonalData,
  SealingEventStore,
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  SqlSubjectKeyStore,
  createProjectionProcessor,
  liveCollection,
  rebuildProjection,
  type CommandContext,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { personDecider } from './person.decider';
import { ADMIN, aProfile } from './person.fixtures';
import { communityPersonalData } from './personal-data-policy';
import {
  personDirectory,
  personStreamId,
  type PersonEntry,
} from './projections/person-directory.projection';

describe.each(sqlTargets())('person directory with sealed personal data on $name', (target) => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await target.create();
  });

  afterAll(async () => {
    await sql.close();
  });

  it('keeps personal fields sealed in events and the read model, and erases them by key', async () => {
    const inner = await SqlEventStore.open(sql);
    const keys = await SqlSubjectKeyStore.open(sql);
    const personal = new PersonalData(keys);
    const store = new SealingEventStore(inner, personal, communityPersonalData);
    const documents = await SqlDocumentStore.open(sql);
    const checkpoints = await SqlCheckpointStore.open(sql);
    const projector = createProjectionProcessor(inner, checkpoints, documents, personDirectory);
    const handler = new CommandHandler(store, personDecider);
    const context = (): CommandContext => ({
      commandId: randomUUID(),
      actor: { kind: 'person', id: ADMIN },
      now: new Date(),
      classification: 'OFFICIAL_SENSITIVE',
    });
    const personId = `person-${randomUUID()}`;
    const stream = personStreamId(personId);
    const profile = aProfile({
      name: 'Morgan Quill',
      contact: { email: 'morgan.quill@met.example' },
    });
    await handler.handle(stream, { type: 'register', personId, profile, by: ADMIN }, context());
    await handler.handle(
      stream,
      { type: 'update-profile', changes: { name: 'Morgan Quill-Smith' }, by: personId },
      context(),
    );
    await handler.handle(
      stream,
      { type: 'appoint-champion', area: 'North BCU', from: '2026-04-01', by: ADMIN },
      context(),
    );
    await projector.catchUp();

    const people = await liveCollection(documents, personDirectory);
    const entry = (await people.get(personId))!.body;
    expect(JSON.stringify(await inner.readStream(stream))).not.toMatch(/Morgan|morgan\.quill/);
    expect(JSON.stringify(entry)).not.toMatch(/Morgan|morgan\.quill/);
    expect(entry).toMatchObject({
      unit: 'Central West BCU',
      championships: [{ area: 'North BCU' }],
    });
    expect(await personal.openAll(entry.sealed)).toMatchObject({
      name: 'Morgan Quill-Smith',
      contact: { email: 'morgan.quill@met.example' },
    });
    // The decider saw plain values: the update compared names in clear.
    expect((await store.readStream(stream))[1]?.data).toMatchObject({ changedFields: ['name'] });

    await handler.handle(
      stream,
      { type: 'erase', reason: 'subject_request', by: ADMIN },
      context(),
    );
    await keys.destroy(personId);
    await projector.catchUp();
    expect((await people.get(personId))!.body).toMatchObject<Partial<PersonEntry>>({
      status: 'erased',
      sealed: {},
      skills: [],
    });
    // A full replay still works; what was sealed reads as redacted.
    const replayed = await store.readStream(stream);
    expect(replayed.map((event) => event.type)).toEqual([
      'community.person.registered',
      'community.person.profile-updated',
      'community.person.champion-appointed',
      'community.person.erased',
    ]);
    expect(replayed[0]?.data.name).toEqual({ redacted: true });
    const nextVersion = { ...personDirectory, version: personDirectory.version + 1 };
    const rebuilt = await rebuildProjection(inner, checkpoints, documents, nextVersion);
    expect(rebuilt.done).toBeGreaterThanOrEqual(4);
    const replayedEntry = (await (await liveCollection(documents, nextVersion)).get(personId))!
      .body;
    expect(replayedEntry).toMatchObject({ status: 'erased', sealed: {} });
  });
});
