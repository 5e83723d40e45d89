import { randomUUID } from 'node:crypto';
import { PROJECT_AUDIENCE_EVENT, readerKey, type ReferenceGuard } from '@ebp/access';
import type { Classification, EntityAudience } from '@ebp/contracts';
import {
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  liveCollection,
  type BackgroundWork,
  type EventStore,
  type SqlClient,
} from '@ebp/eventing';
import { testEvent } from '@ebp/eventing/testing';
import { followProjectAudiences, partnersProjectAudiences } from './project-references';

/** Reader keys as the register publishes them, for tests. */
export const READERS = {
  /** An OFFICIAL project: every member of staff. */
  official: [readerKey.everyone],
  /** An OFFICIAL-SENSITIVE project known to these people and the committee and administrators. */
  sensitive: (...personIds: string[]) => [
    ...personIds.map(readerKey.person),
    readerKey.role('committee'),
    readerKey.role('admin'),
  ],
} as const;

export interface RegisterAudienceFeed {
  /** The register's event store, which the partners follow as their `registerEvents` feed. */
  readonly store: SqlEventStore;
  /** The guard over the audience view the partners keep from it. */
  readonly guard: ReferenceGuard;
  readonly work: BackgroundWork;
  /** Appends the project's next audience to the register's store (`appendProjectAudience`). */
  publish(
    projectId: string,
    readers: readonly string[],
    classification?: Classification,
  ): Promise<void>;
}

/**
 * Test set-up: a register event store (on its own database, as in all-in-one) that the partners
 * follow for project audiences into their own read model on `partnersSql`.
 */
export async function registerAudienceFeed(
  partnersSql: SqlClient,
  registerSql: SqlClient,
): Promise<RegisterAudienceFeed> {
  const store = await SqlEventStore.open(registerSql);
  const documents = await SqlDocumentStore.open(partnersSql);
  const followed = await followProjectAudiences(
    { kind: 'store', store },
    await SqlCheckpointStore.open(partnersSql),
    () => liveCollection(documents, partnersProjectAudiences),
  );
  return {
    store,
    guard: followed.guard,
    work: followed.work,
    publish: (projectId, readers, classification) =>
      appendProjectAudience(store, projectId, readers, classification),
  };
}

/**
 * Appends a project's next audience to the register's store, as the register does whenever who
 * may read the project changes (`register.project.audience-changed`, revisions counted from 1).
 */
export async function appendProjectAudience(
  store: EventStore,
  projectId: string,
  readers: readonly string[],
  classification?: Classification,
): Promise<void> {
  const streamId = `project:${projectId}`;
  const revision =
    (await store.readStream(streamId)).filter((event) => event.type === PROJECT_AUDIENCE_EVENT)
      .length + 1;
  const audience: EntityAudience = {
    entityId: projectId,
    classification:
      classification ?? (readers.includes(readerKey.everyone) ? 'OFFICIAL' : 'OFFICIAL_SENSITIVE'),
    readers: [...readers],
    revision,
  };
  await store.append(
    streamId,
    [
      testEvent({
        type: PROJECT_AUDIENCE_EVENT,
        data: audience,
        metadata: { actor: { kind: 'person', id: 'person-cat' }, causationId: randomUUID() },
      }),
    ],
    { expectedVersion: 'any' },
  );
}
