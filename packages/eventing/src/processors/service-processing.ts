import type { Logger } from '@ebp/platform';
import { EventProcessor } from './event-processor';
import { serialized } from './serialized';
import { seenNow, waitForWake, type SeenSignal, type WakeSignal } from './wake-signal';

/** Work a service runs off the request path: a relay, a reaction to another service's events. */
export interface BackgroundWork {
  /** One pass; a number is how much it did (0: nothing to do), so an idle work backs off. */
  catchUp(): Promise<unknown>;
  stop(): Promise<void>;
  /** Raised when there may be work (e.g. its store was appended to); without it the work is polled. */
  readonly wakeSignal?: WakeSignal | undefined;
  /** When the work next has something to do whatever happens meanwhile (epoch ms), if ever. */
  nextDueAt?(): number | undefined;
}

export interface ServiceProcessingOptions {
  /** Read-model projectors: commands drive them too, so a client reads its own writes. */
  readonly projectors: readonly EventProcessor[];
  /**
   * Work polled alongside; a function is given the read models' catch-up (a reaction that reads
   * this service's read models brings them up to date first) and called after the first catch-up.
   */
  readonly background?:
    | readonly BackgroundWork[]
    | ((catchUp: () => Promise<void>) => Promise<readonly BackgroundWork[]>);
  /**
   * Work without a wake signal is polled this often (default 200 ms). Work with one waits for it,
   * and when idle backs off from `max(this, 5 s)` to `maxIdleMs`.
   */
  readonly pollIntervalMs?: number;
  /** The slow safety poll of idle work that has a wake signal (default 10 s). */
  readonly maxIdleMs?: number;
  readonly logger: Logger;
}

export interface ServiceProcessing {
  /** Brings the read models up to date; concurrent callers share one run at a time. */
  readonly catchUp: () => Promise<void>;
  /** Brings the read models and the background work up to date (e.g. before a report). */
  readonly catchUpAll: () => Promise<void>;
  /** False while a last poll failed (an engine unreachable): the readiness check reports it. */
  readonly healthy: () => boolean;
  stop(): Promise<void>;
}

/** A serialized pass that says whether it did anything, and what wakes it. */
interface Unit {
  readonly name: string;
  /** Caught up when processing started, as of these raises: the first pass waits for a signal. */
  readonly caughtUpAsOf?: readonly SeenSignal[];
  readonly pass: () => Promise<boolean>;
  readonly signals: readonly WakeSignal[];
  readonly nextDueAt?: () => number | undefined;
}

/** Pauses after a failing pass: doubling from the poll interval, up to this. */
const MAX_FAILURE_BACKOFF_MS = 5_000;
/** The first pause of idle work that has a wake signal. */
const FIRST_IDLE_MS = 5_000;

/**
 * One instance of each processor per service process: the projectors (together) and each
 * background work are serialized, caught up once at start, then each follows its wake signal:
 * woken at once after an append, backing off to a slow safety poll while idle. Work without a
 * signal is polled. The processors' leases are renewed on their own timer while this runs. A
 * failing pass is logged once and marks the service unhealthy until every pass succeeds again.
 */
export async function startServiceProcessing(
  options: ServiceProcessingOptions,
): Promise<ServiceProcessing> {
  const { logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const maxIdleMs = Math.max(pollIntervalMs, options.maxIdleMs ?? 10_000);
  const firstIdleMs = Math.min(maxIdleMs, Math.max(pollIntervalMs, FIRST_IDLE_MS));
  const distinct = (signals: readonly (WakeSignal | undefined)[]) => [
    ...new Set(signals.filter((signal): signal is WakeSignal => signal !== undefined)),
  ];
  let projected = 0;
  const catchUp = serialized(async () => {
    for (const projector of options.projectors) projected += await projector.catchUp();
  });
  for (const projector of options.projectors) projector.keepLease();
  const projectorSignals = distinct(options.projectors.map((projector) => projector.wakeSignal));
  const caughtUpAsOf = seenNow(projectorSignals);
  await catchUp();
  const works =
    typeof options.background === 'function'
      ? await options.background(catchUp)
      : (options.background ?? []);
  const background = works.map((work) => {
    if (work instanceof EventProcessor) work.keepLease();
    let done: unknown;
    return {
      work,
      done: () => done,
      catchUp: serialized(async () => void (done = await work.catchUp())),
    };
  });
  const pollOnce = () => Promise.all([catchUp(), ...background.map((item) => item.catchUp())]);
  const units: Unit[] = [
    {
      name: 'projectors',
      caughtUpAsOf,
      pass: async () => {
        const before = projected;
        await catchUp();
        return projected > before;
      },
      signals: projectorSignals,
    },
    ...background.map((item, index): Unit => ({
      name: `background ${index + 1}`,
      pass: async () => {
        await item.catchUp();
        const done = item.done();
        return typeof done === 'number' && done > 0;
      },
      signals: distinct([item.work.wakeSignal]),
      ...(item.work.nextDueAt ? { nextDueAt: () => item.work.nextDueAt?.() } : {}),
    })),
  ];

  const failing = new Set<string>();
  const report = (unit: Unit, error: unknown) => {
    const wasHealthy = failing.size === 0;
    if (error === undefined) failing.delete(unit.name);
    else failing.add(unit.name);
    if (wasHealthy && failing.size > 0) logger.error('read models cannot catch up', { error });
    if (!wasHealthy && failing.size === 0) logger.info('read models catching up again');
  };
  let stopped = false;
  const interrupts = new Set<() => void>();
  const follow = async (unit: Unit): Promise<void> => {
    let idleMs = firstIdleMs;
    let failures = 0;
    let skip = unit.caughtUpAsOf !== undefined && unit.signals.length > 0;
    while (!stopped) {
      const seen = skip && unit.caughtUpAsOf ? unit.caughtUpAsOf : seenNow(unit.signals);
      let progressed = false;
      try {
        // Skipped once: the pass that would find what the start's catch-up just read.
        if (!skip) progressed = await unit.pass();
        skip = false;
        failures = 0;
        report(unit, undefined);
      } catch (error) {
        failures += 1;
        report(unit, error);
      }
      if (stopped) break;
      let delayMs: number;
      if (failures > 0)
        delayMs = Math.min(pollIntervalMs * 2 ** (failures - 1), MAX_FAILURE_BACKOFF_MS);
      else if (unit.signals.length === 0) delayMs = pollIntervalMs;
      else {
        if (progressed) idleMs = firstIdleMs;
        delayMs = idleMs;
        idleMs = Math.min(idleMs * 2, maxIdleMs);
      }
      const dueAt = unit.nextDueAt?.();
      if (dueAt !== undefined) delayMs = Math.min(delayMs, Math.max(0, dueAt - Date.now()));
      let interrupt: (() => void) | undefined;
      await waitForWake(failures > 0 ? [] : seen, delayMs, (stop) => {
        interrupt = stop;
        interrupts.add(stop);
      });
      if (interrupt) interrupts.delete(interrupt);
    }
  };
  const following = units.map((unit) => follow(unit));
  return {
    catchUp,
    catchUpAll: async () => void (await pollOnce()),
    healthy: () => failing.size === 0,
    async stop() {
      stopped = true;
      for (const interrupt of [...interrupts]) interrupt();
      await Promise.all(following);
      await pollOnce().catch(() => undefined);
      for (const projector of options.projectors) await projector.stop();
      for (const item of background) await item.work.stop();
    },
  };
}
