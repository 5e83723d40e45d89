// Event-sourcing kit benchmark. Every figure is printed beside a baseline measured in the same run
// on the same engine: appends beside a raw multi-row INSERT of the same rows into the same table
// (and, on PostgreSQL, beside Emmett on the same payloads, interleaved over rounds), reads beside a
// raw select, projection rebuilds beside the read-all rate alone.
// Usage: npm run bench -w packages/eventing   (PostgreSQL and MongoDB parts need the engines up)
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventEnvelope } from '@ebp/contracts';
import { STREAM_DOES_NOT_EXIST, type Event } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  type PostgresEventStore,
} from '@event-driven-io/emmett-postgresql';
import {
  MongoDocumentStore,
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  REBUILD_BATCH_SIZE,
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
  /** Interleaved rounds; the figures are their medians. */
  rounds?: number;
  oursPerSecond: number;
  baselinePerSecond: number;
  baseline: string;
  /** Ours / baseline. */
  ratio: number;
  /** Emmett (PostgreSQL) on the same payloads in the same rounds, when it is a contender. */
  emmettPerSecond?: number;
  /** Ours / Emmett. */
  ratioToEmmett?: number;
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

type AppendContender = (
  streamId: string,
  batch: readonly EventEnvelope[],
  versionBefore: number,
) => Promise<unknown>;

interface AppendContenders {
  readonly ours: AppendContender;
  readonly emmett?: AppendContender;
  readonly raw: AppendContender;
}

const ROUNDS = 5;

/** Events a page when reading the whole log: the raw scan, read-all and the rebuilds alike. */
const LOG_PAGE = REBUILD_BATCH_SIZE;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function oursAppend(store: SqlEventStore): AppendContender {
  return (streamId, batch, versionBefore) =>
    store.append(streamId, batch, {
      expectedVersion: versionBefore === 0 ? 'no_stream' : versionBefore,
    });
}

function rawAppend(sql: SqlClient): AppendContender {
  return (streamId, batch, versionBefore) => rawInsert(sql, streamId, batch, versionBefore + 1);
}

type EmmettEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;

/** The same type, data and metadata, as Emmett's event shape. */
function emmettEvent(item: EventEnvelope): EmmettEvent {
  return { type: item.type, data: item.data, metadata: { ...item.metadata } };
}

function emmettAppend(emmett: PostgresEventStore): AppendContender {
  return (streamId, batch, versionBefore) =>
    emmett.appendToStream(streamId, batch.map(emmettEvent), {
      expectedStreamVersion: versionBefore === 0 ? STREAM_DOES_NOT_EXIST : BigInt(versionBefore),
    });
}

/** Events per second for one contender: `writers` concurrent writers, each on its own stream. */
async function appendRun(
  append: AppendContender,
  streamPrefix: string,
  writers: number,
  perWriter: number,
  batchSize: number,
): Promise<number> {
  const data = Array.from({ length: writers }, (_, writer) =>
    Array.from({ length: perWriter }, (_, batch) =>
      Array.from({ length: batchSize }, (__, index) => event(batch * batchSize + index + writer)),
    ),
  );
  const seconds = await timed(async () => {
    await Promise.all(
      data.map(async (writerBatches, writer) => {
        let version = 0;
        for (const batch of writerBatches) {
          await append(`${streamPrefix}-${writer}`, batch, version);
          version += batch.length;
        }
      }),
    );
  });
  return (writers * perWriter * batchSize) / seconds;
}

/** Ours, Emmett and raw in turn, ROUNDS times, on fresh streams; medians of the rounds. */
async function appendBench(
  engine: string,
  contenders: AppendContenders,
  writers: number,
  batchSize: number,
  total: number,
): Promise<void> {
  const perWriter = Math.max(1, Math.floor(total / writers / batchSize));
  const run = randomUUID().slice(0, 8);
  const rates = new Map<string, number[]>();
  const order = Object.entries(contenders).filter(
    (entry): entry is [string, AppendContender] => entry[1] !== undefined,
  );
  for (const [name, append] of order)
    await appendRun(append, `warm-${run}-${name}`, 1, 1, batchSize);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, append] of order) {
      const rate = await appendRun(
        append,
        `bench-${run}-${name}-r${round}`,
        writers,
        perWriter,
        batchSize,
      );
      rates.set(name, [...(rates.get(name) ?? []), rate]);
    }
  }
  const emmett = rates.get('emmett');
  record({
    engine,
    measure: 'append',
    writers,
    batchSize,
    events: writers * perWriter * batchSize,
    rounds: ROUNDS,
    oursPerSecond: median(rates.get('ours') ?? []),
    baselinePerSecond: median(rates.get('raw') ?? []),
    baseline: 'raw multi-row INSERT, same rows, same table',
    ...(emmett ? { emmettPerSecond: median(emmett) } : {}),
  });
}

