import { ReferenceGuard, type AudienceView } from '@ebp/access';
import {
  SqlCheckpointStore,
  SqlEventStore,
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
import { partnersProjectAudiences } from './access/project-references';
import type { PartnersStores } from './application/partners-application';
import { collaborations } from './collaborations/projections/collaborations.projection';
import { IdempotencyStore } from './feeds/idempotency-store';
import { PartnerSecrets } from './feeds/partner-secrets';
import {
  academics,
  agreements,
  engagements,
  organisations,
  outcomes,
  quarantine,
} from './projections/partners-read-models';

export interface OpenedPartnersStores extends PartnersStores {
  readonly store: SignallingEventStore;
  readonly idempotency: IdempotencyStore;
  readonly checkpoints: SqlCheckpointStore;
  readonly projectors: readonly EventProcessor[];
  /**
   * Who may see each register project, kept by the follower of the register's audience events
   * (`followProjectAudiences`), never by the partners' own projectors.
   */
  readonly projectAudiences: () => Promise<DocumentCollection<AudienceView>>;
}

/**
 * The partners service's stores on its own database, and projectors for its read models. The
 * project guard reads the audience view as it stands; the server replaces it with one that
 * catches the view up from the register's feed on a miss.
 */
export async function openPartnersStores(options: {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  readonly now?: () => Date;
}): Promise<OpenedPartnersStores> {
  const { sql, documents } = options;
  const store = withWakeUps(await SqlEventStore.open(sql), sql);
  const checkpoints = await SqlCheckpointStore.open(sql);
  const projector = <Body extends DocumentBody>(definition: ProjectionDefinition<Body>) =>
    createProjectionProcessor(store, checkpoints, documents, definition);
  const projectors = [
    projector(organisations),
    projector(academics),
    projector(agreements),
    projector(collaborations),
    projector(outcomes),
    projector(quarantine),
    projector(engagements),
  ];
  const projectAudiences = () => liveCollection(documents, partnersProjectAudiences);
  return {
    store,
    checkpoints,
    projectors,
    secrets: await PartnerSecrets.open(sql),
    idempotency: await IdempotencyStore.open(sql),
    organisations: () => liveCollection(documents, organisations),
    academics: () => liveCollection(documents, academics),
    agreements: () => liveCollection(documents, agreements),
    collaborations: () => liveCollection(documents, collaborations),
    outcomes: () => liveCollection(documents, outcomes),
    quarantine: () => liveCollection(documents, quarantine),
    engagements: () => liveCollection(documents, engagements),
    projectAudiences,
    projects: new ReferenceGuard(projectAudiences),
    catchUp: async () => {
      for (const projector of projectors) await projector.catchUp();
    },
    now: options.now ?? (() => new Date()),
  };
}
