import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import { LOG_START, type LogPosition } from '../event-store/log-position';
import type { SqlCheckpointStore } from './checkpoint-store';

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
  readonly pollIntervalMs?: number;
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

type BatchOutcome = { kind: 'handled'; count: number } | { kind: 'idle' } | { kind: 'standby' };

/**
 * A catch-up subscription over the event store: reads batches in global order after its
 * checkpoint, hands them to the handler, then advances the checkpoint (compare-and-set). At least
 * once: a crash between handling and advancing delivers the batch again. Never skips: the store
 * only returns events no running transaction can precede. One active instance per name (lease).
 */
export class EventProcessor {
  readonly instanceId: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private handled = 0;
  private caughtUp = false;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: SqlCheckpointStore,
    private readonly options: EventProcessorOptions,
  ) {
    this.instanceId = options.instanceId ?? `${options.name}/${randomUUID()}`;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  get name(): string {
    return this.options.name;
  }

  /** Handles one batch if this instance holds (or can take) the lease. */
  async processBatch(): Promise<BatchOutcome> {
    const from = await this.checkpoints.claim(
      this.name,
      this.instanceId,
      this.leaseMs,
      this.options.startAfter ?? LOG_START,
    );
    if (from === undefined) return { kind: 'standby' };
    const events = await this.store.readAll({ after: from, limit: this.batchSize });
    const last = events.at(-1);
    if (!last) {
      if (!this.caughtUp) {
        await this.options.onCaughtUp?.();
        this.caughtUp = true;
      }
      return { kind: 'idle' };
    }
    await this.options.handle(events);
    await this.checkpoints.advance(this.name, this.instanceId, from, last.position, this.leaseMs);
    this.handled += events.length;
    this.options.onProgress?.({
      processor: this.name,
      position: last.position,
      handled: this.handled,
    });
    return { kind: 'handled', count: events.length };
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

  /** Runs in the background until stop(): catch up, then poll; errors are reported and retried. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.checkpoints.release(this.name, this.instanceId);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let outcome: BatchOutcome | undefined;
      try {
        outcome = await this.processBatch();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(error);
      }
      if (outcome?.kind === 'handled') continue;
      const delay =
        failures > 0 ? Math.min(this.pollIntervalMs * 2 ** failures, 5_000) : this.pollIntervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
