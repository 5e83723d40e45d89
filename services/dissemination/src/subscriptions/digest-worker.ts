import type { Transporter } from 'nodemailer';
import {
  CommandHandler,
  WrongExpectedVersionError,
  isSealed,
  wakeSignalOf,
  type BackgroundWork,
  type DocumentCollection,
  type EventStore,
  type PersonalData,
  type WakeSignal,
} from '@ebp/eventing';
import type { Logger } from '@ebp/platform';
import type { VisibleLibraryItem } from '../access/item-visibility';
import { StaleAttempt } from '../dissemination-errors';
import type { RetryPolicy } from '../pipeline/delivery.decider';
import type { DigestEntry, SubscriptionEntry } from '../projections/dissemination-read-models';
import {
  digestDecider,
  digestIdFor,
  digestStreamId,
  type DigestCommands,
  type DigestPeriods,
  type MailOutcome,
} from './digest.decider';
import { digestMessage, digestTransport, type DigestMailSettings } from './digest-mail';

export interface DigestWorkerOptions {
  readonly store: EventStore;
  readonly subscriptions: () => Promise<DocumentCollection<SubscriptionEntry>>;
  readonly digests: () => Promise<DocumentCollection<DigestEntry>>;
  readonly personal: PersonalData;
  /** `myDigest`'s matching for a subscriber as an e-mail may carry it, items published in [since, until). */
  readonly digestOf: (
    personId: string,
    since: string,
    until: string,
  ) => Promise<VisibleLibraryItem[]>;
  /** Brings the read models up to date (before a cycle, and after recording). */
  readonly catchUp: () => Promise<void>;
  readonly mail: DigestMailSettings;
  readonly periods: DigestPeriods;
  /** The platform's public origin: item links and the unsubscribe link point there. */
  readonly publicUrl: string;
  readonly policy: RetryPolicy;
  readonly timeoutMs?: number;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** Subscribers looked at, and digests attempted, per read of the read models. */
const PAGE = 100;
/** Items one digest lists at most (the newest). */
const MOST_ITEMS = 50;
/**
 * A digest covers what was published up to this long before the cycle: an item's time is taken
 * before its append commits, so one committing just after a cycle read the library would fall
 * behind the digest's end and be missed by every later one.
 */
const SETTLE_MS = 2_000;

/** An SMTP refusal or a connection failure, as a code: the server's text may quote the address. */
function mailFailure(error: unknown): Extract<MailOutcome, { kind: 'failed' }> {
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number')
    // 4xx: try again later (RFC 5321); 5xx: the server will not take it as it is.
    return { kind: 'failed', error: `SMTP ${responseCode}`, retryable: responseCode < 500 };
  return {
    kind: 'failed',
    error: typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'unreachable',
    retryable: true,
  };
}

/**
 * The digest outbox (decision 0037). Each pass is one cycle: every subscriber whose digest is
 * e-mailed and has none for the current period gets one scheduled, if anything new matches that
 * they may read (nothing new: nothing scheduled, nothing sent); then every digest that is due is
 * claimed, checked again (still subscribed, items still readable) and handed to the SMTP server,
 * and the outcome recorded, retried with the delivery pipeline's backoff while the server defers
 * it. Runs as background work beside the delivery worker; an instance that loses a claim to
 * another leaves the digest to it.
 */
export class DigestWorker implements BackgroundWork {
  private readonly commands: DigestCommands;
  private readonly transport: Transporter;
  private nextDue: number | undefined;

  constructor(private readonly options: DigestWorkerOptions) {
    this.commands = new CommandHandler(options.store, digestDecider);
    const { mail } = options;
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = digestTransport(mail, timeout);
  }

  /** The dissemination log's signal: a publication or a subscription may make a digest due. */
  get wakeSignal(): WakeSignal | undefined {
    return wakeSignalOf(this.options.store);
  }

  /** The next period's start, or a retry falling due before it. */
  nextDueAt(): number | undefined {
    return this.nextDue;
  }

  /** One cycle: schedule this period's digests, then attempt those due. */
  async catchUp(): Promise<number> {
    await this.options.catchUp();
    const now = this.options.now();
    const scheduled = await this.schedule(now);
    if (scheduled > 0) await this.options.catchUp();
    const attempted = await this.attemptDue(now);
    if (attempted > 0) await this.options.catchUp();
    return scheduled + attempted;
  }

  stop(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }

  private context(commandId: string) {
    return {
      commandId,
      actor: { kind: 'service' as const, id: 'dissemination' },
      now: this.options.now(),
      classification: 'OFFICIAL_SENSITIVE' as const,
    };
  }

