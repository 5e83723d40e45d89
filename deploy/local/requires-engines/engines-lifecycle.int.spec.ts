// The engines script itself, on a private engines home with its own ports: a second `up` reuses
// the cache and the data, `down --wipe` forgets the data, `down` leaves no process of ours behind,
// and a failed start names the engine and its log. The cache is shared with the main engines, so
// the expensive downloads and builds happen once per machine.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';

const repoRoot = resolve(__dirname, '..', '..', '..');
const script = join(repoRoot, 'deploy', 'local', 'engines');

interface Run {
  code: number;
  output: string;
  seconds: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs `action` while a stranger's listener holds `port`, then releases it. */
async function withPortHeld<T>(port: number, action: () => Promise<T>): Promise<T> {
  const stranger = createServer();
  await new Promise<void>((done) => stranger.listen(port, '127.0.0.1', done));
  try {
    return await action();
  } finally {
    await new Promise<void>((done) => stranger.close(() => done()));
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function processesUsing(path: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (commandLine.includes(path) && Number(entry) !== process.pid) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('deploy/local/engines lifecycle', () => {
  const home = mkdtempSync(join(tmpdir(), 'ebp-engines-'));
  const ports = { pg: 0, kafka: 0, controller: 0, mongo: 0, mongoDebug: 0 };
  let env: NodeJS.ProcessEnv = {};

  function engines(...args: string[]): Promise<Run> {
    const started = Date.now();
    return new Promise((done) => {
      execFile(script, args, { env, timeout: 300_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, output: `${stdout}${stderr}`, seconds: (Date.now() - started) / 1000 });
      });
    });
  }

  async function expectUp(...args: string[]): Promise<Run> {
    const run = await engines('up', ...args);
    if (run.code !== 0) throw new Error(`engines up failed:\n${run.output}`);
    return run;
  }

  beforeAll(async () => {
    for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();
    env = {
      ...process.env,
      EBP_ENGINES_HOME: home,
      EBP_ENGINES_CACHE:
        process.env.EBP_ENGINES_CACHE ?? join(repoRoot, '.local', 'engines', 'cache'),
      EBP_ENGINES_PG_PORT: String(ports.pg),
      EBP_ENGINES_KAFKA_PORT: String(ports.kafka),
      EBP_ENGINES_KAFKA_CONTROLLER_PORT: String(ports.controller),
      EBP_ENGINES_MONGO_PORT: String(ports.mongo),
      EBP_ENGINES_MONGO_DEBUG_PORT: String(ports.mongoDebug),
      EBP_ENGINES_TIMEOUT: '90',
    };
  });

  afterAll(async () => {
    await engines('down', '--wipe');
    rmSync(home, { recursive: true, force: true });
  });

  const pgUrl = () => `postgres://postgres@127.0.0.1:${ports.pg}/ebp`;
  const mongoUrl = () => `mongodb://127.0.0.1:${ports.mongo}/`;
  const kafka = () =>
    new Kafka({
      clientId: 'lifecycle',
      brokers: [`127.0.0.1:${ports.kafka}`],
      logLevel: logLevel.NOTHING,
    });

  async function writeMarkers(): Promise<void> {
    const pg = new Client({ connectionString: pgUrl() });
    await pg.connect();
    await pg.query("create table marker (note text); insert into marker values ('kept')");
    await pg.end();
    const mongo = new MongoClient(mongoUrl());
    await mongo.db('lifecycle').collection('marker').insertOne({ note: 'kept' });
    await mongo.close();
    const admin = kafka().admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'marker', numPartitions: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'marker', acks: -1, messages: [{ value: 'kept' }] });
    await producer.disconnect();
  }

  async function readMarkers(): Promise<{ pg: string[]; mongo: string[]; kafkaTopics: string[] }> {
    const pg = new Client({ connectionString: pgUrl() });
    await pg.connect();
    const exists = await pg.query<{ found: string | null }>(
      "select to_regclass('marker')::text as found",
    );
    const pgNotes = exists.rows[0]?.found
      ? (await pg.query<{ note: string }>('select note from marker')).rows.map((row) => row.note)
      : [];
    await pg.end();
    const mongo = new MongoClient(mongoUrl());
    const docs = await mongo
      .db('lifecycle')
      .collection<{ note: string }>('marker')
      .find()
      .toArray();
    await mongo.close();
    const admin = kafka().admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic === 'marker');
    const offsets = topics.length ? await admin.fetchTopicOffsets('marker') : [];
    await admin.disconnect();
    return {
      pg: pgNotes,
      mongo: docs.map((doc) => doc.note),
      kafkaTopics: offsets.map((partition) => `${'marker'}:${partition.high}`),
    };
  }

  async function expectNothingRunning(): Promise<void> {
    expect(processesUsing(home)).toEqual([]);
    const pidFiles = readdirSync(join(home, 'run')).filter((file) => file.endsWith('.pid'));
    expect(pidFiles).toEqual([]);
    // The PostgreSQL cluster may live outside the home (see the script), so check the ports too.
    for (const port of [ports.pg, ports.kafka, ports.controller, ports.mongo]) {
      expect(await isListening(port)).toBe(false);
    }
  }

  it('starts from the shared cache, keeps data across down/up, forgets it on --wipe, and leaves no process', async () => {
    const first = await expectUp();
    expect(first.output).toContain('kafka: using cached broker jars');
    expect(first.output).toContain('mongo: using cached FerretDB');
    expect(first.output).not.toContain('first run only');
    expect(first.output).toContain('postgres: creating a private cluster');
    await writeMarkers();

    const down = await engines('down');
    expect(down.code).toBe(0);
    await expectNothingRunning();

    const second = await expectUp();
    console.log(
      `engines up: first ${first.seconds}s (new data), second ${second.seconds}s (cached, data kept)`,
    );
    expect(second.output).not.toContain('creating a private cluster');
    expect(second.output).not.toContain('formatting KRaft storage');
    expect(await readMarkers()).toEqual({
      pg: ['kept'],
      mongo: ['kept'],
      kafkaTopics: ['marker:1'],
    });

    expect((await engines('down', '--wipe')).code).toBe(0);
    await expectNothingRunning();
    const afterWipe = await expectUp();
    expect(afterWipe.output).toContain('creating a private cluster');
    expect(afterWipe.output).toContain('formatting KRaft storage');
    expect(await readMarkers()).toEqual({ pg: [], mongo: [], kafkaTopics: [] });

    expect((await engines('down')).code).toBe(0);
    await expectNothingRunning();
  });

  it('reports which engine failed and where its log is when an engine dies while starting', async () => {
    const run = await withPortHeld(ports.mongoDebug, () => engines('up', 'mongo'));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`mongo failed; its log is ${join(home, 'log', 'mongo.log')}`);
    expect(run.output).toContain('the process exited while starting');
    expect(run.output).toContain('address already in use');
    await expectNothingRunning();
  });

  it('refuses to start an engine on a port another process holds', async () => {
    const run = await withPortHeld(ports.pg, () => engines('up', 'postgres'));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`postgres: port ${ports.pg} is already in use by another process`);
    await expectNothingRunning();
  });

  it('rejects unknown commands and engines with usage help', async () => {
    expect((await engines('launch')).code).toBe(2);
    const unknown = await engines('up', 'redis');
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain("unknown engine 'redis' (known: postgres kafka mongo)");
  });
});
