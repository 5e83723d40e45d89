// Issue 21, reviewing: a researcher proposes an SMS 4 design and submits it; two reviewers read
// it in full and review it (the first tries to send before judging every criterion and is
// refused; the second works from the keyboard alone, at phone width); the committee decides with
// both reviews beside its form. Everything through the page; the graph only confirms what it shows.
import type { Page, Request } from 'playwright-core';
import { demoProjectId } from '../../demo/demo-projects';
import {
  PHONE,
  ukDay,
  type IntranetHarness,
  sidewaysOverflow,
} from '../../testing/intranet-browser';

interface RecordedReview {
  readonly reviewerId: string;
  readonly verdict: string;
  readonly comments: string;
  readonly current: boolean;
  readonly checklist: Record<string, string>;
}

interface ReviewedProject {
  readonly researchProject: {
    readonly status: string;
    readonly plannedSmsLevel: number;
    readonly reviews: readonly RecordedReview[];
  } | null;
}

/** The checklist's fields, as the graph names them. */
const QA_KEYS = [
  'research_question_clear',
  'design_answers_question',
  'comparison_appropriate',
  'sample_size_justified',
  'outcomes_pre_registered',
  'analysis_plan_stated',
  'bias_risks_addressed',
  'ethics_and_data_protection',
] as const;

const REVIEWED = `query($id: ID!) { researchProject(id: $id) { status plannedSmsLevel reviews {
  reviewerId verdict comments current checklist { ${QA_KEYS.join(' ')} } } } }`;

/** The standards in the order the form asks them, as it words them. */
export const CRITERIA = [
  'The research question is clear',
  'The design answers the question',
  'The comparison is appropriate',
  'The sample size is justified',
  'The outcomes are pre-registered',
  'The analysis plan is stated',
  'Risks of bias are addressed',
  'Ethics and data protection are covered',
] as const;

/** What has the keyboard's focus: the element, its label, and the legend of its fieldset. */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; type: string; label: string; group: string; checked: boolean }>(
    `(() => {
      const element = document.activeElement;
      const label = element && element.labels && element.labels[0] ? element.labels[0].textContent : '';
      const fieldset = element ? element.closest('fieldset') : null;
      const legend = fieldset ? fieldset.querySelector(':scope > legend') : null;
      return {
        tag: element ? element.tagName : '',
        type: element ? element.getAttribute('type') || '' : '',
        label: (label || (element ? element.textContent : '') || '').trim(),
        group: legend ? (legend.textContent || '').trim() : '',
        checked: Boolean(element && element.checked),
      };
    })()`,
  );

/** A research proposal as the lead types it into the page's proposal form. */
export interface Proposal {
  readonly title: string;
  readonly summary: string;
  readonly question: string;
  readonly design: string;
  readonly methods: string;
  readonly plannedSmsLevel: '1' | '2' | '3' | '4' | '5';
  /** ISO days, typed as the page shows them (dd/mm/yyyy). */
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly owningUnit: string;
  readonly noEthicsReason: string;
  /** The pre-registered primary outcome, and how it is measured. */
  readonly outcome: string;
  readonly measure: string;
}

/** Where a proposed project lives in the page, and its id in the register. */
export interface ProposedProject {
  readonly projectUrl: string;
  readonly projectId: string;
}

/**
 * Proposes the design through the page's form, from the signed-in lead's menu, and submits it
 * for review; returns where the project is.
 */
