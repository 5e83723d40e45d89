import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  SqlCheckpointStore,
  SqlEventStore,
  createOutboxRelay,
  createProjectionProcessor,
  liveCollection,
  serialized,
  type Bus,
  type DocumentStore,
  type EventProcessor,
  type SqlClient,
} from '@ebp/eventing';
import {
  correlateRequests,
  healthEndpoints,
  refuseUnlessForwarded,
  silentLogger,
  verifyForwardedIdentity,
  type GraphqlLimits,
  type Logger,
} from '@ebp/platform';
import { RegisterModule } from '../graphql/register.module';
import type { RegisterRuntime } from '../graphql/register-runtime';
import { projectSummaries } from '../projects/projections/project-summary.projection';
import { prioritySummaries } from '../priorities/projections/priority-summary.projection';

/** Every register event is published here for other services and analytics teams. */
export const REGISTER_TOPIC = 'ebp.register.events';

export interface RegisterServerOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Where the outbox relay publishes the register's events; none: nothing is published. */
  readonly bus?: Bus;
  /** Shared with the gateway: the subgraph accepts only identities signed with it. */
  readonly identitySecret: string;
  readonly now?: () => Date;
  readonly host?: string;
  readonly port?: number;
  readonly production?: boolean;
  readonly limits?: Partial<GraphqlLimits>;
  readonly logger?: Logger;
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
  const store = await SqlEventStore.open(options.sql);
  const checkpoints = await SqlCheckpointStore.open(options.sql);
  if (options.soleProcess) await checkpoints.releaseAllLeases();
  const projectors: EventProcessor[] = [
    createProjectionProcessor(store, checkpoints, options.documents, projectSummaries),
    createProjectionProcessor(store, checkpoints, options.documents, prioritySummaries),
  ];
  let relay: EventProcessor | undefined;
  if (options.bus) {
    await options.bus.createTopics([{ name: REGISTER_TOPIC, partitions: 3 }]);
    relay = createOutboxRelay(store, checkpoints, options.bus, { topicFor: () => REGISTER_TOPIC });
  }
  // One instance of each processor. Commands drive the projectors (a client reads its own
  // writes); the poller drives them and the relay, which publishes off the request path.
  const catchUp = serialized(async () => {
    for (const projector of projectors) await projector.catchUp();
  });
  const publish = serialized(async () => void (await relay?.catchUp()));
  const processors = relay ? [...projectors, relay] : projectors;
  const runtime: RegisterRuntime = {
    store,
    projects: () => liveCollection(options.documents, projectSummaries),
    priorities: () => liveCollection(options.documents, prioritySummaries),
    catchUp,
    identify: (request) =>
      Promise.resolve(verifyForwardedIdentity(request.headers, options.identitySecret)),
    now: options.now ?? (() => new Date()),
  };
  await catchUp();
  let healthy = true;
  const poller = setInterval(() => {
    Promise.all([catchUp(), publish()]).then(
      () => {
        if (!healthy) logger.info('read models catching up again');
        healthy = true;
      },
      (error: unknown) => {
        if (healthy) logger.error('read models cannot catch up', { error });
        healthy = false;
      },
    );
  }, options.pollIntervalMs ?? 200);
  const app: INestApplication = await NestFactory.create(
    RegisterModule.forRoot(runtime, {
      production: options.production ?? false,
      ...(options.limits ? { limits: options.limits } : {}),
    }),
    { logger: false, forceCloseConnections: true },
  );
  app.use(correlateRequests(logger));
  app.use(
    healthEndpoints('register', {
      ready: async () => {
        await options.sql.query('select 1');
        return healthy;
      },
    }),
  );
  // Every GraphQL request, `_service` and `_entities` included, must come through the gateway.
  app.use('/graphql', refuseUnlessForwarded(options.identitySecret));
  await app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info('register subgraph listening', { url });
  return {
    url,
    runtime,
    async stop() {
      clearInterval(poller);
      await app.close();
      await Promise.all([catchUp(), publish()]).catch(() => undefined);
      for (const processor of processors) await processor.stop();
    },
  };
}
