import type { dissemination } from '@ebp/contracts';
import type { CommandHandler, Decider } from '@ebp/eventing';
import { IllegalDisseminationTransition, NotFound, StaleAttempt } from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type DeliveryEvent = DisseminationEvent<'delivery.'>;

export interface DeliveryState {
  readonly status: dissemination.DeliveryState | 'none';
  readonly attempts: number;
}

/** How often, and how patiently, a delivery is tried before it is given up as failed. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** What one attempt to post an item to a target came to. */
export type AttemptOutcome =
  /** 202: the target took it and will process it later. */
  | { readonly kind: 'accepted'; readonly httpStatus: number }
  /** 200/201: the target has it, with its own reference if it gave one. */
  | { readonly kind: 'acknowledged'; readonly httpStatus: number; readonly reference?: string }
  /** Unreachable, timed out, or refused; `retryable` unless the target said the request is wrong. */
  | {
      readonly kind: 'failed';
      readonly httpStatus: number | null;
      readonly error: string;
      readonly retryable: boolean;
    };

export type DeliveryCommand =
  | {
      type: 'schedule';
      deliveryId: string;
      itemId: string;
      version: number;
      targetId: dissemination.TargetId;
    }
  | {
      type: 'record-attempt';
      deliveryId: string;
      attempt: number;
      outcome: AttemptOutcome;
      now: Date;
      policy: RetryPolicy;
    }
  | { type: 'retry'; deliveryId: string; by: string };

/** Exponential backoff: the first delay, doubled per attempt, capped. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
}

/** One delivery per item version and target: the key the target deduplicates by. */
export const deliveryIdFor = (itemId: string, version: number, targetId: string) =>
  `${itemId}@v${version}->${targetId}`;

function decide(command: DeliveryCommand, state: DeliveryState): DeliveryEvent[] {
  const { deliveryId } = command;
  switch (command.type) {
    case 'schedule':
      // Scheduling again is how a redelivered publication looks: nothing new to do.
      if (state.status !== 'none') return [];
      return [
        {
          type: 'dissemination.delivery.scheduled',
          data: {
            deliveryId,
            itemId: command.itemId,
            version: command.version,
            targetId: command.targetId,
            idempotencyKey: deliveryId,
          },
        },
      ];
    case 'record-attempt': {
      if (state.status === 'none') throw new NotFound(`No delivery ${deliveryId}`);
      if (
        (state.status !== 'pending' && state.status !== 'retrying') ||
        command.attempt !== state.attempts + 1
      )
        throw new StaleAttempt(
          `Attempt ${command.attempt} of ${deliveryId} is not due (status ${state.status}, ${state.attempts} attempts made)`,
        );
      const { outcome, attempt } = command;
      if (outcome.kind === 'accepted')
        return [
          {
            type: 'dissemination.delivery.sent',
            data: { deliveryId, attempt, httpStatus: outcome.httpStatus },
          },
        ];
      if (outcome.kind === 'acknowledged')
        return [
          {
            type: 'dissemination.delivery.acknowledged',
            data: {
              deliveryId,
              attempt,
              httpStatus: outcome.httpStatus,
              ...(outcome.reference ? { reference: outcome.reference.slice(0, 500) } : {}),
            },
          },
        ];
      const retry = outcome.retryable && attempt < command.policy.maxAttempts;
      return [
        {
          type: 'dissemination.delivery.attempt-failed',
          data: {
            deliveryId,
            attempt,
            httpStatus: outcome.httpStatus,
            error: outcome.error.slice(0, 2_000) || 'unknown error',
            retryAt: retry
              ? new Date(
                  command.now.getTime() + retryDelayMs(command.policy, attempt),
                ).toISOString()
              : null,
          },
        },
      ];
    }
    case 'retry':
      if (state.status === 'none') throw new NotFound(`No delivery ${deliveryId}`);
      if (state.status !== 'failed')
        throw new IllegalDisseminationTransition(
          `Delivery ${deliveryId} is ${state.status}: only a failed delivery is retried by hand`,
        );
      return [
        { type: 'dissemination.delivery.retry-requested', data: { deliveryId, by: command.by } },
      ];
  }
}

function evolve(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'dissemination.delivery.scheduled':
      return { status: 'pending', attempts: 0 };
    case 'dissemination.delivery.sent':
      return { status: 'sent', attempts: event.data.attempt };
    case 'dissemination.delivery.acknowledged':
      return { status: 'acknowledged', attempts: event.data.attempt };
    case 'dissemination.delivery.attempt-failed':
      return {
        status: event.data.retryAt === null ? 'failed' : 'retrying',
        attempts: event.data.attempt,
      };
    case 'dissemination.delivery.retry-requested':
      return { ...state, status: 'retrying' };
  }
}

/**
 * One item version on its way to one national body: scheduled once, attempted until the target
 * takes it (sent or acknowledged), retried with backoff while it is unreachable, failed when it
 * refuses the item or attempts run out; an editor may retry a failed delivery.
 */
export const deliveryDecider: Decider<DeliveryCommand, DeliveryEvent, DeliveryState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', attempts: 0 }),
  // A delivery is as sensitive as the version it carries, which its scheduling was labelled with
  // (a release of an OFFICIAL-SENSITIVE version, or an OFFICIAL publication): every attempt too.
  classifiedAtStart: true,
};

export const deliveryStreamId = (deliveryId: string) => `delivery:${deliveryId}`;

/** Commands on deliveries, through the kit's handler. */
export type DeliveryCommands = CommandHandler<DeliveryCommand, DeliveryEvent, DeliveryState>;
