// What every browser test of the intranet page shares: the all-in-one platform with the demo
// data and the built page, Debian's Chromium, sign-in as a demo user through the sign-in page,
// and the axe check with a photograph. Each requires-browser spec starts one of these.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAllInOne, type AllInOneOptions, type RunningPlatform } from '../all-in-one';
import { DEMO_LOADERS, loadDemoData } from '../demo/demo-data';
import { GraphClient } from '../graph-client';
import { WEB_ROOT, launchChromium, screenshot, seriousAccessibilityViolations } from './browser';

/** The demo users' names as the sign-in page offers them (development issuer). */
export const DEMO_NAMES = {
  vic: 'Vic Viewer (constable, Central West BCU)',
  rae: 'Rae Researcher (sergeant, analyst)',
  rob: 'Rob Reviewer (EBP Delivery Team)',
  rex: 'Rex Referee (EBP Delivery Team, second reviewer)',
  cat: 'Cat Committee (EBP Committee chair)',
  ada: 'Ada Admin (platform administrator)',
  sam: 'Sam Sensitive (detective sergeant, Specialist Crime; OFFICIAL-SENSITIVE research)',
  uni: 'Cambridge Centre for Evidence-Based Policing (partner)',
} as const;
export type DemoUserKey = keyof typeof DEMO_NAMES;

/** How long a page waits for what it should show (Playwright's default is 30 s). */
export const WAIT_MS = 60_000;

/** Desktop and phone viewports (the phone is 375 pixels wide, an iPhone SE's). */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 740 } as const;

/** A day (YYYY-MM-DD) as people type it on the page: dd/mm/yyyy (issue 21). */
export const ukDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface IntranetHarness {
  readonly platform: RunningPlatform;
  readonly browser: Browser;
  /** The page's address, ending in '/'. */
  readonly base: string;
  /** A graph client acting as a demo user: for reading what the page claims, never for doing. */
  graph(user: DemoUserKey): Promise<GraphClient>;
  /** A fresh tab, not signed in. */
  tab(viewport?: { width: number; height: number }): Promise<Page>;
  /** A fresh tab signed in as a demo user through the sign-in page, on the page it lands on. */
  signedIn(user: DemoUserKey, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * The page passes axe's serious and critical checks, does not scroll sideways at phone width,
   * and is photographed.
   */
  checkAndKeep(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the platform with the demo data and a browser; call from `beforeAll`. `options` are the
 * platform's, e.g. the national bodies it delivers to.
 */
export async function startIntranet(options: AllInOneOptions = {}): Promise<IntranetHarness> {
  // EBP_TEST_WEB_ROOT serves a build made elsewhere (`vite build --outDir`), so that engineers
  // building the page at once do not pull one another's files away mid-test.
  const webRoot = process.env.EBP_TEST_WEB_ROOT ?? WEB_ROOT;
  const platform = await startAllInOne({ port: 0, webRoot, ...options });
  const base = platform.url.replace(/graphql$/, '');
  const issuer = platform.issuer!;
  const tokens = new Map<string, string>();
  const tokenFor = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await issuer.tokenFor(user));
    return tokens.get(user)!;
  };
  for (const user of DEMO_LOADERS) await tokenFor(user);
  await loadDemoData((user) => new GraphClient(platform.url, tokens.get(user) ?? null));
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  const tab = async (viewport: { width: number; height: number } = DESKTOP) => {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    contexts.push(context);
    // Waits outlast a busy machine's slowest answer; the test's own timeout still bounds them.
    context.setDefaultTimeout(WAIT_MS);
    return context.newPage();
  };

  return {
    platform,
    browser,
    base,
    graph: async (user) => new GraphClient(platform.url, await tokenFor(user)),
    tab,
    async signedIn(user, viewport) {
      const page = await tab(viewport);
      await page.goto(base);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByRole('button', { name: `Sign in as ${DEMO_NAMES[user]}` }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return page;
    },
    async checkAndKeep(page, name) {
      expect([name, await seriousAccessibilityViolations(page)]).toEqual([name, []]);
      // A phone must never scroll sideways to read a page (issue 21: phone width on every page).
      if ((page.viewportSize()?.width ?? DESKTOP.width) <= PHONE.width) {
        const overflow = await sidewaysOverflow(page);
        // On failure, say which elements reach past the window's right edge.
        expect([name, overflow, overflow ? await widestElements(page) : []]).toEqual([name, 0, []]);
      }
      await screenshot(page, name);
    },
    async stop() {
      for (const context of contexts) await context.close();
      await browser.close();
      await platform.stop();
    },
  };
}

/** How many pixels the page is wider than its window (0 when it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    'Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)',
  );
}

/** The innermost elements reaching past the window's right edge, described briefly. */
function widestElements(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    // What a scroller clips does not widen the page: only look outside scrollers (an
    // absolutely placed element escapes a scroller that is not itself positioned).
    const clipped = (element) => {
      if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return false;
      for (let up = element.parentElement; up; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    const past = [...document.querySelectorAll('body *')].filter(
      (element) => element.getBoundingClientRect().right > width + 1 && !clipped(element),
    );
    return past
      .filter((element) => !past.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') +
        ' ' + Math.round(element.getBoundingClientRect().right) + 'px: ' +
        (element.textContent || '').trim().slice(0, 60));
  })()`);
}
