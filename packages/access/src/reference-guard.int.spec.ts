import type { EntityAudience } from '@ebp/contracts';
import {
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  liveCollection,
  type BackgroundWork,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets, testEvent } from '@ebp/eventing/testing';
import { followReferences } from './audience-feed';
import { PROJECT_AUDIENCE_EVENT, ProjectNotFound, projectAudiences } from './projects';
import type { Reader } from './reader-keys';
import type { ReferenceGuard } from './reference-guard';

const [sqlTarget] = sqlTargets();

const viewer: Reader = {
  actor: { kind: 'person', id: 'person-vic' },
  roles: ['viewer'],
  clearances: ['OFFICIAL'],
};
const sam: Reader = {
  actor: { kind: 'person', id: 'person-sam' },
  roles: ['researcher'],
  clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
};

/**
 * The guard over a service's audience read model, kept from the owner's log as the all-in-one
 * platform keeps it (the owner's store as the feed), each on its own PGlite database.
 */
describe(`the reference guard, following the owner's log (${sqlTarget!.name})`, () => {
  let ownerSql: SqlClient;
  let serviceSql: SqlClient;
  let owner: SqlEventStore;
  let work: BackgroundWork;
  let guard: ReferenceGuard;

  const publish = async (audience: EntityAudience) => {
    const streamId = `project:${audience.entityId}`;
    await owner.append(
      streamId,
      [testEvent({ type: PROJECT_AUDIENCE_EVENT, data: { ...audience } })],
      { expectedVersion: await owner.streamVersion(streamId) },
    );
  };
  const sensitive = (revision: number, readers: string[]): EntityAudience => ({
    entityId: 'p-covert',
    classification: 'OFFICIAL_SENSITIVE',
    readers,
    revision,
  });
  const failureOf = async (reader: Reader, id: string) => {
    try {
      await guard.requireVisible(reader, id, () => new ProjectNotFound());
      return 'allowed';
    } catch (error) {
      return error instanceof ProjectNotFound ? `${error.code}: ${error.message}` : error;
    }
  };

  beforeAll(async () => {
    ownerSql = await sqlTarget!.create();
    serviceSql = await sqlTarget!.create();
    owner = await SqlEventStore.open(ownerSql);
    const documents = await SqlDocumentStore.open(serviceSql);
    const definition = projectAudiences('test');
    const audiences = () => liveCollection(documents, definition);
    ({ work, guard } = await followReferences(
      { kind: 'store', store: owner },
      await SqlCheckpointStore.open(serviceSql),
      { name: 'test.project-audiences', definition, audiences },
    ));
    await publish({
      entityId: 'p-open',
      classification: 'OFFICIAL',
      readers: ['everyone'],
      revision: 1,
    });
    await publish(sensitive(1, ['person:person-sam', 'role:committee']));
  }, 120_000);

  afterAll(async () => {
    await work.stop();
    await ownerSql.close();
    await serviceSql.close();
  });

  it('sees an entity published a moment ago: a miss catches up first', async () => {
    expect(await guard.canSee(viewer, 'p-open')).toBe(true);
    expect(await guard.canSee(sam, 'p-covert')).toBe(true);
  });

  it('leaves hidden and unknown references out of a list, in order', async () => {
    const items = ['p-covert', 'p-open', 'p-nowhere', 'p-open'].map((projectId) => ({ projectId }));
    expect(await guard.visible(viewer, items, (item) => item.projectId)).toEqual([
      { projectId: 'p-open' },
      { projectId: 'p-open' },
    ]);
    expect(
      (await guard.visible(sam, items, (item) => item.projectId)).map((item) => item.projectId),
    ).toEqual(['p-covert', 'p-open', 'p-open']);
  });

  it('answers a hidden entity exactly as one that does not exist', async () => {
    const hidden = await failureOf(viewer, 'p-covert');
    expect(hidden).toBe('PROJECT_NOT_FOUND: No such research project');
    expect(await failureOf(viewer, 'p-nowhere')).toEqual(hidden);
    expect(await failureOf(sam, 'p-covert')).toBe('allowed');
    expect(await guard.exists('p-covert')).toBe(true);
    expect(await guard.exists('p-nowhere')).toBe(false);
  });

  it('names the ids that exist but the caller may not see, and no others', async () => {
    const ids = ['p-covert', 'p-open', 'p-nowhere'];
    expect([...(await guard.hiddenIds(viewer, ids))]).toEqual(['p-covert']);
    expect([...(await guard.hiddenIds(sam, ids))]).toEqual([]);
    expect([...(await guard.hiddenIds(viewer, []))]).toEqual([]);
  });

  it('tells how sensitive an entity is, and counts one not known as OFFICIAL-SENSITIVE', async () => {
    expect(await guard.classificationOf('p-open')).toBe('OFFICIAL');
    expect(await guard.classificationOf('p-covert')).toBe('OFFICIAL_SENSITIVE');
    expect(await guard.classificationOf('p-nowhere')).toBe('OFFICIAL_SENSITIVE');
    expect(await guard.classificationOf(undefined)).toBe('OFFICIAL_SENSITIVE');
    expect(await guard.classificationOf('p-open', 'p-covert')).toBe('OFFICIAL_SENSITIVE');
    expect(await guard.classificationOf('p-open', 'p-open')).toBe('OFFICIAL');
    expect(await guard.classificationOf()).toBe('OFFICIAL');
    // Published a moment ago, or restricted a moment ago: the view catches up first.
    await publish({
      entityId: 'p-fresh',
      classification: 'OFFICIAL',
      readers: ['everyone'],
      revision: 1,
    });
    expect(await guard.classificationOf('p-fresh')).toBe('OFFICIAL');
    await publish({
      entityId: 'p-fresh',
      classification: 'OFFICIAL_SENSITIVE',
      readers: ['person:person-sam'],
      revision: 2,
    });
    expect(await guard.classificationOf('p-fresh')).toBe('OFFICIAL_SENSITIVE');
  });

  it('requires every one of several references, with the one answer', async () => {
    const missing = () => new ProjectNotFound();
    await expect(
      guard.requireAllVisible(sam, ['p-open', 'p-covert'], missing),
    ).resolves.toBeUndefined();
    await expect(guard.requireAllVisible(viewer, ['p-open', 'p-covert'], missing)).rejects.toThrow(
      'No such research project',
    );
    await expect(guard.requireAllVisible(viewer, ['p-open', 'p-nowhere'], missing)).rejects.toThrow(
      'No such research project',
    );
  });

  it('follows a person added to need-to-know, removed again, and the release', async () => {
    const ben: Reader = { ...sam, actor: { kind: 'person', id: 'person-ben' } };
    expect(await guard.canSee(ben, 'p-covert')).toBe(false);
    await publish(sensitive(2, ['person:person-ben', 'person:person-sam', 'role:committee']));
    expect(await guard.canSee(ben, 'p-covert')).toBe(true);
    await publish(sensitive(3, ['person:person-sam', 'role:committee']));
    // A removal is applied when the view next catches up (the service polls its feeds; on the bus,
    // as the event arrives): a view that still grants access is not re-read on every check.
    await work.catchUp();
    expect(await guard.canSee(ben, 'p-covert')).toBe(false);
    await publish({
      entityId: 'p-covert',
      classification: 'OFFICIAL',
      readers: ['everyone'],
      revision: 4,
    });
    expect(await guard.canSee(viewer, 'p-covert')).toBe(true);
  });
});
