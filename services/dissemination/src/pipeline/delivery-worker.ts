import {
  CommandHandler,
  type BackgroundWork,
  type DocumentCollection,
  type EventStore,
  type WakeSignal,
  wakeSignalOf,
} from '@ebp/eventing';
import type { Logger } from '@ebp/platform';
import { StaleAttempt } from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';
import type { PublishedVersion } from '../feeds/atom';
import { libraryItemStreamId } from '../library/library-item.decider';
import type { DeliveryEntry } from '../projections/dissemination-read-models';
import {
  deliveryDecider,
  deliveryStreamId,
  type AttemptOutcome,
  type DeliveryCommands,
  type RetryPolicy,
} from './delivery.decider';
import { formatFor } from './formats';
import type { DeliveryTarget } from './targets';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 12,
  firstDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
};

export interface DeliveryWorkerOptions {
  readonly store: EventStore;
  readonly deliveries: () => Promise<DocumentCollection<DeliveryEntry>>;
  readonly targets: readonly DeliveryTarget[];
  /** Brings the read models up to date (before looking for due deliveries, and after recording). */
  readonly catchUp: () => Promise<void>;
  readonly itemUrl: (itemId: string) => string;
  readonly policy?: RetryPolicy;
  readonly timeoutMs?: number;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** Deliveries attempted per pass, earliest due first. */
const DUE_PER_PASS = 50;

/** Statuses a target uses for a request that will never succeed as it is: do not retry it. */
const retryable = (status: number) =>
  status >= 500 || status === 408 || status === 425 || status === 429;

/** What the target said, in a line: its problem detail or the start of its body. */
async function targetError(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim();
  let said = text;
  try {
    const problem = JSON.parse(text) as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string') said = problem.detail;
    else if (typeof problem.title === 'string') said = problem.title;
  } catch {
    // not JSON: keep the text
  }
  return `HTTP ${response.status}${said ? `: ${said.slice(0, 500)}` : ''}`;
}

async function referenceFrom(response: Response): Promise<string | undefined> {
  const location = response.headers.get('location');
  if (location) return location;
  try {
    const body = (await response.json()) as { id?: unknown; reference?: unknown };
    const reference = body.reference ?? body.id;
    return typeof reference === 'string' || typeof reference === 'number'
      ? String(reference)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts due deliveries to their national bodies and records what each attempt came to. Every
 * attempt for a delivery carries the same Idempotency-Key, so a target that got a request whose
 * reply was lost keeps one copy when it comes again. Runs as background work, polled with the
 * read models; a delivery another instance recorded first is left to it.
 */
export class DeliveryWorker implements BackgroundWork {
  private readonly commands: DeliveryCommands;
  private readonly policy: RetryPolicy;
  private nextDue: number | undefined;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.commands = new CommandHandler(options.store, deliveryDecider);
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
  }

  /** The dissemination log's signal: a delivery becomes due when it is recorded there. */
  get wakeSignal(): WakeSignal | undefined {
    return wakeSignalOf(this.options.store);
  }

  /** When the earliest delivery still waiting (to be retried) falls due, as of the last pass. */
  nextDueAt(): number | undefined {
    return this.nextDue;
  }

  /** One pass: every delivery that is due now is attempted once. */
  async catchUp(): Promise<number> {
    await this.options.catchUp();
    const now = this.options.now().toISOString();
    const waiting = await (
      await this.options.deliveries()
    ).find({
      filter: { status: { $in: ['pending', 'retrying'] } },
      sort: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit: DUE_PER_PASS + 1,
    });
    const due = waiting.items
      .map(({ body }) => body)
      .filter((delivery) => delivery.nextAttemptAt !== null && delivery.nextAttemptAt <= now)
      .slice(0, DUE_PER_PASS);
    const later = waiting.items[due.length]?.body;
    // More due than one pass takes: come back at once; else when the next one falls due.
    this.nextDue =
      due.length === DUE_PER_PASS
        ? Date.now()
        : later?.nextAttemptAt
          ? Date.now() + Math.max(0, Date.parse(later.nextAttemptAt) - Date.parse(now))
          : undefined;
    for (const delivery of due) await this.attempt(delivery);
    if (due.length > 0) await this.options.catchUp();
    return due.length;
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async attempt(delivery: DeliveryEntry): Promise<void> {
    const attempt = delivery.attempts + 1;
    const outcome = await this.post(delivery);
    try {
      await this.commands.handle(
        deliveryStreamId(delivery.deliveryId),
        {
          type: 'record-attempt',
          deliveryId: delivery.deliveryId,
          attempt,
          outcome,
          now: this.options.now(),
          policy: this.policy,
        },
        {
          commandId: `${delivery.deliveryId}#${attempt}`,
          actor: { kind: 'service', id: 'dissemination' },
          now: this.options.now(),
          // At least as the delivery's scheduling was labelled (the decider keeps it so).
          classification: 'OFFICIAL',
        },
      );
    } catch (error) {
      if (!(error instanceof StaleAttempt)) throw error;
    }
    this.options.logger.info('delivery attempted', {
      deliveryId: delivery.deliveryId,
      attempt,
      outcome: outcome.kind,
      ...(outcome.kind === 'failed' ? { error: outcome.error } : {}),
    });
  }

  private async post(delivery: DeliveryEntry): Promise<AttemptOutcome> {
    const target = this.options.targets.find((candidate) => candidate.id === delivery.targetId);
    if (!target)
      return {
        kind: 'failed',
        httpStatus: null,
        error: `${delivery.targetId} is not configured (EBP_DISSEMINATION_TARGETS)`,
        retryable: false,
      };
    const item = await this.publishedVersion(delivery.itemId, delivery.version);
    const formatted = formatFor(target.format, item, this.options.itemUrl);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': formatted.contentType,
          'idempotency-key': delivery.idempotencyKey,
          'user-agent': 'ebp-platform-dissemination',
        },
        body: formatted.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      if (response.status === 202) return { kind: 'accepted', httpStatus: 202 };
      if (response.ok) {
        const reference = await referenceFrom(response);
        return {
          kind: 'acknowledged',
          httpStatus: response.status,
          ...(reference ? { reference } : {}),
        };
      }
      return {
        kind: 'failed',
        httpStatus: response.status,
        error: await targetError(response),
        retryable: retryable(response.status),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return {
        kind: 'failed',
        httpStatus: null,
        error: `${target.name} unreachable: ${cause ?? (error as Error).message}`,
        retryable: true,
      };
    }
  }

  /** The version as it was published: later revisions do not change what a delivery carries. */
  private async publishedVersion(itemId: string, version: number): Promise<PublishedVersion> {
    const events = await this.options.store.readStream(libraryItemStreamId(itemId));
    for (const stored of events) {
      const event = stored as unknown as DisseminationEvent<'library.'>;
      if (event.type === 'dissemination.library.item-published' && event.data.version === version)
        return {
          itemId,
          version,
          content: event.data.content,
          publishedAt: stored.metadata.recordedAt,
        };
    }
    throw new Error(`Version ${version} of ${itemId} was never published`);
  }
}
