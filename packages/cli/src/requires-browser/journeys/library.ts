// Library editing in the page (issue 21): an editor drafts an item, finds it among the drafts,
// revises and publishes it, follows its deliveries to the national bodies and retries the one
// that failed; the published item is then in 'What Works' search and the Atom feed. The
// committee releases an OFFICIAL-SENSITIVE version to a national body; an editor withdraws an
// item with a reason, at phone width.
import { randomUUID } from 'node:crypto';
import { dissemination } from '@ebp/contracts';
import {
  NationalBodyEndpoint,
  parseDeliveryTargets,
  type DeliveryTarget,
} from '@ebp/dissemination';
import type { Locator, Page } from 'playwright-core';
import { PHONE, WAIT_MS, type IntranetHarness } from '../../testing/intranet-browser';

/** The national body that acknowledges every delivery. */
const ACKNOWLEDGING = 'research-map' satisfies dissemination.TargetId;
/** The national body that refuses each delivery the first time and takes it when it comes again. */
const REFUSING_FIRST = 'what-works-toolkit' satisfies dissemination.TargetId;
const ACKNOWLEDGING_NAME = dissemination.NATIONAL_BODIES[ACKNOWLEDGING].name;
const REFUSING_FIRST_NAME = dissemination.NATIONAL_BODIES[REFUSING_FIRST].name;

/** The national bodies the library journeys deliver to: real HTTP servers (systems we do not run). */
export interface LibraryNationalBodies {
  readonly acknowledging: NationalBodyEndpoint;
  readonly refusingFirst: NationalBodyEndpoint;
  /** The platform's setting for them (`disseminationTargets`). */
  readonly targets: DeliveryTarget[];
  close(): Promise<void>;
}

/**
 * Opens the two national bodies: the Research Map acknowledges every delivery; the What Works
 * toolkit refuses the first attempt of each delivery (422: not retried, so it fails) and
 * acknowledges it when an editor retries it.
 */
export async function openLibraryNationalBodies(): Promise<LibraryNationalBodies> {
  let reference = 0;
  const refused = new Set<string>();
  const acknowledging = await NationalBodyEndpoint.open(() => ({
    status: 201,
    reference: `RM-${(reference += 1)}`,
  }));
  const refusingFirst = await NationalBodyEndpoint.open((delivery) => {
    if (refused.has(delivery.idempotencyKey))
      return { status: 201, reference: `WW-${(reference += 1)}` };
    refused.add(delivery.idempotencyKey);
    return { status: 422, detail: 'The toolkit is closed for its annual review today' };
  });
  return {
    acknowledging,
    refusingFirst,
    targets: parseDeliveryTargets(
      `${ACKNOWLEDGING}=${acknowledging.url},${REFUSING_FIRST}=${refusingFirst.url}`,
    ),
    async close() {
      await acknowledging.down();
      await refusingFirst.down();
    },
  };
}

/** The field (its label, hint, error and control) whose control has this label. */
const fieldOf = (page: Page, label: string): Locator =>
  page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

