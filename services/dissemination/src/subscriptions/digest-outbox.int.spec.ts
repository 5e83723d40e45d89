// Digest e-mails (decision 0037) through the dissemination subgraph and a real SMTP server on a
// loopback port, on an explicit clock: one digest per subscriber and period, deferred then
// retried, only what the subscriber may read in an e-mail, the unsubscribe link, and a subscriber
// the community erases (their address shredded here too).
import { randomUUID } from 'node:crypto';
import {
  REDACTED,
  SqlDocumentStore,
  SqlEventStore,
  isSealed,
  type EventStore,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets, testEvent, waitFor } from '@ebp/eventing/testing';
import { DEMO_USERS, signIdentity } from '@ebp/platform';
import {
  startDisseminationServer,
  type RunningDissemination,
} from '../server/dissemination-server';
import { SmtpMailbox } from '../testing/smtp-mailbox';

const [sqlTarget] = sqlTargets();
const SECRET = 'a-test-secret-for-the-digest-outbox-only';
const PUBLIC_URL = 'https://ebp.met.example';
const PERIOD = '2026-11-30T10:00:00Z';

interface GraphResult<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe(`digest e-mails through a real SMTP server (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let communitySql: SqlClient;
  let communityStore: EventStore;
  let running: RunningDissemination;
  let mailbox: SmtpMailbox;
  let clock = new Date('2026-11-30T10:00:00.000Z');
  const run = randomUUID().slice(0, 8);
  const topic = `digest outbox ${run}`;
  const rae = `rae.${run}@met.example`;
  const sam = `sam.${run}@met.example`;

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    communitySql = await sqlTarget!.create();
    communityStore = await SqlEventStore.open(communitySql);
    mailbox = await SmtpMailbox.open();
    running = await startDisseminationServer({
      sql,
      documents: await SqlDocumentStore.open(sql),
      // The community's events, as its topic carries them (here, its store read as its feed).
      communityEvents: { kind: 'store', store: communityStore },
      identitySecret: SECRET,
      pollIntervalMs: 50,
      publicUrl: PUBLIC_URL,
      now: () => clock,
      retryPolicy: { maxAttempts: 5, firstDelayMs: 1_000, maxDelayMs: 60_000 },
      digestMail: {
        host: '127.0.0.1',
        port: mailbox.port,
        secure: false,
        requireTls: false,
        from: 'EBP Platform <ebp-digest@met.example>',
      },
      digestPeriodSeconds: 3_600,
    });
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    await mailbox?.close();
    await sql?.close();
    await communitySql?.close();
  });

  async function must<Data>(user: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(DEMO_USERS[user]!, SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as GraphResult<Data>;
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  const SUBSCRIBE = `mutation($s: SubscriptionInput!) { subscribe(subscription: $s) { subscription { topics } } }`;
  const START = `mutation($e: DigestEmailInput!) { startDigestEmails(email: $e) { subscription { topics email } } }`;

  async function publish(title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const id = `digest-${run}-${randomUUID().slice(0, 8)}`;
    await must(
      'cat',
      'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
      {
        id,
        c: {
          kind: 'evidence_summary',
          title,
          summary: `${title}: what the evidence says, for busy supervisors.`,
          year: 2026,
          tags: { topics: [topic] },
          classification: 'OFFICIAL',
          ...extra,
        },
      },
    );
    await must('cat', 'mutation($id: ID!) { publishLibraryItem(id: $id) { id } }', { id });
    return id;
  }

  /** The digests' read model, as the worker left it. */
  const digestsOf = async (personId: string) =>
    (await (await running.runtime.digests()).find({ filter: { personId } })).items.map(
      ({ body }) => body,
    );

  /**
   * One cycle, and whatever the background work began meanwhile on the same clock (it runs the
   * same cycle when the log is appended to: a second instance, in effect) carried to its end.
   */
  async function cycle(): Promise<void> {
    await running.digestCycle!();
    await waitFor(
      'no digest to be due or under way',
      async () => {
        await running.runtime.catchUp();
        return [...(await digestsOf('person-rae')), ...(await digestsOf('person-sam'))];
      },
      (digests) =>
        digests.every(
          (digest) =>
            digest.status !== 'sending' &&
            (digest.nextAttemptAt === null || digest.nextAttemptAt > clock.toISOString()),
        ),
      10_000,
    );
  }

  let unsubscribeLink = '';

  it('e-mails each subscriber one digest a period, retrying a deferred one with backoff', async () => {
    for (const [user, address] of [
      ['rae', rae],
      ['sam', sam],
    ] as const) {
      await must(user, SUBSCRIBE, { s: { topics: [topic] } });
      expect(await must(user, START, { e: { address } })).toEqual({
        startDigestEmails: { subscription: { topics: [topic], email: address } },
      });
    }
    // Nothing new yet: a cycle schedules nothing, and nothing is sent.
    expect(await running.digestCycle!()).toBe(0);
    clock = new Date('2026-11-30T10:00:10.000Z');
    const open = await publish(`Open findings ${run}`);
    // OFFICIAL-SENSITIVE, and sam needs to know: his digest on the platform lists it, no e-mail does.
    const sensitive = await publish(`Sensitive findings ${run}`, {
      classification: 'OFFICIAL_SENSITIVE',
      needToKnow: ['person-sam'],
    });
    clock = new Date('2026-11-30T10:00:20.000Z');
    mailbox.deferNext(1);
    await cycle();
    // One of the two was deferred (451): it waits for its retry, the other arrived.
    expect(mailbox.received).toHaveLength(1);
    const deferred = [...(await digestsOf('person-rae')), ...(await digestsOf('person-sam'))].find(
      (digest) => digest.status === 'retrying',
    );
    expect(deferred).toMatchObject({
      attempts: 1,
      lastError: 'SMTP 451',
      nextAttemptAt: '2026-11-30T10:00:21.000Z',
    });
    // Not before it is due.
    await cycle();
    expect(mailbox.received).toHaveLength(1);
    clock = new Date('2026-11-30T10:00:22.000Z');
    await cycle();
    expect(mailbox.to(rae)).toHaveLength(1);
    expect(mailbox.to(sam)).toHaveLength(1);
    for (const mail of mailbox.received) {
      expect(mail.text).toContain(`Open findings ${run}`);
      expect(mail.text).toContain(`${PUBLIC_URL}/library/${open}`);
      expect(mail.text).not.toContain(`Sensitive findings ${run}`);
      expect(mail.text).not.toContain(sensitive);
      expect(mail.headers['x-ebp-digest-period']).toBe(PERIOD);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers['list-unsubscribe']).toMatch(
        new RegExp(`^<${PUBLIC_URL}/public/digest/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`),
      );
    }
    expect(
      (
        await must<{ myDigest: { id: string }[] }>(
          'sam',
          'query($s: String!) { myDigest(since: $s) { id } }',
          {
            s: '2026-11-30',
          },
        )
      ).myDigest.map(({ id }) => id),
    ).toEqual(expect.arrayContaining([open, sensitive]));
    unsubscribeLink = mailbox.to(rae)[0]!.headers['list-unsubscribe']!.slice(1, -1);
    expect(await digestsOf('person-rae')).toEqual([
      expect.objectContaining({ period: PERIOD, status: 'sent', itemIds: [open] }),
    ]);
  });

  it('sends nothing more in the same period, however many cycles run and whatever is published', async () => {
    clock = new Date('2026-11-30T10:20:00.000Z');
    await publish(`Later findings ${run}`);
    clock = new Date('2026-11-30T10:40:00.000Z');
    await cycle();
    await cycle();
    expect(mailbox.received).toHaveLength(2);
    expect(await digestsOf('person-sam')).toHaveLength(1);
  });

  it('answers a forged unsubscribe token with a problem that tells nothing', async () => {
    const base = running.url.replace(/\/graphql$/, '');
    for (const token of ['A'.repeat(43), 'short', '']) {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${base}/public/digest/unsubscribe?token=${token}`, {
          method,
        });
        expect({ token, method, status: response.status }).toEqual({ token, method, status: 404 });
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
  });

  it('stops the e-mails with the link, without signing in: the next period sends to the others only', async () => {
    const link = new URL(unsubscribeLink);
    const local = `${running.url.replace(/\/graphql$/, '')}${link.pathname}${link.search}`;
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(await page.text()).toContain('<form method="post"');
    // The page alone changes nothing (mail scanners fetch links): rae is still subscribed.
    expect(
      (await must<{ mySubscription: { email: string } }>('rae', '{ mySubscription { email } }'))
        .mySubscription.email,
    ).toBe(rae);
    // RFC 8058 one-click: what a mail client posts from List-Unsubscribe.
    const posted = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    // Again: the same answer (the link has done what it does).
    expect((await fetch(local, { method: 'POST' })).status).toBe(200);
    expect(
      await must<{ mySubscription: { topics: string[]; email: string | null } }>(
        'rae',
        '{ mySubscription { topics email } }',
      ),
    ).toEqual({ mySubscription: { topics: [topic], email: null } });
    clock = new Date('2026-11-30T11:00:05.000Z');
    await cycle();
    expect(mailbox.to(sam)).toHaveLength(2);
    expect(mailbox.to(sam)[1]!.text).toContain(`Later findings ${run}`);
    expect(mailbox.to(sam)[1]!.headers['x-ebp-digest-period']).toBe('2026-11-30T11:00:00Z');
    expect(mailbox.to(rae)).toHaveLength(1);
    expect(await digestsOf('person-rae')).toHaveLength(1);
  });

  it('keeps what a cycle left for later: an item published just before a period ends comes next', async () => {
    clock = new Date('2026-11-30T11:59:59.000Z');
    await publish(`Edge findings ${run}`);
    // Too fresh for this cycle (its append may not be the last to commit): nothing yet.
    clock = new Date('2026-11-30T12:00:00.500Z');
    await cycle();
    expect(mailbox.to(sam)).toHaveLength(2);
    // No cycle found anything in the hour after; the next one still covers it.
    clock = new Date('2026-11-30T13:00:01.000Z');
    await cycle();
    expect(mailbox.to(sam)).toHaveLength(3);
    expect(mailbox.to(sam)[2]!.text).toContain(`Edge findings ${run}`);
    expect(mailbox.to(sam)[2]!.headers['x-ebp-digest-period']).toBe('2026-11-30T13:00:00Z');
    expect(mailbox.to(rae)).toHaveLength(1);
  });

  it('keeps the addresses sealed in the log and the read models: no address in clear', async () => {
    const rows = await sql.query<{ data: unknown }>(
      "select data from ebp_events where type = 'dissemination.subscription.email-started'",
    );
    expect(rows.rows.length).toBeGreaterThanOrEqual(2);
    const stored = JSON.stringify(rows.rows);
    expect(stored).not.toContain(rae);
    expect(stored).not.toContain(sam);
    const documents = JSON.stringify(
      (await (await running.runtime.subscriptions()).find({})).items,
    );
    expect(documents).not.toContain(rae);
    expect(documents).not.toContain(sam);
  });

  it('shreds the address of a subscriber the community erases, and sends them nothing more', async () => {
    const sent = mailbox.to(sam).length;
    await communityStore.append(
      'person:person-sam',
      [
        testEvent({
          type: 'community.person.erased',
          data: { personId: 'person-sam', erasedBy: 'person-ada', reason: 'left_the_force' },
        }),
      ],
      { expectedVersion: 'any' },
    );
    await waitFor(
      "the community's erasure to reach the subscription",
      async () => {
        await running.runtime.catchUp();
        return (await (await running.runtime.subscriptions()).get('person-sam'))?.body;
      },
      (subscription) => subscription?.emailActive === false,
      10_000,
    );
    // The address in the log can no longer be opened: its key is gone.
    const rows = await sql.query<{ data: { address: unknown } }>(
      "select data from ebp_events where type = 'dissemination.subscription.email-started' and stream_id = 'subscription:person-sam'",
    );
    expect(rows.rows).toHaveLength(1);
    const address = rows.rows[0]!.data.address;
    expect(isSealed(address)).toBe(true);
    expect(await running.runtime.personal.open(address as never)).toBe(REDACTED);
    clock = new Date('2026-11-30T14:00:01.000Z');
    await publish(`After the erasure ${run}`);
    clock = new Date('2026-11-30T15:00:01.000Z');
    await cycle();
    expect(mailbox.to(sam)).toHaveLength(sent);
    // Nothing personal of theirs can be sealed here again: e-mails cannot be started anew.
    const again = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(DEMO_USERS.sam!, SECRET) },
      body: JSON.stringify({ query: START, variables: { e: { address: sam } } }),
    });
    const answer = (await again.json()) as GraphResult<unknown>;
    expect(answer.errors?.[0]?.extensions?.code).toBe('SUBJECT_ERASED');
  });
});
