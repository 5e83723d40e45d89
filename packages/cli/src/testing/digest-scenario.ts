// Digest e-mails that arrive (issue 20, decision 0037), end to end through the gateway in either
// run mode, with a real SMTP server on a loopback port started here: two subscribers each get
// exactly one digest e-mail for what was published; one follows the unsubscribe link through the
// gateway's origin without signing in, and the next period's digest goes to the other only.
import { randomUUID } from 'node:crypto';
import { SmtpMailbox, type ReceivedMail } from '@ebp/dissemination';
import { waitFor } from '@ebp/eventing/testing';
import { loadEngineSettings } from '@ebp/platform';
import { startAllInOne } from '../all-in-one';
import { startDistributed } from '../distributed';
import { DRAFT, PUBLISH } from './dissemination-scenario';
import { callers, platformFor, staffMember, type PlatformUnderTest } from './platform-under-test';

/** Short periods, so that the scenario sees two of them. */
const PERIOD_SECONDS = 6;
const FROM = 'EBP Platform <ebp-digest@met.example>';

const SUBSCRIBE = `mutation($s: SubscriptionInput!) { subscribe(subscription: $s) { subscription { topics } } }`;
const START = `mutation($e: DigestEmailInput!) { startDigestEmails(email: $e) { subscription { topics email } } }`;
const MINE = `{ mySubscription { topics email } }`;

/** A platform of the given mode whose digests go to a test SMTP server, with that server. */
function platformWithMailbox(mode: 'all-in-one' | 'distributed') {
  let mailbox: SmtpMailbox | undefined;
  const platform = platformFor(async (): Promise<PlatformUnderTest> => {
    mailbox = await SmtpMailbox.open();
    const smtp = { host: '127.0.0.1', port: mailbox.port, from: FROM };
    const closeMailbox = () => mailbox?.close();
    if (mode === 'all-in-one') {
      const running = await startAllInOne({
        port: 0,
        // The test server offers no TLS: plain SMTP on the loopback interface only.
        digestMail: { ...smtp, secure: false, requireTls: false },
        digestPeriodSeconds: PERIOD_SECONDS,
      });
      return {
        url: running.url,
        origin: running.origin,
        publicUrl: running.publicUrl,
        subgraphUrls: {
          register: running.register.url,
          community: running.community.url,
          partners: running.partners.url,
          dissemination: running.dissemination.url,
        },
        identitySecret: '',
        issuer: running.issuer!,
        stop: async () => {
          await running.stop();
          await closeMailbox();
        },
      };
    }
    // The SMTP server's port reaches the dissemination process as EBP_SMTP_PORT.
    const running = await startDistributed({
      engines: loadEngineSettings(),
      childOutput: () => undefined,
      digestMail: { ...smtp, periodSeconds: PERIOD_SECONDS },
    });
    return {
      url: running.url,
      origin: running.origin,
      publicUrl: running.publicUrl,
      subgraphUrls: running.subgraphUrls,
      identitySecret: running.identitySecret,
      issuer: running.issuer,
      stop: async () => {
        await running.stop();
        await closeMailbox();
      },
    };
  });
  return {
    platform,
    mailbox: () => {
      if (!mailbox) throw new Error('The test SMTP server did not start');
      return mailbox;
    },
  };
}

