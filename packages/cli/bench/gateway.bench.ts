// Gateway benchmark: autocannon at concurrency 1, 8 and 32 against, in the same run on the same
// all-in-one platform with the demo data, interleaved round by round:
//   (a) a one-service list through our gateway,
//   (b) the cross-service query (register, community, partners, dissemination) through our gateway,
//   (c) the one-service list sent directly to the register subgraph with the identity the gateway
//       would forward (the floor: what the subgraph alone costs),
//   (d) (a) and (b) through Hive Gateway on the same supergraph and subgraphs, forwarding the same
//       signed identity per request.
// Reports requests/s, p50 and p99 per cell (medians over rounds) and the CPU each request costs the
// process (gateway + subgraphs + client all run in it), so that the gateway's own CPU per request
// is the list through it minus the list sent directly.
// Usage: npm run bench -w @ebp/cli   (EBP_BENCH_QUICK=1: one short round)
import { deepStrictEqual } from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { benchResultsFile } from '@ebp/eventing/testing';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { gatewayRoot } from '@ebp/gateway';
import { DEMO_USERS, signIdentity, type TokenVerifier } from '@ebp/platform';
import { startAllInOne } from '../src/all-in-one';
import { DEMO_LOADERS, loadDemoData } from '../src/demo/demo-data';
import { GraphClient } from '../src/graph-client';

const quick = process.env.EBP_BENCH_QUICK === '1';
const ROUNDS = quick ? 1 : 3;
const SECONDS_PER_CELL = quick ? 2 : 6;
// Per cell, before the first round: the embedded engine's WASM and the JIT reach their steady
// speed only after tens of seconds of queries.
const WARM_UP_SECONDS = quick ? 1 : 10;
const CONCURRENCIES = [1, 8, 32] as const;
const VIEWER = 'vic';
const PARTNER = 'uni';

const ONE_SERVICE_LIST = `{ researchProjects(limit: 20) { items { id title } } }`;
const CROSS_SERVICE = `{ researchProjects(limit: 10) { items { id title
  team { person { name } role }
  partners { role organisation { name } }
  publications { id title } } } }`;

type Target = 'gateway' | 'direct' | 'hive';
type QueryName = 'list' | 'crossService';

interface Cell {
  readonly name: string;
  readonly target: Target;
  readonly query: QueryName;
}

const CELLS: readonly Cell[] = [
  { name: '(a) list via gateway', target: 'gateway', query: 'list' },
  { name: '(b) cross-service via gateway', target: 'gateway', query: 'crossService' },
  { name: '(c) list direct to register', target: 'direct', query: 'list' },
  { name: '(d) list via Hive Gateway', target: 'hive', query: 'list' },
  { name: '(d) cross-service via Hive Gateway', target: 'hive', query: 'crossService' },
];

const QUERIES: Readonly<Record<QueryName, string>> = {
  list: ONE_SERVICE_LIST,
  crossService: CROSS_SERVICE,
};

