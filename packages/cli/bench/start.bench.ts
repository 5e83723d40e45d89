// Start benchmark: the real all-in-one process as `npm start` runs it (the root start script's
// command, on the compiled output), measured from the outside:
//   (1) `start --demo` on a new data directory: time to the first answer, then resident memory
//       (VmRSS from /proc) once the demo data is loaded;
//   (2) `start` again on that directory (the demo data in it): time to the first answer and
//       resident memory after start and after a first cross-service query;
//   (3) baseline in the same run: the same start through tsx from the sources (the development
//       path, what `npm start` ran before) on the same directory;
//   (4) the cost of sharing one PGlite: alternating statements of two schema clients of one
//       embedded database against the same statements on a PGlite of their own.
// The previous layout (four PGlite instances) is no longer in the code; its figures from issue 19
// are printed beside ours: 16.5 s to the first answer, 1.13 GB resident without data and
// 1.26–1.58 GB with the demo data.
// Usage: npm run bench:start -w @ebp/cli   (EBP_BENCH_QUICK=1: step 3 and 4 shorter)
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { benchResultsFile } from '@ebp/eventing/testing';
import { join } from 'node:path';
import { EmbeddedDatabase, createPgliteClient, type SqlExecutor } from '@ebp/eventing';
import { freePort, repositoryRoot } from '../src/distributed';
import { rootScriptCommand, spawnPlatform, untilReady } from '../src/testing/platform-process';
import { GraphClient, developmentToken } from '../src/graph-client';

const quick = process.env.EBP_BENCH_QUICK === '1';
const TARGET_FIRST_ANSWER_MS = 5_000;
const TARGET_RSS_MB = 400;
const ISSUE_BASELINE = {
  firstAnswerMs: 16_500,
  rssNoDataMb: 1_130,
  rssDemoDataMb: '1,260–1,580',
};

const root = repositoryRoot();

/** The resident set of a process, in MB, from /proc (VmRSS; VmHWM is its peak). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat: unlike the wall-clock
 * time to the first answer, it does not grow with the other jobs sharing the machine.
 */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ", in ticks.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Started {
  readonly child: ChildProcess;
  readonly output: string[];
  readonly firstAnswerMs: number;
  readonly cpuSecondsToFirstAnswer: number;
  readonly origin: string;
}

