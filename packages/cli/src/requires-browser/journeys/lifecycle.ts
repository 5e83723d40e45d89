// A project's lifecycle through the page alone: the lead of an approved demo project starts it,
// reports progress, suspends and resumes it, amends it with a justification and completes it with
// findings whose primary outcomes differ from those pre-registered (the completion form driven
// from the keyboard alone); the page flags the outcome switching, and a reviewer sees the flag and
// the EMMIE ratings, at a desk and on a phone. Every new state is checked with axe.
import type { Page } from 'playwright-core';
import { demoProjectId } from '../../demo/demo-projects';
import {
  PHONE,
  ukDay,
  type IntranetHarness,
  sidewaysOverflow,
} from '../../testing/intranet-browser';

/**
 * Walk and Talk is approved in the demo data and led by Rae, who may act on it; no other journey
 * takes it further, so this one carries it from approved to completed.
 */
const PROJECT = 'demo-walk-and-talk';
const TITLE = 'Walk and Talk: women officers on night patrols';
const PRE_REGISTERED = 'Perceived safety at night';
const ADDED = 'Reports of street harassment to officers';

/** The accessible name of the focused element: its label, or its own text. */
const focusedName = (page: Page) =>
  page.evaluate<string>(`(() => {
    const element = document.activeElement;
    if (!element) return '';
    const label = element.labels && element.labels[0];
    return ((label ? label.textContent : element.textContent) || '').trim();
  })()`);

/** Presses Tab (or Shift+Tab) until the element so named has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string, backwards = false): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < 80; step += 1) {
    const now = await focusedName(page);
    if (now === name) return;
    seen.push(now);
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tabbing never reached “${name}”; it passed ${seen.slice(-12).join(' | ')}`);
}

/** Chooses an option of the focused select by typing its first letters, as a keyboard user does. */
async function typeChoice(page: Page, label: string, letters: string, expected: string) {
  await tabTo(page, label);
  await page.keyboard.type(letters);
  const chosen = await page.evaluate<string>(
    `(() => { const s = document.activeElement; return s.options[s.selectedIndex].text; })()`,
  );
  expect([label, chosen]).toEqual([label, expected]);
}

/** The lead starts the approved project open in the page, today. */
export async function startProject(lead: Page): Promise<void> {
  const lifecycle = lead.getByRole('region', { name: 'Running the project' });
  await lifecycle.getByRole('button', { name: 'Start the research today' }).click();
  await lead
    .getByRole('status')
    .filter({ hasText: /^The research started on / })
    .waitFor();
  await lead.getByText(/^in progress · OFFICIAL/).waitFor();
}

/** The lead reports progress on the open project; the report appears in its timeline. */
export async function reportProgress(lead: Page, report: string): Promise<void> {
  const lifecycle = lead.getByRole('region', { name: 'Running the project' });
  await lifecycle.getByLabel('What has been done since the last report').fill(report);
  await lifecycle.getByRole('button', { name: 'Record the progress report' }).click();
  await lead.getByRole('listitem').filter({ hasText: report }).waitFor();
}

/** The lead amends the open project's owning unit, with a justification the timeline shows. */
export async function amendWithJustification(
  lead: Page,
  amendment: { owningUnit: string; justification: string },
): Promise<void> {
  await lead.getByText('Amend the proposal').click();
  const form = lead.getByRole('form', { name: 'Amendment' });
  await form.getByLabel('Owning unit').fill(amendment.owningUnit);
  await form.getByLabel('Justification').fill(amendment.justification);
  await form.getByRole('button', { name: 'Record the amendment' }).click();
  await lead.getByRole('listitem').filter({ hasText: amendment.justification }).waitFor();
}

/** Findings whose primary outcomes differ from those pre-registered. */
export interface SwitchedFindings {
  /** What the research found (the register wants at least 20 characters). */
  readonly summary: string;
  /** The pre-registered primary outcome the findings leave out. */
  readonly preRegistered: string;
  /** The primary outcome reported in its place, and its result. */
  readonly added: string;
  readonly addedResult: string;
}

/** The EMMIE ratings the completion form is given: the dimension, a letter to type, its words. */
const RATINGS: readonly (readonly [string, string, string])[] = [
  ['Effect', 'L', 'Limited'],
  ['Mechanism', 'M', 'Moderate'],
  ['Moderators', 'N', 'None'],
  ['Implementation', 'S', 'Strong'],
  ['Economic cost', 'L', 'Limited'],
];

