// Governance report benchmark: the replay behind `governanceReport` / `ebp report` over a history of
// a million events (the register's log and the other services' events it keeps), beside a raw
// ordered scan of the same rows on the same engine in the same run.
// Usage: npm run bench -w @ebp/register   (EBP_BENCH_QUICK=1: a tenth; PostgreSQL rows need the
// engines up: deploy/local/engines up)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  SqlEventArchive,
  SqlEventStore,
  createPgliteClient,
  type ArchivedEvent,
  type SqlClient,
  type StoredEvent,
} from '@ebp/eventing';
import { benchPostgres, writeBenchResults } from '@ebp/eventing/testing';
import { PROJECT_AUDIENCE_EVENT } from '@ebp/access';
import { buildGovernanceReport } from '../src/governance/governance-report';
import { replayGovernance } from '../src/governance/governance-replay';
import { OTHERS_TO_A, recordOtherService } from '../src/governance/governance-others.fixtures';
import { PRIORITIES_TO_A, recordHistory } from '../src/governance/governance.fixtures';
import { REPORT_FORMATS, renderReport } from '../src/governance/report-formats';
import type { ArchiveSource } from '../src/governance/governance-archive';
import type { ProjectCommand } from '../src/projects/project.decider';
import {
  COMMITTEE,
  LEAD,
  REVIEWER_A,
  aProposal,
  allMet,
  findings,
} from '../src/projects/project.fixtures';

const quick = process.env.EBP_BENCH_QUICK === '1';
const TOTAL = quick ? 100_000 : 1_000_000;
/** The other services' share of the history, as the register keeps it. */
const ARCHIVED_SHARE = 0.15;
const PAGE_SIZE = 5_000;
const ROUNDS = quick ? 1 : 3;
const AS_OF = '2026-12-31';
const TEMPLATE = 'bench-template';

interface Row {
  engine: string;
  measure: string;
  events: number;
  medianSeconds: number;
  oursPerSecond: number;
  baselinePerSecond: number;
  baseline: string;
  ratio: number;
}
const rows: Row[] = [];

/** One project's life: proposal to completion with twenty progress reports (27 events). */
const LIFE: readonly ProjectCommand[] = [
  {
    type: 'propose',
    projectId: TEMPLATE,
    proposal: aProposal({
      ethics: { status: 'not_required', reason: 'Uses only recorded crime counts.' },
    }),
    by: LEAD,
  },
  { type: 'submit', by: LEAD },
  {
    type: 'record-review',
    by: REVIEWER_A,
    verdict: 'meets_standards',
    checklist: allMet,
    comments: 'Reviewed against the national standards.',
  },
  { type: 'decide', decision: 'approve', by: COMMITTEE, reasons: 'Decided by the committee.' },
  { type: 'start', by: LEAD, today: '2024-02-01' },
  ...Array.from({ length: 20 }, (_, index) => ({
    type: 'report-progress' as const,
    by: LEAD,
    summary: `Progress report ${index + 1}: fieldwork on schedule, ${index * 3} of 60 sites visited.`,
  })),
  { type: 'complete', by: LEAD, findings: findings() },
];

/** The template events: one project written through the decider, and the other services' part. */
async function templates(): Promise<{
  project: StoredEvent[];
  priorities: StoredEvent[];
  others: [ArchiveSource, StoredEvent[]][];
}> {
  const sql = await createPgliteClient();
  const store = await SqlEventStore.open(sql);
  await recordHistory(
    store,
    LIFE.map((command, index) => [
      new Date(Date.parse('2024-01-01T09:00:00Z') + index * 86_400_000).toISOString(),
      TEMPLATE,
      command,
    ]),
    PRIORITIES_TO_A,
  );
  const all = await store.readAll({ limit: 1_000 });
  const others: [ArchiveSource, StoredEvent[]][] = [];
  for (const source of Object.keys(OTHERS_TO_A) as ArchiveSource[]) {
    const otherSql = await createPgliteClient();
    const otherStore = await SqlEventStore.open(otherSql);
    await recordOtherService(otherStore, source, OTHERS_TO_A[source]);
    others.push([source, await otherStore.readAll({ limit: 1_000 })]);
    await otherSql.close();
  }
  await sql.close();
  return {
    project: all.filter((event) => event.streamId.includes(TEMPLATE)),
    priorities: all.filter((event) => !event.streamId.includes(TEMPLATE)),
    others,
  };
}

/** Every id in the data made unique to copy `copy`, so that copies are distinct things. */
function distinct(value: unknown, copy: number, key = ''): unknown {
  if (typeof value === 'string') return /Id$/.test(key) ? `${value}-${copy}` : value;
  if (Array.isArray(value)) return value.map((item) => distinct(item, copy, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, distinct(item, copy, name)]),
    );
  return value;
}

