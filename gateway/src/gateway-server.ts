import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  CORRELATION_HEADER,
  DEFAULT_GRAPHQL_LIMITS,
  GRAPHQL_BODY_LIMIT,
  answerErrorsWithProblems,
  answerNotFound,
  correlateRequests,
  graphqlLimits,
  healthEndpoints,
  platformErrorIn,
  QueryTooComplex,
  jsonBodyOptions,
  requireJsonBody,
  sendProblem,
  signIdentity,
  silentLogger,
  wellFormedInputPlugin,
  type DevelopmentIssuer,
  type GraphqlLimits,
  type Identity,
  type Logger,
  type TokenVerifier,
} from '@ebp/platform';
import { developmentRoutes } from './development-routes';
import type { ForwardOptions } from './forwarding';
import { publicRoutes, serviceBase } from './public-routes';
import { formatGatewayError, isTypedError } from './gateway-errors';
import { webPage } from './web-page';
import { subgraphClient, type SubgraphClient } from './subgraph-client';
import { rememberVerifiedTokens } from './verified-tokens';
import { gatewayRoot } from './composition';

export interface GatewayOptions {
  /**
   * Where each subgraph (by its name in subgraphs.json) is served. The partners' webhook and the
   * library's feed are forwarded to the same servers (the URL without `/graphql`).
   */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Verifies the callers' bearer tokens (RS256 against the identity provider's JWKS). */
  readonly verifier: TokenVerifier;
  /** Shared with the subgraphs: signs the identity forwarded to them. */
  readonly identitySecret: string;
  readonly host?: string;
  readonly port?: number;
  /** A port bound in advance (listenForGateway); host and port are then ignored. */
  readonly listener?: GatewayListener;
  /** Production hides introspection. */
  readonly production?: boolean;
  /** Depth, alias, cost and token limits per operation. */
  readonly limits?: Partial<GraphqlLimits>;
  readonly logger?: Logger;
  /** All-in-one development only: serves GET /dev/users and POST /dev/token for demo users. */
  readonly developmentIssuer?: DevelopmentIssuer;
  /** The intranet page's built files (web/dist), served at / beside the graph; none: not served. */
  readonly webRoot?: string;
  /** The composed supergraph; defaults to the one the build wrote. */
  readonly supergraphSdl?: string;
  /**
   * The identity provider's JWKS, forwarded at /.well-known/jwks.json when there is no
   * development issuer (whose keys are served there instead).
   */
  readonly jwksUrl?: string;
  /** Limits of the forwarded paths (body size, time to answer). */
  readonly forwarding?: ForwardOptions;
  /** /health/ready: whether what stands behind the gateway can work (default: always). */
  readonly ready?: () => Promise<boolean>;
}

export interface RunningGateway {
  /** The graph: `<origin>/graphql`. */
  readonly url: string;
  /** The one origin everything is reached at, e.g. `http://127.0.0.1:4000`. */
  readonly origin: string;
  /** The port bound (the one chosen, when 0 was asked for). */
  readonly port: number;
  stop(): Promise<void>;
}

/** The gateway's port, bound before the gateway (or anything behind it) has started. */
export interface GatewayListener {
  readonly host: string;
  readonly port: number;
  readonly server: Server;
  /** From now on requests go to this handler. */
  serve(handler: RequestListener): void;
  close(): Promise<void>;
}

/**
 * Binds the gateway's port first, so that the platform knows its own origin (port 0: the one
 * chosen) before the services that put it in links start, and a port in use fails the start
 * before any store is opened. Until the gateway serves, `/health/live` answers and everything
 * else is a 503 problem with Retry-After.
 */
export async function listenForGateway(
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<GatewayListener> {
  const host = options.host ?? '127.0.0.1';
  const starting = healthEndpoints('gateway', { ready: () => Promise.resolve(false) });
  let handler: RequestListener = (request, response) =>
    starting(request, response, () => {
      response.setHeader('retry-after', '1');
      sendProblem(response, {
        status: 503,
        title: 'Starting',
        detail: 'The platform is starting; try again shortly',
        code: 'STARTING',
      });
    });
  const server: Server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    host,
    port,
    server,
    serve(next) {
      handler = next;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // idle keep-alive connections would hold close() open
      });
      return closed;
    },
  };
}

export function loadSupergraph(): string {
  return readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8');
}

interface GatewayContext {
  readonly identity: Identity;
  readonly correlationId: string;
  /** The identity signed for the subgraphs: signed once per request, sent with each of its calls. */
  readonly forwardedHeaders: () => Readonly<Record<string, string>>;
}

