// Issue 21: every role's menu offers what the role may do and nothing else, and every page a menu
// offers opens for that role without the graph refusing it.
import type { Page } from 'playwright-core';
import { PHONE, type DemoUserKey, type IntranetHarness } from '../../testing/intranet-browser';

const EVERY_MEMBER_OF_STAFF = [
  'Home',
  'Register',
  'Research Plan',
  'Library',
  'Master classes',
  'Training',
  'Forum',
  'People',
  'Partners',
  'Meetings',
  'Surveys',
  'My digest',
  'Skills audits',
  'Award and fund',
  'Learning networks',
] as const;

/** What each demo user's menu should offer, in order (written out, not read from the page's code). */
const MENUS: Record<DemoUserKey, readonly string[]> = {
  vic: EVERY_MEMBER_OF_STAFF,
  sam: [...EVERY_MEMBER_OF_STAFF, 'Propose research'],
  rae: [...EVERY_MEMBER_OF_STAFF, 'Propose research'],
  rob: [
    ...EVERY_MEMBER_OF_STAFF.slice(0, 12),
    'Governance',
    ...EVERY_MEMBER_OF_STAFF.slice(12),
    'Moderation',
  ],
  rex: [
    ...EVERY_MEMBER_OF_STAFF.slice(0, 12),
    'Governance',
    ...EVERY_MEMBER_OF_STAFF.slice(12),
    'Moderation',
  ],
  cat: [
    ...EVERY_MEMBER_OF_STAFF.slice(0, 12),
    'Governance',
    ...EVERY_MEMBER_OF_STAFF.slice(12),
    'Moderation',
  ],
  ada: [
    ...EVERY_MEMBER_OF_STAFF.slice(0, 12),
    'Governance',
    ...EVERY_MEMBER_OF_STAFF.slice(12),
    'Moderation',
    'Propose research',
  ],
  uni: ['Master classes', 'Our organisation'],
};

const menuOf = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

/** Opens every page the menu offers and fails on any the graph refuses (an error with a code). */
async function everyPageOpens(page: Page, user: DemoUserKey): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of MENUS[user]) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Wait until nothing on the page is still loading, then look for a refusal.
    await page
      .getByText(/^Loading .*…$/)
      .first()
      .waitFor({ state: 'detached' });
    const refusals = await page
      .getByRole('alert')
      .filter({ hasText: /Code: / })
      .allTextContents();
    expect([user, label, refusals]).toEqual([user, label, []]);
  }
}

/**
 * Whose every page is opened: the least a member of staff may do, the most, and a partner. The
 * other roles' menus are checked as lists (each of their pages opens in its own journey).
 */
const OPENED: readonly DemoUserKey[] = ['vic', 'ada', 'uni'];

export function menuJourneys(intranet: () => IntranetHarness): void {
  it.each(Object.keys(MENUS) as DemoUserKey[])(
    'offers %s only what the role may do',
    async (user) => {
      const page = await intranet().signedIn(user);
      await expect(menuOf(page)).resolves.toEqual(MENUS[user]);
      if (OPENED.includes(user)) await everyPageOpens(page, user);
    },
    300_000,
  );

  it('fits the menu on a phone', async () => {
    const page = await intranet().signedIn('ada', PHONE);
    await expect(menuOf(page)).resolves.toEqual(MENUS.ada);
    await intranet().checkAndKeep(page, 'menu-admin-phone');
  }, 120_000);
}
