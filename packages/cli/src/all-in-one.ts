import { randomBytes } from 'node:crypto';
import {
  SqlDocumentStore,
  SqlEventStore,
  withWakeUps,
  type EmbeddedDatabase,
  type SqlClient,
} from '@ebp/eventing';
import {
  listenForGateway,
  startGateway,
  type GatewayListener,
  type RunningGateway,
} from '@ebp/gateway';
import {
  DevelopmentIssuer,
  silentLogger,
  type GraphqlLimits,
  type Logger,
  type TokenVerifier,
} from '@ebp/platform';
import { startCommunityServer, type RunningCommunity } from '@ebp/community';
import {
  startDisseminationServer,
  type DeliveryTarget,
  type DigestMailSettings,
  type RetryPolicy,
  type RunningDissemination,
} from '@ebp/dissemination';
import { startPartnersServer, type RunningPartners } from '@ebp/partners';
import { startRegisterServer, type RunningRegister } from '@ebp/register';
import { lockDataDirectory } from './data-dir-lock';
import { openEmbeddedDatabase } from './data-directory';

export interface AllInOneOptions {
  /**
   * Where the one embedded database lives (`<dataDir>/database`, a schema per service, decision
   * 0028); none keeps everything in memory (tests).
   */
  readonly dataDir?: string;
  readonly host?: string;
  readonly port?: number;
  readonly logger?: Logger;
  readonly limits?: Partial<GraphqlLimits>;
  readonly now?: () => Date;
  /**
   * Production: tokens from the organisation's identity provider (this verifier), no development
   * issuer and no /dev endpoints, introspection and suggestions off.
   */
  readonly production?: {
    readonly verifier: TokenVerifier;
    /** The identity provider's JWKS, which the gateway then also serves at its origin. */
    readonly jwksUrl?: string;
  };
  /** Development: the longest validity the issuer's tokens may have (default 12 hours). */
  readonly maxTokenLifetimeSeconds?: number;
  /** Shared by the gateway and the subgraphs; by default a fresh one per start. */
  readonly identitySecret?: string;
  /** EBP_SURVEY_BALLOT_SECRET (decision 0038); none: ballots are keyed for this process only. */
  readonly surveyBallotSecret?: string;
  /** The national bodies the library delivers to (none by default: nothing leaves). */
  readonly disseminationTargets?: readonly DeliveryTarget[];
  /** How patiently deliveries are retried (tests shorten the backoff). */
  readonly deliveryRetryPolicy?: RetryPolicy;
  /**
   * Where people reach the platform (EBP_PUBLIC_URL): links in the library's feed and deliveries.
   * Default: `http://localhost:<the port the gateway bound>`.
   */
  readonly publicUrl?: string;
  /** The SMTP server digests are e-mailed through (decision 0037); none: nothing is e-mailed. */
  readonly digestMail?: DigestMailSettings;
  /** How long a digest period is, in seconds (default a week). */
  readonly digestPeriodSeconds?: number;
  /** The intranet page's built files (web/dist), served by the gateway at /. */
  readonly webRoot?: string;
}

export interface RunningPlatform {
  /** The federated graph: `<origin>/graphql`. */
  readonly url: string;
  /**
   * The gateway's origin, the one port for everything: the graph, the page, the library's feed,
   * the partner webhook, the JWKS and the health endpoints.
   */
  readonly origin: string;
  /** What links in the feed and deliveries start with. */
  readonly publicUrl: string;
  /** Where the development issuer hands out tokens (development only). */
  readonly devUrl?: string;
  readonly issuer?: DevelopmentIssuer;
  readonly register: RunningRegister;
  readonly community: RunningCommunity;
  readonly partners: RunningPartners;
  readonly dissemination: RunningDissemination;
  readonly gateway: RunningGateway;
  stop(): Promise<void>;
}

