// PGlite runs with fsync off, so its crash safety is shown here: a process appending to a PGlite
// data directory is killed with SIGKILL again and again; every append it acknowledged must be
// there afterwards, and no batch may be there in part.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteClient } from '../sql/pglite-client';
import { startWorker } from '../testing/worker-process';
import { SqlEventStore } from './sql-event-store';

const appender = join(__dirname, '..', 'testing', 'workers', 'pglite-appender.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PGlite event store under kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-pglite-crash-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged append and no partial batch across repeated crashes', async () => {
    const acknowledged: string[] = [];
    for (let run = 0; run < 4; run += 1) {
      const worker = startWorker(appender, { WORKER_DATA_DIR: dataDir, WORKER_RUN: `run${run}` });
      await worker.waitForLine((line) => line === 'appender started');
      await worker.waitForLine((line) => line.startsWith('ack '));
      await sleep(300 + Math.floor(Math.random() * 1_200));
      await worker.kill9();
      acknowledged.push(
        ...worker.lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4)),
      );
    }

    const sql = await createPgliteClient({ dataDir });
    const store = await SqlEventStore.open(sql);
    const events = await store.readAll({ limit: 1_000_000 });
    await sql.close();
    const perBatch = new Map<string, number>();
    for (const event of events) {
      const batchId = String(event.data.batchId);
      perBatch.set(batchId, (perBatch.get(batchId) ?? 0) + 1);
    }
    const partial = [...perBatch].filter(([, count]) => count !== 10);
    const missing = acknowledged.filter((batchId) => !perBatch.has(batchId));
    console.log(
      `PGlite crash test: 4 kills, ${acknowledged.length} acknowledged batches, ${perBatch.size} batches stored ` +
        `(${perBatch.size - acknowledged.length} committed but not yet acknowledged when killed)`,
    );
    expect(acknowledged.length).toBeGreaterThan(4);
    expect({ missing, partial }).toEqual({ missing: [], partial: [] });
  }, 180_000);
});
