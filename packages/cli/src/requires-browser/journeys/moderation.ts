// Moderation in the page (issue 21): a partner's outcomes arrive through its signed webhook, as
// the partner sends them; a moderator accepts the valid one from the queue, an administrator
// corrects the one the quarantine held and resubmits it into the queue, and the partner user sees
// its collaborations and each submission's status on its own page.
import { randomUUID } from 'node:crypto';
import { postPartnerOutcome } from '../../partner-webhook';
import type { Page } from 'playwright-core';
import { PHONE, type IntranetHarness } from '../../testing/intranet-browser';

const ORGANISATION_ID = 'demo-org-cambridge';
const ORGANISATION = 'Cambridge Centre for Evidence-Based Policing';
const HOT_SPOTS = 'Hot-spot patrols in the night-time economy';

export function moderationJourneys(intranet: () => IntranetHarness): void {
  const stamp = randomUUID().slice(0, 8);
  const validTitle = `Night-time patrols: final report ${stamp}`;
  const heldTitle = `Night-time patrols: working paper ${stamp}`;
  const correctedDoi = `10.1177/wp-${stamp}`;
  /** The held item's id, as the webhook's answer gives it. */
  let heldItemId = '';

  /** The partner's webhook secret, issued by an administrator (outside the page, as in life). */
  async function partnerSecret(): Promise<string> {
    const ada = await intranet().graph('ada');
    const { issueWebhookSecret } = await ada.must<{ issueWebhookSecret: { secret: string } }>(
      'mutation($id: ID!) { issueWebhookSecret(organisationId: $id) { secret } }',
      { id: ORGANISATION_ID },
    );
    return issueWebhookSecret.secret;
  }

  /** Posts an outcome as the partner does: signed with its secret, to its webhook. */
  async function deliver(secret: string, outcome: Record<string, unknown>) {
    const id = `msg_${randomUUID()}`;
    const body = JSON.stringify(outcome);
    const response = await postPartnerOutcome(intranet().base, ORGANISATION_ID, {
      id,
      body,
      secret,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The partner's own submissions as the graph answers it: what the partner's page must show. */
  async function partnerSubmissions() {
    const uni = await intranet().graph('uni');
    return (
      await uni.must<{ mySubmissions: { title: string; status: string }[] }>(
        '{ mySubmissions { title status } }',
      )
    ).mySubmissions;
  }

  const signedIn: IntranetHarness['signedIn'] = (user, viewport) =>
    intranet().signedIn(user, viewport);
  const checkAndKeep: IntranetHarness['checkAndKeep'] = (page, name) =>
    intranet().checkAndKeep(page, name);
  const menuLinks = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

  it('takes a partner’s signed outcomes: the valid one waits in the queue and a moderator accepts it on the page (a rejection without its reason refused beside the field)', async () => {
    const { base } = intranet();
    const uniGraph = await intranet().graph('uni');
    const { organisations } = await uniGraph.must<{
      organisations: { collaborations: { project: { id: string; title: string } | null }[] }[];
    }>('{ organisations { collaborations { project { id title } } } }');
    const projectId = organisations[0]?.collaborations.find(
      (collaboration) => collaboration.project?.title === HOT_SPOTS,
    )?.project?.id;
    expect(projectId).toBeDefined();

    const secret = await partnerSecret();
    const valid = await deliver(secret, {
      projectId,
      kind: 'publication',
      title: validTitle,
      summary: 'Patrols of fifteen minutes cut violence in the hot spots they covered.',
      doi: `10.1177/final-${stamp}`,
      publishedOn: '2026-10-01',
    });
    expect(valid).toMatchObject({ status: 202, body: { status: 'awaiting_moderation' } });
    // A publication without its DOI breaks the contract: held in the quarantine, with why.
    const invalid = await deliver(secret, {
      projectId,
      kind: 'publication',
      title: heldTitle,
      publishedOn: '2026-10-15',
    });
    expect(invalid).toMatchObject({ status: 422, body: { code: 'INVALID_OUTCOME' } });
    heldItemId = String(invalid.body.quarantineItemId);

    // A reviewer moderates: the menu offers the page, and the queue shows the project, the
    // partner and the outcome's content; the quarantine is the administrators' and not shown.
    const rob = await signedIn('rob');
    expect(await menuLinks(rob)).toContain('Moderation');
    await rob
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await rob.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const queued = rob.getByRole('region', { name: validTitle });
    await queued.getByRole('link', { name: HOT_SPOTS }).waitFor();
    await queued.getByText(ORGANISATION, { exact: true }).waitFor();
    await queued.getByText('Patrols of fifteen minutes cut violence').waitFor();
    await queued.getByText('01/10/2026', { exact: true }).waitFor();
    expect(await rob.getByRole('heading', { name: 'Quarantine' }).count()).toBe(0);
    // The held outcome is not in the queue.
    expect(await rob.getByRole('region', { name: heldTitle }).count()).toBe(0);
    await checkAndKeep(rob, 'moderation-queue');

    // A rejection needs its reason: refused, and said beside the reason's field.
    await queued.getByRole('button', { name: `Reject “${validTitle}”` }).click();
    const reason = queued.getByLabel(`Reason for rejecting “${validTitle}”`);
    await queued.getByText('The outcome could not be rejected.').waitFor();
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    await expect(
      rob.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent(),
    ).resolves.toMatch(/reason/i);
    await checkAndKeep(rob, 'moderation-reject-refused');

    await queued.getByRole('button', { name: `Accept “${validTitle}”` }).click();
    await rob
      .getByText(`Accepted “${validTitle}”: it is published to the project and the library.`)
      .waitFor();
    await rob.getByRole('region', { name: validTitle }).waitFor({ state: 'detached' });
    expect(await partnerSubmissions()).toContainEqual({ title: validTitle, status: 'published' });
    await checkAndKeep(rob, 'moderation-accepted');

    // At phone width.
    const phone = await signedIn('rob', PHONE);
    await phone.goto(`${base}moderation`);
    await phone.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    await phone.getByRole('heading', { name: 'Awaiting moderation' }).waitFor();
    await checkAndKeep(phone, 'moderation-phone');
  }, 240_000);

  it('shows an administrator why the quarantine held the invalid one; corrected and resubmitted on the page, it then waits in the queue', async () => {
    const { base } = intranet();
    expect(heldItemId).toMatch(/^webhook:/);
    const ada = await signedIn('ada');
    await ada
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await ada.getByRole('heading', { name: 'Quarantine' }).waitFor();
    const held = ada.getByRole('region', { name: heldTitle });
    // Why it was held, and what was received, as the service holds them.
    const { quarantine } = await (
      await intranet().graph('ada')
    ).must<{ quarantine: { itemId: string; reason: string }[] }>(
      '{ quarantine { itemId reason } }',
    );
    const reason = quarantine.find((item) => item.itemId === heldItemId)?.reason ?? '';
    expect(reason).toMatch(/doi/i);
    await held.getByText(reason, { exact: true }).waitFor();
    await held.getByText(ORGANISATION, { exact: true }).waitFor();
    await held.getByText(`"title":"${heldTitle}"`).waitFor();
    // The form starts from what was sent.
    await expect(held.getByLabel('Title').inputValue()).resolves.toBe(heldTitle);
    await expect(held.getByLabel('Published on').inputValue()).resolves.toBe('15/10/2026');
    await held.getByRole('link', { name: HOT_SPOTS }).waitFor();
    await checkAndKeep(ada, 'moderation-quarantine');

    // The held item at phone width, before it is resubmitted.
    const phone = await signedIn('ada', PHONE);
    await phone.goto(`${base}moderation`);
    await phone
      .getByRole('region', { name: 'Quarantine' })
      .getByRole('region', { name: heldTitle })
      .getByLabel('DOI')
      .waitFor();
    await checkAndKeep(phone, 'moderation-quarantine-phone');

    // Corrected and resubmitted from the keyboard alone: from the title, past the summary to the
    // DOI; then past the link and the day to the button.
    await held.getByLabel('Title').focus();
    await ada.keyboard.press('Tab');
    await ada.keyboard.press('Tab');
    await expect(
      held.getByLabel('DOI').evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    await ada.keyboard.type(correctedDoi);
    for (let press = 0; press < 3; press += 1) await ada.keyboard.press('Tab');
    await expect(
      held
        .getByRole('button', { name: `Resubmit “${heldTitle}”` })
        .evaluate((button) => button === document.activeElement),
    ).resolves.toBe(true);
    await ada.keyboard.press('Enter');
    await ada
      .getByText(`Resubmitted “${heldTitle}” as a new submission: it is now awaiting moderation.`)
      .waitFor();
    // Out of the quarantine, and into the queue as a resubmission.
    const queue = ada.getByRole('region', { name: 'Awaiting moderation' });
    const queued = queue.getByRole('region', { name: heldTitle });
    await queued.getByText('resubmitted from the quarantine', { exact: false }).waitFor();
    await queued.getByRole('link', { name: correctedDoi }).waitFor();
    await expect(
      ada
        .getByRole('region', { name: 'Quarantine' })
        .getByRole('region', { name: heldTitle })
        .count(),
    ).resolves.toBe(0);
    const { moderationQueue } = await (
      await intranet().graph('ada')
    ).must<{ moderationQueue: { title: string; channel: string; doi: string | null }[] }>(
      '{ moderationQueue { title channel doi } }',
    );
    expect(moderationQueue).toContainEqual({
      title: heldTitle,
      channel: 'resubmission',
      doi: correctedDoi,
    });
    await checkAndKeep(ada, 'moderation-resubmitted');
  }, 240_000);

  it('shows the partner user its organisation, its collaborations and each submission’s moderation status; staff pages are not its', async () => {
    const { base } = intranet();
    const uni = await signedIn('uni');
    expect(await menuLinks(uni)).toEqual(['Master classes', 'Our organisation']);
    await uni
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Our organisation' })
      .click();
    await uni.getByRole('heading', { level: 1, name: ORGANISATION }).waitFor();
    const collaborations = uni.getByRole('region', { name: 'Your collaborations' });
    await collaborations.getByRole('region', { name: HOT_SPOTS }).getByText('evaluator').waitFor();

    const submissions = uni.getByRole('region', { name: 'Your submissions' });
    const shown = await partnerSubmissions();
    expect(shown).toEqual(
      expect.arrayContaining([
        { title: validTitle, status: 'published' },
        { title: heldTitle, status: 'awaiting_moderation' },
      ]),
    );
    const published = submissions.getByRole('region', { name: validTitle });
    await published.getByText('Published', { exact: true }).waitFor();
    await published.getByText(HOT_SPOTS, { exact: true }).waitFor();
    await submissions
      .getByRole('region', { name: heldTitle })
      .getByText('Awaiting moderation', { exact: true })
      .waitFor();
    // Every submission the graph gives the partner is on its page.
    await expect(submissions.getByRole('heading', { level: 3 }).count()).resolves.toBe(
      shown.length,
    );
    await checkAndKeep(uni, 'partner-own-view');

    // The moderation page is the staff's: not offered, and not there if asked for.
    await uni.goto(`${base}moderation`);
    await uni.getByRole('heading', { name: 'Page not found' }).waitFor();

    const phone = await signedIn('uni', PHONE);
    await phone.goto(`${base}organisation`);
    await phone.getByRole('heading', { level: 1, name: ORGANISATION }).waitFor();
    await phone
      .getByRole('region', { name: 'Your submissions' })
      .getByRole('region', { name: validTitle })
      .waitFor();
    await checkAndKeep(phone, 'partner-own-view-phone');
  }, 240_000);
}
