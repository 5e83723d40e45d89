import { deciderSpecification } from '@ebp/eventing';
import {
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
  StaleAttempt,
} from '../dissemination-errors';
import { DigestPeriods, digestDecider, digestIdFor, type MailOutcome } from './digest.decider';
import { subscriptionDecider } from './subscription.decider';

const digests = deciderSpecification(digestDecider);
const subscriptions = deciderSpecification(subscriptionDecider);
const policy = { maxAttempts: 3, firstDelayMs: 1_000, maxDelayMs: 60_000 };
const now = new Date('2026-11-30T10:00:00.000Z');
const digestId = digestIdFor('p-rae', '2026-11-30T00:00:00Z');

const scheduled = {
  type: 'dissemination.digest.scheduled' as const,
  data: {
    digestId,
    personId: 'p-rae',
    period: '2026-11-30T00:00:00Z',
    itemIds: ['item-1'],
    since: '2026-11-29T00:00:00.000Z',
    until: now.toISOString(),
  },
};
const schedule = { type: 'schedule' as const, ...scheduled.data };
const started = (attempt: number) => ({
  type: 'dissemination.digest.attempt-started' as const,
  data: { digestId, attempt },
});
const record = (attempt: number, outcome: MailOutcome) => ({
  type: 'record-attempt' as const,
  digestId,
  attempt,
  outcome,
  now,
  policy,
});
const deferred: MailOutcome = { kind: 'failed', error: 'SMTP 451', retryable: true };

describe('digest decider (decision 0037)', () => {
  it('schedules at most one digest per subscriber and period', () => {
    digests.given([]).when(schedule).then([scheduled]);
    // A second cycle in the period, or another instance's, finds it scheduled: nothing more.
    digests.given([scheduled]).when(schedule).thenNothing();
    digests
      .given([
        scheduled,
        started(1),
        { type: 'dissemination.digest.sent', data: { digestId, attempt: 1 } },
      ])
      .when(schedule)
      .thenNothing();
  });

  it('claims an attempt before it is made, so one instance makes it and a cut-off one is not made again', () => {
    digests
      .given([scheduled])
      .when({ type: 'start-attempt', digestId, now })
      .then([started(1)]);
    // The second instance to claim it, or a restart after a crash mid-attempt, is refused.
    digests
      .given([scheduled, started(1)])
      .when({ type: 'start-attempt', digestId, now })
      .thenThrows(StaleAttempt);
    digests.given([]).when({ type: 'start-attempt', digestId, now }).thenThrows(NotFound);
  });

  it('records a sent digest once, and only for the attempt under way', () => {
    digests
      .given([scheduled, started(1)])
      .when(record(1, { kind: 'sent' }))
      .then([{ type: 'dissemination.digest.sent', data: { digestId, attempt: 1 } }]);
    digests
      .given([scheduled])
      .when(record(1, { kind: 'sent' }))
      .thenThrows(StaleAttempt);
    digests
      .given([
        scheduled,
        started(1),
        { type: 'dissemination.digest.sent', data: { digestId, attempt: 1 } },
      ])
      .when({ type: 'start-attempt', digestId, now })
      .thenThrows(StaleAttempt);
  });

  it('retries a deferred digest with the pipeline’s backoff, not before it is due, then gives up', () => {
    const failed1 = {
      type: 'dissemination.digest.attempt-failed' as const,
      data: { digestId, attempt: 1, error: 'SMTP 451', retryAt: '2026-11-30T10:00:01.000Z' },
    };
    digests
      .given([scheduled, started(1)])
      .when(record(1, deferred))
      .then([failed1]);
    digests
      .given([scheduled, started(1), failed1])
      .when({ type: 'start-attempt', digestId, now })
      .thenThrows(StaleAttempt);
    digests
      .given([scheduled, started(1), failed1])
      .when({ type: 'start-attempt', digestId, now: new Date('2026-11-30T10:00:01.000Z') })
      .then([started(2)]);
    // The last attempt allowed, or a refusal (5xx): failed for good.
    digests
      .given([
        scheduled,
        started(1),
        failed1,
        started(2),
        { ...failed1, data: { ...failed1.data, attempt: 2 } },
        started(3),
      ])
      .when(record(3, deferred))
      .then([
        {
          type: 'dissemination.digest.attempt-failed',
          data: { digestId, attempt: 3, error: 'SMTP 451', retryAt: null },
        },
      ]);
    digests
      .given([scheduled, started(1)])
      .when(record(1, { kind: 'failed', error: 'SMTP 550', retryable: false }))
      .then([
        {
          type: 'dissemination.digest.attempt-failed',
          data: { digestId, attempt: 1, error: 'SMTP 550', retryAt: null },
        },
      ]);
  });

  it('cancels a digest whose subscriber unsubscribed, even with its attempt claimed; never a sent one', () => {
    const cancelled = {
      type: 'dissemination.digest.cancelled' as const,
      data: { digestId, reason: 'unsubscribed' as const },
    };
    digests
      .given([scheduled])
      .when({ type: 'cancel', digestId, reason: 'unsubscribed' })
      .then([cancelled]);
    digests
      .given([scheduled, started(1)])
      .when({ type: 'cancel', digestId, reason: 'unsubscribed' })
      .then([cancelled]);
    digests
      .given([scheduled, cancelled])
      .when({ type: 'start-attempt', digestId, now })
      .thenThrows(StaleAttempt);
    digests
      .given([
        scheduled,
        started(1),
        { type: 'dissemination.digest.sent', data: { digestId, attempt: 1 } },
      ])
      .when({ type: 'cancel', digestId, reason: 'unsubscribed' })
      .thenThrows(StaleAttempt);
  });
});