async function insertRows(sql: SqlClient, events: readonly StoredEvent[]): Promise<void> {
  const params: unknown[] = [];
  const values = events.map((event, index) => {
    params.push(
      event.id,
      event.streamId,
      event.streamVersion,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.metadata.recordedAt,
    );
    const base = index * 8;
    return `($${base + 1}::uuid, $${base + 2}, $${base + 3}::integer, $${base + 4}, $${base + 5}::integer, $${base + 6}::jsonb, $${base + 7}::jsonb, $${base + 8}::timestamptz)`;
  });
  await sql.query(
    `insert into ebp_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at) values ${values.join(', ')}`,
    params,
  );
}

/** Seeds the history: copies of the template project, then of the other services' events. */
async function seed(sql: SqlClient): Promise<{ logged: number; archived: number }> {
  const { project, priorities, others } = await templates();
  await SqlEventStore.open(sql);
  const archive = await SqlEventArchive.open(sql);
  await insertRows(sql, priorities);
  const projectsWanted = Math.round((TOTAL * (1 - ARCHIVED_SHARE)) / project.length);
  let logged = priorities.length;
  let batch: StoredEvent[] = [];
  const flush = async () => {
    if (batch.length > 0) await insertRows(sql, batch);
    logged += batch.length;
    batch = [];
  };
  for (let copy = 0; copy < projectsWanted; copy += 1) {
    const projectId = `bench-${copy}`;
    // Projects start on different days over two and a half years.
    const shift = (copy % 900) * 86_400_000;
    for (const event of project) {
      batch.push({
        ...event,
        id: randomUUID(),
        streamId: event.streamId.replace(TEMPLATE, projectId),
        data: JSON.parse(JSON.stringify(event.data).replaceAll(TEMPLATE, projectId)) as Record<
          string,
          unknown
        >,
        metadata: {
          ...event.metadata,
          recordedAt: new Date(Date.parse(event.metadata.recordedAt) + shift).toISOString(),
        },
      });
      if (batch.length === 500) await flush();
    }
    progress('seeding the register', logged + batch.length, TOTAL);
  }
  await flush();
  const otherEvents = others.flatMap(([source, events]) =>
    events.map((event) => ({ source, event })),
  );
  let archived = 0;
  let copies: ArchivedEvent[] = [];
  for (let copy = 0; archived + copies.length < TOTAL - logged; copy += 1) {
    for (const { source, event } of otherEvents) {
      copies.push({
        eventId: randomUUID(),
        source,
        streamId: `${event.streamId}-${copy}`,
        streamVersion: event.streamVersion,
        type: event.type,
        data: distinct(event.data, copy) as Record<string, unknown>,
        recordedAt: event.metadata.recordedAt,
      });
      if (copies.length === 1_000) {
        await archive.keep(copies);
        archived += copies.length;
        copies = [];
      }
      if (archived + copies.length >= TOTAL - logged) break;
    }
    progress('seeding the other services’ events', logged + archived, TOTAL);
  }
  await archive.keep(copies);
  archived += copies.length;
  process.stdout.write('\n');
  await sql.query('analyze');
  return { logged, archived };
}

function progress(what: string, done: number, total: number): void {
  if (process.stdout.isTTY)
    process.stdout.write(`\r${what}: ${Math.floor((done / total) * 100)}%   `);
}

