import { community, dissemination, register } from '@ebp/contracts';
import {
  consumeFeed,
  relayToServiceTopic,
  startServiceProcessing,
  type BackgroundWork,
  type Bus,
  type DocumentStore,
  type EventFeed,
  type SqlClient,
} from '@ebp/eventing';
import { forwardedIdentity, silentLogger } from '@ebp/platform';
import { hostSubgraph, type SubgraphServerOptions } from '@ebp/platform/nest';
import { SurveyBallots } from '../benchmarking/ballots';
import { openCommunityStores, PROJECT_AUDIENCES_CONSUMER } from '../community-stores';
import { CommunityModule } from '../graphql/community.module';
import type { CommunityRuntime } from '../graphql/community-runtime';
import { InvolvementCommands } from '../involvements/involvement.handler';
import {
  closeInvolvementsOfClosedProject,
  closesProject,
} from '../involvements/reactions/project-closed.reaction';
import { PersonCommands } from '../people/person.handler';
import { recordAttendanceAsTraining } from '../people/reactions/attendance.reaction';

export interface CommunityServerOptions extends SubgraphServerOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Where the relay publishes the community's events (personal fields sealed); none: nothing is. */
  readonly bus?: Bus;
  /**
   * The register's events: projects closing end their involvements, and the projects' audiences
   * decide which references to them a caller sees. None: no project is known to the community.
   */
  readonly registerEvents?: EventFeed;
  /** The dissemination service's events (attendance becomes training). */
  readonly disseminationEvents?: EventFeed;
  readonly now?: () => Date;
  /**
   * The secret survey ballots are keyed with (decision 0038), from configuration and in no store.
   * None: production refuses survey answers; development keys them for this process only.
   */
  readonly surveyBallotSecret?: string;
  /** The store is this process's alone (all-in-one): leases left by a dead process are void. */
  readonly soleProcess?: boolean;
  readonly pollIntervalMs?: number;
}

export interface RunningCommunity {
  readonly url: string;
  readonly runtime: CommunityRuntime;
  stop(): Promise<void>;
}

/** Consumer names: the bus consumer groups, or the checkpoints over another service's store. */
export const COMMUNITY_CONSUMERS = {
  projectClosures: 'community.project-closures',
  attendance: 'community.attendance',
  projectAudiences: PROJECT_AUDIENCES_CONSUMER,
} as const;

/**
 * The community service: its sealing event store and key store, read-model projectors, the relay
 * publishing its (sealed) events, the reactions to the register's and the dissemination service's
 * events, and its subgraph over HTTP. The same function serves both run modes.
 */
export async function startCommunityServer(
  options: CommunityServerOptions,
): Promise<RunningCommunity> {
  const logger = options.logger ?? silentLogger;
  const stores = await openCommunityStores({
    sql: options.sql,
    documents: options.documents,
    ...(options.now ? { now: options.now } : {}),
    ...(options.registerEvents ? { registerEvents: options.registerEvents } : {}),
    ...surveyBallotsOf(options),
  });
  if (options.soleProcess) await stores.checkpoints.releaseAllLeases();
  const { bus } = options;
  const involvementCommands = new InvolvementCommands(stores.store);
  const people = new PersonCommands(stores.store, stores.keys);
  const processing = await startServiceProcessing({
    projectors: stores.projectors,
    background: async (catchUp) => {
      const work: BackgroundWork[] = [];
      // Who may see each project: every reference to one passes the guard built on it.
      if (stores.projectAudienceFollower) work.push(stores.projectAudienceFollower);
      // The relay reads the store as written: what leaves the service is sealed.
      if (bus)
        work.push(
          await relayToServiceTopic(
            stores.inner,
            stores.checkpoints,
            bus,
            community.COMMUNITY_TOPIC,
          ),
        );
      if (options.registerEvents)
        work.push(
          await consumeFeed(options.registerEvents, stores.checkpoints, {
            name: COMMUNITY_CONSUMERS.projectClosures,
            handle: async (event) => {
              if (!closesProject(event.type)) return;
              // Joins made before the project closed must be in the read model it consults.
              await catchUp();
              await closeInvolvementsOfClosedProject(
                event,
                await stores.involvements(),
                involvementCommands,
              );
            },
          }),
        );
      if (options.disseminationEvents)
        work.push(
          await consumeFeed(options.disseminationEvents, stores.checkpoints, {
            name: COMMUNITY_CONSUMERS.attendance,
            handle: async (event) => void (await recordAttendanceAsTraining(event, people)),
          }),
        );
      return work;
    },
    logger,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  const runtime: CommunityRuntime = {
    ...stores,
    catchUp: processing.catchUp,
    identify: forwardedIdentity(options.identitySecret),
  };
  const subgraph = await hostSubgraph('community', options, {
    module: (settings) => CommunityModule.forRoot(runtime, settings),
    ready: async () => {
      await options.sql.query('select 1');
      return processing.healthy();
    },
    afterClose: () => processing.stop(),
  });
  return { url: subgraph.url, runtime, stop: () => subgraph.stop() };
}

function surveyBallotsOf(options: CommunityServerOptions): { surveyBallots?: SurveyBallots } {
  if (options.surveyBallotSecret)
    return { surveyBallots: SurveyBallots.fromSecret(options.surveyBallotSecret) };
  if (options.production) return {};
  (options.logger ?? silentLogger).warn(
    'No survey ballot secret configured: ballots are keyed for this process only, so a restart lets people answer a survey again',
  );
  return { surveyBallots: SurveyBallots.forThisProcess() };
}

/** Feeds of the platform's topics on a bus (distributed mode). */
export function busFeeds(
  bus: Bus,
): Pick<CommunityServerOptions, 'registerEvents' | 'disseminationEvents'> {
  return {
    registerEvents: { kind: 'bus', bus, topic: register.REGISTER_TOPIC },
    disseminationEvents: { kind: 'bus', bus, topic: dissemination.DISSEMINATION_TOPIC },
  };
}
