import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { GraphqlLimits } from '../graphql';
import { refuseUnlessForwarded } from '../http/forwarded-only';
import {
  SUBGRAPH_BODY_LIMIT,
  answerErrorsWithProblems,
  jsonBodyOptions,
  requireJsonBody,
} from '../http/request-body';
import { correlateRequests, healthEndpoints } from '../http/request-middleware';
import { silentLogger, type Logger } from '../observability/logger';

/** What every service's server takes to serve its subgraph, in either run mode. */
export interface SubgraphServerOptions {
  /** Shared with the gateway: only requests carrying an identity signed with it reach GraphQL. */
  readonly identitySecret: string;
  readonly host?: string;
  /** 0 (default): any free port. */
  readonly port?: number;
  /** Introspection and suggestions off, schema details hidden. */
  readonly production?: boolean;
  readonly limits?: Partial<GraphqlLimits>;
  readonly logger?: Logger;
}

/** The settings a service's GraphQL module is built with. */
export interface SubgraphModuleSettings {
  readonly production: boolean;
  readonly limits?: Partial<GraphqlLimits>;
}

export interface SubgraphService {
  /** The service's Nest module with its GraphQL subgraph. */
  readonly module: (settings: SubgraphModuleSettings) => DynamicModule;
  /** Ready to serve: its engines answer and its read models keep up. */
  readonly ready: () => Promise<boolean>;
  /** Runs after the HTTP server has closed (the service's background work). */
  readonly afterClose?: () => Promise<void>;
  /**
   * HTTP routes besides the graph, each an Express-style handler or router (e.g. a partner
   * webhook). They authenticate their own callers: the gateway's guard covers `/graphql` only.
   */
  readonly routes?: readonly object[];
}

export interface HostedSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/** Nest's Express application, as far as this host uses it beyond `INestApplication`. */
interface ExpressNestApplication extends INestApplication {
  useBodyParser(type: 'json', options: ReturnType<typeof jsonBodyOptions>): this;
}

/**
 * Serves a service's subgraph over HTTP the same way for every service, in both run modes (the
 * all-in-one composition and each service's own main call this): correlation ids and request
 * logs, `/health/live` and `/health/ready`, every GraphQL request (`_service` and `_entities`
 * included) refused with an RFC 9457 401 unless it came through the gateway, and a body that is
 * malformed, too large or badly encoded answered with a problem document, never an HTML page.
 */
export async function hostSubgraph(
  name: string,
  options: SubgraphServerOptions,
  service: SubgraphService,
): Promise<HostedSubgraph> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const module = service.module({
    production: options.production ?? false,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const app = await NestFactory.create<ExpressNestApplication>(module, {
    logger: false,
    forceCloseConnections: true,
    // Its own JSON parser below, after the gateway check, with a limit and strict UTF-8.
    bodyParser: false,
  });
  app.use(correlateRequests(logger));
  app.use(healthEndpoints(name, { ready: service.ready }));
  for (const route of service.routes ?? []) app.use(route);
  app.use('/graphql', refuseUnlessForwarded(options.identitySecret));
  app.useBodyParser('json', jsonBodyOptions(SUBGRAPH_BODY_LIMIT));
  app.use('/graphql', requireJsonBody);
  // Registered now, so it comes before Nest's own handler and answers every body error.
  app.use(answerErrorsWithProblems(logger));
  await app.listen(options.port ?? 0, host);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const url = `http://${host}:${port}/graphql`;
  logger.info(`${name} subgraph listening`, { url });
  return {
    url,
    async stop() {
      await app.close();
      await service.afterClose?.();
    },
  };
}
