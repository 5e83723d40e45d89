import { followReferences, projectAudiences, ReferenceGuard } from '@ebp/access';
import {
  PersonalData,
  SealingEventStore,
  SqlCheckpointStore,
  SqlEventStore,
  withWakeUps,
  SqlSubjectKeyStore,
  createProjectionProcessor,
  liveCollection,
  type BackgroundWork,
  type DocumentStore,
  type EventFeed,
  type EventProcessor,
  type SignallingEventStore,
  type SqlClient,
} from '@ebp/eventing';
import { PersonalReadLog } from './access/personal-read-log';
import type { CommunityStores } from './application/community-application';
import { auditResponses } from './audits/projections/audit-responses.projection';
import { skillsAudits } from './audits/projections/skills-audits.projection';
import type { SurveyBallots } from './benchmarking/ballots';
import { surveyCampaigns } from './benchmarking/projections/survey-campaigns.projection';
import { awardRounds } from './awards/projections/award-rounds.projection';
import { involvements } from './involvements/projections/involvement.projection';
import { communityPersonalData } from './people/personal-data-policy';
import { personDirectory } from './people/projections/person-directory.projection';

export interface OpenedCommunityStores extends CommunityStores {
  /** The store as written (personal fields sealed): what projectors and the relay read. */
  readonly inner: SignallingEventStore;
  readonly projectors: readonly EventProcessor[];
  /** Checkpoints of the projectors, the relay and the consumers of other services' events. */
  readonly checkpoints: SqlCheckpointStore;
  /**
   * Keeps the audiences of the register's projects (behind `projects`) from the register's feed:
   * background work for the service to poll and stop. None without a feed: then no project is
   * known, and every reference to one is left out or refused.
   */
  readonly projectAudienceFollower: BackgroundWork | undefined;
}

/** The consumer that keeps the project audiences: its checkpoint, or its bus consumer group. */
export const PROJECT_AUDIENCES_CONSUMER = 'community.project-audiences';

/** The community's copy of who may see each of the register's projects (DESIGN.md §5). */
export const communityProjectAudiences = projectAudiences('community');

/** The community's log as the service reads it: personal fields opened, or redacted once erased. */
export async function communityEventStore(sql: SqlClient): Promise<SealingEventStore> {
  return new SealingEventStore(
    withWakeUps(await SqlEventStore.open(sql), sql),
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
  /** The register's events, from which the project audiences are kept (its topic, or its store). */
  readonly registerEvents?: EventFeed;
  /** The keyed hash of survey ballots (decision 0038); none: surveys take no answers. */
  readonly surveyBallots?: SurveyBallots;
}): Promise<OpenedCommunityStores> {
  const { sql, documents } = options;
  const inner = withWakeUps(await SqlEventStore.open(sql), sql);
  const keys = await SqlSubjectKeyStore.open(sql);
  const personal = new PersonalData(keys);
  const checkpoints = await SqlCheckpointStore.open(sql);
  const projectors = [
    createProjectionProcessor(inner, checkpoints, documents, personDirectory),
    createProjectionProcessor(inner, checkpoints, documents, involvements),
    createProjectionProcessor(inner, checkpoints, documents, auditResponses),
    createProjectionProcessor(inner, checkpoints, documents, skillsAudits),
    createProjectionProcessor(inner, checkpoints, documents, awardRounds),
    createProjectionProcessor(inner, checkpoints, documents, surveyCampaigns),
  ];
  const audiences = () => liveCollection(documents, communityProjectAudiences);
  const followed = options.registerEvents
    ? await followReferences(options.registerEvents, checkpoints, {
        name: PROJECT_AUDIENCES_CONSUMER,
        definition: communityProjectAudiences,
        audiences,
      })
    : undefined;
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
    skillsAudits: () => liveCollection(documents, skillsAudits),
    awardRounds: () => liveCollection(documents, awardRounds),
    surveyCampaigns: () => liveCollection(documents, surveyCampaigns),
    surveyBallots: options.surveyBallots,
    // Without the register's feed (a test's service) nothing is ever caught up.
    projects: followed?.guard ?? new ReferenceGuard(audiences),
    projectAudienceFollower: followed?.work,
    catchUp: async () => {
      for (const projector of projectors) await projector.catchUp();
    },
    now: options.now ?? (() => new Date()),
  };
}
