import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store/event-store';
import { WrongExpectedVersionError } from '../event-store/errors';
import { SqlEventStore } from '../event-store/sql-event-store';
import type { SqlClient } from '../sql/sql-client';
import { sqlTargets } from '../testing/sql-targets';
import { CommandHandler, eventIdFor, loadState, type CommandContext } from './command-handler';
import { reactionContextFor } from './command-context';
import { BookingFull, bookingDecider } from './example-decider';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  commandId: randomUUID(),
  actor: { kind: 'person', id: 'person-1' },
  now: new Date('2026-05-01T10:00:00Z'),
  classification: 'OFFICIAL',
  ...overrides,
});

describe.each(sqlTargets())('CommandHandler on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let handler: CommandHandler<
    Parameters<typeof bookingDecider.decide>[0],
    Parameters<typeof bookingDecider.evolve>[1],
    ReturnType<typeof bookingDecider.initialState>
  >;

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
    handler = new CommandHandler(store, bookingDecider);
  });

  afterAll(async () => {
    await sql.close();
  });

  it('loads, decides and appends, with envelopes carrying the command context', async () => {
    const opened = await handler.handle(
      'booking-1',
      { type: 'open', capacity: 3 },
      context({ correlationId: 'a6f0c3c8-6c4e-4a53-9d0c-1b7c1c1b1c11' }),
    );
    expect(opened).toMatchObject({
      streamVersion: 1,
      alreadyHandled: false,
      state: { status: 'open', capacity: 3 },
    });
    const [stored] = await store.readStream('booking-1');
    expect(stored).toMatchObject({
      type: 'test.booking.opened',
      schemaVersion: 1,
      data: { capacity: 3 },
      metadata: {
        correlationId: 'a6f0c3c8-6c4e-4a53-9d0c-1b7c1c1b1c11',
        causationId: null,
        actor: { kind: 'person', id: 'person-1' },
        recordedAt: '2026-05-01T10:00:00.000Z',
        classification: 'OFFICIAL',
      },
    });
  });

  it('labels events at least as sensitive as the entity was before and is after them', async () => {
    // An open list is sensitive while a covert officer is on it; a closed one no longer is.
    const restricted = new CommandHandler(store, {
      ...bookingDecider,
      classificationOf: (state) =>
        state.status === 'open' && state.booked.includes('person-covert')
          ? 'OFFICIAL_SENSITIVE'
          : undefined,
    });
    const labels = async (streamId: string) =>
      (await store.readStream(streamId)).map((event) => event.metadata.classification);
    await restricted.handle('booking-covert', { type: 'open', capacity: 3 }, context());
    await restricted.handle(
      'booking-covert',
      { type: 'book', personId: 'person-covert' },
      context(),
    );
    await restricted.handle('booking-covert', { type: 'book', personId: 'person-2' }, context());
    // Closing it ends its sensitivity: the closing event is labelled as the list stood before.
    await restricted.handle('booking-covert', { type: 'close' }, context());
    await restricted.handle('booking-after', { type: 'open', capacity: 3 }, context());
    expect(await labels('booking-covert')).toEqual([
      'OFFICIAL',
      'OFFICIAL_SENSITIVE',
      'OFFICIAL_SENSITIVE',
      'OFFICIAL_SENSITIVE',
    ]);
    // A context more sensitive than the entity keeps its label.
    await restricted.handle(
      'booking-open',
      { type: 'open', capacity: 3 },
      context({ classification: 'OFFICIAL_SENSITIVE' }),
    );
    expect(await labels('booking-open')).toEqual(['OFFICIAL_SENSITIVE']);
    // An entity whose sensitivity is fixed by what started it keeps its first event's label.
    const fixed = new CommandHandler(store, { ...bookingDecider, classifiedAtStart: true });
    const sensitive = context({ classification: 'OFFICIAL_SENSITIVE' });
    await fixed.handle('booking-fixed', { type: 'open', capacity: 3 }, sensitive);
    await fixed.handle('booking-fixed', { type: 'book', personId: 'person-2' }, context());
    await fixed.handle('booking-plain-start', { type: 'open', capacity: 3 }, context());
    await fixed.handle('booking-plain-start', { type: 'book', personId: 'person-2' }, context());
    expect(await labels('booking-fixed')).toEqual(['OFFICIAL_SENSITIVE', 'OFFICIAL_SENSITIVE']);
    expect(await labels('booking-plain-start')).toEqual(['OFFICIAL', 'OFFICIAL']);
    // What only the service can look up, asked of the state the decision was made on.
    const looked: string[][] = [];
    const classifiedBy = (after: { booked: string[] }) => {
      looked.push(after.booked);
      return Promise.resolve(
        after.booked.includes('person-watched')
          ? ('OFFICIAL_SENSITIVE' as const)
          : ('OFFICIAL' as const),
      );
    };
    await handler.handle('booking-looked', { type: 'open', capacity: 3 }, context(), {
      classifiedBy,
    });
    await handler.handle(
      'booking-looked',
      { type: 'book', personId: 'person-watched' },
      context(),
      { classifiedBy },
    );
    expect(await labels('booking-looked')).toEqual(['OFFICIAL', 'OFFICIAL_SENSITIVE']);
    expect(looked).toEqual([[], ['person-watched']]);
  });

  it('labels a reaction at least as the event it reacts to', async () => {
    await handler.handle(
      'booking-cause',
      { type: 'open', capacity: 3 },
      context({
        classification: 'OFFICIAL_SENSITIVE',
      }),
    );
    const [cause] = await store.readStream('booking-cause');
    expect(reactionContextFor(cause!, 'community').classification).toBe('OFFICIAL_SENSITIVE');
    await handler.handle('booking-plain', { type: 'open', capacity: 3 }, context());
    const [plain] = await store.readStream('booking-plain');
    expect(reactionContextFor(plain!, 'community').classification).toBe('OFFICIAL');
    expect(reactionContextFor(plain!, 'community', 'OFFICIAL_SENSITIVE').classification).toBe(
      'OFFICIAL_SENSITIVE',
    );
  });

  it('stores a retried command once (same command id)', async () => {
    const retried = context();
    await handler.handle('booking-2', { type: 'open', capacity: 1 }, context());
    const first = await handler.handle('booking-2', { type: 'book', personId: 'p1' }, retried);
    // The reply was lost; the client sends the same command again. The decider, seeing p1 booked,
    // decides nothing, so no duplicate is written.
    const again = await handler.handle('booking-2', { type: 'book', personId: 'p1' }, retried);
    expect(first.streamVersion).toBe(2);
    expect(again.streamVersion).toBe(2);
    expect(await store.streamVersion('booking-2')).toBe(2);
    expect(first.events[0]?.id).toBe(eventIdFor(retried.commandId, 0));
  });

  it('retries on a concurrent write and applies the rules to the fresh state', async () => {
    await handler.handle('booking-3', { type: 'open', capacity: 4 }, context());
    // Six contenders: each round at least one wins, so five retries always suffice.
    const patient = new CommandHandler(store, bookingDecider, { maxRetries: 5 });
    const results = await Promise.allSettled(
      ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((personId) =>
        patient.handle('booking-3', { type: 'book', personId }, context()),
      ),
    );
    const { state } = await loadState(store, bookingDecider, 'booking-3');
    expect(state.booked).toHaveLength(4);
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const result of refused) expect(result.reason).toBeInstanceOf(BookingFull);
  });

  it('reports a concurrent change instead of retrying when the client states the version it saw', async () => {
    await handler.handle('booking-6', { type: 'open', capacity: 5 }, context());
    await handler.handle('booking-6', { type: 'book', personId: 'p1' }, context(), {
      expectedVersion: 1,
    });
    // A second client still looking at version 1 tries to close the list.
    await expect(
      handler.handle('booking-6', { type: 'close' }, context(), { expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      expected: 1,
      actual: 2,
    });
    expect(await store.streamVersion('booking-6')).toBe(2);
  });

  it('gives up after the bounded number of retries with the typed conflict', async () => {
    await handler.handle('booking-4', { type: 'open', capacity: 100 }, context());
    // A store whose stream always moves on between load and append.
    const racing: EventStore = {
      ...store,
      readStream: store.readStream.bind(store),
      streamVersion: store.streamVersion.bind(store),
      readAll: store.readAll.bind(store),
      countAfter: store.countAfter.bind(store),
      headPosition: store.headPosition.bind(store),
      append: async (streamId, events, options) => {
        const someoneElse = { ...events[0]!, id: randomUUID(), data: { personId: randomUUID() } };
        await store.append(streamId, [someoneElse], { expectedVersion: 'any' });
        return store.append(streamId, events, options);
      },
    };
    const attempts: number[] = [];
    const counting: EventStore = {
      ...racing,
      append: (streamId, events, options) => {
        attempts.push(1);
        return racing.append(streamId, events, options);
      },
    };
    const bounded = new CommandHandler(counting, bookingDecider, { maxRetries: 2 });
    await expect(
      bounded.handle('booking-4', { type: 'book', personId: 'px' }, context()),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(attempts).toHaveLength(3);
  });

  it('rebuilds the state as it stood at an earlier time or position (time travel)', async () => {
    await handler.handle(
      'booking-5',
      { type: 'open', capacity: 2 },
      context({ now: new Date('2026-01-01T00:00:00Z') }),
    );
    await handler.handle(
      'booking-5',
      { type: 'book', personId: 'early' },
      context({ now: new Date('2026-02-01T00:00:00Z') }),
    );
    await handler.handle(
      'booking-5',
      { type: 'close' },
      context({ now: new Date('2026-03-01T00:00:00Z') }),
    );
    const february = await loadState(store, bookingDecider, 'booking-5', {
      asOf: new Date('2026-02-15T00:00:00Z'),
    });
    expect(february).toMatchObject({ version: 2, state: { status: 'open', booked: ['early'] } });
    const [openedEvent] = february.events;
    const atOpening = await loadState(store, bookingDecider, 'booking-5', {
      upTo: openedEvent!.position,
    });
    expect(atOpening).toMatchObject({ version: 1, state: { status: 'open', booked: [] } });
    expect((await loadState(store, bookingDecider, 'booking-5')).state.status).toBe('closed');
  });
});
