import { partners, register } from '@ebp/contracts';
import {
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
import { followProjectAudiences } from '../access/project-references';
import { PartnersApplication } from '../application/partners-application';
import { consumeInboundOutcomes } from '../feeds/inbound-topic';
import { OutcomeIntake } from '../feeds/outcome-intake';
import { partnerWebhooks } from '../feeds/webhook-ingest';
import { PartnersModule } from '../graphql/partners.module';
import type { PartnersRuntime } from '../graphql/partners-runtime';
import { openPartnersStores } from '../partners-stores';

/**
 * Runs an intake step between read-model catch-ups: before, so the collaborator check sees
 * current collaborations; after, so the moderation queue and the quarantine show the result.
 */
async function throughIntake<Result>(
  catchUp: () => Promise<void>,
  step: () => Promise<Result>,
): Promise<Result> {
  await catchUp();
  const result = await step();
  await catchUp();
  return result;
}

export interface PartnersServerOptions extends SubgraphServerOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Publishes the partners' events (published outcomes included) and consumes the inbound topic. */
  readonly bus?: Bus;
  /**
   * The register's events: the partners keep from them who may see each project (its audience),
   * for every reference to a project they list, count or accept. Without them no project is known,
   * so every reference is left out and every write naming a project refused.
   */
  readonly registerEvents?: EventFeed;
  readonly now?: () => Date;
  /** The store is this process's alone (all-in-one): leases left by a dead process are void. */
  readonly soleProcess?: boolean;
  readonly pollIntervalMs?: number;
}

export interface RunningPartners {
  /** The subgraph's /graphql. */
  readonly url: string;
  /** Where partners post signed outcomes: `<webhookBase>/webhooks/partners/<id>/outcomes`. */
  readonly webhookBase: string;
  readonly runtime: PartnersRuntime;
  stop(): Promise<void>;
}

/**
 * The partners service: its event store, read models, relay, the follower of the register's
 * project audiences, the inbound topic's consumer, the partner webhook and its subgraph over HTTP.
 * The same function serves both run modes.
 */
export async function startPartnersServer(
  options: PartnersServerOptions,
): Promise<RunningPartners> {
  const logger = options.logger ?? silentLogger;
  const stores = await openPartnersStores({
    sql: options.sql,
    documents: options.documents,
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.soleProcess) await stores.checkpoints.releaseAllLeases();
  const { bus } = options;
  // Who may see each register project; the guard catches the view up on a miss, so a project
  // the register has just recorded (all-in-one: in its store) is found.
  const audiences = options.registerEvents
    ? await followProjectAudiences(
        options.registerEvents,
        stores.checkpoints,
        stores.projectAudiences,
      )
    : undefined;
  const projects = audiences?.guard ?? stores.projects;
  // The feeds' door; stateless, so the consumer and the webhook share it with no catch-up of its own.
  const intake = new OutcomeIntake(stores.store, stores.collaborations, stores.now, projects);
  const processing = await startServiceProcessing({
    projectors: stores.projectors,
    background: async (catchUp) => {
      const work: BackgroundWork[] = [];
      if (audiences) work.push(audiences.work);
      if (bus) {
        work.push(
          await relayToServiceTopic(stores.store, stores.checkpoints, bus, partners.PARTNERS_TOPIC),
        );
        // The intake consults the collaborations read model: keep it current first.
        const subscription = await consumeInboundOutcomes(
          bus,
          {
            receive: (received) => throughIntake(catchUp, () => intake.receive(received)),
            quarantine: (item) => throughIntake(catchUp, () => intake.quarantine(item)),
          },
          logger,
        );
        work.push({ catchUp: () => Promise.resolve(), stop: () => subscription.stop() });
      }
      return work;
    },
    logger,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  }).catch(async (error: unknown) => {
    await audiences?.work.stop();
    throw error;
  });
  const runtime: PartnersRuntime = {
    ...stores,
    projects,
    catchUp: processing.catchUp,
    identify: forwardedIdentity(options.identitySecret),
  };
  // Built on the runtime, so its commands catch the read models up one run at a time.
  const application = new PartnersApplication(runtime);
  const subgraph = await hostSubgraph('partners', options, {
    module: (settings) => PartnersModule.forRoot(runtime, application, settings),
    ready: async () => {
      await options.sql.query('select 1');
      return processing.healthy();
    },
    routes: [
      partnerWebhooks({
        secrets: stores.secrets,
        idempotency: stores.idempotency,
        intake: {
          receive: (received) => throughIntake(processing.catchUp, () => intake.receive(received)),
        },
        logger,
        ...(options.now ? { now: options.now } : {}),
      }),
    ],
    afterClose: () => processing.stop(),
  }).catch(async (error: unknown) => {
    // No server to stop: the background work must not outlive the failed start.
    await processing.stop();
    throw error;
  });
  return {
    url: subgraph.url,
    webhookBase: subgraph.url.replace(/\/graphql$/, ''),
    runtime,
    stop: () => subgraph.stop(),
  };
}

/** Feeds of the platform's topics on a bus (distributed mode). */
export function busFeeds(bus: Bus): Pick<PartnersServerOptions, 'registerEvents'> {
  return { registerEvents: { kind: 'bus', bus, topic: register.REGISTER_TOPIC } };
}
