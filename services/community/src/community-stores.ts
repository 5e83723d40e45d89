import {
  PersonalData,
  SealingEventStore,
  SqlCheckpointStore,
  SqlEventStore,
  SqlSubjectKeyStore,
  createProjectionProcessor,
  liveCollection,
  type DocumentStore,
  type EventProcessor,
  type SqlClient,
} from '@ebp/eventing';
import { PersonalReadLog } from './access/personal-read-log';
import type { CommunityStores } from './application/community-application';
import { auditResponses } from './audits/projections/audit-responses.projection';
import { involvements } from './involvements/projections/involvement.projection';
import { communityPersonalData } from './people/personal-data-policy';
import { personDirectory } from './people/projections/person-directory.projection';

export interface OpenedCommunityStores extends CommunityStores {
  /** The store as written (personal fields sealed): what projectors and the relay read. */
  readonly inner: SqlEventStore;
  readonly projectors: readonly EventProcessor[];
  /** Checkpoints of the projectors, the relay and the consumers of other services' events. */
  readonly checkpoints: SqlCheckpointStore;
}

/** The community's log as the service reads it: personal fields opened, or redacted once erased. */
export async function communityEventStore(sql: SqlClient): Promise<SealingEventStore> {
  return new SealingEventStore(
    await SqlEventStore.open(sql),
    new PersonalData(await SqlSubjectKeyStore.open(sql)),
    communityPersonalData,
  );
}

/**
 * The community's stores on its own database: the event store behind the sealing store, the key
 * store, the personal-read log, and projectors that read the sealed events into the documents.
 */
export async function openCommunityStores(options: {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  readonly now?: () => Date;
}): Promise<OpenedCommunityStores> {
  const { sql, documents } = options;
  const inner = await SqlEventStore.open(sql);
  const keys = await SqlSubjectKeyStore.open(sql);
  const personal = new PersonalData(keys);
  const checkpoints = await SqlCheckpointStore.open(sql);
  const projectors = [
    createProjectionProcessor(inner, checkpoints, documents, personDirectory),
    createProjectionProcessor(inner, checkpoints, documents, involvements),
    createProjectionProcessor(inner, checkpoints, documents, auditResponses),
  ];
  return {
    inner,
    projectors,
    checkpoints,
    store: new SealingEventStore(inner, personal, communityPersonalData),
    keys,
    personal,
    readLog: await PersonalReadLog.open(sql),
    people: () => liveCollection(documents, personDirectory),
    involvements: () => liveCollection(documents, involvements),
    auditResponses: () => liveCollection(documents, auditResponses),
    catchUp: async () => {
      for (const projector of projectors) await projector.catchUp();
    },
    now: options.now ?? (() => new Date()),
  };
}
