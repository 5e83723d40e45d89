import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { gatewayRoot } from './composition';

export interface GatewayOptions {
  /** Where each subgraph (by its name in subgraphs.json) is served. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly host?: string;
  readonly port?: number;
  /** Production hides introspection. */
  readonly production?: boolean;
  /** The composed supergraph; defaults to the one the build wrote. */
  readonly supergraphSdl?: string;
}

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

export function loadSupergraph(): string {
  return readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8');
}

/** Only a code and a message leave the gateway; subgraph stack traces never do. */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  return {
    message: formatted.message,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The federated gateway: Apollo Gateway on the supergraph composed at build time (no runtime
 * introspection of subgraphs), served by Apollo Server 5 on Express 5 at /graphql.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? loadSupergraph(),
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new RemoteGraphQLDataSource({ url });
    },
  });
  const apollo = new ApolloServer({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
