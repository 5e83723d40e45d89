import { followAudiences } from '@ebp/access';
import { community, dissemination, partners, register } from '@ebp/contracts';
import {
  CommandHandler,
  consumeFeed,
  relayToServiceTopic,
  serialized,
  startServiceProcessing,
  type BackgroundWork,
  type Bus,
  type DocumentStore,
  type EventFeed,
  type SqlClient,
} from '@ebp/eventing';
import { forwardedIdentity, silentLogger } from '@ebp/platform';
import { hostSubgraph, type SubgraphServerOptions } from '@ebp/platform/nest';
import { DisseminationApplication } from '../application/dissemination-application';
import { openDisseminationStores } from '../dissemination-stores';
import { LIBRARY_FEED_PATH, libraryFeed } from '../feeds/library-feed';
import { PUBLIC_LIBRARY_PATH, publicLibrary } from '../feeds/public-library';
import { DisseminationModule } from '../graphql/dissemination.module';
import { ForumApplication } from '../forum/forum-application';
import { TrainingApplication } from '../training/training-application';
import type { DisseminationRuntime } from '../graphql/dissemination-runtime';
import { libraryItemDecider } from '../library/library-item.decider';
import { deliveryDecider, type RetryPolicy } from '../pipeline/delivery.decider';
import { DEFAULT_RETRY_POLICY, DeliveryWorker } from '../pipeline/delivery-worker';
import { dispatchPublications } from '../pipeline/dispatch';
import type { DeliveryTarget } from '../pipeline/targets';
import {
  disseminationProjectAudiences,
  draftFromPartnerOutcome,
  draftFromRegister,
  type DraftingContext,
} from '../reactions/draft-items.reaction';
import { registerFeedConsumer } from '../reactions/register-projects';
import { DigestPeriods } from '../subscriptions/digest.decider';
import type { DigestMailSettings } from '../subscriptions/digest-mail';
import { DigestWorker } from '../subscriptions/digest-worker';
import { unsubscribeRoutes } from '../subscriptions/unsubscribe-route';

/** A week: digests go out once a week, Monday to Monday (UTC), unless configured otherwise. */
export const DEFAULT_DIGEST_PERIOD_SECONDS = 7 * 24 * 60 * 60;

export interface DisseminationServerOptions extends SubgraphServerOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Publishes the dissemination events (attendance included); none: nothing is published. */
  readonly bus?: Bus;
  /**
   * The register's events: completed projects become draft items, and the projects' audiences
   * decide who may see the library's references to them. Without it no project is known, so no
   * reference to one is shown and no write may name one.
   */
  readonly registerEvents?: EventFeed;
  /** The community's events: a person it erases has their digest address shredded here too. */
  readonly communityEvents?: EventFeed;
  /** The partners' events: published outcomes become draft items. */
  readonly partnersEvents?: EventFeed;
  /** The national bodies this deployment delivers to (EBP_DISSEMINATION_TARGETS). */
  readonly targets?: readonly DeliveryTarget[];
  /**
   * The platform's public origin (the gateway's, or EBP_PUBLIC_URL): links to items in the feed
   * and in deliveries, and the feed's own link, point there (default http://localhost:4000).
   */
  readonly publicUrl?: string;
  readonly retryPolicy?: RetryPolicy;
  /**
   * The SMTP server digests are e-mailed through (EBP_SMTP_*, decision 0037); none: subscribers
   * may still give an address, but nothing is sent.
   */
  readonly digestMail?: DigestMailSettings;
  /** How long a digest period is (EBP_DIGEST_PERIOD_SECONDS; default a week, from Monday). */
  readonly digestPeriodSeconds?: number;
  readonly now?: () => Date;
  /** The store is this process's alone (all-in-one): leases left by a dead process are void. */
  readonly soleProcess?: boolean;
  readonly pollIntervalMs?: number;
}

