// Event-sourcing kit benchmark. Every figure is printed beside a baseline measured in the same run
// on the same engine: appends beside a raw multi-row INSERT of the same rows into the same table,
// read-all beside a raw ordered scan, projection rebuilds beside the read-all rate alone.
// Usage: npm run bench -w packages/eventing   (PostgreSQL and MongoDB parts need the engines up)
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@ebp/contracts';
import {
  MongoDocumentStore,
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  createPgliteClient,
  rebuildProjection,
  type DocumentStore,
  type ProjectionDefinition,
  type SqlClient,
} from '../src';
import { benchPostgres, writeBenchResults } from '../src/testing';

const quick = process.env.EBP_BENCH_QUICK === '1';
const scale = (full: number) => (quick ? Math.max(1, Math.round(full / 10)) : full);

interface Row {
  engine: string;
  measure: string;
  writers?: number;
  batchSize?: number;
  events: number;
  oursPerSecond: number;
  baselinePerSecond: number;
  baseline: string;
  ratio: number;
}
const rows: Row[] = [];

function event(streamVersionHint: number): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'bench.project.progress-reported',
    schemaVersion: 1,
    data: {
      summary: 'Fieldwork on schedule; 40 of 60 sites visited.',
      sites: streamVersionHint % 60,
    },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'person', id: 'bench' },
      recordedAt: new Date().toISOString(),
      classification: 'OFFICIAL',
    },
  };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The baseline: the same rows, one multi-row INSERT per batch, no checks, into the same table. */
async function rawInsert(
  sql: SqlClient,
  streamId: string,
  events: readonly EventEnvelope[],
  firstVersion: number,
): Promise<void> {
  const params: unknown[] = [];
  const values = events.map((item, index) => {
    params.push(
      item.id,
      streamId,
      firstVersion + index,
      item.type,
      1,
      JSON.stringify(item.data),
      JSON.stringify(item.metadata),
      item.metadata.recordedAt,
    );
    const base = index * 8;
    return `($${base + 1}::uuid, $${base + 2}, $${base + 3}::integer, $${base + 4}, $${base + 5}::integer, $${base + 6}::jsonb, $${base + 7}::jsonb, $${base + 8}::timestamptz)`;
  });
  await sql.query(
    `insert into ebp_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at) values ${values.join(', ')}`,
    params,
  );
}

async function appendBench(
  engine: string,
  sql: SqlClient,
  store: SqlEventStore,
  writers: number,
  batchSize: number,
  total: number,
): Promise<void> {
  const perWriter = Math.max(1, Math.floor(total / writers / batchSize));
  const run = randomUUID().slice(0, 8);
  const batches = (writer: number) =>
    Array.from({ length: perWriter }, (_, batch) =>
      Array.from({ length: batchSize }, (__, index) => event(batch * batchSize + index + writer)),
    );
  const oursData = Array.from({ length: writers }, (_, writer) => batches(writer));
  const rawData = Array.from({ length: writers }, (_, writer) => batches(writer));
  const events = writers * perWriter * batchSize;
  const ours = await timed(async () => {
    await Promise.all(
      oursData.map(async (writerBatches, writer) => {
        let version = 0;
        for (const batch of writerBatches) {
          await store.append(`bench-${run}-ours-${writer}`, batch, {
            expectedVersion: version === 0 ? 'no_stream' : version,
          });
          version += batch.length;
        }
      }),
    );
  });
  const raw = await timed(async () => {
    await Promise.all(
      rawData.map(async (writerBatches, writer) => {
        let version = 1;
        for (const batch of writerBatches) {
          await rawInsert(sql, `bench-${run}-raw-${writer}`, batch, version);
          version += batch.length;
        }
      }),
    );
  });
  record({
    engine,
    measure: 'append',
    writers,
    batchSize,
    events,
    oursPerSecond: events / ours,
    baselinePerSecond: events / raw,
    baseline: 'raw multi-row INSERT, same rows, same table',
  });
}