  private async schedule(now: Date): Promise<number> {
    const { periods } = this.options;
    const period = periods.nameOf(now);
    const until = new Date(now.getTime() - SETTLE_MS).toISOString();
    const subscriptions = await this.options.subscriptions();
    let scheduled = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await subscriptions.find({
        filter: { emailActive: true },
        sort: [{ field: 'personId', direction: 'asc' }],
        limit: PAGE,
        offset,
      });
      for (const { body } of page.items) {
        if (body.lastDigest?.period === period || !body.email) continue;
        // From where the last digest ended: cycles that found nothing new leave it there, so
        // nothing published meanwhile (a service down for days included) is skipped.
        const since = body.lastDigest?.until ?? body.email.since;
        if (since >= until) continue;
        const items = await this.options.digestOf(body.personId, since, until);
        if (items.length === 0) continue;
        const digestId = digestIdFor(body.personId, period);
        const result = await this.commands.handle(
          digestStreamId(digestId),
          {
            type: 'schedule',
            digestId,
            personId: body.personId,
            period,
            itemIds: items.slice(0, MOST_ITEMS).map(({ entry }) => entry.itemId),
            since,
            until,
          },
          this.context(`schedule:${digestId}`),
        );
        if (result.events.length > 0) scheduled += 1;
      }
      if (offset + PAGE >= page.total) break;
    }
    return scheduled;
  }

  private async attemptDue(now: Date): Promise<number> {
    const at = now.toISOString();
    const waiting = await (
      await this.options.digests()
    ).find({
      filter: { status: { $in: ['pending', 'retrying'] } },
      sort: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit: PAGE + 1,
    });
    const due = waiting.items
      .map(({ body }) => body)
      .filter((digest) => digest.nextAttemptAt !== null && digest.nextAttemptAt <= at)
      .slice(0, PAGE);
    const later = waiting.items[due.length]?.body.nextAttemptAt;
    const nextPeriod = this.options.periods.nextStart(now).getTime();
    const wait = (dueAt: number) => Date.now() + Math.max(0, dueAt - now.getTime());
    this.nextDue =
      due.length === PAGE
        ? Date.now()
        : wait(later ? Math.min(Date.parse(later), nextPeriod) : nextPeriod);
    for (const digest of due) await this.attempt(digest);
    return due.length;
  }

  private async attempt(digest: DigestEntry): Promise<void> {
    const { digestId } = digest;
    const stream = digestStreamId(digestId);
    const attempt = digest.attempts + 1;
    try {
      const claim = await this.commands.handle(
        stream,
        { type: 'start-attempt', digestId, now: this.options.now() },
        this.context(`${digestId}#${attempt}:start`),
      );
      // The same claim (its id is made from the attempt) stored by another instance first is
      // answered as already stored, not refused: that attempt is theirs to send.
      if (claim.alreadyHandled) return;
    } catch (error) {
      // Another instance claimed it first, or it is no longer due: it is theirs, or done.
      if (error instanceof StaleAttempt || error instanceof WrongExpectedVersionError) return;
      throw error;
    }
    const cancel = (reason: 'unsubscribed' | 'nothing_readable') =>
      this.commands.handle(
        stream,
        { type: 'cancel', digestId, reason },
        this.context(`${digestId}#${attempt}:cancel`),
      );
    const subscription = (await (await this.options.subscriptions()).get(digest.personId))?.body;
    const address = subscription?.emailActive ? subscription.email?.address : undefined;
    const token = subscription?.email?.unsubscribeToken;
    if (!address || !token || !isSealed(address) || !isSealed(token)) {
      await cancel('unsubscribed');
      return;
    }
    // Need-to-know as it stands at send time: an item the subscriber may no longer read is left out.
    const readable = new Map(
      (await this.options.digestOf(digest.personId, digest.since, digest.until)).map((seen) => [
        seen.entry.itemId,
        seen.entry,
      ]),
    );
    const lines = digest.itemIds.flatMap((itemId) => {
      const content = readable.get(itemId)?.published?.content;
      return content ? [{ itemId, content }] : [];
    });
    if (lines.length === 0) {
      await cancel('nothing_readable');
      return;
    }
    const [to, unsubscribeToken] = await this.options.personal.openMany([address, token]);
    if (typeof to !== 'string' || typeof unsubscribeToken !== 'string') {
      // The subscriber's key is gone (erased): nothing can be sent to them.
      await cancel('unsubscribed');
      return;
    }
    const message = digestMessage({
      digestId,
      period: digest.period,
      lines,
      publicUrl: this.options.publicUrl,
      unsubscribeToken,
    });
    let outcome: MailOutcome;
    try {
      await this.transport.sendMail({
        from: this.options.mail.from,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        messageId: message.messageId,
      });
      outcome = { kind: 'sent' };
    } catch (error) {
      outcome = mailFailure(error);
    }
    await this.commands.handle(
      stream,
      {
        type: 'record-attempt',
        digestId,
        attempt,
        outcome,
        now: this.options.now(),
        policy: this.options.policy,
      },
      this.context(`${digestId}#${attempt}`),
    );
    // The digest and the outcome; never the address.
    this.options.logger.info('digest attempted', {
      digestId,
      attempt,
      outcome: outcome.kind,
      ...(outcome.kind === 'failed' ? { error: outcome.error } : {}),
    });
  }
}