/** Opens the library from the menu. */
async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('heading', { name: 'Research and Learning Library', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Editorial work' }).waitFor();
}

/** Opens a draft, found by its title among the drafts on the library page. */
async function openDraft(page: Page, title: string): Promise<void> {
  await openLibrary(page);
  await page.getByLabel('Show', { exact: true }).selectOption('draft');
  const drafts = page.getByRole('region', { name: 'Drafts awaiting publication' });
  await drafts.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

/** Publishes the working copy of the open item; returns the version published. */
async function publishOpenItem(page: Page): Promise<number> {
  const button = page.getByRole('button', { name: /^Publish version \d+$/ });
  const version = Number(((await button.textContent()) ?? '').replace(/\D+/g, ''));
  await button.click();
  const published = page.getByRole('status').filter({ hasText: `Published version ${version}.` });
  const refused = page.getByRole('alert');
  await published.or(refused).first().waitFor();
  // A refusal fails the test with the graph's own words.
  if (await refused.count()) throw new Error(`Not published: ${await refused.first().innerText()}`);
  return version;
}

/**
 * Publishes, through the page, the draft with this title (as an editor: reviewers, the committee
 * or administrators), from wherever the signed-in page is. Returns the version published.
 */
export async function publishDraftThroughPage(page: Page, title: string): Promise<number> {
  await openDraft(page, title);
  return publishOpenItem(page);
}

/** Drafts an item through the library page's form, and lands on its page. */
async function draftThroughPage(
  page: Page,
  content: { title: string; summary: string; classification?: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' },
): Promise<void> {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Draft a new item' }).click();
  await page.getByLabel('Title', { exact: true }).fill(content.title);
  await page.getByLabel('Summary', { exact: true }).fill(content.summary);
  await page.getByLabel('Year', { exact: true }).fill('2025');
  if (content.classification)
    await page.getByLabel('Classification', { exact: true }).selectOption(content.classification);
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await page.getByRole('heading', { name: content.title, level: 1 }).waitFor();
}

/** A delivery's row in the open item's table of deliveries. */
const deliveryRow = (page: Page, version: number, body: string): Locator =>
  page
    .getByRole('region', { name: 'Deliveries to national bodies' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: body, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: String(version), exact: true }) });

/** Waits until the row reads this status (the page looks again while a delivery is on its way). */
async function waitForStatus(row: Locator, status: string): Promise<void> {
  await row.getByRole('cell').filter({ hasText: status }).first().waitFor({ timeout: WAIT_MS });
}

export function libraryJourneys(
  intranet: () => IntranetHarness,
  bodies: () => LibraryNationalBodies,
): void {
  const stamp = randomUUID().slice(0, 8);
  const draftedTitle = `Street triage pilot ${stamp}`;
  const revisedTitle = `Street triage and mental health calls ${stamp}`;

  it('an editor drafts, finds, revises and publishes an item, sees its deliveries and retries the failed one; search and the Atom feed then have it', async () => {
    const harness = intranet();
    const rob = await harness.signedIn('rob');
    await openLibrary(rob);
    await harness.checkAndKeep(rob, 'library-editorial');

    // The graph's refusal is shown beside the fields it concerns.
    await rob.getByRole('button', { name: 'Draft a new item' }).click();
    await rob.getByLabel('Title', { exact: true }).fill('X');
    await rob.getByLabel('Summary', { exact: true }).fill('Too short.');
    await rob.getByRole('button', { name: 'Save the draft' }).click();
    await rob.getByRole('alert').filter({ hasText: 'The item could not be drafted.' }).waitFor();
    await fieldOf(rob, 'Title').locator('.error-message').waitFor();
    await fieldOf(rob, 'Summary').locator('.error-message').waitFor();
    expect(await rob.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await harness.checkAndKeep(rob, 'library-draft-refused');
    await rob.getByRole('button', { name: 'Cancel' }).click();

    await draftThroughPage(rob, {
      title: draftedTitle,
      summary: 'Mental health nurses riding with response officers on Friday and Saturday nights.',
    });
    await rob.getByRole('status').filter({ hasText: 'A draft: not yet published.' }).waitFor();
    await harness.checkAndKeep(rob, 'library-draft');

    // Found among the drafts, and revised: a link that is not http(s) is refused beside its field.
    await openDraft(rob, draftedTitle);
    await rob.getByRole('button', { name: 'Revise the working copy' }).click();
    await rob.getByLabel('Title', { exact: true }).fill(revisedTitle);
    await rob
      .getByLabel('Findings and full text (optional)', { exact: true })
      .fill('Detentions under section 136 fell by a third on the nights the nurses rode along.');
    await rob.getByLabel('Scientific Methods Scale level', { exact: true }).selectOption('3');
    await rob.getByLabel('Direction of effect', { exact: true }).selectOption('positive');
    await rob.getByLabel('Crime problems', { exact: true }).fill('mental health, public order');
    await rob
      .getByLabel('Link to the full text (optional)', { exact: true })
      .fill('ftp://example.org/x');
    await rob.getByRole('button', { name: 'Save the revision' }).click();
    await fieldOf(rob, 'Link to the full text (optional)').locator('.error-message').waitFor();
    await harness.checkAndKeep(rob, 'library-revision-refused');
    await rob.getByLabel('Link to the full text (optional)', { exact: true }).fill('');
    await rob.getByRole('button', { name: 'Save the revision' }).click();
    await rob.getByRole('status').filter({ hasText: 'The working copy is saved.' }).waitFor();
    await rob.getByRole('heading', { name: revisedTitle, level: 1 }).waitFor();

    // Published: each national body gets version 1; the toolkit refuses it the first time.
    expect(await publishOpenItem(rob)).toBe(1);
    await waitForStatus(deliveryRow(rob, 1, ACKNOWLEDGING_NAME), 'Acknowledged');
    const refused = deliveryRow(rob, 1, REFUSING_FIRST_NAME);
    await waitForStatus(refused, 'Failed');
    await refused.getByRole('cell').filter({ hasText: 'annual review' }).waitFor();
    await harness.checkAndKeep(rob, 'library-delivery-failed');

    await refused
      .getByRole('button', { name: `Retry delivery of version 1 to ${REFUSING_FIRST_NAME}` })
      .click();
    await waitForStatus(refused, 'Acknowledged');
    await harness.checkAndKeep(rob, 'library-delivery-retried');

    // What the page claimed, as the graph has it, and as the national body received it.
    const url = new URL(rob.url());
    const itemId = decodeURIComponent(url.pathname.replace(/^\/library\//, ''));
    const { libraryItem } = await (
      await harness.graph('rob')
    ).must<{ libraryItem: { title: string; deliveries: { targetId: string; status: string }[] } }>(
      'query($id: ID!) { libraryItem(id: $id) { title deliveries { targetId status } } }',
      { id: itemId },
    );
    expect(libraryItem.title).toBe(revisedTitle);
    expect(
      [...libraryItem.deliveries].sort((a, b) => a.targetId.localeCompare(b.targetId)),
    ).toEqual([
      { targetId: ACKNOWLEDGING, status: 'acknowledged' },
      { targetId: REFUSING_FIRST, status: 'acknowledged' },
    ]);
    const key = `${itemId}@v1->${REFUSING_FIRST}`;
    expect(bodies().refusingFirst.requestsFor(key)).toHaveLength(2);
    expect(bodies().refusingFirst.kept.get(key)?.body).toContain(revisedTitle);

    // Its deliveries at phone width.
    const phone = await harness.signedIn('rob', PHONE);
    await phone.goto(rob.url());
    await waitForStatus(deliveryRow(phone, 1, REFUSING_FIRST_NAME), 'Acknowledged');
    await harness.checkAndKeep(phone, 'library-deliveries-phone');

    // 'What Works' search on the page finds it.
    await openLibrary(rob);
    await rob.getByRole('searchbox', { name: 'Search' }).fill(revisedTitle);
    await rob.getByRole('button', { name: 'Search', exact: true }).click();
    await rob
      .getByRole('region', { name: 'Results' })
      .getByRole('link', { name: revisedTitle, exact: true })
      .waitFor();

    // The Atom feed has it.
    const feed = await fetch(`${harness.base}feeds/library.atom`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain(`<title>${revisedTitle}</title>`);
    expect(xml).toContain(`/library/${itemId}"`);
  }, 240_000);

  it('the committee releases a published OFFICIAL-SENSITIVE version to a national body, and only then is it delivered', async () => {
    const harness = intranet();
    const title = `Covert tasking review ${stamp}`;
    const cat = await harness.signedIn('cat');
    await draftThroughPage(cat, {
      title,
      summary: 'How covert tasking decisions were reviewed across the county lines operations.',
      classification: 'OFFICIAL_SENSITIVE',
    });
    // Published the way another journey publishes a project's draft: found among the drafts.
    expect(await publishDraftThroughPage(cat, title)).toBe(1);
    await cat
      .getByRole('region', { name: 'Deliveries to national bodies' })
      .getByText('No deliveries yet.')
      .waitFor();

    // Found among the sensitive items to release.
    await openLibrary(cat);
    await cat
      .getByLabel('Show', { exact: true })
      .selectOption({ label: 'Published OFFICIAL-SENSITIVE items (for release)' });
    await cat
      .getByRole('region', { name: 'Published OFFICIAL-SENSITIVE items (for release)' })
      .getByRole('link', { name: title, exact: true })
      .click();
    await cat.getByRole('heading', { name: 'Release version 1 to national bodies' }).waitFor();
    await harness.checkAndKeep(cat, 'library-release');

    // Neither a body nor a reason: each refusal beside its field.
    await cat.getByRole('button', { name: 'Release version 1' }).click();
    await cat.getByRole('alert').filter({ hasText: 'The version was not released.' }).waitFor();
    await cat.locator('#release-targets-error').waitFor();
    await fieldOf(cat, 'Justification').locator('.error-message').waitFor();
    await harness.checkAndKeep(cat, 'library-release-refused');

    await cat.getByRole('checkbox', { name: ACKNOWLEDGING_NAME }).check();
    await cat
      .getByLabel('Justification', { exact: true })
      .fill('The Research Map holds it under the data sharing agreement of 2025.');
    await cat.getByRole('button', { name: 'Release version 1' }).click();
    await cat.getByRole('status').filter({ hasText: 'released to 1 national body' }).waitFor();
    await waitForStatus(deliveryRow(cat, 1, ACKNOWLEDGING_NAME), 'Acknowledged');
    await expect(deliveryRow(cat, 1, REFUSING_FIRST_NAME).count()).resolves.toBe(0);
    await cat.getByText(`Version 1 released to ${ACKNOWLEDGING_NAME}`).waitFor();
    await harness.checkAndKeep(cat, 'library-released');
  }, 240_000);

  it('at phone width, an editor withdraws an item with a reason, and finds it among the withdrawn', async () => {
    const harness = intranet();
    const title = `Knife arch trial notes ${stamp}`;
    const rob = await harness.signedIn('rob', PHONE);
    await draftThroughPage(rob, {
      title,
      summary: 'Notes on the knife arch trial at two stations, kept for the evidence review.',
    });
    await harness.checkAndKeep(rob, 'library-item-editor-phone');

    await rob.getByRole('button', { name: 'Withdraw the item' }).click();
    await fieldOf(rob, 'Reason for withdrawing').locator('.error-message').waitFor();
    await harness.checkAndKeep(rob, 'library-withdraw-refused-phone');
    await rob
      .getByLabel('Reason for withdrawing', { exact: true })
      .fill('A duplicate of the trial report already in the library.');
    await rob.getByRole('button', { name: 'Withdraw the item' }).click();
    await rob
      .getByRole('status')
      .filter({ hasText: 'Withdrawn: readers no longer see it.' })
      .waitFor();
    await harness.checkAndKeep(rob, 'library-withdrawn-phone');

    await openLibrary(rob);
    await rob.getByLabel('Show', { exact: true }).selectOption('withdrawn');
    await rob
      .getByRole('region', { name: 'Withdrawn items' })
      .getByRole('link', { name: title, exact: true })
      .waitFor();
    await harness.checkAndKeep(rob, 'library-withdrawn-list-phone');
  }, 240_000);
}