/** Opens the completion form of the open project from the keyboard; returns the form. */
export async function openCompletionByKeyboard(lead: Page) {
  await lead.bringToFront();
  await tabTo(lead, 'Complete the project with its findings');
  await lead.keyboard.press('Enter');
  const completion = lead.getByRole('form', { name: 'Complete the project with its findings' });
  await completion.waitFor();
  return completion;
}

/**
 * Fills the open completion form from the keyboard alone (the focus in it, below the summary):
 * a mixed effect at SMS level 1, the pre-registered outcome unreported and another added, and
 * the EMMIE ratings; the form then says, before it is sent, that the findings will be flagged.
 */
export async function fillSwitchedFindingsByKeyboard(
  lead: Page,
  findings: SwitchedFindings,
): Promise<void> {
  const completion = lead.getByRole('form', { name: 'Complete the project with its findings' });
  await tabTo(lead, 'What the research found', true);
  await lead.keyboard.press('Control+A');
  await lead.keyboard.type(findings.summary);
  await typeChoice(lead, 'Direction of the effect', 'Mi', 'Mixed');
  await typeChoice(lead, 'SMS level achieved', '1', '1');
  // The pre-registered primary outcome is not reported; another is reported in its place.
  await tabTo(lead, `${findings.preRegistered} is reported in the findings`);
  await lead.keyboard.press('Space');
  await tabTo(lead, 'Add an outcome not pre-registered');
  await lead.keyboard.press('Enter');
  await tabTo(lead, 'Added outcome 1: name', true);
  await lead.keyboard.type(findings.added);
  await tabTo(lead, 'Added outcome 1: result');
  await lead.keyboard.type(findings.addedResult);
  for (const [dimension, letter, words] of RATINGS) {
    await typeChoice(lead, `${dimension}: strength of the evidence`, letter, words);
    await typeChoice(lead, `${dimension}: quality of the evidence`, letter, words);
  }
  await completion.getByText('These findings will be flagged for outcome switching.').waitFor();
  await completion
    .getByText(`Pre-registered primary outcomes not reported: ${findings.preRegistered}.`)
    .waitFor();
  await completion.getByText(`Primary outcomes not pre-registered: ${findings.added}.`).waitFor();
}

/** Sends the completion form from the keyboard. */
export async function sendCompletionByKeyboard(lead: Page): Promise<void> {
  await tabTo(lead, 'Complete the project');
  await lead.keyboard.press('Enter');
}

/** Waits until the completed project's page flags the switched outcomes, naming both. */
export async function seeOutcomeSwitchingFlag(
  page: Page,
  outcomes: Pick<SwitchedFindings, 'preRegistered' | 'added'>,
): Promise<void> {
  const flag = page.getByRole('region', { name: 'Outcome switching flagged' });
  await flag.getByText('The primary outcomes reported differ from those pre-registered.').waitFor();
  await flag.getByRole('listitem').filter({ hasText: outcomes.preRegistered }).waitFor();
  await flag.getByRole('listitem').filter({ hasText: outcomes.added }).waitFor();
}

/**
 * The lead completes the open, in-progress project from the keyboard with findings whose
 * outcomes differ from those pre-registered; waits until the page says it is complete and shows
 * the flag.
 */
export async function completeWithSwitchedOutcomes(
  lead: Page,
  findings: SwitchedFindings,
): Promise<void> {
  await openCompletionByKeyboard(lead);
  // The summary is the form's first field, after the control that opened it.
  await tabTo(lead, 'What the research found');
  await fillSwitchedFindingsByKeyboard(lead, findings);
  await sendCompletionByKeyboard(lead);
  await lead
    .getByRole('status')
    .filter({ hasText: /^The project is complete/ })
    .waitFor();
  await seeOutcomeSwitchingFlag(lead, findings);
}

