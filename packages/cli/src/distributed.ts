import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import express from 'express';
import { developmentRoutes } from '@ebp/gateway';
import {
  DEVELOPMENT_ISSUER,
  DevelopmentIssuer,
  silentLogger,
  type DistributedConfig,
  type Logger,
} from '@ebp/platform';

/** The repository root: the nearest folder up from here whose package.json has workspaces. */
export function repositoryRoot(from = __dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (
      existsSync(manifest) &&
      'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)
    )
      return folder;
    if (dirname(folder) === folder) throw new Error(`No repository root above ${from}`);
  }
}

/** The processes distributed mode runs: the subgraphs first, then the gateway that needs them. */
type Service = 'register' | 'community' | 'partners' | 'dissemination' | 'gateway';

export interface DistributedOptions {
  readonly engines: DistributedConfig;
  readonly gatewayPort?: number;
  readonly logger?: Logger;
  /** Where the children's JSON logs go (default: this process's standard output). */
  readonly childOutput?: (line: string) => void;
  /** EBP_DISSEMINATION_TARGETS for the dissemination service (`target-id=URL` pairs). */
  readonly disseminationTargets?: string;
  /** Shorter delivery retries (tests): EBP_DELIVERY_FIRST_RETRY_MS and EBP_DELIVERY_MAX_RETRY_MS. */
  readonly deliveryRetry?: { readonly firstDelayMs: number; readonly maxDelayMs: number };
  /** EBP_PUBLIC_URL for the links the library makes; default: the gateway's origin. */
  readonly publicUrl?: string;
  /**
   * The SMTP server and sender for digest e-mails (EBP_SMTP_HOST, EBP_SMTP_PORT, EBP_DIGEST_FROM)
   * and their period (EBP_DIGEST_PERIOD_SECONDS), for the dissemination service.
   */
  readonly digestMail?: {
    readonly host: string;
    readonly port: number;
    readonly from: string;
    readonly periodSeconds?: number;
  };
}

