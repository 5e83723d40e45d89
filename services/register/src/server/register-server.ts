import { ProjectCommands, publishMissingAudiences } from '../projects/project.handler';
import { followPartnerCollaboration } from '../projects/reactions/partner-collaboration.reaction';
import { register } from '@ebp/contracts';
import {
  SqlCheckpointStore,
  consumeFeed,
  SqlEventArchive,
  SqlEventStore,
  withWakeUps,
  relayToServiceTopic,
  createProjectionProcessor,
  liveCollection,
  startServiceProcessing,
  type BackgroundWork,
  type Bus,
  type EventFeed,
  type DocumentStore,
  type SqlClient,
} from '@ebp/eventing';
import { forwardedIdentity, silentLogger } from '@ebp/platform';
import { hostSubgraph, type SubgraphServerOptions } from '@ebp/platform/nest';
import { RegisterModule } from '../graphql/register.module';
import { reportPartnerOutcome } from '../projects/reactions/partner-outcome.reaction';
import { keepForGovernance } from '../governance/governance-archive';
import type { RegisterRuntime } from '../graphql/register-runtime';
import { projectSummaries } from '../projects/projections/project-summary.projection';
import { prioritySummaries } from '../priorities/projections/priority-summary.projection';
import { researchPlans, workstreams } from '../programme/projections/programme.projections';
import { meetings } from '../meetings/projections/meetings.projection';

export interface RegisterServerOptions extends SubgraphServerOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Where the outbox relay publishes the register's events; none: nothing is published. */
  readonly bus?: Bus;
  /**
   * The partners service's events: published outcomes are reported on projects, and the register
   * keeps what governance reports need of these and of the two feeds below.
   */
  readonly partnersEvents?: EventFeed;
  readonly communityEvents?: EventFeed;
  readonly disseminationEvents?: EventFeed;
  readonly now?: () => Date;
  /**
   * The store is this process's alone (all-in-one, its data directory locked): leases left by a
   * process that died are void, so its read models catch up at once instead of after the lease.
   */
  readonly soleProcess?: boolean;
  /** How often read models and the relay poll the log between commands (default 200 ms). */
  readonly pollIntervalMs?: number;
}

export interface RunningRegister {
  readonly url: string;
  readonly runtime: RegisterRuntime;
  stop(): Promise<void>;
}

/**
 * The register service: its event store, read-model projectors, outbox relay, and its subgraph
 * over HTTP with health endpoints. The same function serves both run modes; only the engines
 * handed in differ.
 */
export async function startRegisterServer(
  options: RegisterServerOptions,
): Promise<RunningRegister> {
  const logger = options.logger ?? silentLogger;
  const store = withWakeUps(await SqlEventStore.open(options.sql), options.sql);
  const checkpoints = await SqlCheckpointStore.open(options.sql);
  const archive = await SqlEventArchive.open(options.sql);
  if (options.soleProcess) await checkpoints.releaseAllLeases();
  const { bus } = options;
  const processing = await startServiceProcessing({
    projectors: [
      createProjectionProcessor(store, checkpoints, options.documents, projectSummaries),
      createProjectionProcessor(store, checkpoints, options.documents, prioritySummaries),
      createProjectionProcessor(store, checkpoints, options.documents, researchPlans),
      createProjectionProcessor(store, checkpoints, options.documents, workstreams),
      createProjectionProcessor(store, checkpoints, options.documents, meetings),
    ],
    background: async () => {
      const work: BackgroundWork[] = [];
      if (bus)
        work.push(await relayToServiceTopic(store, checkpoints, bus, register.REGISTER_TOPIC));
      if (options.partnersEvents) {
        const commands = new ProjectCommands(store, () =>
          liveCollection(options.documents, projectSummaries),
        );
        work.push(
          await consumeFeed(options.partnersEvents, checkpoints, {
            name: 'register.partner-outcomes',
            handle: async (event) => void (await reportPartnerOutcome(event, commands)),
          }),
          // Its own checkpoint, so that a register upgraded to it reads every collaboration.
          await consumeFeed(options.partnersEvents, checkpoints, {
            name: 'register.partner-collaborations',
            handle: async (event) => void (await followPartnerCollaboration(event, commands)),
          }),
        );
      }
      const feeds = {
        partners: options.partnersEvents,
        community: options.communityEvents,
        dissemination: options.disseminationEvents,
      };
      work.push(...(await keepForGovernance(feeds, checkpoints, archive)));
      return work;
    },
    logger,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  // Projects recorded before the register published audiences: other services must learn of them.
  await publishMissingAudiences(
    new ProjectCommands(store, () => liveCollection(options.documents, projectSummaries)),
    await liveCollection(options.documents, projectSummaries),
    options.now ?? (() => new Date()),
  );
  await processing.catchUp();
  const runtime: RegisterRuntime = {
    store,
    projects: () => liveCollection(options.documents, projectSummaries),
    priorities: () => liveCollection(options.documents, prioritySummaries),
    researchPlans: () => liveCollection(options.documents, researchPlans),
    workstreams: () => liveCollection(options.documents, workstreams),
    meetings: () => liveCollection(options.documents, meetings),
    catchUp: processing.catchUp,
    identify: forwardedIdentity(options.identitySecret),
    now: options.now ?? (() => new Date()),
    governance: { archive, catchUp: () => processing.catchUpAll() },
  };
  const subgraph = await hostSubgraph('register', options, {
    module: (settings) => RegisterModule.forRoot(runtime, settings),
    ready: async () => {
      await options.sql.query('select 1');
      return processing.healthy();
    },
    afterClose: () => processing.stop(),
  });
  return { url: subgraph.url, runtime, stop: () => subgraph.stop() };
}
