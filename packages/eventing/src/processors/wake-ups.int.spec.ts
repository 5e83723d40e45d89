import { silentLogger } from '@ebp/platform';
import type { StoredEvent } from '../event-store/event-store';
import { SqlEventStore } from '../event-store/sql-event-store';
import type { SqlClient } from '../sql/sql-client';
import { sqlStatements } from '../sql/statement-count';
import { testEvent } from '../testing/events';
import { sqlTargets } from '../testing/sql-targets';
import { SqlCheckpointStore } from './checkpoint-store';
import { EventProcessor } from './event-processor';
import { startServiceProcessing } from './service-processing';
import { withWakeUps } from './wake-signal';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (by polling the test's own memory, not the database) until `done` holds; false if never. */
async function eventually(done: () => boolean, withinMs = 20_000): Promise<boolean> {
  for (let waited = 0; waited < withinMs && !done(); waited += 20) await sleep(20);
  return done();
}

/** A handler that remembers the ids it saw. */
function collector() {
  const ids: string[] = [];
  return {
    ids,
    handle: async (events: readonly StoredEvent[]) => void ids.push(...events.map((e) => e.id)),
  };
}

/** Waits until no statement has been sent for 300 ms (at most 10 s). */
async function settled(): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 10_000; waited += 300) {
    const now = sqlStatements.since(new Map()).total;
    if (now === last) return;
    last = now;
    await sleep(300);
  }
}

// Long enough that nothing in these tests can be explained by the safety poll.
const NEVER_MS = 120_000;

describe.each(sqlTargets())('Wake-ups instead of polling on $name', (target) => {
  let sql: SqlClient;
  let writer: SqlEventStore | ReturnType<typeof withWakeUps>;
  let checkpoints: SqlCheckpointStore;
  let running: { stop(): Promise<void> }[];

  beforeEach(async () => {
    sql = await target.create();
    // The writer's store and the readers' are opened separately, as a service and the services
    // that read its log all-in-one do: they meet on the client's signal.
    writer = withWakeUps(await SqlEventStore.open(sql), sql);
    checkpoints = await SqlCheckpointStore.open(sql);
    running = [];
  });

  afterEach(async () => {
    for (const work of running) await work.stop();
    await sql.close();
  });

  const reader = async () => withWakeUps(await SqlEventStore.open(sql), sql);

  it('idle processors back off: a few statements in 2 s instead of four per processor per poll', async () => {
    const store = await reader();
    const seen = Array.from({ length: 5 }, () => collector());
    const processors = seen.map(
      (collected, index) =>
        new EventProcessor(store, checkpoints, { name: `idle-${index}`, handle: collected.handle }),
    );
    for (const processor of processors) processor.start();
    running.push(...processors);
    const first = testEvent();
    await writer.append('stream-idle', [first], { expectedVersion: 'no_stream' });
    expect(await eventually(() => seen.every((c) => c.ids.includes(first.id)))).toBe(true);

    await sleep(1_500);
    const before = sqlStatements.snapshot();
    await sleep(2_000);
    const idle = sqlStatements.since(before).total;
    // Polling every 100 ms as before: 5 processors × 20 polls × 4 statements = 400. Backed off,
    // each polls at most a couple of times here, one read (2 statements) each.
    expect(idle).toBeLessThan(5 * 2 * 3);
  });

  it('a waiting processor wakes on an append, without waiting for its safety poll', async () => {
    const collected = collector();
    const processor = new EventProcessor(await reader(), checkpoints, {
      name: 'wakes',
      pollIntervalMs: NEVER_MS,
      maxIdleMs: NEVER_MS,
      handle: collected.handle,
    });
    processor.start();
    running.push(processor);
    for (let round = 0; round < 3; round += 1) {
      const event = testEvent();
      await writer.append('stream-wake', [event], { expectedVersion: 'any' });
      expect(await eventually(() => collected.ids.includes(event.id))).toBe(true);
    }
    expect(collected.ids).toHaveLength(3);
  });

  it('service processing follows appends with its projectors and background work, and idles silently', async () => {
    const store = await reader();
    const projected = collector();
    const followed = collector();
    const processing = await startServiceProcessing({
      projectors: [
        new EventProcessor(store, checkpoints, { name: 'svc-projector', handle: projected.handle }),
      ],
      background: [
        new EventProcessor(store, checkpoints, { name: 'svc-reaction', handle: followed.handle }),
      ],
      pollIntervalMs: NEVER_MS,
      maxIdleMs: NEVER_MS,
      logger: silentLogger,
    });
    running.push(processing);
    const event = testEvent();
    await writer.append('stream-service', [event], { expectedVersion: 'no_stream' });
    expect(
      await eventually(() => projected.ids.includes(event.id) && followed.ids.includes(event.id)),
    ).toBe(true);

    // The passes that delivered it end with a checkpoint and a read that finds nothing more.
    await settled();
    const before = sqlStatements.snapshot();
    await sleep(1_000);
    // Caught up and nothing appended: no poll, and the leases (15 s) need no renewal yet.
    expect(sqlStatements.since(before).total).toBe(0);
    expect(processing.healthy()).toBe(true);
  });

  it('keeps the lease of a running instance on a timer, though it does not poll, until it stops', async () => {
    const options = { name: 'kept', leaseMs: 300, handle: async () => undefined };
    const active = new EventProcessor(await reader(), checkpoints, {
      ...options,
      pollIntervalMs: NEVER_MS,
      maxIdleMs: NEVER_MS,
    });
    const other = new EventProcessor(await reader(), checkpoints, options);
    active.start();
    await sleep(1_200); // four TTLs, and the active instance does not poll
    expect((await other.processBatch()).kind).toBe('standby');
    await active.stop();
    expect((await other.processBatch()).kind).not.toBe('standby');
    await other.stop();
  });
});
