import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import { LOG_START, type LogPosition } from '../event-store/log-position';
import { CheckpointConflictError, type SqlCheckpointStore } from './checkpoint-store';
import { seenNow, waitForWake, wakeSignalOf, type WakeSignal } from './wake-signal';

export interface ProcessorProgress {
  readonly processor: string;
  readonly position: LogPosition;
  /** Events handled by this instance since it started. */
  readonly handled: number;
}

export interface EventProcessorOptions {
  /** Stable name: the checkpoint belongs to it. */
  readonly name: string;
  /** Handles a batch in global order. Must be idempotent: a batch may be delivered again after a crash. */
  readonly handle: (events: readonly StoredEvent[]) => Promise<void>;
  readonly batchSize?: number;
  /**
   * Without a wake signal, how often a running instance polls the log; with one, the first pause
   * of its idle backoff (default 100 ms).
   */
  readonly pollIntervalMs?: number;
  /**
   * With a wake signal: the slow safety poll an idle instance backs off to (default 10 s). It
   * wakes at once when the signal is raised; the poll only catches a signal that was missed.
   */
  readonly maxIdleMs?: number;
  /** Raised when the log may have grown (default: the store's own, if it has one). */
  readonly wakeSignal?: WakeSignal;
  /** How long an instance stays the active one without renewing; a crashed instance is replaced after it. */
  readonly leaseMs?: number;
  readonly instanceId?: string;
  /** Where a processor that has no checkpoint yet starts (after this position). */
  readonly startAfter?: LogPosition;
  readonly onProgress?: (progress: ProcessorProgress) => void;
  /**
   * Called once, the first time this instance has read the log to its end; a failure is
   * reported and the call is tried again at the next end of the log.
   */
  readonly onCaughtUp?: () => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

export type BatchOutcome =
  { kind: 'handled'; count: number } | { kind: 'idle' } | { kind: 'standby' };

/** The lease as this instance holds it: where it continues, and until when it may trust it. */
interface HeldLease {
  position: LogPosition;
  /** Local clock: the lease was (re)sent before this minus its TTL, so it holds at least until then. */
  trustedUntil: number;
}

/** Pauses after failures: doubling, up to this. */
const MAX_FAILURE_BACKOFF_MS = 5_000;

/**
 * A catch-up subscription over the event store: reads batches in global order after its
 * checkpoint, hands them to the handler, then advances the checkpoint (compare-and-set). At least
 * once: a crash between handling and advancing delivers the batch again. Never skips: the store
 * only returns events no running transaction can precede. One active instance per name (lease).
 *
 * The instance remembers the lease it holds and its position, so a poll of an idle log is one
 * read. The lease is re-claimed when it can no longer be trusted; while the instance runs
 * (start(), or keepLease() by whoever drives it) a timer renews it at a third of its TTL, so a
 * crashed holder is replaced after the TTL. Batches of one instance run one at a time.
 */
export class EventProcessor {
  readonly instanceId: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxIdleMs: number;
  private readonly leaseMs: number;
  private handled = 0;
  private caughtUp = false;
  private running: Promise<void> | undefined;
  private stopping = false;
  private interrupt: (() => void) | undefined;
  private held: HeldLease | undefined;
  private keeping = false;
  private stopKeeping: (() => void) | undefined;
  private batchTail: Promise<unknown> = Promise.resolve();
  /** The next batch, asked for while this one is handled: see runBatch. */
  private readAhead:
    { readonly after: LogPosition; readonly events: Promise<StoredEvent[]> } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: SqlCheckpointStore,
    private readonly options: EventProcessorOptions,
  ) {
    this.instanceId = options.instanceId ?? `${options.name}/${randomUUID()}`;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxIdleMs = Math.max(this.pollIntervalMs, options.maxIdleMs ?? 10_000);
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  get name(): string {
    return this.options.name;
  }

  /** Raised when the log this instance reads may have grown; undefined if nothing raises it. */
  get wakeSignal(): WakeSignal | undefined {
    return this.options.wakeSignal ?? wakeSignalOf(this.store);
  }

  /** Handles one batch if this instance holds (or can take) the lease. */
  processBatch(): Promise<BatchOutcome> {
    const run = this.batchTail.then(
      () => this.runBatch(),
      () => this.runBatch(),
    );
    this.batchTail = run.catch(() => undefined);
    return run;
  }

  /** Handles batches until the log is exhausted (or another instance is active); returns how many events. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const outcome = await this.processBatch();
      if (outcome.kind !== 'handled') return total;
      total += outcome.count;
    }
  }

  /**
   * From now until stop(), renew the lease on a timer while this instance holds it, instead of
   * re-claiming it when it runs out: for whoever drives this processor in the background.
   */
  keepLease(): void {
    this.keeping = true;
    if (this.held) this.startKeeping();
  }

  /**
   * Runs in the background until stop(): catch up, then wait for the wake signal (backing off to
   * the safety poll while idle) or, without one, poll; errors are reported and retried.
   */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.keepLease();
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt?.();
    await this.running;
    this.running = undefined;
    await this.batchTail;
    this.keeping = false;
    this.dropLease();
    await this.checkpoints.release(this.name, this.instanceId);
  }