export function digestScenario(mode: 'all-in-one' | 'distributed'): void {
  const { platform, mailbox } = platformWithMailbox(mode);
  const as = callers(platform);
  const run = randomUUID().slice(0, 8);
  const topic = `digests that arrive ${run}`;
  const stays = {
    person: staffMember(`person-digest-stays-${run}`),
    address: `stays.${run}@met.example`,
  };
  const leaves = {
    person: staffMember(`person-digest-leaves-${run}`),
    address: `leaves.${run}@met.example`,
  };
  const periodOf = (mail: ReceivedMail) => mail.headers['x-ebp-digest-period'];
  const titles: string[] = [];

  async function publish(title: string): Promise<string> {
    const id = `digest-e2e-${run}-${titles.length}`;
    const cat = await as('cat');
    await cat.must(DRAFT, {
      id,
      c: {
        kind: 'what_works_briefing',
        title,
        summary: `${title}: a briefing for the subscribers of the digest.`,
        year: 2026,
        tags: { topics: [topic] },
        classification: 'OFFICIAL',
      },
    });
    await cat.must(PUBLISH, { id });
    titles.push(title);
    return id;
  }

  it('e-mails each subscriber exactly one digest for what was published, once in its period', async () => {
    for (const { person, address } of [stays, leaves]) {
      const client = await as(person);
      await client.must(SUBSCRIBE, { s: { topics: [topic] } });
      expect(await client.must(START, { e: { address } })).toEqual({
        startDigestEmails: { subscription: { topics: [topic], email: address } },
      });
    }
    const itemId = await publish(`Hot spots briefing ${run}`);
    // Distributed, the engines may hold subscribers of earlier runs: only these two count here.
    await waitFor(
      'both subscribers’ digests',
      () => [mailbox().to(stays.address).length, mailbox().to(leaves.address).length],
      ([one, two]) => one! >= 1 && two! >= 1,
      60_000,
    );
    const [first] = mailbox().to(stays.address);
    const [other] = mailbox().to(leaves.address);
    for (const mail of [first!, other!]) {
      expect(mail.text).toContain(`Hot spots briefing ${run}`);
      expect(mail.text).toContain(`${platform().publicUrl}/library/${itemId}`);
      expect(mail.headers['list-unsubscribe']).toMatch(
        new RegExp(
          `^<${platform().publicUrl}/public/digest/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`,
        ),
      );
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers.from).toBe(FROM);
    }
    // The period passes with the worker cycling in it (each append wakes it, its own records too):
    // still one e-mail each.
    const periodEnd = Date.parse(periodOf(first!)!) + PERIOD_SECONDS * 1_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, periodEnd - Date.now()) + 500));
    expect(mailbox().to(stays.address)).toHaveLength(1);
    expect(mailbox().to(leaves.address)).toHaveLength(1);
  });

  it('refuses a forged unsubscribe link at the gateway with a problem that tells nothing', async () => {
    const response = await fetch(
      `${platform().origin}/public/digest/unsubscribe?token=${'A'.repeat(43)}`,
      { method: 'POST' },
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('stops the next digest by its unsubscribe link, through the gateway, without signing in', async () => {
    const [mail] = mailbox().to(leaves.address);
    const link = new URL(mail!.headers['list-unsubscribe']!.slice(1, -1));
    // The link points at the public URL; here that is the gateway's origin, reached on loopback.
    const atGateway = `${platform().origin}${link.pathname}${link.search}`;
    const page = await fetch(atGateway);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const stopped = await fetch(atGateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.status).toBe(200);
    expect(await (await as(leaves.person)).must(MINE)).toEqual({
      mySubscription: { topics: [topic], email: null },
    });
    await publish(`Problem-oriented policing briefing ${run}`);
    const [, second] = await waitFor(
      'the next period’s digest to the subscriber who stays',
      () => mailbox().to(stays.address),
      (mails) => mails.length >= 2,
      60_000,
    );
    expect(second!.text).toContain(`Problem-oriented policing briefing ${run}`);
    expect(second!.text).not.toContain(`Hot spots briefing ${run}`);
    expect(periodOf(second!)).not.toBe(periodOf(mailbox().to(stays.address)[0]!));
    // The same cycle found the one who left: nothing to them, then or since.
    expect(mailbox().to(leaves.address)).toHaveLength(1);
    expect(mailbox().to(stays.address)).toHaveLength(2);
  });

  it('shreds the address of a subscriber the community erases: the erasure reaches the digest, and nothing more is sent', async () => {
    const ada = await as('ada');
    await ada.must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: stays.person.actor.id,
        p: {
          name: `Stacey Stays ${run}`,
          rankOrGrade: 'Police Sergeant',
          unit: 'Central West BCU',
          contact: { email: stays.address },
          credentials: [],
          skills: [],
          topics: [],
          availability: { willing: false, hoursPerMonth: 0 },
          consent: { listedInExpertiseFinder: false, contactableByResearchers: false },
        },
      },
    );
    await ada.must(
      'mutation($id: ID!) { erasePerson(id: $id, reason: left_the_force) { personId } }',
      { id: stays.person.actor.id },
    );
    // Distributed, the erasure travels on the community's topic to the dissemination service.
    await waitFor(
      "the community's erasure to stop the subscriber's e-mails",
      async () => (await as(stays.person)).must<{ mySubscription: { email: string | null } }>(MINE),
      (mine) => mine.mySubscription.email === null,
      60_000,
    );
    const sent = mailbox().to(stays.address).length;
    await publish(`Briefing after the erasure ${run}`);
    // A whole period passes with the worker cycling: nothing reaches the erased subscriber.
    await new Promise((resolve) => setTimeout(resolve, (PERIOD_SECONDS + 2) * 1_000));
    expect(mailbox().to(stays.address)).toHaveLength(sent);
  });
}