export function lifecycleJourneys(intranet: () => IntranetHarness): void {
  const address = () => `${intranet().base}register/${demoProjectId(PROJECT)}`;

  it('lets the lead start, report on, suspend, resume, amend and complete a project, flagging switched outcomes', async () => {
    const harness = intranet();
    const signedIn: IntranetHarness['signedIn'] = (user, viewport) =>
      harness.signedIn(user, viewport);
    const checkAndKeep = (page: Page, name: string) => harness.checkAndKeep(page, name);
    const rae = await signedIn('rae');
    await rae.goto(address());
    await rae.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const lifecycle = rae.getByRole('region', { name: 'Running the project' });
    await lifecycle.getByRole('button', { name: 'Start the research today' }).waitFor();
    // Approved: it may be started or withdrawn, not yet completed.
    expect(await lifecycle.getByText('Complete the project with its findings').count()).toBe(0);
    await checkAndKeep(rae, 'lifecycle-approved');

    // A withdrawal without a real reason is refused, and the register's words sit by the field.
    await lifecycle.locator('summary', { hasText: 'Withdraw the project' }).click();
    const withdrawReason = lifecycle.getByLabel('Why it is withdrawn');
    await withdrawReason.fill('No');
    await lifecycle.getByRole('button', { name: 'Withdraw the project now' }).click();
    await withdrawReason.and(rae.locator('[aria-invalid="true"]')).waitFor();
    await rae.getByText('The reason needs at least 10 characters').waitFor();
    await checkAndKeep(rae, 'lifecycle-withdrawal-refused');

    await startProject(rae);
    const graph = await intranet().graph('rae');
    const read = async () =>
      (
        await graph.must<{
          researchProject: {
            status: string;
            startedOn: string | null;
            outcomeSwitching: boolean;
            outcomeSwitchingDetail: { notReported: string[]; notPreRegistered: string[] } | null;
          };
        }>(
          'query($id: ID!) { researchProject(id: $id) { status startedOn outcomeSwitching outcomeSwitchingDetail { notReported notPreRegistered } } }',
          { id: demoProjectId(PROJECT) },
        )
      ).researchProject;
    const started = await read();
    expect(started.status).toBe('in_progress');
    await rae
      .getByRole('status')
      .filter({ hasText: `The research started on ${ukDay(started.startedOn!)}.` })
      .waitFor();

    // Progress: too short first (refused beside the field), then a real note, in the timeline.
    const progress = lifecycle.getByLabel('What has been done since the last report');
    await progress.fill('Walks');
    await lifecycle.getByRole('button', { name: 'Record the progress report' }).click();
    await progress.and(rae.locator('[aria-invalid="true"]')).waitFor();
    await rae.getByText('A progress report needs at least 10 characters').waitFor();
    await checkAndKeep(rae, 'lifecycle-progress-refused');
    await reportProgress(
      rae,
      'Twelve guided walks held in Soho and Camden; surveys collected after each.',
    );
    await checkAndKeep(rae, 'lifecycle-in-progress');

    // Suspended, with its reason in the timeline, then resumed.
    await lifecycle.locator('summary', { hasText: 'Suspend the project' }).click();
    await lifecycle
      .getByLabel('Why it is suspended')
      .fill('Night-time economy operation takes the officers for a month.');
    await lifecycle.getByRole('button', { name: 'Suspend the project now' }).click();
    await rae.getByRole('status').filter({ hasText: 'The project is suspended.' }).waitFor();
    await rae.getByRole('listitem').filter({ hasText: 'takes the officers for a month' }).waitFor();
    await lifecycle.getByRole('button', { name: 'Resume the research' }).waitFor();
    await checkAndKeep(rae, 'lifecycle-suspended');
    await lifecycle.getByRole('button', { name: 'Resume the research' }).click();
    await rae.getByRole('status').filter({ hasText: 'The research has resumed.' }).waitFor();
    await checkAndKeep(rae, 'lifecycle-resumed');

    // An amendment with its justification (the amend form is the committee-and-lead form).
    await amendWithJustification(rae, {
      owningUnit: 'Central West BCU night-time economy team',
      justification: 'The night-time economy team now runs the walks.',
    });

    // The lead's forms fit a phone: the completion form opened at 375 pixels.
    const phone = await signedIn('rae', PHONE);
    await phone.goto(address());
    await phone.locator('summary', { hasText: 'Complete the project with its findings' }).click();
    await phone.getByLabel('Economic cost: quality of the evidence').waitFor();
    await expect(sidewaysOverflow(phone)).resolves.toBe(0);
    await checkAndKeep(phone, 'lifecycle-completion-phone');

    // The completion form, from the keyboard alone: no clicks from here to the flag.
    const completion = await openCompletionByKeyboard(rae);
    // Nothing is chosen for the lead: sent as it opens, the form says what is missing, by field.
    await sendCompletionByKeyboard(rae);
    await rae.getByRole('alert').filter({ hasText: 'The findings are not complete.' }).waitFor();
    await completion
      .getByLabel('Direction of the effect')
      .and(rae.locator('[aria-invalid="true"]'))
      .waitFor();
    await completion.getByText('Rate the quality of the evidence for economic cost.').waitFor();
    await checkAndKeep(rae, 'lifecycle-completion-unchosen');

    // Before it is sent, the form says the findings will be flagged, and why.
    await fillSwitchedFindingsByKeyboard(rae, {
      summary: 'Felt safer.', // under the register's 20 characters
      preRegistered: PRE_REGISTERED,
      added: ADDED,
      addedResult: 'Reports doubled on walk nights.',
    });
    await sendCompletionByKeyboard(rae);
    // The register wants a longer summary: its words beside the field, the rest kept.
    const summary = completion.getByLabel('What the research found');
    await summary.and(rae.locator('[aria-invalid="true"]')).waitFor();
    await rae.getByText('The project could not be completed.').waitFor();
    expect(await completion.getByLabel('Added outcome 1: name').inputValue()).toBe(ADDED);
    await checkAndKeep(rae, 'lifecycle-completion-refused');
    await tabTo(rae, 'What the research found', true);
    await rae.keyboard.press('Control+A');
    await rae.keyboard.type(
      'Women felt a little safer on walk nights, and reported more harassment to officers.',
    );
    await sendCompletionByKeyboard(rae);

    await rae
      .getByRole('status')
      .filter({ hasText: /^The project is complete/ })
      .waitFor();
    await seeOutcomeSwitchingFlag(rae, { preRegistered: PRE_REGISTERED, added: ADDED });
    await rae.getByRole('region', { name: 'Findings', exact: true }).waitFor();
    expect(await rae.getByRole('region', { name: 'Running the project' }).count()).toBe(0);
    // What the page shows is what the register recorded.
    const completed = await read();
    expect(completed).toMatchObject({
      status: 'completed',
      outcomeSwitching: true,
      outcomeSwitchingDetail: { notReported: [PRE_REGISTERED], notPreRegistered: [ADDED] },
    });
    await checkAndKeep(rae, 'lifecycle-completed');
  }, 240_000);

  it('shows a reviewer the outcome-switching flag and the EMMIE ratings, at a desk and on a phone', async () => {
    const harness = intranet();
    const signedIn: IntranetHarness['signedIn'] = (user, viewport) =>
      harness.signedIn(user, viewport);
    const checkAndKeep = (page: Page, name: string) => harness.checkAndKeep(page, name);
    for (const viewport of [undefined, PHONE]) {
      const rob = await signedIn('rob', viewport);
      await rob.goto(address());
      await rob.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await seeOutcomeSwitchingFlag(rob, { preRegistered: PRE_REGISTERED, added: ADDED });
      const emmie = rob.getByRole('table', { name: 'EMMIE ratings' });
      const row = (dimension: string) =>
        emmie.getByRole('row').filter({ has: rob.getByRole('rowheader', { name: dimension }) });
      await expect(row('Effect').getByRole('cell').allTextContents()).resolves.toEqual([
        'Limited',
        'Limited',
      ]);
      await expect(row('Implementation').getByRole('cell').allTextContents()).resolves.toEqual([
        'Strong',
        'Strong',
      ]);
      const findings = rob.getByRole('region', { name: 'Findings', exact: true });
      await findings.getByText('not pre-registered').waitFor();
      // People by name (or by their part, where the community withholds it), never by id.
      const { people } = await (
        await intranet().graph('rob')
      ).must<{ people: { name: string | null }[] }>(
        'query { people(ids: ["person-rae"], purpose: attribution) { name } }',
      );
      const timeline = rob.getByRole('region', { name: 'Timeline' });
      await timeline
        .getByRole('listitem')
        .filter({ hasText: `completed by ${people[0]?.name ?? 'Project team member'}` })
        .waitFor();
      expect(await timeline.textContent()).not.toContain('person-');
      // A reviewer does not run the project.
      expect(await rob.getByRole('region', { name: 'Running the project' }).count()).toBe(0);
      if (viewport) {
        await expect(sidewaysOverflow(rob)).resolves.toBe(0);
        await checkAndKeep(rob, 'lifecycle-reviewer-phone');
      } else await checkAndKeep(rob, 'lifecycle-reviewer');
    }
  }, 240_000);
}