describe('digest e-mails of a subscription (decision 0037)', () => {
  const token = 'a'.repeat(43);
  const hash = 'b'.repeat(64);
  const start = {
    type: 'start-email' as const,
    personId: 'p-rae',
    email: { address: 'rae@met.example' },
    unsubscribeToken: token,
    unsubscribeTokenHash: hash,
  };
  const emailStarted = {
    type: 'dissemination.subscription.email-started' as const,
    data: {
      personId: 'p-rae',
      address: 'rae@met.example',
      unsubscribeToken: token,
      unsubscribeTokenHash: hash,
    },
  };
  const byLink = {
    type: 'stop-email' as const,
    personId: 'p-rae',
    via: 'link' as const,
    unsubscribeTokenHash: hash,
  };
  const stopped = (via: 'link' | 'signed_in') => ({
    type: 'dissemination.subscription.email-stopped' as const,
    data: { personId: 'p-rae', via },
  });

  it('starts with an address, refuses the same one again and a malformed one', () => {
    subscriptions.given([]).when(start).then([emailStarted]);
    subscriptions
      .given([emailStarted])
      .when({ ...start, email: { address: 'RAE@met.example' } })
      .thenThrows(NothingChanged);
    subscriptions
      .given([])
      .when({ ...start, email: { address: 'not an address' } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('stops by the link of the address in use only; a stop is final until the subscriber starts again', () => {
    subscriptions
      .given([emailStarted])
      .when(byLink)
      .then([stopped('link')]);
    subscriptions.given([]).when(byLink).thenThrows(NotFound);
    subscriptions
      .given([emailStarted])
      .when({ ...byLink, unsubscribeTokenHash: 'c'.repeat(64) })
      .thenThrows(NotFound);
    subscriptions
      .given([emailStarted, stopped('link')])
      .when(byLink)
      .thenThrows(NotFound);
    // A new address comes with a new token: the old link stops nothing.
    const moved = {
      ...emailStarted,
      data: {
        ...emailStarted.data,
        address: 'rae.new@met.example',
        unsubscribeTokenHash: 'd'.repeat(64),
      },
    };
    subscriptions.given([emailStarted, moved]).when(byLink).thenThrows(NotFound);
    subscriptions
      .given([emailStarted])
      .when({ type: 'stop-email', personId: 'p-rae', via: 'signed_in' })
      .then([stopped('signed_in')]);
    subscriptions
      .given([emailStarted, stopped('signed_in')])
      .when({ type: 'stop-email', personId: 'p-rae', via: 'signed_in' })
      .thenThrows(NothingChanged);
  });
});

describe('digest periods', () => {
  it('runs a week from Monday to Monday (UTC), and any length from the same origin', () => {
    const weeks = new DigestPeriods(7 * 24 * 3600);
    // Monday 30 November 2026.
    expect(weeks.nameOf(new Date('2026-12-03T15:00:00Z'))).toBe('2026-11-30T00:00:00Z');
    expect(weeks.nameOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30T00:00:00Z');
    expect(weeks.nameOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11-23T00:00:00Z');
    expect(weeks.nextStart(new Date('2026-12-03T15:00:00Z')).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
    const days = new DigestPeriods(24 * 3600);
    expect(days.nameOf(new Date('2026-12-03T15:00:00Z'))).toBe('2026-12-03T00:00:00Z');
    expect(new DigestPeriods(5).nameOf(new Date('2026-12-03T15:00:07.400Z'))).toBe(
      '2026-12-03T15:00:05Z',
    );
    expect(() => new DigestPeriods(0)).toThrow();
  });
});
