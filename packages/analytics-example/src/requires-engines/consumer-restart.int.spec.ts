// The example analytics consumer on real Kafka: killed with SIGKILL in the middle of a load and
// started again, it ends with exactly the events produced, each once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaBus, logPosition, toBusMessage, type StoredEvent } from '@ebp/eventing';
import { loadEngineSettings } from '@ebp/platform';
import { AnalyticsStore } from '../analytics-store';

const EVENTS = 6_000;

function event(index: number): StoredEvent {
  return {
    id: randomUUID(),
    type: 'register.project.progress-reported',
    schemaVersion: 1,
    streamId: `project:load-${index % 50}`,
    streamVersion: Math.floor(index / 50) + 1,
    position: logPosition(1n, BigInt(index + 1)),
    data: { reportedBy: 'person-rae', summary: `Progress report number ${index}` },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'person', id: 'person-rae' },
      recordedAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
      classification: 'OFFICIAL',
    },
  };
}

describe('the example analytics consumer, killed and restarted during a load', () => {
  const engines = loadEngineSettings();
  const folder = mkdtempSync(join(tmpdir(), 'ebp-analytics-'));
  const path = join(folder, 'analytics.duckdb');
  const topic = `e2e.analytics.${randomUUID().slice(0, 8)}`;
  const group = `e2e-analytics-${randomUUID().slice(0, 8)}`;
  let bus: KafkaBus;

  beforeAll(async () => {
    bus = await KafkaBus.connect({ brokers: engines.kafka.brokers, clientId: 'e2e-analytics' });
    await bus.createTopics([{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    await bus.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The consumer as its own process; resolves with each progress line it prints. */
  function consumer(onLoaded: (loaded: number, child: ChildProcess) => void): ChildProcess {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(__dirname, '..', 'main.ts')],
      {
        env: {
          PATH: process.env.PATH,
          TSX_TSCONFIG_PATH: join(__dirname, '..', '..', '..', '..', 'tsconfig.base.json'),
          EBP_KAFKA_BROKERS: engines.kafka.brokers.join(','),
          EBP_ANALYTICS_DUCKDB: path,
          EBP_ANALYTICS_TOPICS: topic,
          EBP_ANALYTICS_GROUP: group,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const { loaded } = JSON.parse(line) as { loaded?: number };
        if (typeof loaded === 'number') onLoaded(loaded, child);
      }
    });
    return child;
  }

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve()
        : child.once('exit', () => resolve()),
    );

  it('ends with every event produced, each counted once', async () => {
    const produced = Array.from({ length: EVENTS }, (_, index) => event(index));
    // Half now; the other half while the first consumer is loading.
    const half = produced.length / 2;
    for (let start = 0; start < half; start += 500)
      await bus.publish(topic, produced.slice(start, start + 500).map(toBusMessage));

    let killedAt = -1;
    const first = consumer((loaded, child) => {
      if (killedAt < 0 && loaded > 0) {
        killedAt = loaded;
        child.kill('SIGKILL');
      }
    });
    for (let start = half; start < produced.length; start += 500)
      await bus.publish(topic, produced.slice(start, start + 500).map(toBusMessage));
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(EVENTS);

    let done: () => void = () => undefined;
    const complete = new Promise<void>((resolve) => (done = resolve));
    const second = consumer((loaded) => {
      if (loaded >= EVENTS) done();
    });
    await complete;
    second.kill('SIGTERM');
    await exited(second);

    const store = await AnalyticsStore.open(path);
    try {
      expect(await store.count()).toBe(EVENTS);
      const [row] = await store.query(
        'select count(distinct id) as ids, count(distinct stream_id) as streams from events',
      );
      expect(row).toEqual({ ids: String(EVENTS), streams: '50' });
      const ids = new Set(
        (await store.query('select id from events')).map((found) => String(found.id)),
      );
      expect(produced.every((sent) => ids.has(sent.id))).toBe(true);
    } finally {
      store.close();
    }
    process.stdout.write(
      `analytics consumer: killed with ${killedAt} of ${EVENTS} loaded; after restart ${EVENTS} rows, ${EVENTS} distinct ids\n`,
    );
  }, 180_000);
});
