import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from '../observability/logger';
import { refuseUnlessForwarded } from '../http/forwarded-only';
import { correlateRequests, healthEndpoints, type HealthChecks } from '../http/request-middleware';

export interface SubgraphHostOptions extends HealthChecks {
  /** The service's name, in health answers and logs. */
  readonly service: string;
  /** The service's Nest module with its GraphQL subgraph. */
  readonly module: DynamicModule;
  /** Shared with the gateway: only requests carrying an identity signed with it reach GraphQL. */
  readonly identitySecret: string;
  readonly logger: Logger;
  readonly host?: string;
  /** 0 (default): any free port. */
  readonly port?: number;
}

export interface HostedSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves a service's subgraph over HTTP the same way for every service: correlation ids and
 * request logs, `/health/live` and `/health/ready`, and every GraphQL request (`_service` and
 * `_entities` included) refused with an RFC 9457 401 unless it came through the gateway.
 */
export async function hostSubgraph(options: SubgraphHostOptions): Promise<HostedSubgraph> {
  const host = options.host ?? '127.0.0.1';
  const app: INestApplication = await NestFactory.create(options.module, {
    logger: false,
    forceCloseConnections: true,
  });
  app.use(correlateRequests(options.logger));
  app.use(healthEndpoints(options.service, { ready: options.ready }));
  app.use('/graphql', refuseUnlessForwarded(options.identitySecret));
  await app.listen(options.port ?? 0, host);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const url = `http://${host}:${port}/graphql`;
  options.logger.info(`${options.service} subgraph listening`, { url });
  return { url, stop: () => app.close() };
}
