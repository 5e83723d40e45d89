import { ReferenceGuard, type AudienceView } from '@ebp/access';
import {
  PersonalData,
  SealingEventStore,
  SqlCheckpointStore,
  SqlEventStore,
  SqlSubjectKeyStore,
  withWakeUps,
  createProjectionProcessor,
  liveCollection,
  type DocumentBody,
  type DocumentCollection,
  type DocumentStore,
  type EventProcessor,
  type ProjectionDefinition,
  type SignallingEventStore,
  type SqlClient,
} from '@ebp/eventing';
import type { DisseminationStores } from './application/dissemination-application';
import type { DeliveryTarget } from './pipeline/targets';
import {
  deliveries,
  digests,
  learningNetworks,
  libraryItems,
  masterClasses,
  subscriptions,
} from './projections/dissemination-read-models';
import { courses } from './projections/courses';
import { forumThreads } from './projections/forum-threads';
import { disseminationProjectAudiences } from './reactions/draft-items.reaction';
import { registerProjects, type RegisterProjectFacts } from './reactions/register-projects';
import { LibrarySearchIndex } from './search/search-index';
import { SUBSCRIPTION_PERSONAL_DATA } from './subscriptions/subscription.decider';

export interface OpenedDisseminationStores extends DisseminationStores {
  readonly store: SignallingEventStore;
  readonly checkpoints: SqlCheckpointStore;
  readonly projectors: readonly EventProcessor[];
  /** The register's projects as the library knows them (kept by a reaction, not a projector). */
  readonly registerProjects: () => Promise<DocumentCollection<RegisterProjectFacts>>;
  /** The register's projects' audiences (kept by the audience follower from the register's feed). */
  readonly projectAudiences: () => Promise<DocumentCollection<AudienceView>>;
}

/** The dissemination service's stores on its own database, and projectors for its read models. */
export async function openDisseminationStores(options: {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  readonly targets: readonly DeliveryTarget[];
  readonly now?: () => Date;
  /**
   * Brings the project audiences up to date with the register (the audience follower's catch-up):
   * the reference guard calls it before it takes a project as missing or hidden.
   */
  readonly catchUpProjects?: () => Promise<unknown>;
}): Promise<OpenedDisseminationStores> {
  const { sql, documents } = options;
  const store = withWakeUps(await SqlEventStore.open(sql), sql);
  const checkpoints = await SqlCheckpointStore.open(sql);
  const search = await LibrarySearchIndex.open(sql);
  const projector = <Body extends DocumentBody>(definition: ProjectionDefinition<Body>) =>
    createProjectionProcessor(store, checkpoints, documents, definition);
  const projectors = [
    projector(libraryItems),
    projector(deliveries),
    projector(masterClasses),
    projector(learningNetworks),
    projector(subscriptions),
    projector(digests),
    projector(forumThreads),
    projector(courses),
    search.processor(store, checkpoints),
  ];
  const projectAudiences = () => liveCollection(documents, disseminationProjectAudiences);
  // Subscribers' addresses are sealed under a key per subscriber, kept in this service's own
  // database (decision 0037); projectors and the relay read the log as stored, sealed.
  const personal = new PersonalData(await SqlSubjectKeyStore.open(sql));
  return {
    store,
    checkpoints,
    projectors,
    search,
    projects: new ReferenceGuard(projectAudiences, options.catchUpProjects),
    targets: options.targets,
    registerProjects: () => liveCollection(documents, registerProjects),
    projectAudiences,
    libraryItems: () => liveCollection(documents, libraryItems),
    deliveries: () => liveCollection(documents, deliveries),
    masterClasses: () => liveCollection(documents, masterClasses),
    learningNetworks: () => liveCollection(documents, learningNetworks),
    subscriptions: () => liveCollection(documents, subscriptions),
    digests: () => liveCollection(documents, digests),
    personal,
    subscriptionStore: new SealingEventStore(store, personal, SUBSCRIPTION_PERSONAL_DATA),
    forumThreads: () => liveCollection(documents, forumThreads),
    courses: () => liveCollection(documents, courses),
    catchUp: async () => {
      for (const each of projectors) await each.catchUp();
    },
    now: options.now ?? (() => new Date()),
  };
}
