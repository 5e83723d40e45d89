import type { dissemination } from '@ebp/contracts';
import type { CommandHandler, Decider } from '@ebp/eventing';
import { NotFound, StaleAttempt } from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';
import { retryDelayMs, type RetryPolicy } from '../pipeline/delivery.decider';

export type DigestEvent = DisseminationEvent<'digest.'>;

export interface DigestState {
  readonly status: dissemination.DigestState | 'none';
  readonly attempts: number;
  readonly retryAt: string | null;
}

/** What one attempt to hand a digest to the SMTP server came to. */
export type MailOutcome =
  | { readonly kind: 'sent' }
  /** `error` is a code (SMTP reply or connection), never the server's text: it may name the address. */
  | { readonly kind: 'failed'; readonly error: string; readonly retryable: boolean };

export type DigestCommand =
  | {
      type: 'schedule';
      digestId: string;
      personId: string;
      period: string;
      itemIds: readonly string[];
      since: string;
      until: string;
    }
  /** Claims the next attempt: appended before sending, so one instance sends it. */
  | { type: 'start-attempt'; digestId: string; now: Date }
  | {
      type: 'record-attempt';
      digestId: string;
      attempt: number;
      outcome: MailOutcome;
      now: Date;
      policy: RetryPolicy;
    }
  | { type: 'cancel'; digestId: string; reason: 'unsubscribed' | 'nothing_readable' };

/** One digest per subscriber and period: its id is the key of "at most once". */
export const digestIdFor = (personId: string, period: string) => `${personId}@${period}`;
export const digestStreamId = (digestId: string) => `digest:${digestId}`;

const open = (status: DigestState['status']) => status === 'pending' || status === 'retrying';

function decide(command: DigestCommand, state: DigestState): DigestEvent[] {
  const { digestId } = command;
  switch (command.type) {
    case 'schedule':
      // The period already has its digest (scheduled by this or another instance): nothing more.
      if (state.status !== 'none') return [];
      return [
        {
          type: 'dissemination.digest.scheduled',
          data: {
            digestId,
            personId: command.personId,
            period: command.period,
            itemIds: [...command.itemIds],
            since: command.since,
            until: command.until,
          },
        },
      ];
    case 'start-attempt':
      if (state.status === 'none') throw new NotFound(`No digest ${digestId}`);
      if (
        !open(state.status) ||
        (state.retryAt !== null && Date.parse(state.retryAt) > command.now.getTime())
      )
        throw new StaleAttempt(`Digest ${digestId} is not due (status ${state.status})`);
      return [
        {
          type: 'dissemination.digest.attempt-started',
          data: { digestId, attempt: state.attempts + 1 },
        },
      ];
    case 'record-attempt': {
      if (state.status !== 'sending' || command.attempt !== state.attempts)
        throw new StaleAttempt(
          `Attempt ${command.attempt} of digest ${digestId} is not under way (status ${state.status})`,
        );
      const { outcome, attempt } = command;
      if (outcome.kind === 'sent')
        return [{ type: 'dissemination.digest.sent', data: { digestId, attempt } }];
      const retry = outcome.retryable && attempt < command.policy.maxAttempts;
      return [
        {
          type: 'dissemination.digest.attempt-failed',
          data: {
            digestId,
            attempt,
            error: outcome.error.slice(0, 200) || 'unknown',
            retryAt: retry
              ? new Date(
                  command.now.getTime() + retryDelayMs(command.policy, attempt),
                ).toISOString()
              : null,
          },
        },
      ];
    }
    case 'cancel':
      if (state.status === 'none') throw new NotFound(`No digest ${digestId}`);
      // Also an attempt just claimed: its subscriber stopped the e-mails before it was sent.
      if (!open(state.status) && state.status !== 'sending')
        throw new StaleAttempt(`Digest ${digestId} is ${state.status}: nothing to cancel`);
      return [
        { type: 'dissemination.digest.cancelled', data: { digestId, reason: command.reason } },
      ];
  }
}

function evolve(state: DigestState, event: DigestEvent): DigestState {
  switch (event.type) {
    case 'dissemination.digest.scheduled':
      return { status: 'pending', attempts: 0, retryAt: null };
    case 'dissemination.digest.attempt-started':
      return { ...state, status: 'sending', attempts: event.data.attempt };
    case 'dissemination.digest.sent':
      return { ...state, status: 'sent', retryAt: null };
    case 'dissemination.digest.attempt-failed':
      return {
        ...state,
        status: event.data.retryAt === null ? 'failed' : 'retrying',
        retryAt: event.data.retryAt,
      };
    case 'dissemination.digest.cancelled':
      return { ...state, status: 'cancelled', retryAt: null };
  }
}

/**
 * One subscriber's digest e-mail for one period (decision 0037): scheduled at most once; each
 * attempt claimed before it is made, so two instances never send it twice and an attempt cut off
 * by a crash is not made again (at most once); retried with the delivery pipeline's backoff while
 * the SMTP server defers it; cancelled, never sent, once its subscriber unsubscribed.
 */
export const digestDecider: Decider<DigestCommand, DigestEvent, DigestState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', attempts: 0, retryAt: null }),
  // What a person is sent is personal data.
  classificationOf: () => 'OFFICIAL_SENSITIVE',
};

export type DigestCommands = CommandHandler<DigestCommand, DigestEvent, DigestState>;

/**
 * Digest periods: consecutive spans of `lengthSeconds` counted from Monday 5 January 1970, 00:00
 * UTC, so a week runs Monday to Monday and a day midnight to midnight (UTC). A period is named by
 * its start.
 */
export class DigestPeriods {
  private static readonly ORIGIN = Date.UTC(1970, 0, 5);

  constructor(readonly lengthSeconds: number) {
    if (!Number.isInteger(lengthSeconds) || lengthSeconds < 1)
      throw new Error('A digest period is a whole number of seconds, at least 1');
  }

  private get lengthMs(): number {
    return this.lengthSeconds * 1_000;
  }

  /** When the period holding this instant started. */
  startOf(at: Date): Date {
    const index = Math.floor((at.getTime() - DigestPeriods.ORIGIN) / this.lengthMs);
    return new Date(DigestPeriods.ORIGIN + index * this.lengthMs);
  }

  /** The period's name: its start, to the second (ISO 8601). */
  nameOf(at: Date): string {
    return this.startOf(at)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  /** When the next period starts. */
  nextStart(at: Date): Date {
    return new Date(this.startOf(at).getTime() + this.lengthMs);
  }
}
