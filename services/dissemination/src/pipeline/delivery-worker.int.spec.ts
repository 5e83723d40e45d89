import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  serialized,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { silentLogger } from '@ebp/platform';
import { evidenceSummary } from '../library/library.fixtures';
import { libraryItemDecider, libraryItemStreamId } from '../library/library-item.decider';
import { deliveries } from '../projections/dissemination-read-models';
import { NationalBodyEndpoint, type Answer } from '../testing/national-body-endpoint';
import { deliveryDecider, deliveryIdFor, deliveryStreamId } from './delivery.decider';
import { DeliveryWorker } from './delivery-worker';
import { dispatchPublications } from './dispatch';
import type { DeliveryTarget } from './targets';

const policy = { maxAttempts: 4, firstDelayMs: 1_000, maxDelayMs: 60_000 };

describe.each(sqlTargets())('delivering library items to a national body, on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let documents: SqlDocumentStore;
  /** The deliveries read model's catch-up, one run at a time, as the service runtime does it. */
  let catchUp: () => Promise<void>;
  let clock: Date;
  const endpoints: NationalBodyEndpoint[] = [];

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
    documents = await SqlDocumentStore.open(sql);
    // One projector for the file: its checkpoint's lease belongs to one instance.
    const projector = createProjectionProcessor(
      store,
      await SqlCheckpointStore.open(sql),
      documents,
      deliveries,
    );
    catchUp = serialized(async () => void (await projector.catchUp()));
  });

  afterAll(async () => {
    for (const endpoint of endpoints) await endpoint.down();
    await sql.close();
  });

  /** A published item, scheduled for one target, and the pieces to deliver it. */
  async function publishedTo(
    answer: (body: string) => Answer,
    options: { down?: boolean; sensitive?: boolean } = {},
  ) {
    const endpoint = await NationalBodyEndpoint.open((delivery) => answer(delivery.body), options);
    endpoints.push(endpoint);
    const targets: DeliveryTarget[] = [
      {
        id: 'knowledge-hub',
        name: 'Knowledge Hub',
        format: 'atom',
        url: endpoint.url,
      },
    ];
    clock = new Date('2026-11-26T10:00:00.000Z');
    const now = () => clock;
    const itemId = `item-${randomUUID()}`;
    const context = () => ({
      commandId: randomUUID(),
      actor: { kind: 'person' as const, id: 'person-ed' },
      now: now(),
      classification: 'OFFICIAL' as const,
    });
    const items = new CommandHandler(store, libraryItemDecider);
    const stream = libraryItemStreamId(itemId);
    await items.handle(
      stream,
      {
        type: 'draft',
        itemId,
        source: { kind: 'editor' },
        content: evidenceSummary({
          title: `Knife arches at stations ${itemId}`,
          ...(options.sensitive ? { classification: 'OFFICIAL_SENSITIVE' } : {}),
        }),
        by: 'person-ed',
      },
      context(),
    );
    const { events } = await items.handle(
      stream,
      { type: 'publish', itemId, by: 'person-ed' },
      context(),
    );
    const [published] = await store.readStream(stream, { fromVersion: 2 });
    expect(published?.id).toBe(events[0]?.id);
    const dispatch = dispatchPublications(new CommandHandler(store, deliveryDecider), targets);
    await dispatch(published!);
    if (options.sensitive) {
      // An OFFICIAL-SENSITIVE version leaves only with a release naming the target.
      await items.handle(
        stream,
        {
          type: 'release',
          itemId,
          version: 1,
          targetIds: ['knowledge-hub'],
          justification: 'The hub shares it with forces that need it',
          by: 'person-cat',
        },
        context(),
      );
      const [released] = await store.readStream(stream, { fromVersion: 3 });
      await dispatch(released!);
    }
    const worker = () =>
      new DeliveryWorker({
        store,
        deliveries: () => liveCollection(documents, deliveries),
        targets,
        catchUp,
        itemUrl: (id) => `https://ebp.example/library/${id}`,
        policy,
        now,
        logger: silentLogger,
      });
    const deliveryId = deliveryIdFor(itemId, 1, 'knowledge-hub');
    const state = async () => {
      await catchUp();
      return (await (await liveCollection(documents, deliveries)).get(deliveryId))?.body;
    };
    return { endpoint, worker, deliveryId, state };
  }

  const acknowledged = (): Answer => ({ status: 201, reference: 'KH-1' });

  it('retries a target that is down with backoff, and it receives the item exactly once when it is back', async () => {
    const { endpoint, worker, deliveryId, state } = await publishedTo(acknowledged, {
      down: true,
    });
    const delivering = worker();
    expect(await delivering.catchUp()).toBe(1);
    expect(await state()).toMatchObject({
      status: 'retrying',
      attempts: 1,
      nextAttemptAt: '2026-11-26T10:00:01.000Z',
    });
    // Not due yet: nothing is attempted.
    expect(await delivering.catchUp()).toBe(0);
    clock = new Date('2026-11-26T10:00:01.000Z');
    expect(await delivering.catchUp()).toBe(1);
    expect(await state()).toMatchObject({
      status: 'retrying',
      attempts: 2,
      nextAttemptAt: '2026-11-26T10:00:03.000Z',
    });
    expect((await state())?.lastError).toMatch(/^Knowledge Hub unreachable: ECONNREFUSED/);

    await endpoint.up();
    clock = new Date('2026-11-26T10:00:03.000Z');
    expect(await delivering.catchUp()).toBe(1);
    expect(await state()).toMatchObject({ status: 'acknowledged', attempts: 3, reference: 'KH-1' });
    expect(endpoint.requestsFor(deliveryId)).toHaveLength(1);
    expect(endpoint.kept.get(deliveryId)?.contentType).toBe('application/atom+xml; type=entry');
    clock = new Date('2026-11-26T11:00:00.000Z');
    expect(await delivering.catchUp()).toBe(0);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('labels every event of a delivery of an OFFICIAL-SENSITIVE version OFFICIAL-SENSITIVE', async () => {
    const { endpoint, worker, deliveryId, state } = await publishedTo(acknowledged, {
      down: true,
      sensitive: true,
    });
    const delivering = worker();
    expect(await delivering.catchUp()).toBe(1);
    await endpoint.up();
    clock = new Date('2026-11-26T10:00:01.000Z');
    expect(await delivering.catchUp()).toBe(1);
    expect(await state()).toMatchObject({ status: 'acknowledged', attempts: 2 });
    const labels = (await store.readStream(deliveryStreamId(deliveryId))).map(
      (event) => `${event.type} ${event.metadata.classification}`,
    );
    expect(labels).toEqual([
      'dissemination.delivery.scheduled OFFICIAL_SENSITIVE',
      'dissemination.delivery.attempt-failed OFFICIAL_SENSITIVE',
      'dissemination.delivery.acknowledged OFFICIAL_SENSITIVE',
    ]);
  });

  it('keeps one copy at the target when two workers race for the same attempt', async () => {
    const { endpoint, worker, deliveryId, state } = await publishedTo(acknowledged);
    await Promise.all([worker().catchUp(), worker().catchUp()]);
    // Both may have posted; the target keeps one copy by the key, and one attempt is recorded.
    expect(endpoint.requestsFor(deliveryId).length).toBeGreaterThanOrEqual(1);
    expect(endpoint.kept.size).toBe(1);
    expect(await state()).toMatchObject({ status: 'acknowledged', attempts: 1 });
  });

  it('fails a delivery the target refuses at once, with the target’s own words', async () => {
    const { endpoint, worker, state } = await publishedTo(() => ({
      status: 422,
      detail: 'An abstract of 50 words or more is required',
    }));
    await worker().catchUp();
    expect(await state()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastHttpStatus: 422,
      lastError: 'HTTP 422: An abstract of 50 words or more is required',
      nextAttemptAt: null,
    });
    expect(endpoint.kept.size).toBe(0);
  });

  it('gives up on a target that stays down after the last attempt', async () => {
    const { worker, state } = await publishedTo(acknowledged, { down: true });
    const delivering = worker();
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
      clock = new Date(clock.getTime() + 60_000);
      expect(await delivering.catchUp()).toBe(1);
    }
    expect(await state()).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null });
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await delivering.catchUp()).toBe(0);
  });
});