/**
 * Reading one stream of the same events back: ours, Emmett's readStream and a raw ordered select,
 * in turn over ROUNDS rounds. Each reader must return every event, in order, once.
 */
async function readStreamBench(
  engine: string,
  sql: SqlClient,
  store: SqlEventStore,
  emmett: PostgresEventStore,
  total: number,
): Promise<void> {
  const streamId = `read-${randomUUID().slice(0, 8)}`;
  const events = Array.from({ length: total }, (_, index) => event(index));
  for (let start = 0; start < total; start += 100) {
    const batch = events.slice(start, start + 100);
    await oursAppend(store)(streamId, batch, start);
    await emmettAppend(emmett)(streamId, batch, start);
  }
  const expected = events.map((item) => item.metadata.correlationId).join(',');
  const check = (reader: string, correlationIds: readonly unknown[]) => {
    if (correlationIds.join(',') !== expected) {
      throw new Error(
        `${reader} returned ${correlationIds.length} of ${total} events, or out of order`,
      );
    }
  };
  const readers: [string, () => Promise<void>][] = [
    [
      'ours',
      async () =>
        check(
          'ours',
          (await store.readStream(streamId)).map((item) => item.metadata.correlationId),
        ),
    ],
    [
      'emmett',
      async () =>
        check(
          'Emmett',
          (await emmett.readStream(streamId)).events.map(
            (item) => (item.metadata as { correlationId?: unknown }).correlationId,
          ),
        ),
    ],
    [
      'raw',
      async () => {
        const { rows: read } = await sql.query<{ correlation_id: string }>(
          `select metadata->>'correlationId' as correlation_id, event_id, type, schema_version, data, metadata,
             transaction_id::text, position::text from ebp_events where stream_id = $1 order by stream_version`,
          [streamId],
        );
        check(
          'raw',
          read.map((row) => row.correlation_id),
        );
      },
    ],
  ];
  const rates = new Map<string, number[]>();
  for (const [, read] of readers) await read(); // warm the cache for all
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, read] of readers) {
      rates.set(name, [...(rates.get(name) ?? []), total / (await timed(read))]);
    }
  }
  record({
    engine,
    measure: 'read stream',
    events: total,
    rounds: ROUNDS,
    oursPerSecond: median(rates.get('ours') ?? []),
    baselinePerSecond: median(rates.get('raw') ?? []),
    baseline: 'raw select of the stream by version, same columns',
    emmettPerSecond: median(rates.get('emmett') ?? []),
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
        'select position::text as log_position, event_id, stream_id, stream_version, type, schema_version, data, metadata from ebp_events where position > $1 order by position limit $2',
        [last.toString(), LOG_PAGE],
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
      const page = await store.readAll({ after, limit: LOG_PAGE });
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
    { batchSize: LOG_PAGE },
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

function record(row: Omit<Row, 'ratio' | 'ratioToEmmett'>): void {
  const full: Row = {
    ...row,
    oursPerSecond: Math.round(row.oursPerSecond),
    baselinePerSecond: Math.round(row.baselinePerSecond),
    ratio: Number((row.oursPerSecond / row.baselinePerSecond).toFixed(2)),
    ...(row.emmettPerSecond === undefined
      ? {}
      : {
          emmettPerSecond: Math.round(row.emmettPerSecond),
          ratioToEmmett: Number((row.oursPerSecond / row.emmettPerSecond).toFixed(2)),
        }),
  };
  rows.push(full);
  const shape = full.writers ? `${full.writers} writer(s), batch ${full.batchSize}` : '';
  const emmett =
    full.emmettPerSecond === undefined
      ? ''
      : `  Emmett ${String(full.emmettPerSecond).padStart(7)}/s  ours/Emmett ${full.ratioToEmmett?.toFixed(2)}`;
  console.log(
    `${full.engine.padEnd(22)} ${full.measure.padEnd(19)} ${shape.padEnd(22)} ${String(full.events).padStart(7)} events  ` +
      `ours ${String(full.oursPerSecond).padStart(7)}/s  baseline ${String(full.baselinePerSecond).padStart(7)}/s  ours/baseline ${full.ratio.toFixed(2)}${emmett}`,
  );
}

async function benchSqlEngine(
  engine: string,
  sql: SqlClient,
  documents: () => Promise<[string, DocumentStore][]>,
  emmett?: PostgresEventStore,
): Promise<void> {
  const store = await SqlEventStore.open(sql);
  const checkpoints = await SqlCheckpointStore.open(sql);
  const contenders: AppendContenders = {
    ours: oursAppend(store),
    ...(emmett ? { emmett: emmettAppend(emmett) } : {}),
    raw: rawAppend(sql),
  };
  for (const writers of [1, 4]) {
    await appendBench(engine, contenders, writers, 1, scale(writers === 1 ? 1_000 : 2_000));
    await appendBench(engine, contenders, writers, 100, scale(40_000));
  }
  if (emmett) await readStreamBench(engine, sql, store, emmett, scale(20_000));
  await readAllBench(engine, sql, store);
  const readRate = rows[rows.length - 1]!.oursPerSecond;
  for (const [name, store2] of await documents()) {
    await rebuildBench(`${engine} -> ${name}`, store, checkpoints, store2, readRate);
    await store2.close();
  }
}

/** Emmett in a database of its own on the same server, so that its tables stand apart. */
async function emmettOnPostgres(
  sql: SqlClient,
  url: string,
): Promise<{ store: PostgresEventStore; drop: () => Promise<void> }> {
  const database = `emmett_bench_${Date.now().toString(36)}`;
  await sql.query(`create database ${database}`);
  const address = new URL(url);
  address.pathname = `/${database}`;
  const store = getPostgreSQLEventStore(address.toString());
  return {
    store,
    async drop() {
      await store.close();
      await sql.query(`drop database ${database} with (force)`);
    },
  };
}

/** A package's installed version: the nearest package.json above its entry point. */
function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name, { paths: [__dirname] }));
    for (; dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (parsed.name === name) return parsed.version ?? 'unknown';
    }
  } catch {
    // Not resolvable from here: reported as unknown.
  }
  return 'unknown';
}

