// Gateway overhead benchmark: the same register query sent through the federated gateway (bearer
// token verified, query planned, identity signed and forwarded) and sent directly to the register
// subgraph (with the signed identity the gateway would forward), interleaved in the same run on
// the same all-in-one platform. Reports p50/p99 latency of each and their ratio.
// Usage: npm run bench -w @ebp/cli   (EBP_BENCH_QUICK=1 for a tenth of the requests)
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS, signIdentity } from '@ebp/platform';
import { startAllInOne } from '../src/all-in-one';
import { DEMO_LOADERS, loadDemoData } from '../src/demo/demo-data';
import { GraphClient } from '../src/graph-client';

const quick = process.env.EBP_BENCH_QUICK === '1';
const REQUESTS = quick ? 200 : 2_000;
const WARM_UP = quick ? 20 : 200;
const QUERY = `query($limit: Int) {
  researchProjects(limit: $limit, filter: { status: [in_progress, completed, approved] }) {
    total items { id title status plannedSmsLevel owningUnit }
  }
}`;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await send();
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`request failed: ${JSON.stringify(body)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const identitySecret = randomBytes(32).toString('base64url');
  const platform = await startAllInOne({ port: 0, identitySecret });
  try {
    const token = async (user: string) => platform.issuer!.tokenFor(user);
    const tokens = new Map<string, string>();
    for (const user of [...DEMO_LOADERS, 'vic']) tokens.set(user, await token(user));
    await loadDemoData((user) => new GraphClient(platform.url, tokens.get(user) ?? null));
    const body = JSON.stringify({ query: QUERY, variables: { limit: 20 } });
    const throughGateway = () =>
      fetch(platform.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.get('vic')}`,
        },
        body,
      });
    const direct = () =>
      fetch(platform.register.url, {
        method: 'POST',
        // A fresh signature per request, as the gateway makes one per forwarded request.
        headers: {
          'content-type': 'application/json',
          ...signIdentity(DEMO_USERS.vic!, identitySecret),
        },
        body,
      });
    for (let index = 0; index < WARM_UP; index += 1) {
      await timed(throughGateway);
      await timed(direct);
    }
    const gateway: number[] = [];
    const subgraph: number[] = [];
    // Interleaved, one at a time: both see the same machine state and the same data.
    for (let index = 0; index < REQUESTS; index += 1) {
      gateway.push(await timed(throughGateway));
      subgraph.push(await timed(direct));
    }
    gateway.sort((a, b) => a - b);
    subgraph.sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      setup: {
        mode: 'all-in-one (PGlite in memory), gateway and register subgraph over loopback HTTP',
        query: 'researchProjects: 3 statuses, 20 items, 5 fields each, as a viewer',
        data: 'demo data set (4 priorities, 13 projects)',
        requests: REQUESTS,
        warmUp: WARM_UP,
        concurrency: 1,
        node: process.version,
        cpus: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
      },
      gateway: { p50Ms: round(percentile(gateway, 50)), p99Ms: round(percentile(gateway, 99)) },
      direct: { p50Ms: round(percentile(subgraph, 50)), p99Ms: round(percentile(subgraph, 99)) },
    };
    const ratios = {
      p50: round(result.gateway.p50Ms / result.direct.p50Ms),
      p99: round(result.gateway.p99Ms / result.direct.p99Ms),
    };
    process.stdout.write(`Setup: ${JSON.stringify(result.setup, null, 2)}\n\n`);
    process.stdout.write('                      p50 ms    p99 ms\n');
    process.stdout.write(
      `through the gateway  ${result.gateway.p50Ms.toFixed(2).padStart(7)}   ${result.gateway.p99Ms.toFixed(2).padStart(7)}\n`,
    );
    process.stdout.write(
      `direct to subgraph   ${result.direct.p50Ms.toFixed(2).padStart(7)}   ${result.direct.p99Ms.toFixed(2).padStart(7)}\n`,
    );
    process.stdout.write(
      `gateway / direct     ${ratios.p50.toFixed(2).padStart(7)}x  ${ratios.p99.toFixed(2).padStart(7)}x\n`,
    );
    const folder = join(__dirname, 'results');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `gateway-${result.date.slice(0, 10)}${quick ? '-quick' : ''}.json`);
    writeFileSync(file, `${JSON.stringify({ ...result, ratios }, null, 2)}\n`);
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