/** Starts the platform and waits for its first answer (the gateway's /health/ready, polled). */
async function start(
  script: 'start' | 'start:dev',
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<Started> {
  const port = await freePort();
  const began = performance.now();
  const platform = spawnPlatform(script, { dataDir, port, extraArgs });
  await untilReady(platform, port, { timeoutMs: 300_000, pollMs: 50 });
  return {
    ...platform,
    firstAnswerMs: performance.now() - began,
    cpuSecondsToFirstAnswer: cpuSecondsOf(platform.child.pid!),
    origin: `http://127.0.0.1:${port}`,
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(output: string[], pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output.join(''))) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

/** A first cross-service query, as a viewer: proves the data is there and warms the caches. */
async function crossServiceQuery(origin: string): Promise<number> {
  const token = await developmentToken(`${origin}/dev`, 'vic');
  const graph = new GraphClient(`${origin}/graphql`, token);
  const answer = await graph.must<{ researchProjects: { items: unknown[] } }>(
    `{ researchProjects(limit: 10) { items { id title team { person { name } role }
       partners { role organisation { name } } publications { id title } } } }`,
  );
  return answer.researchProjects.items.length;
}

/** Microseconds per statement for `statements` alternating between the executors given. */
async function perStatementMicros(executors: readonly SqlExecutor[], statements: number) {
  const began = performance.now();
  for (let index = 0; index < statements; index += 1)
    await executors[index % executors.length]!.query('select $1::int as n', [index]);
  return ((performance.now() - began) * 1000) / statements;
}

async function sharingCost(statements: number) {
  const own = await createPgliteClient({ label: 'bench-own' });
  const database = await EmbeddedDatabase.open({ label: 'bench-embedded' });
  const alpha = await database.schemaClient('alpha');
  const beta = await database.schemaClient('beta');
  try {
    // Warm both, then interleave the three cells round by round.
    await perStatementMicros([own], 200);
    await perStatementMicros([alpha, beta], 200);
    const cells = {
      ownPglite: [] as number[],
      oneSchema: [] as number[],
      alternating: [] as number[],
    };
    for (let round = 0; round < 3; round += 1) {
      cells.ownPglite.push(await perStatementMicros([own], statements));
      cells.oneSchema.push(await perStatementMicros([alpha], statements));
      cells.alternating.push(await perStatementMicros([alpha, beta], statements));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const result = {
      statementsPerCell: statements,
      ownPgliteMicros: Math.round(median(cells.ownPglite)),
      schemaClientMicros: Math.round(median(cells.oneSchema)),
      alternatingSchemasMicros: Math.round(median(cells.alternating)),
    };
    return {
      ...result,
      schemaClientRatio: +(result.schemaClientMicros / result.ownPgliteMicros).toFixed(2),
      alternatingRatio: +(result.alternatingSchemasMicros / result.ownPgliteMicros).toFixed(2),
    };
  } finally {
    await own.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  // EBP_BENCH_SKIP_BUILD=1: measure the compiled output as it is (a tree another edit is changing).
  const skipBuild = process.env.EBP_BENCH_SKIP_BUILD === '1';
  const prepareBegan = performance.now();
  const prepare = skipBuild
    ? { status: null }
    : spawnSync('node', ['tools/start/prepare.mjs'], { cwd: root, stdio: 'inherit' });
  const prepareMs = performance.now() - prepareBegan;
  // A tree that does not type-check still has its last compiled output: measured, and said so.
  const buildSucceeded = prepare.status === 0;
  const upToDateBegan = performance.now();
  if (buildSucceeded)
    spawnSync('node', ['tools/start/prepare.mjs'], { cwd: root, stdio: 'inherit' });
  const prestartNothingChangedMs = buildSucceeded ? performance.now() - upToDateBegan : null;

  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-start-bench-'));
  try {
    // (1) A new data directory with the demo data.
    const fresh = await start('start', dataDir, ['--demo']);
    const freshNoData = memoryOf(fresh.child.pid!);
    await waitFor(fresh.output, /Demo data (loaded|already loaded)/, 900_000);
    await settle();
    const freshWithDemo = memoryOf(fresh.child.pid!);
    await stop(fresh.child);

    // (2) Restart on the directory with the demo data.
    const restarted = await start('start', dataDir);
    await settle();
    const restartedIdle = memoryOf(restarted.child.pid!);
    const projects = await crossServiceQuery(restarted.origin);
    await settle();
    const restartedQueried = memoryOf(restarted.child.pid!);
    await stop(restarted.child);

    // (3) Baseline: the same start through tsx from the sources.
    const throughTsx = await start('start:dev', dataDir);
    const throughTsxMemory = memoryOf(throughTsx.child.pid!);
    await stop(throughTsx.child);

    // (4) What sharing one PGlite costs per statement.
    const sharing = await sharingCost(quick ? 500 : 2_000);

    const figures = {
      prestartMs: {
        firstRun: Math.round(prepareMs),
        nothingChanged:
          prestartNothingChangedMs === null ? null : Math.round(prestartNothingChangedMs),
      },
      newDataDirectory: {
        firstAnswerMs: Math.round(fresh.firstAnswerMs),
        cpuSecondsToFirstAnswer: fresh.cpuSecondsToFirstAnswer,
        rssAtFirstAnswerMb: freshNoData.rssMb,
        rssWithDemoLoadedMb: freshWithDemo.rssMb,
        peakRssMb: freshWithDemo.peakMb,
      },
      restartWithDemoData: {
        firstAnswerMs: Math.round(restarted.firstAnswerMs),
        cpuSecondsToFirstAnswer: restarted.cpuSecondsToFirstAnswer,
        rssAfterStartMb: restartedIdle.rssMb,
        rssAfterFirstCrossServiceQueryMb: restartedQueried.rssMb,
        peakRssMb: restartedQueried.peakMb,
        projectsAnswered: projects,
      },
      baselineThroughTsx: {
        firstAnswerMs: Math.round(throughTsx.firstAnswerMs),
        cpuSecondsToFirstAnswer: throughTsx.cpuSecondsToFirstAnswer,
        rssAtFirstAnswerMb: throughTsxMemory.rssMb,
      },
      ratios: {
        firstAnswerCompiledOverTsx: +(restarted.firstAnswerMs / throughTsx.firstAnswerMs).toFixed(
          2,
        ),
        cpuToFirstAnswerCompiledOverTsx: +(
          restarted.cpuSecondsToFirstAnswer / throughTsx.cpuSecondsToFirstAnswer
        ).toFixed(2),
      },
      previousLayoutFromIssue19: ISSUE_BASELINE,
      targets: {
        firstAnswerMs: TARGET_FIRST_ANSWER_MS,
        rssWithDemoDataMb: TARGET_RSS_MB,
        firstAnswerMet: restarted.firstAnswerMs <= TARGET_FIRST_ANSWER_MS,
        rssMet: restartedQueried.rssMb <= TARGET_RSS_MB,
      },
      sharingOnePglite: sharing,
    };
    const setup = {
      command: [rootScriptCommand('start').program, ...rootScriptCommand('start').args].join(' '),
      buildSucceeded,
      buildSkipped: skipBuild,
      firstAnswer:
        'GET /health/ready answers 200 (every service ready), polled every 50 ms from spawn',
      memory: 'VmRSS of the platform process from /proc/<pid>/status, 2 s after the step',
      node: process.version,
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtEnd: loadavg().map((load) => +load.toFixed(1)),
    };
    process.stdout.write(`\nSetup: ${JSON.stringify(setup, null, 2)}\n`);
    process.stdout.write(`\nFigures: ${JSON.stringify(figures, null, 2)}\n`);
    const date = new Date().toISOString();
    const file = benchResultsFile(join(__dirname, 'results'), 'start', date, quick);
    writeFileSync(file, `${JSON.stringify({ date, setup, figures }, null, 2)}\n`);
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