async function setting(sql: SqlClient, query: string): Promise<string> {
  const { rows: found } = await sql.query<{ value: string }>(query);
  return found[0]?.value ?? 'unknown';
}

async function main(): Promise<void> {
  console.log('bench: event-sourcing kit (packages/eventing)');
  console.log(
    `setup: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `events ~400 bytes of JSON; batch-1 runs ${scale(1_000)}/${scale(2_000)} events (1/4 writers), batch-100 runs ${scale(40_000)} events; the log read ${LOG_PAGE} events a page${quick ? ' (EBP_BENCH_QUICK)' : ''}`,
  );

  const pglite = await createPgliteClient();
  console.log(
    `PGlite ${packageVersion('@electric-sql/pglite')} (${await setting(pglite, 'select version() as value')}): in-memory database, one connection (4 writers share it)`,
  );
  await benchSqlEngine('PGlite', pglite, async () => [
    ['PGlite JSONB', await SqlDocumentStore.open(pglite)],
  ]);
  await pglite.close();

  const postgres = await benchPostgres(8);
  if (postgres) {
    const emmett = await emmettOnPostgres(postgres.sql, postgres.config.postgres.url);
    console.log(
      `PostgreSQL ${await setting(postgres.sql, "select current_setting('server_version') as value")}: ${postgres.describe}; ` +
        `fsync ${await setting(postgres.sql, "select current_setting('fsync') as value")}, synchronous_commit ${await setting(postgres.sql, "select current_setting('synchronous_commit') as value")}; ` +
        `Emmett ${packageVersion('@event-driven-io/emmett-postgresql')} in its own database on the same server, default pool; ` +
        `${ROUNDS} interleaved rounds (ours, Emmett, raw), medians`,
    );
    await benchSqlEngine(
      'PostgreSQL',
      postgres.sql,
      async () => [
        ['PostgreSQL JSONB', await SqlDocumentStore.open(postgres.sql)],
        [
          'MongoDB (FerretDB)',
          await MongoDocumentStore.connect(postgres.config.mongo.url, postgres.schema),
        ],
      ],
      emmett.store,
    );
    await emmett.drop();
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