  private async runBatch(): Promise<BatchOutcome> {
    const from = await this.hold();
    if (from === undefined) return { kind: 'standby' };
    const events = await this.read(from);
    const last = events.at(-1);
    if (!last) {
      if (!this.caughtUp) {
        await this.options.onCaughtUp?.();
        this.caughtUp = true;
      }
      return { kind: 'idle' };
    }
    // A full batch means more is waiting (a catch-up or a rebuild): read the next batch while
    // this one is handled, so the two overlap. Used only if the checkpoint then continues there.
    if (events.length === this.batchSize) this.readNext(last.position);
    await this.options.handle(events);
    const sentAt = Date.now();
    try {
      await this.checkpoints.advance(this.name, this.instanceId, from, last.position, this.leaseMs);
    } catch (error) {
      // Another instance moved the checkpoint: this one must claim again before going on.
      if (error instanceof CheckpointConflictError) this.dropLease();
      throw error;
    }
    if (this.held) {
      this.held.position = last.position;
      this.held.trustedUntil = sentAt + this.leaseMs;
    }
    this.handled += events.length;
    this.options.onProgress?.({
      processor: this.name,
      position: last.position,
      handled: this.handled,
    });
    return { kind: 'handled', count: events.length };
  }

  /** The batch after `from`: the one read ahead if it starts there, else read now. */
  private read(from: LogPosition): Promise<StoredEvent[]> {
    const ahead = this.readAhead;
    this.readAhead = undefined;
    if (ahead?.after === from) return ahead.events;
    return this.store.readAll({ after: from, limit: this.batchSize });
  }

  private readNext(after: LogPosition): void {
    const events = this.store.readAll({ after, limit: this.batchSize });
    // Awaited by the next batch if it starts there; a failure then is that batch's to report.
    events.catch(() => undefined);
    this.readAhead = { after, events };
  }

  /** The position to continue after, if this instance holds the lease (claiming it if need be). */
  private async hold(): Promise<LogPosition | undefined> {
    // A margin for the clock and the round trip: re-claim before the lease could have lapsed.
    const margin = Math.min(1_000, this.leaseMs / 4);
    if (this.held && Date.now() < this.held.trustedUntil - margin) return this.held.position;
    const sentAt = Date.now();
    const position = await this.checkpoints.claim(
      this.name,
      this.instanceId,
      this.leaseMs,
      this.options.startAfter ?? LOG_START,
    );
    if (position === undefined) {
      this.dropLease();
      return undefined;
    }
    this.held = { position, trustedUntil: sentAt + this.leaseMs };
    if (this.keeping) this.startKeeping();
    return position;
  }

  private startKeeping(): void {
    if (this.stopKeeping) return;
    this.stopKeeping = this.checkpoints.keepLease({
      processor: this.name,
      owner: this.instanceId,
      leaseMs: this.leaseMs,
      renewed: (sentAt) => {
        if (this.held)
          this.held.trustedUntil = Math.max(this.held.trustedUntil, sentAt + this.leaseMs);
      },
      lost: () => {
        this.stopKeeping = undefined;
        this.held = undefined;
      },
      failed: (error) => this.options.onError?.(error),
    });
  }

  private dropLease(): void {
    this.held = undefined;
    this.stopKeeping?.();
    this.stopKeeping = undefined;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let idleMs = this.pollIntervalMs;
    while (!this.stopping) {
      const signal = this.wakeSignal;
      const seen = seenNow(signal ? [signal] : []);
      let outcome: BatchOutcome | undefined;
      try {
        outcome = await this.processBatch();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(error);
      }
      if (outcome?.kind === 'handled') {
        idleMs = this.pollIntervalMs;
        continue;
      }
      let delay: number;
      if (failures > 0)
        delay = Math.min(this.pollIntervalMs * 2 ** failures, MAX_FAILURE_BACKOFF_MS);
      else if (!signal) delay = this.pollIntervalMs;
      else if (outcome?.kind === 'standby')
        // Another instance is active: try again often enough to take over soon after it dies.
        delay = Math.min(this.maxIdleMs, this.leaseMs / 3);
      else {
        delay = idleMs;
        idleMs = Math.min(idleMs * 2, this.maxIdleMs);
      }
      if (this.stopping) break;
      await waitForWake(failures > 0 ? [] : seen, delay, (interrupt) => {
        this.interrupt = interrupt;
      });
      this.interrupt = undefined;
    }
  }
}
