// Issue 21's first "Must show": one project carried from proposal to a published library item,
// each role doing its part through the page. The lead proposes an SMS 4 design and submits it;
// two reviewers review it (the first is refused while criteria are unjudged); the committee
// approves; the lead starts it, reports progress, amends it with a justification and completes it
// with findings whose outcomes differ from those pre-registered; the editor publishes the draft
// the library made of it and sees its deliveries; a reviewer sees the outcome-switching flag; What
// Works search finds the item and the Atom feed carries it. The graph only confirms what the page
// shows (and tells the test when the library has drafted the item, which happens out of sight).
import { randomUUID } from 'node:crypto';
import { dissemination } from '@ebp/contracts';
import { LIBRARY_FEED_PATH } from '@ebp/gateway';
import type { Page } from 'playwright-core';
import { WAIT_MS, type IntranetHarness } from '../../testing/intranet-browser';
import { publishDraftThroughPage } from './library';
import {
  amendWithJustification,
  completeWithSwitchedOutcomes,
  reportProgress,
  seeOutcomeSwitchingFlag,
  startProject,
} from './lifecycle';
import {
  approve,
  proposeAndSubmit,
  reviewAllMet,
  sendPartlyJudgedAndBeRefused,
  type Proposal,
} from './review';

interface ProjectState {
  readonly researchProject: {
    readonly status: string;
    readonly plannedSmsLevel: number;
    readonly outcomeSwitching: boolean;
    readonly reviews: readonly { readonly reviewerId: string; readonly verdict: string }[];
  } | null;
}

interface LibraryItemState {
  readonly libraryItem: {
    readonly title: string;
    readonly status: string;
    readonly deliveries: readonly { readonly targetId: string; readonly status: string }[];
  } | null;
}

/** The national body that acknowledges every delivery in the shared spec's platform. */
const ACKNOWLEDGING_NAME = dissemination.NATIONAL_BODIES['research-map'].name;

/** The library item the dissemination service drafts from a completed project. */
const draftedItemId = (projectId: string) => `project-${projectId}`;

/** Searches the library's 'What Works' evidence on the page, until the item's link is found. */
async function findInWhatWorks(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('heading', { name: 'Research and Learning Library', level: 1 }).waitFor();
  const found = page
    .getByRole('region', { name: 'Results' })
    .getByRole('link', { name: title, exact: true });
  // The search index follows publication a moment later: search again until it has the item.
  for (let attempt = 1; ; attempt += 1) {
    await page.getByRole('searchbox', { name: 'Search' }).fill(title);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    try {
      await found.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 12) throw error;
    }
  }
}