export interface RunningDissemination {
  /** The subgraph's /graphql. */
  readonly url: string;
  /** The Atom feed of newly published items, at this service (people read it via the gateway). */
  readonly feedUrl: string;
  /** The public page of published findings, at this service (the public reach it via the gateway). */
  readonly publicLibraryUrl: string;
  /** The feed at the public origin: its `rel="self"` link. */
  readonly publicFeedUrl: string;
  readonly runtime: DisseminationRuntime;
  /**
   * One digest cycle now, as the background work runs it (schedule, then attempt what is due):
   * for tests on an explicit clock. Absent without an SMTP server (decision 0037).
   */
  readonly digestCycle?: () => Promise<number>;
  stop(): Promise<void>;
}

/** Consumer names: the bus consumer groups, or the checkpoints over another service's store. */
/** The community's erasure of a person, as its topic carries it. */
const ERASED = community.communityEventData['community.person.erased'];

export const DISSEMINATION_CONSUMERS = {
  // Versioned with the facts it keeps: a new version reads the register's feed from the start.
  register: registerFeedConsumer('dissemination.register-projects'),
  projectAudiences: 'dissemination.project-audiences',
  partners: 'dissemination.partner-outcomes',
  dispatch: 'dissemination.dispatch',
  community: 'dissemination.community-erasures',
} as const;

/**
 * The dissemination service: its event store, read models and search index, the relay, the
 * reactions to the register's and partners' events, the dispatcher and delivery worker that
 * share findings with national bodies, the Atom feed and its subgraph. Same function, both modes.
 */
