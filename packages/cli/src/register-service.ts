import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  SqlCheckpointStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  type DocumentStore,
  type SqlClient,
} from '@ebp/eventing';
import {
  ProjectCommands,
  RegisterModule,
  projectSummaries,
  type RegisterRuntime,
} from '@ebp/register';
import { verifyForwardedIdentity } from '@ebp/platform';
import { refuseUnlessForwarded } from './forwarded-only';
import { serialized } from './serialized';

export interface RegisterServiceOptions {
  readonly sql: SqlClient;
  readonly documents: DocumentStore;
  /** Shared with the gateway: the subgraph accepts only identities signed with it. */
  readonly identitySecret: string;
  readonly now?: () => Date;
  readonly host?: string;
  readonly port?: number;
  readonly production?: boolean;
  /** How often the read models poll the log between commands (default 200 ms). */
  readonly pollIntervalMs?: number;
}

export interface RunningService {
  readonly url: string;
  readonly runtime: RegisterRuntime;
  stop(): Promise<void>;
}

/** Assembles the register: event store, read-model projector, commands, and its subgraph over HTTP. */
export async function startRegisterService(
  options: RegisterServiceOptions,
): Promise<RunningService> {
  const store = await SqlEventStore.open(options.sql);
  const checkpoints = await SqlCheckpointStore.open(options.sql);
  const projector = createProjectionProcessor(
    store,
    checkpoints,
    options.documents,
    projectSummaries,
  );
  // One projector instance, driven both by a poller and by commands (read your own writes).
  const catchUp = serialized(async () => void (await projector.catchUp()));
  const projects = () => liveCollection(options.documents, projectSummaries);
  const runtime: RegisterRuntime = {
    store,
    commands: new ProjectCommands(store, projects),
    projects,
    catchUp,
    identify: (request) =>
      Promise.resolve(verifyForwardedIdentity(request.headers, options.identitySecret)),
    now: options.now ?? (() => new Date()),
  };
  await catchUp();
  const poller = setInterval(
    () => void catchUp().catch(() => undefined),
    options.pollIntervalMs ?? 200,
  );
  const app: INestApplication = await NestFactory.create(
    RegisterModule.forRoot(runtime, { production: options.production ?? false }),
    {
      logger: false,
    },
  );
  // Every request, `_service` and `_entities` included, must come through the gateway.
  app.use('/graphql', refuseUnlessForwarded(options.identitySecret));
  await app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    runtime,
    async stop() {
      clearInterval(poller);
      await app.close();
      await catchUp().catch(() => undefined);
      await projector.stop();
    },
  };
}
