import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const WEB_ROOT = join(repoRoot, 'web', 'dist');
export const SCREENSHOTS = join(repoRoot, 'artefacts', 'browser');

/** Debian's Chromium (deploy/local/browser installs it); never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.EBP_CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: run deploy/local/browser`);
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`No built web page in ${WEB_ROOT}: run npm run build -w @ebp/web`);
  // Root in CI and on these machines: Chromium's sandbox needs user namespaces it cannot have.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA checks on the page as it is; the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's policy rightly forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this package is compiled for Node, without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  })()`);
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** A full-page screenshot kept as a test artefact (artefacts/browser/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