/** Whether every service answers its own /health/ready. */
async function servicesReady(subgraphUrls: Readonly<Record<string, string>>): Promise<boolean> {
  const answers = await Promise.all(
    Object.values(subgraphUrls).map((url) =>
      fetch(url.replace(/\/graphql$/, '/health/ready')).then(
        (response) => response.arrayBuffer().then(() => response.ok),
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
}

/**
 * The all-in-one platform: every service and the gateway in this process, on PGlite, with the
 * development issuer. Services still talk to the gateway over HTTP on loopback, exactly as in
 * distributed mode, so both modes run the same code paths. The gateway's port is bound first:
 * the platform's origin (and so the links the library makes) is known before the services start.
 */
export async function startAllInOne(options: AllInOneOptions = {}): Promise<RunningPlatform> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const unlock = options.dataDir ? lockDataDirectory(options.dataDir) : () => undefined;
  const clients: SqlClient[] = [];
  let database: EmbeddedDatabase | undefined;
  let listener: GatewayListener | undefined;
  // What has started, to stop (newest first) if a later step fails.
  const started: { stop(): Promise<void> }[] = [];
  const running = <Service extends { stop(): Promise<void> }>(service: Service): Service => {
    started.unshift(service);
    return service;
  };
  try {
    listener = await listenForGateway({ host, port: options.port ?? 4000 });
    const publicUrl = (options.publicUrl ?? `http://localhost:${listener.port}`).replace(/\/$/, '');
    // One embedded PostgreSQL (one WebAssembly heap) for every service, each in its own schema:
    // a service's client sees its own schema's tables and no other's.
    const embedded = await openEmbeddedDatabase(options.dataDir);
    database = embedded;
    const databaseOf = async (service: string) => {
      const sql = await embedded.schemaClient(service, { label: service });
      clients.push(sql);
      return sql;
    };
    // A fresh secret per start: only this process's gateway can speak for a caller.
    const identitySecret = options.identitySecret ?? randomBytes(32).toString('base64url');
    const serviceOptions = (service: string) => ({
      identitySecret,
      soleProcess: options.dataDir !== undefined,
      production: options.production !== undefined,
      logger: logger.child({ component: service }),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const registerSql = await databaseOf('register');
    const partnersSql = await databaseOf('partners');
    const disseminationSql = await databaseOf('dissemination');
    const communitySql = await databaseOf('community');
    // No bus in one process: a service reads another's events through an event-store reader on
    // that service's own schema client, never through its own client. This is the only path from
    // one schema to another.
    const eventsOf = async (owner: SqlClient) => ({
      kind: 'store' as const,
      store: withWakeUps(await SqlEventStore.open(owner), owner),
    });
    const register = running(
      await startRegisterServer({
        sql: registerSql,
        documents: await SqlDocumentStore.open(registerSql),
        // No bus in one process: the register reads the other services' stores (published
        // outcomes, and what governance reports need).
        partnersEvents: await eventsOf(partnersSql),
        communityEvents: await eventsOf(communitySql),
        disseminationEvents: await eventsOf(disseminationSql),
        ...serviceOptions('register'),
      }),
    );
    const community = running(
      await startCommunityServer({
        sql: communitySql,
        documents: await SqlDocumentStore.open(communitySql),
        // No bus in one process: the community reads the register's and the library's stores.
        registerEvents: await eventsOf(registerSql),
        disseminationEvents: await eventsOf(disseminationSql),
        ...(options.surveyBallotSecret ? { surveyBallotSecret: options.surveyBallotSecret } : {}),
        ...serviceOptions('community'),
      }),
    );
    const partners = running(
      await startPartnersServer({
        sql: partnersSql,
        documents: await SqlDocumentStore.open(partnersSql),
        // No bus in one process: the partners read project audiences from the register's store.
        registerEvents: await eventsOf(registerSql),
        ...serviceOptions('partners'),
      }),
    );
    const dissemination = running(
      await startDisseminationServer({
        sql: disseminationSql,
        documents: await SqlDocumentStore.open(disseminationSql),
        registerEvents: await eventsOf(registerSql),
        partnersEvents: await eventsOf(partnersSql),
        communityEvents: await eventsOf(communitySql),
        targets: options.disseminationTargets ?? [],
        ...(options.deliveryRetryPolicy ? { retryPolicy: options.deliveryRetryPolicy } : {}),
        ...(options.digestMail ? { digestMail: options.digestMail } : {}),
        ...(options.digestPeriodSeconds
          ? { digestPeriodSeconds: options.digestPeriodSeconds }
          : {}),
        publicUrl,
        ...serviceOptions('dissemination'),
      }),
    );
    const issuer = options.production
      ? undefined
      : await DevelopmentIssuer.create(
          options.maxTokenLifetimeSeconds
            ? { maxLifetimeSeconds: options.maxTokenLifetimeSeconds }
            : {},
        );
    const subgraphUrls = {
      register: register.url,
      community: community.url,
      partners: partners.url,
      dissemination: dissemination.url,
    };
    const gateway = await startGateway({
      subgraphUrls,
      verifier: options.production?.verifier ?? issuer!.verifier(),
      identitySecret,
      production: options.production !== undefined,
      ...(issuer ? { developmentIssuer: issuer } : {}),
      ...(options.production?.jwksUrl ? { jwksUrl: options.production.jwksUrl } : {}),
      listener,
      // One process: the platform is ready when every service in it is.
      ready: () => servicesReady(subgraphUrls),
      logger: logger.child({ component: 'gateway' }),
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    return {
      url: gateway.url,
      origin: gateway.origin,
      publicUrl,
      ...(issuer ? { issuer, devUrl: `${gateway.origin}/dev` } : {}),
      register,
      community,
      partners,
      dissemination,
      gateway,
      async stop() {
        await gateway.stop();
        await dissemination.stop();
        await partners.stop();
        await community.stop();
        await register.stop();
        for (const client of clients) await client.close();
        await embedded.close();
        unlock();
      },
    };
  } catch (error) {
    for (const service of started) await service.stop().catch(() => undefined);
    await listener?.close();
    for (const client of clients) await client.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}
