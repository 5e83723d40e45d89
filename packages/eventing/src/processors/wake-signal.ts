import type { EventEnvelope } from '@ebp/contracts';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store/event-store';
import type { LogPosition } from '../event-store/log-position';
import { perClient } from '../sql/per-client';
import type { SqlClient } from '../sql/sql-client';

/**
 * "The log may have grown": raised after an append commits, waited on by processors. It counts
 * its raises, so a waiter that read the count before polling cannot miss a raise that came while
 * it polled (it does not wait at all then).
 */
export class WakeSignal {
  private raises = 0;
  private readonly listeners = new Set<() => void>();

  /** How many times it was raised: read it before polling, pass it to wait(). */
  get raised(): number {
    return this.raises;
  }

  raise(): void {
    this.raises += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` at every raise until the returned function is called. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** A signal and the raise count a waiter saw before it last polled. */
export interface SeenSignal {
  readonly signal: WakeSignal;
  readonly seen: number;
}

/** Reads each signal's raise count: what a poller remembers before it polls. */
export function seenNow(signals: readonly WakeSignal[]): SeenSignal[] {
  return signals.map((signal) => ({ signal, seen: signal.raised }));
}

export type WakeReason = 'signal' | 'timeout' | 'interrupted';

/**
 * Waits until one of the signals is raised after it was seen (at once if one already was), the
 * timeout passes, or `interrupt` is called (stop).
 */
export function waitForWake(
  signals: readonly SeenSignal[],
  timeoutMs: number,
  onInterrupt?: (interrupt: () => void) => void,
): Promise<WakeReason> {
  if (signals.some(({ signal, seen }) => signal.raised !== seen)) return Promise.resolve('signal');
  return new Promise<WakeReason>((resolve) => {
    const unlisten: (() => void)[] = [];
    const finish = (reason: WakeReason) => {
      clearTimeout(timer);
      for (const stop of unlisten) stop();
      resolve(reason);
    };
    const timer = setTimeout(() => finish('timeout'), Math.max(0, timeoutMs));
    for (const { signal } of signals) unlisten.push(signal.listen(() => finish('signal')));
    onInterrupt?.(() => finish('interrupted'));
  });
}

/**
 * The appends to one database's event log, as seen from this process: a local signal, and
 * relays that carry each append to other processes (PostgreSQL NOTIFY). Relays are told of every
 * append and coalesce on their own.
 */
export class AppendSignal {
  readonly signal = new WakeSignal();
  private readonly relays = new Set<() => void>();

  /** An append committed here: wake local readers and tell the relays. */
  appended(): void {
    this.signal.raise();
    for (const relay of this.relays) relay();
  }

  /** Adds a relay (called after every local append) until the returned function is called. */
  relay(onAppend: () => void): () => void {
    this.relays.add(onAppend);
    return () => void this.relays.delete(onAppend);
  }
}

/**
 * The append signal of the event log behind this client (created on first use): every store
 * opened on a client (a service's own, and the ones other services read all-in-one) shares the
 * signal its writer raises.
 */
export const appendSignalFor: (sql: SqlClient) => AppendSignal = perClient(
  () => new AppendSignal(),
);

/** Anything whose readers can wait for new events instead of polling for them. */
export interface WakeSource {
  readonly wakeSignal: WakeSignal;
}

/** The signal raised when the store (or work over it) may have new events, if it has one. */
export function wakeSignalOf(source: object): WakeSignal | undefined {
  const candidate = (source as Partial<WakeSource>).wakeSignal;
  return candidate instanceof WakeSignal ? candidate : undefined;
}

/**
 * An event store that raises its log's append signal after every append that committed new
 * events (not before the commit: a reader woken early would find nothing and sleep again).
 * Reads pass straight through.
 */
export class SignallingEventStore implements EventStore, WakeSource {
  constructor(
    private readonly inner: EventStore,
    private readonly appends: AppendSignal,
  ) {}

  get wakeSignal(): WakeSignal {
    return this.appends.signal;
  }

  async append(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, options);
    if (!result.alreadyStored) this.appends.appended();
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.inner.readAll(options);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  countAfter(position?: LogPosition, upTo?: LogPosition): Promise<number> {
    return this.inner.countAfter(position, upTo);
  }

  headPosition(): Promise<LogPosition | undefined> {
    return this.inner.headPosition();
  }
}

/**
 * The store on `sql` with wake-ups: its appends raise the signal of that client's log, and its
 * processors wait on it. Use it wherever a store is opened, for writing or for reading another
 * service's log, so that writer and readers meet on the same signal.
 */
export function withWakeUps(store: EventStore, sql: SqlClient): SignallingEventStore {
  return new SignallingEventStore(store, appendSignalFor(sql));
}