export interface RunningDistributed {
  /** The federated graph: `<origin>/graphql`. */
  readonly url: string;
  /**
   * The gateway's origin, the one port people and partners use: the graph, the library's feed,
   * the partner webhook, the JWKS and the health endpoints.
   */
  readonly origin: string;
  /** What links in the feed and deliveries start with. */
  readonly publicUrl: string;
  readonly devUrl: string;
  /** Each subgraph's own URL (it accepts only requests the gateway signed). */
  readonly subgraphUrls: Readonly<Record<Exclude<Service, 'gateway'>, string>>;
  readonly identitySecret: string;
  readonly issuer: DevelopmentIssuer;
  readonly processes: Readonly<Record<Service, ChildProcess>>;
  stop(): Promise<void>;
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The last lines a child wrote, to explain why it failed to start. */
const recentOutput = new WeakMap<ChildProcess, string[]>();

async function waitUntilReady(name: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `${name} exited (code ${child.exitCode}) while starting; its last output:\n${(recentOutput.get(child) ?? []).join('\n')}`,
      );
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready at ${url} within 90 s`);
}

/** A port nothing listens on now, on loopback (for processes the caller starts next). */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Distributed mode on one machine: every service and the gateway each in their own process on
 * PostgreSQL, Kafka and MongoDB, and, in this process, a development identity provider that
 * publishes its JWKS to the gateway and hands out demo users' tokens. The gateway is the one
 * origin: it forwards the library's feed and the partner webhook to their services and serves
 * the identity provider's JWKS.
 */
export async function startDistributed(options: DistributedOptions): Promise<RunningDistributed> {
  const logger = options.logger ?? silentLogger;
  const root = repositoryRoot();
  const issuer = await DevelopmentIssuer.create();
  const identityProvider = express();
  identityProvider.get('/.well-known/jwks.json', (_request, response) => {
    response.json(issuer.jwks);
  });
  identityProvider.use('/dev', developmentRoutes(issuer));
  const idpServer = createServer(identityProvider);
  const idpPort = await listen(idpServer);
  const idpUrl = `http://127.0.0.1:${idpPort}`;
  const identitySecret = randomBytes(32).toString('base64url');
  // Chosen now, so that the dissemination service can be told the platform's origin.
  const gatewayPort = options.gatewayPort || (await freePort());
  const publicUrl = (options.publicUrl ?? `http://localhost:${gatewayPort}`).replace(/\/$/, '');
  const { engines } = options;
  const common = {
    PATH: process.env.PATH,
    // The services' decorators need the compiler options of the base configuration.
    TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'),
    NODE_ENV: engines.nodeEnv,
    EBP_MODE: 'distributed',
    EBP_LOG_LEVEL: engines.logLevel,
    EBP_PG_URL: engines.postgres.url,
    EBP_KAFKA_BROKERS: engines.kafka.brokers.join(','),
    EBP_KAFKA_CLIENT_ID: engines.kafka.clientId,
    EBP_MONGO_URL: engines.mongo.url,
    EBP_MONGO_DATABASE: engines.mongo.database,
    EBP_IDENTITY_SECRET: identitySecret,
    // One run's ballot key (decision 0038): each run of the platform is its own deployment.
    EBP_SURVEY_BALLOT_SECRET: randomBytes(32).toString('base64url'),
    EBP_HTTP_HOST: '127.0.0.1',
  };
  const write = options.childOutput ?? ((line: string) => process.stdout.write(`${line}\n`));
  const run = (name: string, entry: string, env: Record<string, string | undefined>) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(root, entry)],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffered = '';
    const recent: string[] = [];
    recentOutput.set(child, recent);
    const forward = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        write(line);
        recent.push(line);
        if (recent.length > 20) recent.shift();
      }
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    child.on('exit', (code, signal) =>
      logger.info('process exited', { process: name, code, signal }),
    );
    return child;
  };
  const processes: Partial<Record<Service, ChildProcess>> = {};
  const stop = async () => {
    await Promise.all(Object.values(processes).map(stopChild));
    await new Promise<void>((resolve) => idpServer.close(() => resolve()));
  };
  try {
    const subgraphUrls = { register: '', community: '', partners: '', dissemination: '' };
    for (const service of ['register', 'community', 'partners', 'dissemination'] as const) {
      const port = await freePort();
      const child = run(service, `services/${service}/src/main.ts`, {
        ...common,
        EBP_HTTP_PORT: String(port),
        ...(service === 'dissemination'
          ? {
              EBP_PUBLIC_URL: publicUrl,
              ...(options.disseminationTargets
                ? { EBP_DISSEMINATION_TARGETS: options.disseminationTargets }
                : {}),
              ...(options.digestMail
                ? {
                    EBP_SMTP_HOST: options.digestMail.host,
                    EBP_SMTP_PORT: String(options.digestMail.port),
                    // A test server on the loopback interface, without TLS.
                    EBP_SMTP_REQUIRE_TLS: 'false',
                    EBP_DIGEST_FROM: options.digestMail.from,
                    ...(options.digestMail.periodSeconds
                      ? { EBP_DIGEST_PERIOD_SECONDS: String(options.digestMail.periodSeconds) }
                      : {}),
                  }
                : {}),
              ...(options.deliveryRetry
                ? {
                    EBP_DELIVERY_FIRST_RETRY_MS: String(options.deliveryRetry.firstDelayMs),
                    EBP_DELIVERY_MAX_RETRY_MS: String(options.deliveryRetry.maxDelayMs),
                  }
                : {}),
            }
          : {}),
      });
      processes[service] = child;
      await waitUntilReady(service, `http://127.0.0.1:${port}/health/ready`, child);
      subgraphUrls[service] = `http://127.0.0.1:${port}/graphql`;
    }
    processes.gateway = run('gateway', 'gateway/src/main.ts', {
      ...common,
      EBP_HTTP_PORT: String(gatewayPort),
      EBP_JWKS_URL: `${idpUrl}/.well-known/jwks.json`,
      EBP_JWT_ISSUER: DEVELOPMENT_ISSUER,
      EBP_REGISTER_URL: subgraphUrls.register,
      EBP_COMMUNITY_URL: subgraphUrls.community,
      EBP_PARTNERS_URL: subgraphUrls.partners,
      EBP_DISSEMINATION_URL: subgraphUrls.dissemination,
    });
    await waitUntilReady(
      'gateway',
      `http://127.0.0.1:${gatewayPort}/health/ready`,
      processes.gateway,
    );
    return {
      url: `http://127.0.0.1:${gatewayPort}/graphql`,
      origin: `http://127.0.0.1:${gatewayPort}`,
      publicUrl,
      devUrl: `${idpUrl}/dev`,
      subgraphUrls,
      identitySecret,
      issuer,
      processes: processes as Record<Service, ChildProcess>,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