export async function proposeAndSubmit(lead: Page, proposal: Proposal): Promise<ProposedProject> {
  await lead.getByRole('link', { name: 'Propose research' }).click();
  await lead.getByRole('heading', { name: 'Propose research' }).waitFor();
  await lead.getByLabel('Title', { exact: true }).fill(proposal.title);
  await lead.getByLabel('Summary').fill(proposal.summary);
  await lead.getByLabel('Research questions').fill(proposal.question);
  await lead.getByLabel('Design').fill(proposal.design);
  await lead.getByLabel('Methods').fill(proposal.methods);
  await lead.getByLabel('Planned SMS level').selectOption(proposal.plannedSmsLevel);
  await lead.getByLabel('Planned start').fill(ukDay(proposal.plannedStart));
  await lead.getByLabel('Planned end').fill(ukDay(proposal.plannedEnd));
  await lead.getByLabel('Owning unit').fill(proposal.owningUnit);
  await lead.getByLabel('Why no ethics approval is needed').fill(proposal.noEthicsReason);
  await lead.getByLabel('Outcome', { exact: true }).fill(proposal.outcome);
  await lead.getByLabel('How it is measured').fill(proposal.measure);
  await lead.getByRole('button', { name: 'Propose' }).click();
  await lead.getByRole('heading', { name: proposal.title }).waitFor();
  const projectUrl = lead.url().replace(/\?.*$/, '');
  const projectId = decodeURIComponent(projectUrl.split('/').at(-1) ?? '');
  await lead.getByRole('button', { name: 'Submit for review' }).click();
  await lead.getByText(/^submitted ·/).waitFor();
  return { projectUrl, projectId };
}

/** The review form on the open project's page. */
export const reviewForm = (page: Page) => page.getByRole('form', { name: 'Review' });

/** Chooses a judgement ("Met", "Not met", "Not applicable") of one criterion on the review form. */
export const judge = (page: Page, criterion: string, judgement: string) =>
  reviewForm(page)
    .getByRole('group', { name: criterion })
    .getByRole('radio', { name: judgement, exact: true })
    .check();

/**
 * Judges the first five criteria as met, writes the comments and tries to send the review with
 * three criteria and the verdict unchosen: the page refuses, and lists the three beside the
 * standards. Returns that list.
 */
export async function sendPartlyJudgedAndBeRefused(page: Page, comments: string) {
  const form = reviewForm(page);
  for (const criterion of CRITERIA.slice(0, 5)) await judge(page, criterion, 'Met');
  await form.getByLabel('Comments').fill(comments);
  // Nothing may leave the page: the refusal is the page's own, not the register's.
  const sent: string[] = [];
  const watch = (request: Request) => {
    if ((request.postData() ?? '').includes('recordReview')) sent.push(request.url());
  };
  page.on('request', watch);
  await form.getByRole('button', { name: 'Record the review' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'The review was not sent.' })
    .getByText('Judge 3 criteria and choose a verdict before sending the review.')
    .waitFor();
  page.off('request', watch);
  expect(sent).toEqual([]);
  const standards = form.getByRole('group', { name: 'National research-design standards' });
  const describedBy = (await standards.getAttribute('aria-describedby')) ?? '';
  expect(describedBy).not.toBe('');
  const gaps = page.locator(`[id="${describedBy}"]`);
  await expect(gaps.getByRole('listitem').allTextContents()).resolves.toEqual([
    ...CRITERIA.slice(5),
  ]);
  await expect(gaps.textContent()).resolves.toContain('Not yet judged (3 of 8)');
  await form
    .getByRole('group', { name: 'Verdict', exact: true })
    .getByText('Choose a verdict')
    .waitFor();
  return gaps;
}

/**
 * Judges every criterion met, finds that the design meets the standards, writes the comments
 * and sends the review; waits until the page says it is recorded.
 */
export async function reviewAllMet(page: Page, comments: string): Promise<void> {
  const form = reviewForm(page);
  for (const criterion of CRITERIA) await judge(page, criterion, 'Met');
  await form.getByRole('radio', { name: 'Meets the standards' }).check();
  await form.getByLabel('Comments').fill(comments);
  await form.getByRole('button', { name: 'Record the review' }).click();
  await page.getByText(/You reviewed this design on .*: Meets the standards/).waitFor();
}

/** The committee approves the open project from its decision form, with its reasons. */
export async function approve(committee: Page, reasons: string): Promise<void> {
  const decision = committee.getByRole('region', { name: 'EBP Committee decision' });
  await decision.getByRole('radio', { name: 'Approve' }).check();
  await decision.getByLabel('Reasons').fill(reasons);
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await committee.getByText(/^approved ·/).waitFor();
}