async function authenticate(
  verifier: TokenVerifier,
  identitySecret: string,
  authorization: string | undefined,
  correlationId: string,
): Promise<GatewayContext> {
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  try {
    if (!token) throw new Error('missing bearer token');
    const identity = await verifier.verify(token);
    let signed: Readonly<Record<string, string>> | undefined;
    const forwardedHeaders = () => (signed ??= signIdentity(identity, identitySecret));
    return { identity, correlationId, forwardedHeaders };
  } catch {
    throw new GraphQLError('Sign in: a valid bearer token is required', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

/** Forwards the verified identity to subgraphs, signed so that they can tell the gateway sent it. */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, fetcher: SubgraphClient['fetcher']) {
    super({ url, fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { forwardedHeaders, correlationId } = context as Partial<GatewayContext>;
    if (correlationId) request.http?.headers.set(CORRELATION_HEADER, correlationId);
    // The gateway's own health checks carry no identity.
    for (const [name, value] of Object.entries(forwardedHeaders?.() ?? {})) {
      request.http?.headers.set(name, value);
    }
  }
}

/**
 * The federated gateway: Apollo Gateway on the supergraph composed at build time (no runtime
 * introspection of subgraphs), served by Apollo Server 5 on Express 5 at /graphql.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway otherwise probes cloud metadata services and ships usage metrics to Apollo:
  // nothing about a police force's graph leaves the network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const client = subgraphClient();
  const verifier = rememberVerifiedTokens(options.verifier);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? loadSupergraph(),
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new IdentityForwardingDataSource(url, client.fetcher);
    },
  });
  const logger = options.logger ?? silentLogger;
  // Only a code and a message leave the gateway; a subgraph's raw error text never does.
  const formatError = (received: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A refusal by the query limits keeps its own code, which Apollo would report as a failed
    // validation like any other.
    const refusal = platformErrorIn(error);
    const formatted =
      refusal instanceof QueryTooComplex
        ? { ...received, extensions: { ...received.extensions, code: refusal.code } }
        : received;
    if (!isTypedError(formatted.extensions, formatted.message))
      logger.warn('error masked', {
        code: formatted.extensions?.code,
        serviceName: formatted.extensions?.serviceName,
        path: formatted.path?.join('.'),
      });
    return formatGatewayError(formatted);
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // Suggestions would let a caller explore a production schema with introspection off.
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    validationRules: graphqlLimits(options.limits),
    parseOptions: { maxTokens: options.limits?.maxTokens ?? DEFAULT_GRAPHQL_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    // The process decides when to stop (see runUntilStopped), in order: gateway, services, stores.
    stopOnTerminationSignals: false,
    // Text with NUL characters or unpaired surrogates is BAD_USER_INPUT before any subgraph sees it.
    // No cache hints: every answer is private to its caller, and computing them wraps every field
    // resolver of every request.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      wellFormedInputPlugin<GatewayContext>(),
    ],
    formatError,
  });
  await apollo.start().catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(correlateRequests(logger));
  app.use(healthEndpoints('gateway', { ready: options.ready ?? (() => Promise.resolve(true)) }));
  if (options.developmentIssuer) app.use('/dev', developmentRoutes(options.developmentIssuer));
  // The services' own public paths, so that people and partners need know one origin only.
  const serviceUrl = (name: string) => {
    const url = options.subgraphUrls[name];
    if (!url) throw new Error(`No URL configured for subgraph ${name}`);
    return serviceBase(url);
  };
  app.use(
    publicRoutes({
      services: { partners: serviceUrl('partners'), dissemination: serviceUrl('dissemination') },
      ...(options.developmentIssuer
        ? { jwks: { keys: options.developmentIssuer.jwks } }
        : options.jwksUrl
          ? { jwks: { url: options.jwksUrl } }
          : {}),
      forwarding: { logger, ...options.forwarding },
    }),
  );
  app.use(
    '/graphql',
    express.json(jsonBodyOptions(GRAPHQL_BODY_LIMIT)),
    requireJsonBody,
    expressMiddleware(apollo, {
      context: ({ req }) =>
        authenticate(
          verifier,
          options.identitySecret,
          req.headers.authorization,
          String(req.headers[CORRELATION_HEADER]),
        ),
    }),
  );
  // After the graph and the health endpoints, so the page's fallback never answers for them.
  if (options.webRoot) app.use(webPage(options.webRoot));
  // Whatever went wrong, and whatever nothing answered, is a problem document, never HTML.
  app.use(answerNotFound);
  app.use(answerErrorsWithProblems(logger));
  const listener =
    options.listener ??
    (await listenForGateway({
      ...(options.host ? { host: options.host } : {}),
      port: options.port ?? 4000,
    }).catch(async (error: unknown) => {
      await apollo.stop();
      await client.close();
      throw error;
    }));
  listener.serve(app);
  const origin = `http://${listener.host}:${listener.port}`;
  const url = `${origin}/graphql`;
  logger.info('gateway listening', { url });
  return {
    url,
    origin,
    port: listener.port,
    async stop() {
      await apollo.stop();
      await listener.close();
      await client.close();
    },
  };
}