export function proposalToLibraryJourney(intranet: () => IntranetHarness): void {
  it('carries one project from proposal, through review, approval and completion, to a published library item in search and the Atom feed', async () => {
    const harness = intranet();
    const stamp = randomUUID().slice(0, 8);
    const proposal: Proposal = {
      title: `Hot-spot foot patrols on late buses ${stamp}`,
      summary: 'Whether foot patrols at the busiest night bus stops reduce assaults on passengers.',
      question: 'Do foot patrols at night bus hot spots reduce assaults on passengers?',
      design: `Randomised trial of forty bus-stop hot spots, patrolled or not ${stamp}`,
      methods: 'randomised-controlled-trial, hot-spots',
      plannedSmsLevel: '4',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      owningUnit: 'Roads and Transport Policing Command',
      noEthicsReason: 'Uses recorded crime at the stops only; no one takes part in it.',
      outcome: 'Assaults on passengers at the stops',
      measure: 'Recorded assaults within fifty metres of each stop, per week',
    };
    const added = 'Calls for service from bus drivers';
    const robGraph = await harness.graph('rob');
    const recorded = async (projectId: string) =>
      (
        await robGraph.must<ProjectState>(
          `query($id: ID!) { researchProject(id: $id) { status plannedSmsLevel outcomeSwitching
            reviews { reviewerId verdict } } }`,
          { id: projectId },
        )
      ).researchProject;

    // The lead proposes the SMS 4 design and submits it.
    const rae = await harness.signedIn('rae');
    const { projectUrl, projectId } = await proposeAndSubmit(rae, proposal);
    await harness.checkAndKeep(rae, 'journey-submitted');
    await expect(recorded(projectId)).resolves.toMatchObject({
      status: 'submitted',
      plannedSmsLevel: 4,
      reviews: [],
    });

    // The first reviewer is refused while three criteria are unjudged, then reviews it in full.
    const rob = await harness.signedIn('rob');
    await rob.goto(projectUrl);
    await rob.getByRole('heading', { name: proposal.title, level: 1 }).waitFor();
    const comments = 'A randomised design at SMS 4 with a pre-registered, countable outcome.';
    await sendPartlyJudgedAndBeRefused(rob, comments);
    await harness.checkAndKeep(rob, 'journey-review-refused');
    await expect(recorded(projectId)).resolves.toMatchObject({ reviews: [] });
    await reviewAllMet(rob, comments);

    // The second reviewer, the one an SMS 4 design needs before approval.
    const rex = await harness.signedIn('rex');
    await rex.goto(projectUrl);
    await rex.getByRole('article', { name: 'Review 1 by Rob Reviewer' }).waitFor();
    await reviewAllMet(rex, 'Agreed: the randomisation and the measure are sound.');
    await harness.checkAndKeep(rex, 'journey-second-review');
    const reviewed = await recorded(projectId);
    expect(reviewed?.reviews.map((review) => [review.reviewerId, review.verdict])).toEqual([
      ['person-rob', 'meets_standards'],
      ['person-rex', 'meets_standards'],
    ]);

    // The committee approves, with both reviews beside its decision.
    const cat = await harness.signedIn('cat');
    await cat.goto(projectUrl);
    await cat
      .getByRole('region', { name: 'Reviews', exact: true })
      .getByRole('heading', { name: 'Review 2 by Rex Referee' })
      .waitFor();
    await approve(cat, 'Two reviews find the design meets the standards; assaults on buses rise.');
    await harness.checkAndKeep(cat, 'journey-approved');
    await expect(recorded(projectId)).resolves.toMatchObject({ status: 'approved' });

    // The lead starts it, reports progress, amends it and completes it with switched outcomes.
    await rae.goto(projectUrl);
    await rae.getByText(/^approved ·/).waitFor();
    await startProject(rae);
    await reportProgress(rae, 'Forty stops randomised; patrols began on the twenty treated.');
    await amendWithJustification(rae, {
      owningUnit: 'Roads and Transport Policing Command, night teams',
      justification: 'The night teams now run the patrols after the command reorganised.',
    });
    await harness.checkAndKeep(rae, 'journey-amended');
    await completeWithSwitchedOutcomes(rae, {
      summary: 'Assaults fell little; drivers called the police less on patrolled nights.',
      preRegistered: proposal.outcome,
      added,
      addedResult: 'Calls from drivers fell by a fifth at patrolled stops.',
    });
    await harness.checkAndKeep(rae, 'journey-completed');
    await expect(recorded(projectId)).resolves.toMatchObject({
      status: 'completed',
      outcomeSwitching: true,
    });

    // A reviewer sees the flag on the completed project.
    await rex.goto(projectUrl);
    await rex.getByRole('heading', { name: proposal.title, level: 1 }).waitFor();
    await seeOutcomeSwitchingFlag(rex, { preRegistered: proposal.outcome, added });
    await harness.checkAndKeep(rex, 'journey-reviewer-sees-flag');

    // The library drafts a report of the completed project, under the project's title, out of
    // sight of the page: wait for it before the editor looks among the drafts.
    const itemId = draftedItemId(projectId);
    const adaGraph = await harness.graph('ada');
    const item = async () =>
      (
        await adaGraph.must<LibraryItemState>(
          'query($id: ID!) { libraryItem(id: $id) { title status deliveries { targetId status } } }',
          { id: itemId },
        )
      ).libraryItem;
    const drafted = Date.now() + WAIT_MS;
    while ((await item())?.status !== 'draft' && Date.now() < drafted)
      await new Promise((resolve) => setTimeout(resolve, 250));
    await expect(item()).resolves.toMatchObject({ title: proposal.title, status: 'draft' });

    // The editor publishes the draft and sees its deliveries to the national bodies.
    const ada = await harness.signedIn('ada');
    expect(await publishDraftThroughPage(ada, proposal.title)).toBe(1);
    expect(decodeURIComponent(new URL(ada.url()).pathname)).toBe(`/library/${itemId}`);
    const deliveries = ada.getByRole('region', { name: 'Deliveries to national bodies' });
    await deliveries
      .getByRole('row')
      .filter({ has: ada.getByRole('rowheader', { name: ACKNOWLEDGING_NAME, exact: true }) })
      .getByRole('cell')
      .filter({ hasText: 'Acknowledged' })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await harness.checkAndKeep(ada, 'journey-published-deliveries');
    const published = await item();
    expect(published?.status).toBe('published');
    expect(published?.deliveries).toContainEqual({
      targetId: 'research-map',
      status: 'acknowledged',
    });
    // Every delivery the graph records is shown, one row per national body.
    await expect(deliveries.getByRole('row').count()).resolves.toBe(
      (published?.deliveries.length ?? 0) + 1,
    );

    // 'What Works' search on the page finds the published item.
    await findInWhatWorks(rae, proposal.title);
    await harness.checkAndKeep(rae, 'journey-found-in-what-works');

    // The Atom feed carries it.
    const feed = await fetch(new URL(LIBRARY_FEED_PATH.slice(1), harness.base));
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain(`<title>${proposal.title}</title>`);
    expect(xml).toContain(`/library/${itemId}"`);
  }, 600_000);
}
