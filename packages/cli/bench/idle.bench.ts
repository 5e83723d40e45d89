// Idle benchmark: the real all-in-one platform (every service and the gateway in this process, on
// the embedded database), measured from inside the process:
//   (1) idle: SQL statements per second while nothing happens for 10 s, by service (the process's
//       statement count, `sqlStatements`), right after start and again after the load below;
//   (2) wake-up latency: 1,000 events appended one at a time to the register's event store, each
//       timed from just before its append until a read model shows it: the register's own project
//       summaries (woken by the store's signal) and the partners' project audiences (another
//       service reading the register's log, woken by the same signal). p50/p99 printed.
// Baseline: the polling processors this replaced, measured in issue 19 on this machine kind (about
// 660 statements per second idle, processors polling every 100–200 ms); ratios are printed
// against it. Usage: npm run bench:idle -w @ebp/cli
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchResultsFile } from '@ebp/eventing/testing';
import { join } from 'node:path';
import {
  sqlStatements,
  type DocumentBody,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import type { EventEnvelope } from '@ebp/contracts';
import { startAllInOne } from '../src/all-in-one';
import { freePort } from '../src/distributed';

const IDLE_SECONDS = 10;
const EVENTS = Number(process.env.EBP_BENCH_EVENTS ?? 1_000);
const TARGET_STATEMENTS_PER_SECOND = 20;
const TARGET_P99_MS = 50;
const ISSUE_BASELINE_STATEMENTS_PER_SECOND = 660;
/** What the register records when who may read a project changes (@ebp/access names it too). */
const PROJECT_AUDIENCE_EVENT = 'register.project.audience-changed';
const EVERYONE = 'everyone';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface IdleFigures {
  readonly seconds: number;
  readonly total: number;
  readonly perSecond: number;
  readonly byService: Record<string, number>;
  readonly ratioToIssueBaseline: number;
}

async function idleFor(seconds: number): Promise<IdleFigures> {
  const before = sqlStatements.snapshot();
  await sleep(seconds * 1_000);
  const { byLabel, total } = sqlStatements.since(before);
  const perSecond = total / seconds;
  return {
    seconds,
    total,
    perSecond: Math.round(perSecond * 10) / 10,
    byService: Object.fromEntries([...byLabel].sort(([a], [b]) => a.localeCompare(b))),
    ratioToIssueBaseline:
      Math.round((perSecond / ISSUE_BASELINE_STATEMENTS_PER_SECOND) * 1000) / 1000,
  };
}

/** An event as the register records it, with the contract's envelope. */
function envelope(type: string, data: Record<string, unknown>): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'person', id: 'person-bench' },
      recordedAt: new Date().toISOString(),
      classification: 'OFFICIAL',
    },
  };
}

function proposal(index: number): Record<string, unknown> {
  return {
    title: `Idle benchmark project ${index}`,
    summary: 'A project recorded by the idle benchmark to time wake-ups.',
    researchQuestions: ['Does a new event reach the read models at once?'],
    ebpLevel: 'organisational',
    priorityIds: ['priority-bench'],
    design: 'Measurement',
    methods: ['crime-analysis'],
    plannedSmsLevel: 3,
    ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
    plannedStart: '2026-04-01',
    plannedEnd: '2027-03-31',
    owningUnit: 'Central West BCU',
    leadId: 'person-bench',
    ethics: { status: 'not_required', reason: 'A benchmark, not research on people.' },
    classification: 'OFFICIAL',
    outcomes: { primary: [{ name: 'Latency', measure: 'Milliseconds' }], secondary: [] },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Appends, then reads until the document is there; the time from before the append. */
async function timeToReadModel(
  store: EventStore,
  streamId: string,
  event: EventEnvelope,
  shows: () => Promise<boolean>,
): Promise<number> {
  const started = performance.now();
  await store.append(streamId, [event], { expectedVersion: 'any' });
  while (!(await shows())) {
    if (performance.now() - started > 10_000) throw new Error(`${event.type} never arrived`);
    await sleep(1);
  }
  return performance.now() - started;
}

function summary(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    events: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
  };
}

/** The partners' audience view, which the all-in-one partners keep from the register's log. */
function partnersAudiences(runtime: object): () => Promise<DocumentCollection<DocumentBody>> {
  const candidate = (runtime as { projectAudiences?: unknown }).projectAudiences;
  if (typeof candidate !== 'function') throw new Error('The partners runtime has no audience view');
  return candidate as () => Promise<DocumentCollection<DocumentBody>>;
}

async function main(): Promise<void> {
  const setup = {
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
    platform: 'startAllInOne in this process, in memory (no data directory), no demo data',
    idleSeconds: IDLE_SECONDS,
    events: EVENTS,
  };
  console.log('Setup:', setup);
  const platform = await startAllInOne({ port: await freePort() });
  try {
    const afterStart = await idleFor(IDLE_SECONDS);
    console.log(
      `Idle right after start: ${afterStart.perSecond} statements/s`,
      afterStart.byService,
    );

    const store = platform.register.runtime.store;
    const projects = platform.register.runtime.projects;
    const audiences = partnersAudiences(platform.partners.runtime);
    const own: number[] = [];
    const across: number[] = [];
    for (let index = 0; index < EVENTS; index += 1) {
      const projectId = `project-idle-${randomUUID()}`;
      const streamId = `project:${projectId}`;
      own.push(
        await timeToReadModel(
          store,
          streamId,
          envelope('register.project.proposed', {
            projectId,
            proposal: proposal(index),
            proposedBy: 'person-bench',
          }),
          async () => (await (await projects()).get(projectId)) !== undefined,
        ),
      );
      across.push(
        await timeToReadModel(
          store,
          streamId,
          envelope(PROJECT_AUDIENCE_EVENT, {
            entityId: projectId,
            classification: 'OFFICIAL',
            readers: [EVERYONE],
            revision: 1,
          }),
          async () => (await (await audiences()).get(projectId)) !== undefined,
        ),
      );
    }
    const ownFigures = summary(own);
    const acrossFigures = summary(across);
    console.log('Append → register project summaries:', ownFigures);
    console.log('Append → partners project audiences (another service):', acrossFigures);

    const afterLoad = await idleFor(IDLE_SECONDS);
    console.log(`Idle after the load: ${afterLoad.perSecond} statements/s`, afterLoad.byService);

    const results = {
      benchmark: 'idle',
      date: new Date().toISOString(),
      setup,
      baseline: {
        source: 'issue 19, polling processors, same machine kind',
        statementsPerSecond: ISSUE_BASELINE_STATEMENTS_PER_SECOND,
      },
      idle: { afterStart, afterLoad },
      wakeUpLatency: { ownService: ownFigures, anotherService: acrossFigures },
      targets: {
        statementsPerSecond: `< ${TARGET_STATEMENTS_PER_SECOND}`,
        p99Ms: `<= ${TARGET_P99_MS}`,
      },
      met: {
        idle:
          afterStart.perSecond < TARGET_STATEMENTS_PER_SECOND &&
          afterLoad.perSecond < TARGET_STATEMENTS_PER_SECOND,
        latency: ownFigures.p99Ms <= TARGET_P99_MS && acrossFigures.p99Ms <= TARGET_P99_MS,
      },
    };
    const file = benchResultsFile(join(__dirname, 'results'), 'idle', results.date);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log('Met:', results.met, '→', file);
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