export function reviewJourneys(intranet: () => IntranetHarness): void {
  it('takes an SMS 4 proposal through two reviews, refusing one sent early, to the committee’s approval', async () => {
    const harness = intranet();
    const stamp = Date.now().toString(36);
    const title = `Body-worn video at stop and search ${stamp}`;
    const design = `Stepped-wedge trial across twelve boroughs ${stamp}`;
    const question = 'Does body-worn video reduce complaints after stop and search?';
    const measure = 'Complaints per thousand stops, per borough per month';

    // The researcher proposes an SMS 4 design through the page and submits it.
    const rae = await harness.signedIn('rae');
    const { projectUrl, projectId } = await proposeAndSubmit(rae, {
      title,
      summary: 'Whether officers wearing cameras during stop and search draws fewer complaints.',
      question,
      design,
      methods: 'stepped-wedge, crime-analysis',
      plannedSmsLevel: '4',
      plannedStart: '2027-02-01',
      plannedEnd: '2028-01-31',
      owningUnit: 'Territorial Support Group',
      noEthicsReason: 'Uses recorded complaints and stop counts only, no participants.',
      outcome: 'Complaints after stop and search',
      measure,
    });

    const robGraph = await harness.graph('rob');
    const recorded = async () =>
      (await robGraph.must<ReviewedProject>(REVIEWED, { id: projectId })).researchProject;
    await expect(recorded()).resolves.toMatchObject({ plannedSmsLevel: 4, reviews: [] });

    // The first reviewer reads the proposal in full, and the form starts with nothing chosen.
    const rob = await harness.signedIn('rob');
    await rob.goto(projectUrl);
    const proposal = rob.getByRole('region', { name: 'The proposal in full' });
    await proposal.getByText(design).waitFor();
    // People by name, not id.
    await proposal.getByText('Rae Researcher').waitFor();
    await proposal.getByRole('listitem').filter({ hasText: question }).waitFor();
    await proposal.getByText(measure).waitFor();
    await proposal.getByText('needs two independent reviews before approval').waitFor();
    await proposal
      .getByText('Uses recorded complaints and stop counts only, no participants.')
      .waitFor();
    await rob.getByText('No one has reviewed the proposal yet.').waitFor();
    const robForm = reviewForm(rob);
    await expect(robForm.getByRole('radio').count()).resolves.toBe(CRITERIA.length * 3 + 3);
    await expect(robForm.getByRole('radio', { checked: true }).count()).resolves.toBe(0);
    await harness.checkAndKeep(rob, 'review-proposal-in-full');

    // Five criteria judged, no verdict: sending is refused and nothing is recorded.
    const robComments = 'A sound stepped-wedge design with a clear measure.';
    const gaps = await sendPartlyJudgedAndBeRefused(rob, robComments);
    await harness.checkAndKeep(rob, 'review-refused-unjudged');
    await expect(recorded()).resolves.toMatchObject({ status: 'submitted', reviews: [] });

    // Judging the rest, one of them unmet, with a verdict that it meets the standards: the
    // register refuses the contradiction, and says so beside the verdict.
    await judge(rob, 'The analysis plan is stated', 'Not met');
    await judge(rob, 'Risks of bias are addressed', 'Met');
    await judge(rob, 'Ethics and data protection are covered', 'Met');
    await expect(gaps.count()).resolves.toBe(0);
    await robForm.getByRole('radio', { name: 'Meets the standards' }).check();
    await robForm.getByRole('button', { name: 'Record the review' }).click();
    await robForm
      .getByRole('group', { name: 'Verdict', exact: true })
      .getByText(
        'A design that meets the standards cannot leave criteria unmet: “The analysis plan is stated”',
      )
      .waitFor();
    await rob.getByRole('alert').getByText('The review was not recorded.').waitFor();
    await harness.checkAndKeep(rob, 'review-refused-contradiction');
    await expect(recorded()).resolves.toMatchObject({ status: 'submitted', reviews: [] });
    // Met after all: now it is sent.
    await reviewAllMet(rob, robComments);
    await rob.getByText(/^under review ·/).waitFor();
    await rob.getByRole('heading', { name: 'Review 1 by Rob Reviewer' }).waitFor();
    await harness.checkAndKeep(rob, 'review-recorded');
    const afterFirst = await recorded();
    expect(afterFirst?.reviews).toEqual([
      {
        reviewerId: 'person-rob',
        verdict: 'meets_standards',
        comments: robComments,
        current: true,
        checklist: Object.fromEntries(QA_KEYS.map((key) => [key, 'met'])),
      },
    ]);

    // The second reviewer, on a phone and with the keyboard alone, sees the first review.
    const rex = await harness.signedIn('rex', PHONE);
    await rex.goto(projectUrl);
    const firstReview = rex.getByRole('article', { name: 'Review 1 by Rob Reviewer' });
    await firstReview.getByText('A sound stepped-wedge design with a clear measure.').waitFor();
    await firstReview.getByText('Meets the standards').waitFor();
    await reviewForm(rex).waitFor();
    await harness.checkAndKeep(rex, 'review-second-reviewer-phone');
    await expect(sidewaysOverflow(rex)).resolves.toBeLessThanOrEqual(0);

    // Tab from the top of the page to the first criterion's first option.
    let reached = await focused(rex);
    for (let step = 0; step < 150 && reached.group !== CRITERIA[0]; step += 1) {
      await rex.keyboard.press('Tab');
      reached = await focused(rex);
    }
    expect(reached).toMatchObject({ type: 'radio', group: CRITERIA[0], label: 'Met' });
    for (const [index, criterion] of CRITERIA.entries()) {
      expect(await focused(rex)).toMatchObject({ type: 'radio', group: criterion, label: 'Met' });
      if (criterion === 'The sample size is justified') {
        // The arrow keys move along a group, choosing as they go: here "Not applicable".
        await rex.keyboard.press('ArrowRight');
        await rex.keyboard.press('ArrowRight');
        expect(await focused(rex)).toMatchObject({ label: 'Not applicable', checked: true });
      } else {
        await rex.keyboard.press('Space');
        expect(await focused(rex)).toMatchObject({ label: 'Met', checked: true });
      }
      await rex.keyboard.press('Tab');
      if (index === CRITERIA.length - 1)
        expect(await focused(rex)).toMatchObject({
          group: 'Verdict',
          label: 'Meets the standards',
        });
    }
    await rex.keyboard.press('Space');
    await rex.keyboard.press('Tab');
    expect(await focused(rex)).toMatchObject({ tag: 'TEXTAREA', label: 'Comments' });
    await rex.keyboard.type('Agree: the sample is the whole force, so no sample size is needed.');
    await rex.keyboard.press('Tab');
    expect(await focused(rex)).toMatchObject({ tag: 'BUTTON', label: 'Record the review' });
    await rex.keyboard.press('Enter');
    await rex.getByText(/You reviewed this design on .*: Meets the standards/).waitFor();
    await rex.getByRole('heading', { name: 'Review 2 by Rex Referee' }).waitFor();
    await harness.checkAndKeep(rex, 'review-second-recorded-phone');
    await expect(sidewaysOverflow(rex)).resolves.toBeLessThanOrEqual(0);
    const afterSecond = await recorded();
    expect(afterSecond?.reviews.map((review) => [review.reviewerId, review.verdict])).toEqual([
      ['person-rob', 'meets_standards'],
      ['person-rex', 'meets_standards'],
    ]);
    expect(afterSecond?.reviews[1]?.checklist).toMatchObject({
      sample_size_justified: 'not_applicable',
      research_question_clear: 'met',
      ethics_and_data_protection: 'met',
    });

    // The committee sees both reviews beside its decision form, which starts undecided.
    const cat = await harness.signedIn('cat');
    await cat.goto(projectUrl);
    const history = cat.getByRole('region', { name: 'Reviews', exact: true });
    const decision = cat.getByRole('region', { name: 'EBP Committee decision' });
    await history.getByRole('heading', { name: 'Review 2 by Rex Referee' }).waitFor();
    await history.getByRole('heading', { name: 'Review 1 by Rob Reviewer' }).waitFor();
    await history
      .getByText('So far: 2 of the current design, 2 finding that it meets them.')
      .waitFor();
    await expect(decision.getByRole('radio', { checked: true }).count()).resolves.toBe(0);
    const historyBox = await history.boundingBox();
    const decisionBox = await decision.boundingBox();
    expect(historyBox && decisionBox).toBeTruthy();
    if (historyBox && decisionBox) {
      // Beside: the form is to the right of the reviews, level with them.
      expect(decisionBox.x).toBeGreaterThanOrEqual(historyBox.x + historyBox.width);
      expect(decisionBox.y).toBeLessThan(historyBox.y + historyBox.height);
    }
    await harness.checkAndKeep(cat, 'decision-beside-reviews');
    await approve(
      cat,
      'Two reviews find the design meets the standards; it serves a force priority.',
    );
    await harness.checkAndKeep(cat, 'decision-recorded');
    await expect(recorded()).resolves.toMatchObject({ status: 'approved' });

    // The lead finds the reviews folded away under the approved project, and opens them.
    await rae.reload();
    await rae.getByText(/^approved ·/).waitFor();
    const folded = rae.getByText('The proposal in full and its reviews');
    await folded.waitFor();
    await expect(rae.getByRole('heading', { name: /^Review \d by / }).count()).resolves.toBe(0);
    await folded.click();
    await rae.getByRole('heading', { name: 'Review 2 by Rex Referee' }).waitFor();
    await rae.getByRole('heading', { name: 'Review 1 by Rob Reviewer' }).waitFor();
    // Nothing to review or decide: the lead reads, no more.
    await expect(rae.getByRole('form', { name: 'Review' }).count()).resolves.toBe(0);
    await expect(rae.getByRole('form', { name: 'Decision' }).count()).resolves.toBe(0);
    await harness.checkAndKeep(rae, 'review-history-for-the-lead');
  }, 480_000);

  it('keeps the committee’s decision until one is chosen, with the reviews above it on a phone', async () => {
    const harness = intranet();
    // The demo's SMS 4 study awaiting its second review: nothing the committee sends is taken
    // until it chooses, and approving it is refused by the register, beside the decision.
    const projectId = demoProjectId('demo-perpetrator-programme');
    const catGraph = await harness.graph('cat');
    const status = async () =>
      (
        await catGraph.must<{ researchProject: { status: string; plannedSmsLevel: number } }>(
          'query($id: ID!) { researchProject(id: $id) { status plannedSmsLevel } }',
          { id: projectId },
        )
      ).researchProject;
    await expect(status()).resolves.toEqual({ status: 'under_review', plannedSmsLevel: 4 });
    const cat = await harness.signedIn('cat', PHONE);
    await cat.goto(`${harness.base}register/${encodeURIComponent(projectId)}`);
    const decision = cat.getByRole('region', { name: 'EBP Committee decision' });
    await decision.waitFor();
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await cat
      .getByRole('alert')
      .getByText('The decision was not sent.', { exact: false })
      .waitFor();
    await decision
      .getByRole('group', { name: 'Decision', exact: true })
      .getByText('Choose a decision')
      .waitFor();
    await harness.checkAndKeep(cat, 'decision-refused-undecided-phone');
    await decision.getByRole('radio', { name: 'Approve' }).check();
    await decision.getByLabel('Reasons').fill('Approving before the second review is in.');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await decision
      .getByRole('group', { name: 'Decision', exact: true })
      .getByText(/2 reviews of the current design/)
      .waitFor();
    await harness.checkAndKeep(cat, 'decision-refused-reviews-incomplete-phone');
    await expect(sidewaysOverflow(cat)).resolves.toBeLessThanOrEqual(0);
    const history = await cat.getByRole('region', { name: 'Reviews', exact: true }).boundingBox();
    const form = await decision.boundingBox();
    // On a phone the reviews come first, the form under them.
    expect(history && form && form.y >= history.y + history.height).toBe(true);
    await expect(status()).resolves.toMatchObject({ status: 'under_review' });
  }, 240_000);
}
