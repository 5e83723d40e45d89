import { deciderSpecification } from '@ebp/eventing';
import { IllegalDisseminationTransition, NotFound, StaleAttempt } from '../dissemination-errors';
import {
  deliveryDecider,
  deliveryIdFor,
  retryDelayMs,
  type AttemptOutcome,
  type DeliveryEvent,
  type RetryPolicy,
} from './delivery.decider';

const spec = deciderSpecification(deliveryDecider);
const deliveryId = deliveryIdFor('item-1', 2, 'knowledge-hub');
const policy: RetryPolicy = { maxAttempts: 3, firstDelayMs: 1_000, maxDelayMs: 60_000 };
const now = new Date('2026-11-26T10:00:00Z');
const scheduled: DeliveryEvent = {
  type: 'dissemination.delivery.scheduled',
  data: {
    deliveryId,
    itemId: 'item-1',
    version: 2,
    targetId: 'knowledge-hub',
    idempotencyKey: deliveryId,
  },
};
const unreachable = {
  kind: 'failed' as const,
  httpStatus: null,
  error: 'connect ECONNREFUSED',
  retryable: true,
};
const failed = (attempt: number, retryAt: string | null, error = unreachable.error) =>
  ({
    type: 'dissemination.delivery.attempt-failed',
    data: { deliveryId, attempt, httpStatus: null, error, retryAt },
  }) satisfies DeliveryEvent;
const attempt = (number: number, outcome: AttemptOutcome) =>
  ({ type: 'record-attempt', deliveryId, attempt: number, outcome, now, policy }) as const;

describe('delivery decider', () => {
  it('schedules one delivery per item version and target, keyed for the target to deduplicate', () => {
    const schedule = {
      type: 'schedule' as const,
      deliveryId,
      itemId: 'item-1',
      version: 2,
      targetId: 'knowledge-hub' as const,
    };
    expect(deliveryId).toBe('item-1@v2->knowledge-hub');
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).thenNothing();
  });

  it('records a 202 as sent and a 200 or 201 as acknowledged, with the target reference', () => {
    spec
      .given([scheduled])
      .when(attempt(1, { kind: 'accepted', httpStatus: 202 }))
      .then([
        { type: 'dissemination.delivery.sent', data: { deliveryId, attempt: 1, httpStatus: 202 } },
      ]);
    spec
      .given([scheduled])
      .when(attempt(1, { kind: 'acknowledged', httpStatus: 201, reference: 'KH-778' }))
      .then([
        {
          type: 'dissemination.delivery.acknowledged',
          data: { deliveryId, attempt: 1, httpStatus: 201, reference: 'KH-778' },
        },
      ]);
  });

  it('retries an unreachable target with exponential backoff, then gives up', () => {
    expect([1, 2, 3, 8, 20].map((n) => retryDelayMs(policy, n))).toEqual([
      1_000, 2_000, 4_000, 60_000, 60_000,
    ]);
    spec
      .given([scheduled])
      .when(attempt(1, unreachable))
      .then([failed(1, '2026-11-26T10:00:01.000Z')]);
    spec
      .given([scheduled, failed(1, '2026-11-26T10:00:01.000Z')])
      .when(attempt(2, unreachable))
      .then([failed(2, '2026-11-26T10:00:02.000Z')]);
    spec
      .given([scheduled, failed(1, 'x'), failed(2, 'y')])
      .when(attempt(3, unreachable))
      .then([failed(3, null)]);
  });

  it('fails at once, with the target error, when the target refuses the item', () => {
    spec
      .given([scheduled])
      .when(
        attempt(1, {
          kind: 'failed',
          httpStatus: 422,
          error: 'HTTP 422: missing abstract',
          retryable: false,
        }),
      )
      .then([
        {
          type: 'dissemination.delivery.attempt-failed',
          data: {
            deliveryId,
            attempt: 1,
            httpStatus: 422,
            error: 'HTTP 422: missing abstract',
            retryAt: null,
          },
        },
      ]);
  });

  it('refuses outcomes of attempts that are not due', () => {
    const sent: DeliveryEvent = {
      type: 'dissemination.delivery.sent',
      data: { deliveryId, attempt: 1, httpStatus: 202 },
    };
    spec.given([scheduled]).when(attempt(2, unreachable)).thenThrows(StaleAttempt);
    spec.given([scheduled, sent]).when(attempt(2, unreachable)).thenThrows(StaleAttempt);
    spec.given([]).when(attempt(1, unreachable)).thenThrows(NotFound);
  });

  it('lets an editor retry a failed delivery, and only a failed one', () => {
    const retried: DeliveryEvent = {
      type: 'dissemination.delivery.retry-requested',
      data: { deliveryId, by: 'person-ed' },
    };
    const retry = { type: 'retry' as const, deliveryId, by: 'person-ed' };
    spec
      .given([scheduled, failed(1, null)])
      .when(retry)
      .then([retried]);
    spec.given([scheduled]).when(retry).thenThrows(IllegalDisseminationTransition);
    spec
      .given([scheduled, failed(1, null), retried])
      .when(attempt(2, { kind: 'accepted', httpStatus: 202 }))
      .then([
        { type: 'dissemination.delivery.sent', data: { deliveryId, attempt: 2, httpStatus: 202 } },
      ]);
  });
});