async function readAllBench(engine: string, sql: SqlClient, store: SqlEventStore): Promise<void> {
  // Fresh statistics, as autovacuum keeps them in a running system: without them the planner
  // underestimates the rows after a checkpoint and sorts instead of walking the log-order index.
  await sql.query('analyze ebp_events');
  const total = await store.countAfter();
  let scanned = 0;
  const rawScan = async () => {
    scanned = 0;
    let last = 0n;
    for (;;) {
      // The text alias must not shadow the column: ordered by text, '10000' would sort before '9'.
      const { rows: page } = await sql.query<{ log_position: string }>(
        'select position::text as log_position, event_id, stream_id, stream_version, type, schema_version, data, metadata from ebp_events where position > $1 order by position limit 2000',
        [last.toString()],
      );
      if (page.length === 0) break;
      scanned += page.length;
      last = BigInt(page[page.length - 1]!.log_position);
    }
  };
  await rawScan(); // warm the cache for both
  const ours = await timed(async () => {
    let after: Parameters<SqlEventStore['readAll']>[0]['after'];
    for (;;) {
      const page = await store.readAll({ after, limit: 2_000 });
      if (page.length === 0) break;
      after = page[page.length - 1]!.position;
    }
  });
  const raw = await timed(rawScan);
  if (scanned !== total) throw new Error(`the raw scan read ${scanned} of ${total} events`);
  record({
    engine,
    measure: 'read-all',
    events: total,
    oursPerSecond: total / ours,
    baselinePerSecond: total / raw,
    baseline: 'raw ordered scan by position, same page size',
  });
}

interface Tally {
  count: number;
}
const tally: ProjectionDefinition<Tally> = {
  name: 'bench-tally',
  version: 1,
  handles: ['bench.project.progress-reported'],
  documentId: (item) => item.streamId,
  evolve: (current) => ({ count: (current?.count ?? 0) + 1 }),
};

async function rebuildBench(
  engine: string,
  store: SqlEventStore,
  checkpoints: SqlCheckpointStore,
  documents: DocumentStore,
  readAllRate: number,
): Promise<void> {
  const report = await rebuildProjection(
    store,
    checkpoints,
    documents,
    { ...tally, version: Date.now() },
    { batchSize: 2_000 },
  );
  record({
    engine,
    measure: 'projection rebuild',
    events: report.done,
    oursPerSecond: report.done / (report.elapsedMs / 1000),
    baselinePerSecond: readAllRate,
    baseline: 'read-all alone (same store, same run)',
  });
}

function record(row: Omit<Row, 'ratio'>): void {
  const full: Row = {
    ...row,
    oursPerSecond: Math.round(row.oursPerSecond),
    baselinePerSecond: Math.round(row.baselinePerSecond),
    ratio: Number((row.oursPerSecond / row.baselinePerSecond).toFixed(2)),
  };
  rows.push(full);
  const shape = full.writers ? `${full.writers} writer(s), batch ${full.batchSize}` : '';
  console.log(
    `${full.engine.padEnd(22)} ${full.measure.padEnd(19)} ${shape.padEnd(22)} ${String(full.events).padStart(7)} events  ` +
      `ours ${String(full.oursPerSecond).padStart(7)}/s  baseline ${String(full.baselinePerSecond).padStart(7)}/s  ratio ${full.ratio.toFixed(2)}`,
  );
}

async function benchSqlEngine(
  engine: string,
  sql: SqlClient,
  documents: () => Promise<[string, DocumentStore][]>,
): Promise<void> {
  const store = await SqlEventStore.open(sql);
  const checkpoints = await SqlCheckpointStore.open(sql);
  for (const writers of [1, 4]) {
    await appendBench(engine, sql, store, writers, 1, scale(writers === 1 ? 1_000 : 2_000));
    await appendBench(engine, sql, store, writers, 100, scale(40_000));
  }
  await readAllBench(engine, sql, store);
  const readRate = rows[rows.length - 1]!.oursPerSecond;
  for (const [name, store2] of await documents()) {
    await rebuildBench(`${engine} -> ${name}`, store, checkpoints, store2, readRate);
    await store2.close();
  }
}

async function main(): Promise<void> {
  console.log('bench: event-sourcing kit (packages/eventing)');
  console.log(
    `setup: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `events ~400 bytes of JSON; batch-1 runs ${scale(1_000)}/${scale(2_000)} events (1/4 writers), batch-100 runs ${scale(40_000)} events${quick ? ' (EBP_BENCH_QUICK)' : ''}`,
  );

  const pglite = await createPgliteClient();
  console.log('PGlite: in-memory database, one connection (4 writers share it)');
  await benchSqlEngine('PGlite', pglite, async () => [
    ['PGlite JSONB', await SqlDocumentStore.open(pglite)],
  ]);
  await pglite.close();

  const postgres = await benchPostgres(8);
  if (postgres) {
    console.log(`PostgreSQL: ${postgres.describe}, fsync and synchronous_commit as configured`);
    await benchSqlEngine('PostgreSQL', postgres.sql, async () => [
      ['PostgreSQL JSONB', await SqlDocumentStore.open(postgres.sql)],
      [
        'MongoDB (FerretDB)',
        await MongoDocumentStore.connect(postgres.config.mongo.url, postgres.schema),
      ],
    ]);
    await postgres.drop();
  } else {
    console.log('MongoDB: skipped with PostgreSQL');
  }
  writeBenchResults(join(__dirname, 'results'), 'eventing', quick, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