/** The baseline: both tables read in order, page by page, every column, nothing folded. */
async function rawOrderedScan(sql: SqlClient): Promise<number> {
  let read = 0;
  let position = '0';
  for (;;) {
    // The text alias must not shadow the column: ordered by text, '10000' would come before '9'.
    const { rows: page } = await sql.query<{ log_position: string }>(
      `select position::text as log_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at
       from ebp_events where position > $1 order by position limit ${PAGE_SIZE}`,
      [position],
    );
    if (page.length === 0) break;
    read += page.length;
    position = page.at(-1)!.log_position;
  }
  let after: unknown[] | undefined;
  for (;;) {
    const { rows: page } = await sql.query<{
      recorded_at: Date | string;
      source: string;
      stream_id: string;
      stream_version: number;
    }>(
      `select event_id, source, stream_id, stream_version, type, data, recorded_at from ebp_archived_events
       ${after ? 'where (recorded_at, source, stream_id, stream_version) > ($1::timestamptz, $2, $3, $4::integer)' : ''}
       order by recorded_at, source, stream_id, stream_version limit ${PAGE_SIZE}`,
      after ?? [],
    );
    if (page.length === 0) break;
    read += page.length;
    const last = page.at(-1)!;
    after = [
      new Date(last.recorded_at).toISOString(),
      last.source,
      last.stream_id,
      last.stream_version,
    ];
  }
  return read;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchEngine(engine: string, sql: SqlClient): Promise<void> {
  const started = Date.now();
  const { logged, archived } = await seed(sql);
  const events = logged + archived;
  console.log(
    `${engine}: seeded ${events.toLocaleString('en-GB')} events (${logged.toLocaleString('en-GB')} in the register's log, ${archived.toLocaleString('en-GB')} kept of other services) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  const history = { log: await SqlEventStore.open(sql), archive: await SqlEventArchive.open(sql) };
  const scanned = await rawOrderedScan(sql); // warms the cache for every measure alike
  if (scanned !== events) throw new Error(`the raw scan read ${scanned} of ${events} events`);
  // One untimed replay too: the first round of a quick run would otherwise time a cold JIT
  // against a raw scan that has already run once.
  await replayGovernance(history, AS_OF, { pageSize: PAGE_SIZE });
  let replayed = 0;
  const times = { raw: [] as number[], replay: [] as number[], report: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    times.raw.push(await timed(() => rawOrderedScan(sql)));
    times.replay.push(
      await timed(async () => {
        const inputs = await replayGovernance(history, AS_OF, { pageSize: PAGE_SIZE });
        replayed = (inputs.basis.events ?? 0) + (inputs.basis.otherServicesEvents ?? 0);
      }),
    );
    times.report.push(
      await timed(async () => {
        const report = buildGovernanceReport(
          await replayGovernance(history, AS_OF, { pageSize: PAGE_SIZE }),
        );
        for (const format of REPORT_FORMATS) renderReport(report, format);
      }),
    );
  }
  // Who may read a project is not a governance figure: the fold passes over audience changes.
  const { rows: audience } = await sql.query<{ count: string }>(
    'select count(*)::text as count from ebp_events where type = $1',
    [PROJECT_AUDIENCE_EVENT],
  );
  const folded = events - Number(audience[0]?.count ?? 0);
  if (replayed !== folded) throw new Error(`the replay folded ${replayed} of ${folded} events`);
  const raw = median(times.raw);
  const baseline = 'raw ordered scan of the same rows (both tables, same page size)';
  for (const [measure, seconds] of [
    ['governance replay', median(times.replay)],
    ['report, 4 formats', median(times.report)],
  ] as const)
    record({
      engine,
      measure,
      events,
      medianSeconds: Number(seconds.toFixed(2)),
      oursPerSecond: events / seconds,
      baselinePerSecond: events / raw,
      baseline,
    });
  console.log(`${engine.padEnd(12)} raw ordered scan: median ${raw.toFixed(2)} s`);
}

function record(row: Omit<Row, 'ratio'>): void {
  const full: Row = {
    ...row,
    oursPerSecond: Math.round(row.oursPerSecond),
    baselinePerSecond: Math.round(row.baselinePerSecond),
    ratio: Number((row.oursPerSecond / row.baselinePerSecond).toFixed(2)),
  };
  rows.push(full);
  console.log(
    `${full.engine.padEnd(12)} ${full.measure.padEnd(18)} ${full.events} events  median ${full.medianSeconds.toFixed(2)} s  ` +
      `ours ${String(full.oursPerSecond).padStart(7)}/s  baseline ${String(full.baselinePerSecond).padStart(7)}/s  ratio ${full.ratio.toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  console.log('bench: governance report replay (services/register)');
  console.log(
    `setup: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `${TOTAL.toLocaleString('en-GB')} events: ${Math.round((1 - ARCHIVED_SHARE) * 100)}% register (projects of 27 events each, proposal to completion), ` +
      `${Math.round(ARCHIVED_SHARE * 100)}% other services' events kept for governance; report as of ${AS_OF} (every event in it); ` +
      `page size ${PAGE_SIZE}; median of ${ROUNDS} round(s)${quick ? ' (EBP_BENCH_QUICK)' : ''}`,
  );

  const directory = mkdtempSync(join(tmpdir(), 'ebp-governance-bench-'));
  try {
    const pglite = await createPgliteClient({ dataDir: directory });
    console.log(`PGlite: data directory on disk (${directory}), one connection`);
    await benchEngine('PGlite', pglite);
    await pglite.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  const postgres = await benchPostgres(4);
  if (postgres) {
    console.log(`PostgreSQL: ${postgres.describe}`);
    try {
      await benchEngine('PostgreSQL', postgres.sql);
    } finally {
      await postgres.drop();
    }
  }
  writeBenchResults(join(__dirname, 'results'), 'governance', quick, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