export async function startDisseminationServer(
  options: DisseminationServerOptions,
): Promise<RunningDissemination> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const publicUrl = (options.publicUrl ?? 'http://localhost:4000').replace(/\/$/, '');
  const itemUrl = (itemId: string) => `${publicUrl}/library/${encodeURIComponent(itemId)}`;
  const targets = options.targets ?? [];
  // The audience follower exists once processing starts; the reference guard catches up through
  // it (one run at a time, shared with the poller), so all-in-one reads its own writes.
  let audienceFollower: BackgroundWork | undefined;
  const catchUpAudiences = serialized(async () => void (await audienceFollower?.catchUp()));
  const stores = await openDisseminationStores({
    sql: options.sql,
    documents: options.documents,
    targets,
    now,
    catchUpProjects: catchUpAudiences,
  });
  if (options.soleProcess) await stores.checkpoints.releaseAllLeases();
  // The digest worker starts with the background work, before the application exists: it waits.
  let applicationReady: (application: DisseminationApplication) => void = () => undefined;
  let digestWorker: DigestWorker | undefined;
  const applicationBuilt = new Promise<DisseminationApplication>((resolve) => {
    applicationReady = resolve;
  });
  const { bus } = options;
  const items = new CommandHandler(stores.store, libraryItemDecider);
  const drafting = async (): Promise<DraftingContext> => ({
    projects: await stores.registerProjects(),
    audiences: await stores.projectAudiences(),
    commands: items,
    guard: stores.projects,
  });
  const processing = await startServiceProcessing({
    projectors: stores.projectors,
    background: async (catchUp) => {
      const work: BackgroundWork[] = [];
      if (bus)
        work.push(
          await relayToServiceTopic(
            stores.store,
            stores.checkpoints,
            bus,
            dissemination.DISSEMINATION_TOPIC,
          ),
        );
      if (options.registerEvents) {
        const follower = await followAudiences(options.registerEvents, stores.checkpoints, {
          name: DISSEMINATION_CONSUMERS.projectAudiences,
          definition: disseminationProjectAudiences,
          audiences: stores.projectAudiences,
        });
        audienceFollower = follower;
        work.push(
          {
            catchUp: catchUpAudiences,
            stop: () => follower.stop(),
            wakeSignal: follower.wakeSignal,
          },
          await consumeFeed(options.registerEvents, stores.checkpoints, {
            name: DISSEMINATION_CONSUMERS.register,
            handle: async (event) => void (await draftFromRegister(event, await drafting())),
          }),
        );
      }
      if (options.partnersEvents)
        work.push(
          await consumeFeed(options.partnersEvents, stores.checkpoints, {
            name: DISSEMINATION_CONSUMERS.partners,
            handle: async (event) => void (await draftFromPartnerOutcome(event, await drafting())),
          }),
        );
      if (options.communityEvents)
        work.push(
          await consumeFeed(options.communityEvents, stores.checkpoints, {
            name: DISSEMINATION_CONSUMERS.community,
            handle: async (event) => {
              if (event.type === 'community.person.erased')
                await (
                  await applicationBuilt
                ).forgetErasedPerson(ERASED.parse(event.data).personId);
            },
          }),
        );
      const dispatch = dispatchPublications(
        new CommandHandler(stores.store, deliveryDecider),
        targets,
      );
      work.push(
        await consumeFeed({ kind: 'store', store: stores.store }, stores.checkpoints, {
          name: DISSEMINATION_CONSUMERS.dispatch,
          handle: async (event) => void (await dispatch(event)),
        }),
        new DeliveryWorker({
          store: stores.store,
          deliveries: stores.deliveries,
          targets,
          catchUp,
          itemUrl,
          now,
          logger,
          ...(options.retryPolicy ? { policy: options.retryPolicy } : {}),
        }),
      );
      if (options.digestMail) {
        digestWorker = new DigestWorker({
          store: stores.store,
          subscriptions: stores.subscriptions,
          digests: stores.digests,
          personal: stores.personal,
          digestOf: async (personId, since, until) =>
            (await applicationBuilt).subscriberDigest(personId, since, until),
          catchUp,
          mail: options.digestMail,
          periods: new DigestPeriods(options.digestPeriodSeconds ?? DEFAULT_DIGEST_PERIOD_SECONDS),
          publicUrl,
          policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
          now,
          logger,
        });
        work.push(digestWorker);
      }
      return work;
    },
    logger,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  const runtime: DisseminationRuntime = {
    ...stores,
    catchUp: processing.catchUp,
    identify: forwardedIdentity(options.identitySecret),
  };
  const application = new DisseminationApplication(runtime);
  applicationReady(application);
  const forum = new ForumApplication({
    ...runtime,
    readableItems: (identity, itemIds) => application.items(identity, itemIds),
    requireReadableItems: (identity, itemIds) =>
      application.requireReadableItems(identity, itemIds),
  });
  const training = new TrainingApplication({
    ...runtime,
    readableItems: (identity, itemIds) => application.items(identity, itemIds),
    strongEvidence: (identity, smsLevel) => application.strongEvidence(identity, smsLevel),
    classificationOfItems: (itemIds) => application.classificationOfItems(itemIds),
  });
  const publicFeedUrl = `${publicUrl}${LIBRARY_FEED_PATH}`;
  const subgraph = await hostSubgraph('dissemination', options, {
    module: (settings) =>
      DisseminationModule.forRoot(runtime, { library: application, forum, training }, settings),
    ready: async () => {
      await options.sql.query('select 1');
      return processing.healthy();
    },
    routes: [
      libraryFeed({
        published: (limit) => application.syndicated(limit),
        itemUrl,
        feedUrl: publicFeedUrl,
        now,
      }),
      publicLibrary({
        published: (limit) => application.syndicated(limit),
        pageUrl: `${publicUrl}${PUBLIC_LIBRARY_PATH}`,
      }),
      unsubscribeRoutes({
        known: (token) => application.knowsUnsubscribeToken(token),
        unsubscribe: (token) => application.unsubscribeByLink(token),
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
    feedUrl: subgraph.url.replace(/\/graphql$/, LIBRARY_FEED_PATH),
    publicLibraryUrl: subgraph.url.replace(/\/graphql$/, PUBLIC_LIBRARY_PATH),
    publicFeedUrl,
    runtime,
    ...(digestWorker ? { digestCycle: () => digestWorker!.catchUp() } : {}),
    stop: () => subgraph.stop(),
  };
}

/** Feeds of the platform's topics on a bus (distributed mode). */
export function busFeeds(
  bus: Bus,
): Pick<DisseminationServerOptions, 'registerEvents' | 'partnersEvents' | 'communityEvents'> {
  return {
    registerEvents: { kind: 'bus', bus, topic: register.REGISTER_TOPIC },
    communityEvents: { kind: 'bus', bus, topic: community.COMMUNITY_TOPIC },
    partnersEvents: { kind: 'bus', bus, topic: partners.PARTNERS_TOPIC },
  };
}
