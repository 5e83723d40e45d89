import type { StoredEvent } from '../event-store/event-store';
import { SqlEventStore } from '../event-store/sql-event-store';
import type { SqlClient } from '../sql/sql-client';
import { testEvent } from '../testing/events';
import { sqlTargets } from '../testing/sql-targets';
import { CheckpointConflictError, SqlCheckpointStore } from './checkpoint-store';
import { EventProcessor } from './event-processor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(sqlTargets())('EventProcessor contract on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let checkpoints: SqlCheckpointStore;
  let written: string[];

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
    checkpoints = await SqlCheckpointStore.open(sql);
    written = [];
    for (let index = 0; index < 25; index += 1) {
      const events = [testEvent(), testEvent()];
      await store.append(`stream-${index % 4}`, events, { expectedVersion: 'any' });
      written.push(...events.map((event) => event.id));
    }
  });

  afterAll(async () => {
    await sql.close();
  });

  function collector() {
    const seen: StoredEvent[] = [];
    return { seen, handle: async (events: readonly StoredEvent[]) => void seen.push(...events) };
  }

  it('asks for the next batch while it handles a full one, and never delivers a batch twice after a failure', async () => {
    const reads: string[] = [];
    const watched = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'readAll') return Reflect.get(target, property, receiver) as unknown;
        return (options: Parameters<SqlEventStore['readAll']>[0]) => {
          reads.push(options.after ?? 'start');
          return target.readAll(options);
        };
      },
    });
    const seen: StoredEvent[] = [];
    let readsWhileHandling: number[] = [];
    let failOnce = true;
    const processor = new EventProcessor(watched, checkpoints, {
      name: 'p-read-ahead',
      batchSize: 10,
      handle: async (events) => {
        readsWhileHandling.push(reads.length);
        // The second batch fails once: its retry starts from the checkpoint again.
        if (seen.length === 10 && failOnce) {
          failOnce = false;
          throw new Error('handler failed');
        }
        seen.push(...events);
      },
    });
    await processor.processBatch();
    // The first batch was full: its successor was asked for before it was handled.
    expect(readsWhileHandling).toEqual([2]);
    await expect(processor.processBatch()).rejects.toThrow('handler failed');
    readsWhileHandling = [];
    expect(await processor.catchUp()).toBeGreaterThan(0);
    expect(seen.map((event) => event.id)).toEqual(written);
    await processor.stop();
  });

  it('delivers every event once, in global order, in batches, and continues from its checkpoint', async () => {
    const first = collector();
    const processor = new EventProcessor(store, checkpoints, {
      name: 'p-order',
      batchSize: 7,
      handle: first.handle,
    });
    expect(await processor.catchUp()).toBe(50);
    expect(first.seen.map((event) => event.id)).toEqual(written);
    expect(await checkpoints.position('p-order')).toBe(await store.headPosition());
    await processor.stop();

    const more = [testEvent(), testEvent(), testEvent()];
    await store.append('stream-late', more, { expectedVersion: 'no_stream' });
    const second = collector();
    const restarted = new EventProcessor(store, checkpoints, {
      name: 'p-order',
      handle: second.handle,
    });
    expect(await restarted.catchUp()).toBe(3);
    expect(second.seen.map((event) => event.id)).toEqual(more.map((event) => event.id));
    await restarted.stop();
    written.push(...more.map((event) => event.id));
  });

  it('redelivers a batch whose handler failed: the checkpoint moves only after success', async () => {
    let calls = 0;
    const delivered: string[] = [];
    const processor = new EventProcessor(store, checkpoints, {
      name: 'p-retry',
      batchSize: 10,
      handle: async (events) => {
        calls += 1;
        if (calls === 2) throw new Error('read model unavailable');
        delivered.push(...events.map((event) => event.id));
      },
    });
    await processor.processBatch();
    await expect(processor.processBatch()).rejects.toThrow('read model unavailable');
    await processor.catchUp();
    expect(delivered).toEqual(written);
    await processor.stop();
  });

  it('keeps one active instance per name; another takes over on release or when the lease lapses', async () => {
    const a = new EventProcessor(store, checkpoints, {
      name: 'p-lease',
      batchSize: 5,
      leaseMs: 400,
      handle: async () => {},
    });
    const b = new EventProcessor(store, checkpoints, {
      name: 'p-lease',
      batchSize: 5,
      leaseMs: 400,
      handle: async () => {},
    });
    expect((await a.processBatch()).kind).toBe('handled');
    expect((await b.processBatch()).kind).toBe('standby');
    await a.stop();
    expect((await b.processBatch()).kind).toBe('handled');
    // b "crashes": it never releases. a must wait for the lease to lapse.
    expect((await a.processBatch()).kind).toBe('standby');
    await sleep(600);
    expect((await a.processBatch()).kind).toBe('handled');
    await a.stop();
  });

  it('takes over at once when a sole process voids the leases a dead instance left', async () => {
    const dead = new EventProcessor(store, checkpoints, {
      name: 'p-void',
      batchSize: 5,
      leaseMs: 60_000,
      handle: async () => {},
    });
    const restarted = new EventProcessor(store, checkpoints, {
      name: 'p-void',
      batchSize: 5,
      leaseMs: 60_000,
      handle: async () => {},
    });
    expect((await dead.processBatch()).kind).toBe('handled');
    expect((await restarted.processBatch()).kind).toBe('standby');
    await checkpoints.releaseAllLeases();
    expect((await restarted.processBatch()).kind).toBe('handled');
    await restarted.stop();
  });

  it('refuses to move a checkpoint that another instance moved (compare-and-set)', async () => {
    let release: () => void = () => undefined;
    const slow = new EventProcessor(store, checkpoints, {
      name: 'p-cas',
      batchSize: 5,
      leaseMs: 200,
      handle: () => new Promise<void>((resolve) => (release = resolve)),
    });
    const fast = new EventProcessor(store, checkpoints, {
      name: 'p-cas',
      batchSize: 5,
      leaseMs: 200,
      handle: async () => {},
    });
    const pending = slow.processBatch();
    await sleep(400); // slow's lease lapses while its handler runs
    expect((await fast.processBatch()).kind).toBe('handled');
    release();
    await expect(pending).rejects.toBeInstanceOf(CheckpointConflictError);
    await fast.stop();
  });

  it('follows the log in the background until stopped', async () => {
    const seen = collector();
    const processor = new EventProcessor(store, checkpoints, {
      name: 'p-live',
      pollIntervalMs: 20,
      handle: seen.handle,
    });
    processor.start();
    const live = testEvent();
    await store.append('stream-live', [live], { expectedVersion: 'no_stream' });
    for (
      let waited = 0;
      waited < 100 && !seen.seen.some((event) => event.id === live.id);
      waited += 1
    )
      await sleep(50);
    await processor.stop();
    expect(seen.seen.map((event) => event.id)).toEqual([...written, live.id]);
    written.push(live.id);
  });
});