interface Measurement {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMsPerRequest: number;
  readonly requests: number;
}

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** The median of the values measured (NaN: nothing measured), or null when there are none. */
function median(values: readonly number[]): number | null {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The supergraph the build composed, with each subgraph's URL where this run serves it. */
function supergraphServedAt(subgraphUrls: Readonly<Record<string, string>>): string {
  const sdl = readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8');
  return sdl.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (_match, name: string) => {
    const url = subgraphUrls[name];
    if (!url) throw new Error(`No URL for subgraph ${name}`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
}

/**
 * Hive Gateway doing what ours does per request: the caller's bearer token verified once, the
 * identity signed the way our gateway signs it, and sent to every subgraph as propagated headers
 * (which are part of Hive's in-flight deduplication key, so two users' queries never collapse).
 */
async function startHive(
  subgraphUrls: Readonly<Record<string, string>>,
  verifier: TokenVerifier,
  identitySecret: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const signed = new WeakMap<Request, Promise<Record<string, string>>>();
  const forwardedHeaders = (request: Request) => {
    let headers = signed.get(request);
    if (!headers) {
      const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
      headers = verifier.verify(token).then((identity) => signIdentity(identity, identitySecret));
      signed.set(request, headers);
    }
    return headers;
  };
  const runtime = createGatewayRuntime({
    supergraph: supergraphServedAt(subgraphUrls),
    logging: false,
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => forwardedHeaders(request) },
  });
  const server: Server = createServer((request, response) => {
    void runtime.requestListener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}

async function post(url: string, headers: Record<string, string>, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${url}: ${JSON.stringify(body)}`);
  return body.data;
}

/**
 * Waits until requests a cell left behind have finished (autocannon stops sending at the end of a
 * cell, but slow queries already sent still run), so that they neither slow nor bill the next cell.
 * Quiet: under 40% of a core used by this process over a quarter of a second (the services'
 * background work stays below that).
 */
async function settle(): Promise<void> {
  const windowMs = 250;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < windowMs * 0.4) return;
  }
}

/**
 * The process's CPU with no request in flight (the services' background work), in ms per second,
 * to be taken out of each cell's CPU so that what remains is what the requests cost.
 */
async function backgroundCpuMsPerSecond(): Promise<number> {
  await settle();
  const seconds = 2;
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / seconds;
}

/** The headers of each request: fixed (a bearer token), or made per request (a signed identity). */
type RequestHeaders = () => Record<string, string>;

async function measure(
  url: string,
  headers: RequestHeaders,
  query: string,
  connections: number,
  seconds: number,
  backgroundMsPerSecond: number,
): Promise<Measurement> {
  await settle();
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, ...headers() },
        }),
      },
    ],
    connections,
    pipelining: 1,
    duration: seconds,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const requests = result.requests.total;
  if (result.errors || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx of ${requests}`);
  }
  // No answer within the cell (a slow query on a busy machine): no latency nor CPU to report.
  if (requests === 0)
    return { requestsPerSecond: 0, p50Ms: NaN, p99Ms: NaN, cpuMsPerRequest: NaN, requests };
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMsPerRequest:
      ((cpu.user + cpu.system) / 1000 - backgroundMsPerSecond * result.duration) / requests,
    requests,
  };
}

async function main(): Promise<void> {
  const identitySecret = randomBytes(32).toString('base64url');
  const platform = await startAllInOne({ port: 0, identitySecret });
  const subgraphUrls = {
    register: platform.register.url,
    community: platform.community.url,
    partners: platform.partners.url,
    dissemination: platform.dissemination.url,
  };
  const issuer = platform.issuer!;
  const hive = await startHive(subgraphUrls, issuer.verifier(), identitySecret);
  try {
    const tokens = new Map<string, string>();
    for (const user of [...DEMO_LOADERS, VIEWER, PARTNER])
      tokens.set(user, await issuer.tokenFor(user));
    await loadDemoData((user) => new GraphClient(platform.url, tokens.get(user) ?? null));
    const bearer = { authorization: `Bearer ${tokens.get(VIEWER)}` };
    const urls: Readonly<Record<Target, string>> = {
      gateway: platform.url,
      direct: platform.register.url,
      hive: hive.url,
    };
    // The direct call is signed afresh for every request, as the gateway signs every request it
    // forwards (a subgraph remembers a signature it has verified: one reused would flatter it).
    const headersFor =
      (target: Target): RequestHeaders =>
      () =>
        target === 'direct' ? signIdentity(DEMO_USERS[VIEWER]!, identitySecret) : bearer;

    // Hive must answer exactly as ours does before anything is timed.
    for (const query of Object.values(QUERIES)) {
      const ours = await post(urls.gateway, bearer, query);
      deepStrictEqual(await post(urls.hive, bearer, query), ours);
    }
    deepStrictEqual(
      await post(urls.direct, headersFor('direct')(), ONE_SERVICE_LIST),
      await post(urls.gateway, bearer, ONE_SERVICE_LIST),
    );
    // Each caller's identity reaches the subgraphs through Hive: the viewer and the partner
    // organisation's user asking the same query at the same moment must get their own answers.
    const partner = { authorization: `Bearer ${tokens.get(PARTNER)}` };
    const [viewerViaHive, partnerViaHive] = await Promise.all([
      post(urls.hive, bearer, ONE_SERVICE_LIST),
      post(urls.hive, partner, ONE_SERVICE_LIST),
    ]);
    deepStrictEqual(viewerViaHive, await post(urls.gateway, bearer, ONE_SERVICE_LIST));
    deepStrictEqual(partnerViaHive, await post(urls.gateway, partner, ONE_SERVICE_LIST));
    process.stdout.write(
      'answers: Hive Gateway = ours = direct (list), Hive = ours (cross-service)\n',
    );

    for (const cell of CELLS) {
      await measure(
        urls[cell.target],
        headersFor(cell.target),
        QUERIES[cell.query],
        8,
        WARM_UP_SECONDS,
        0,
      );
    }
    const runs = new Map<string, Measurement[]>();
    const background: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const backgroundMsPerSecond = await backgroundCpuMsPerSecond();
      background.push(backgroundMsPerSecond);
      process.stdout.write(
        `round ${round + 1}: background CPU ${backgroundMsPerSecond.toFixed(1)} ms/s\n`,
      );
      for (const connections of CONCURRENCIES) {
        // Interleaved, the order rotated each round: every cell sees the same machine state.
        const order = CELLS.map((_, index) => CELLS[(index + round) % CELLS.length]!);
        for (const cell of order) {
          const measured = await measure(
            urls[cell.target],
            headersFor(cell.target),
            QUERIES[cell.query],
            connections,
            SECONDS_PER_CELL,
            backgroundMsPerSecond,
          );
          const key = `${cell.name} @${connections}`;
          runs.set(key, [...(runs.get(key) ?? []), measured]);
          process.stdout.write(
            `round ${round + 1} ${key}: ${measured.requestsPerSecond.toFixed(0)} req/s\n`,
          );
        }
      }
    }

    const cells = CONCURRENCIES.flatMap((connections) =>
      CELLS.map((cell) => {
        const measured = runs.get(`${cell.name} @${connections}`) ?? [];
        return {
          cell: cell.name,
          target: cell.target,
          query: cell.query,
          concurrency: connections,
          requestsPerSecond: round3(median(measured.map((m) => m.requestsPerSecond))),
          p50Ms: round3(median(measured.map((m) => m.p50Ms))),
          p99Ms: round3(median(measured.map((m) => m.p99Ms))),
          cpuMsPerRequest: round3(median(measured.map((m) => m.cpuMsPerRequest))),
        };
      }),
    );
    const find = (target: Target, query: QueryName, concurrency: number) =>
      cells.find((c) => c.target === target && c.query === query && c.concurrency === concurrency)!;
    const difference = (a: number | null, b: number | null) =>
      a === null || b === null ? null : round3(a - b);
    const ratio = (a: number | null, b: number | null) =>
      a === null || b === null || b === 0 ? null : round3(a / b);
    const ratios = CONCURRENCIES.map((concurrency) => {
      const ours = find('gateway', 'list', concurrency);
      const direct = find('direct', 'list', concurrency);
      const hive = find('hive', 'list', concurrency);
      return {
        concurrency,
        gatewayCpuMsPerRequestOverDirect: difference(ours.cpuMsPerRequest, direct.cpuMsPerRequest),
        hiveCpuMsPerRequestOverDirect: difference(hive.cpuMsPerRequest, direct.cpuMsPerRequest),
        listThroughputOursOverHive: ratio(ours.requestsPerSecond, hive.requestsPerSecond),
        crossServiceThroughputOursOverHive: ratio(
          find('gateway', 'crossService', concurrency).requestsPerSecond,
          find('hive', 'crossService', concurrency).requestsPerSecond,
        ),
        listThroughputGatewayOverDirect: ratio(ours.requestsPerSecond, direct.requestsPerSecond),
      };
    });
    const setup = {
      mode: 'all-in-one (PGlite in memory); gateways, subgraphs and autocannon in one process, loopback HTTP',
      queries: { list: ONE_SERVICE_LIST, crossService: CROSS_SERVICE.replace(/\s+/g, ' ') },
      viewer: VIEWER,
      data: 'demo data set',
      peer: 'Hive Gateway (createGatewayRuntime on node:http), same supergraph and subgraphs, identity via propagateHeaders.fromClientToSubgraphs',
      client:
        'autocannon, pipelining 1, duration per cell; the direct call signs each request afresh (setupRequest), as the gateway does',
      concurrencies: CONCURRENCIES,
      rounds: ROUNDS,
      secondsPerCell: SECONDS_PER_CELL,
      warmUpSeconds: WARM_UP_SECONDS,
      statistic:
        'median over interleaved rounds; CPU is process.cpuUsage (user+system) per request, less the idle background measured at the start of each round',
      backgroundCpuMsPerSecond: background.map(round3),
      node: process.version,
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    };
    process.stdout.write(`\nSetup: ${JSON.stringify(setup, null, 2)}\n\n`);
    process.stdout.write(`${'cell'.padEnd(38)} conc  req/s     p50 ms   p99 ms   CPU ms/req\n`);
    const shown = (value: number | null, digits: number, width: number) =>
      (value === null ? '-' : value.toFixed(digits)).padStart(width);
    for (const c of cells) {
      process.stdout.write(
        `${c.cell.padEnd(38)} ${String(c.concurrency).padStart(4)}  ${shown(c.requestsPerSecond, 0, 7)}  ${shown(c.p50Ms, 2, 7)}  ${shown(c.p99Ms, 2, 7)}  ${shown(c.cpuMsPerRequest, 3, 9)}\n`,
      );
    }
    process.stdout.write(`\nRatios: ${JSON.stringify(ratios, null, 2)}\n`);
    const date = new Date().toISOString();
    const file = benchResultsFile(join(__dirname, 'results'), 'gateway', date, quick);
    writeFileSync(file, `${JSON.stringify({ date, setup, cells, ratios }, null, 2)}\n`);
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await hive.stop();
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
