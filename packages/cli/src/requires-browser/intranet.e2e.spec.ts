// The intranet page in Debian's Chromium, against the all-in-one platform with the demo data:
// every page is checked with axe-core (no serious or critical WCAG 2.2 A/AA violations) and
// photographed into artefacts/browser/. Run with `npm run test:browser`.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningPlatform } from '../all-in-one';
import { GraphClient } from '../graph-client';
import { demoProjectId } from '../demo/demo-projects';
import { publishLibraryItem } from '../testing/public-origin-scenario';
import {
  DESKTOP,
  WAIT_MS,
  startIntranet,
  ukDay,
  type DemoUserKey,
  type IntranetHarness,
} from '../testing/intranet-browser';

describe('the intranet page in a browser', () => {
  let intranet: IntranetHarness;
  let platform: RunningPlatform;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    intranet = await startIntranet();
    ({ platform, browser, base } = intranet);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await intranet?.stop();
  });

  /** A fresh browser tab signed in as a demo user through the sign-in page, on the home page. */
  async function signedIn(
    user: DemoUserKey,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<Page> {
    const page = await intranet.signedIn(user, viewport);
    await page.getByRole('heading', { name: 'Evidence-based policing' }).waitFor();
    return page;
  }

  /** The page passes axe's serious and critical checks, and is photographed. */
  const checkAndKeep = (page: Page, name: string) => intranet.checkAndKeep(page, name);

  it('signs in with a demo user, and the sign-in page is accessible', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    contexts.push(context);
    // Waits outlast a busy machine's slowest answer; the test's own timeout still bounds them.
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${base}register`);
    // Not signed in: every page leads to sign-in.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: /Sign in as Vic Viewer/ }).waitFor();
    await checkAndKeep(page, 'sign-in');
  });

  it('shows the home page: What Works search, new learning, master classes, priorities, toolkits', async () => {
    const page = await signedIn('vic');
    for (const heading of [
      'What Works',
      'Newly published learning',
      'Upcoming master classes',
      'Research priorities',
      'Toolkits and resources',
    ])
      await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByRole('link', { name: 'Tackle violence against women and girls' }).waitFor();
    await checkAndKeep(page, 'home');
    await page.getByLabel('Search the Research and Learning Library').fill('hot spots');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Research and Learning Library' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^[1-9]\d* results? for “hot spots”$/ })
      .waitFor();
    await checkAndKeep(page, 'library-search');
  });

  it('lets an officer find a project by search, open it, and see it as of an earlier date', async () => {
    const page = await signedIn('vic');
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { name: 'Research and Learning Register' }).waitFor();
    await page.getByLabel('Search').fill('hot-spot patrols');
    await page.getByRole('button', { name: 'Apply' }).click();
    const link = page.getByRole('link', { name: 'Hot-spot patrols in the night-time economy' });
    await link.waitFor();
    await checkAndKeep(page, 'register');
    await link.click();
    await page
      .getByRole('heading', { name: 'Hot-spot patrols in the night-time economy' })
      .waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const events = page
      .getByRole('list')
      .filter({ has: page.locator('time') })
      .getByRole('listitem');
    expect(await events.count()).toBeGreaterThan(1);
    await expect(events.first().textContent()).resolves.toContain('proposed');
    await checkAndKeep(page, 'project');
    // The demo history was all recorded today: the day before, the project did not exist.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('As of', { exact: true }).fill(ukDay(yesterday));
    await page.getByRole('heading', { name: 'Project not found' }).waitFor();
    await page
      .getByLabel('As of', { exact: true })
      .fill(ukDay(new Date().toISOString().slice(0, 10)));
    await page
      .getByRole('heading', { name: 'Hot-spot patrols in the night-time economy' })
      .waitFor();
  });

  it('shows a viewer no OFFICIAL-SENSITIVE project, and the person cleared for it sees it', async () => {
    const vic = await signedIn('vic');
    await vic.goto(`${base}register?q=county+lines`);
    await vic
      .getByRole('status')
      .filter({ hasText: /^0 projects$/ })
      .waitFor();
    await vic.goto(`${base}register/${demoProjectId('demo-county-lines-disruption')}`);
    await vic.getByRole('heading', { name: 'Project not found' }).waitFor();
    expect(await vic.content()).not.toContain('Covert disruption of county lines');
    const sam = await signedIn('sam');
    await sam.goto(`${base}register/${demoProjectId('demo-county-lines-disruption')}`);
    await sam
      .getByRole('heading', { name: 'Covert disruption of county lines networks' })
      .waitFor();
    await sam.getByText('OFFICIAL_SENSITIVE').first().waitFor();
  });

  it('takes a proposal from a researcher through review and the committee, and an officer finds it', async () => {
    const title = `Evening patrols near stations ${Date.now().toString(36)}`;
    const rae = await signedIn('rae');
    await rae.getByRole('link', { name: 'Propose research' }).click();
    await rae.getByRole('heading', { name: 'Propose research' }).waitFor();
    // Sent empty: the server's messages appear beside the fields they are about.
    await rae.getByRole('button', { name: 'Propose' }).click();
    await rae.getByText('The proposal could not be recorded.').waitFor();
    const titleField = rae.getByLabel('Title', { exact: true });
    await expect(titleField.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await titleField.getAttribute('aria-describedby')) ?? '';
    await expect(
      rae.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent(),
    ).resolves.toBe('Error: Enter at least 5 characters');
    await checkAndKeep(rae, 'propose-with-errors');
    await titleField.fill(title);
    await rae
      .getByLabel('Summary')
      .fill('Do visible evening patrols near stations reduce robbery?');
    await rae
      .getByLabel('Research questions')
      .fill('Do evening patrols reduce robbery near stations?');
    await rae.getByLabel('Design').fill('Randomised trial across station areas');
    await rae.getByLabel('Methods').fill('rct, crime-analysis');
    await rae.getByLabel('Planned start').fill('04/01/2027');
    await rae.getByLabel('Planned end').fill('20/12/2027');
    await rae.getByLabel('Owning unit').fill('Central West BCU');
    await rae
      .getByLabel('Why no ethics approval is needed')
      .fill('Uses recorded crime counts only, no participants.');
    await rae.getByLabel('Outcome', { exact: true }).fill('Robbery near stations');
    await rae.getByLabel('How it is measured').fill('Recorded robberies per station area per week');
    await rae.getByRole('button', { name: 'Propose' }).click();
    await rae.getByRole('heading', { name: title }).waitFor();
    const projectUrl = rae.url().replace(/\?.*$/, '');
    await rae.getByRole('button', { name: 'Submit for review' }).click();
    await rae.getByText(/^submitted ·/).waitFor();

    const rob = await signedIn('rob');
    await rob.goto(projectUrl);
    await rob.getByRole('heading', { name: 'Quality assurance review' }).waitFor();
    const review = rob.getByRole('form', { name: 'Review' });
    // The form starts empty (issue 21): every criterion judged and a verdict chosen.
    for (const met of await review.getByRole('radio', { name: 'Met', exact: true }).all())
      await met.check();
    await review.getByRole('radio', { name: 'Meets the standards' }).check();
    await rob.getByLabel('Comments').fill('Meets the standards; a sound randomised design.');
    await checkAndKeep(rob, 'project-review');
    await rob.getByRole('button', { name: 'Record the review' }).click();
    await rob.getByText(/^under review ·/).waitFor();

    const cat = await signedIn('cat');
    await cat.goto(projectUrl);
    await cat.getByRole('heading', { name: 'EBP Committee decision' }).waitFor();
    await cat.getByRole('radio', { name: 'Approve' }).check();
    await cat.getByLabel('Reasons').fill('Addresses a Research Plan priority with a sound design.');
    await checkAndKeep(cat, 'project-decision');
    await cat.getByRole('button', { name: 'Record the decision' }).click();
    await cat.getByText(/^approved ·/).waitFor();

    const vic = await signedIn('vic');
    await vic.goto(`${base}register`);
    await vic.getByLabel('Search').fill(title);
    await vic.getByRole('button', { name: 'Apply' }).click();
    await vic.getByRole('link', { name: title }).click();
    await vic.getByText(/^approved ·/).waitFor();
    // A viewer is offered nothing to do, and no way to propose.
    expect(await vic.getByRole('heading', { name: 'Next steps' }).count()).toBe(0);
    expect(await vic.getByRole('link', { name: 'Propose research' }).count()).toBe(0);
  });

  it('lets the lead amend a proposal with a justification, with the server’s message beside a field', async () => {
    const rae = await signedIn('rae');
    await rae.goto(`${base}register/${demoProjectId('demo-procedural-justice')}`);
    await rae
      .getByRole('heading', { name: 'Procedural justice training for response officers' })
      .waitFor();
    await rae.getByText('Amend the proposal').click();
    const plannedEnd = rae.getByRole('form', { name: 'Amendment' }).getByLabel('Planned end');
    const before = await plannedEnd.inputValue();
    // An end before the start: the register refuses it and says so beside the field.
    await plannedEnd.fill('01/01/2020');
    await rae.getByLabel('Justification').fill('The study area grew, so fieldwork runs longer.');
    await rae.getByRole('button', { name: 'Record the amendment' }).click();
    await rae.getByText('the planned end must be after the planned start').waitFor();
    await expect(plannedEnd.getAttribute('aria-invalid')).resolves.toBe('true');
    await checkAndKeep(rae, 'project-amendment-error');
    // A year later, typed as the page shows days: dd/mm/yyyy.
    const later = `${before.slice(0, 6)}${Number(before.slice(6, 10)) + 1}`;
    await plannedEnd.fill(later);
    await rae.getByRole('button', { name: 'Record the amendment' }).click();
    await rae.getByRole('listitem').filter({ hasText: 'The study area grew' }).waitFor();
    await expect(plannedEnd.inputValue()).resolves.toBe(later);
    // A viewer may not amend: the form is not offered.
    const vic = await signedIn('vic');
    await vic.goto(`${base}register/${demoProjectId('demo-procedural-justice')}`);
    await vic.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await vic.getByText('Amend the proposal').count()).toBe(0);
  });

  it('shows the Research Plan: each priority, the research against it, and the gaps', async () => {
    const page = await signedIn('vic');
    await page.getByRole('link', { name: 'Research Plan' }).click();
    await page.getByRole('heading', { name: 'Research Plan', level: 1 }).waitFor();
    const violence = page.getByRole('region', { name: 'Reduce violence with injury' });
    await violence.getByRole('link', { name: /^\d+ projects? for Reduce violence/ }).waitFor();
    await violence.getByText(/^completed: \d+$/).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^4 priorities;/ })
      .waitFor();
    // The plan in force, agreed by the committee, and the EBP Programme's work streams.
    await page
      .getByRole('heading', { name: /^The plan in force: MPS Research Plan \d{4}$/ })
      .waitFor();
    await page.getByText(/^Agreed by the EBP Committee on /).waitFor();
    const capability = page.getByRole('region', { name: 'Build capability in the Met' });
    await capability.getByText('1 of 2 milestones done; 1 overdue').waitFor();
    await capability
      .getByText(/^The survey of senior staff run again: due .+, planned \(overdue\)$/)
      .waitFor();
    await checkAndKeep(page, 'research-plan');
    // The OFFICIAL-SENSITIVE county lines project (in progress) counts only for those cleared.
    const exploitation = (reader: Page) =>
      reader.getByRole('region', { name: 'Disrupt county lines and child criminal exploitation' });
    await exploitation(page)
      .getByText(/^submitted: 1$/)
      .waitFor();
    expect(
      await exploitation(page)
        .getByText(/^in progress/)
        .count(),
    ).toBe(0);
    const sam = await signedIn('sam');
    await sam.goto(`${base}plan`);
    await exploitation(sam)
      .getByText(/^in progress: 1$/)
      .waitFor();
    await violence.getByRole('link', { name: /projects? for Reduce violence/ }).click();
    await page.getByRole('heading', { name: 'Research and Learning Register' }).waitFor();
    await page.getByRole('link', { name: 'Hot-spot patrols in the night-time economy' }).waitFor();
  });

  it('finds people by method, showing contact details only to those the rules allow', async () => {
    const vic = await signedIn('vic');
    await vic.getByRole('link', { name: 'People' }).click();
    await vic.getByRole('heading', { name: 'People finder' }).waitFor();
    await vic.getByLabel('Methods').fill('crime-analysis');
    await vic.getByRole('button', { name: 'Find' }).click();
    await vic
      .getByRole('status')
      .filter({ hasText: /^2 people$/ })
      .waitFor();
    await vic.getByRole('heading', { name: 'Rob Reviewer' }).waitFor();
    await vic.getByRole('heading', { name: 'Rae Researcher' }).waitFor();
    // A viewer sees names, never contact details.
    expect(await vic.getByText(/^Contact:/).count()).toBe(0);
    await checkAndKeep(vic, 'people');
    // A researcher builds teams: contact details of people who agreed to be contacted.
    const rae = await signedIn('rae');
    await rae.goto(`${base}people?methods=crime-analysis`);
    const rob = rae.getByRole('listitem').filter({ hasText: 'Rob Reviewer' });
    await rob.getByRole('link', { name: 'rob.reviewer@met.example' }).waitFor();
    // Lee did not agree to be contacted.
    await rae.goto(`${base}people?methods=survey`);
    const lee = rae.getByRole('listitem').filter({ hasText: 'Lee Learner' });
    await lee.waitFor();
    expect(await lee.getByText(/^Contact:/).count()).toBe(0);
  });

  it('lists partner organisations and academics by expertise, with their collaborations', async () => {
    const page = await signedIn('vic');
    await page.getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('heading', { name: 'Partners directory' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^3 organisations$/ })
      .waitFor();
    await page.getByLabel('Expertise').fill('trials');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^1 organisation$/ })
      .waitFor();
    const cambridge = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Cambridge Centre for Evidence-Based Policing' }),
    });
    await cambridge
      .getByRole('link', { name: 'Hot-spot patrols in the night-time economy' })
      .waitFor();
    await checkAndKeep(page, 'partners');
    await page.getByLabel('Expertise').fill('hot-spot');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { name: 'Prof. Lawrence Sherman' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Prof. Nick Tilley' }).count()).toBe(0);
    // The consortium also provides data to the OFFICIAL-SENSITIVE county lines project: only
    // those cleared for it see that collaboration.
    const n8 = (reader: Page) =>
      reader
        .getByRole('listitem')
        .filter({ has: reader.getByRole('heading', { name: 'N8 Policing Research Partnership' }) });
    await page.goto(`${base}partners?kind=consortium`);
    await n8(page)
      .getByRole('link', { name: 'Procedural justice training for response officers' })
      .waitFor();
    expect(await n8(page).textContent()).not.toContain('county lines');
    const sam = await signedIn('sam');
    await sam.goto(`${base}partners?kind=consortium`);
    await n8(sam)
      .getByRole('link', { name: 'Covert disruption of county lines networks' })
      .waitFor();
  });

  it('narrows a library search by facets, opens an item, and books a master class', async () => {
    const page = await signedIn('vic');
    await page.goto(`${base}library?q=policing`);
    const status = page.getByRole('status').filter({ hasText: /results? for “policing”$/ });
    await status.waitFor();
    const all = Number((await status.textContent())?.split(' ')[0]);
    const facets = page.getByRole('region', { name: 'Refine' });
    const sms = facets.getByRole('group', { name: 'SMS level' });
    const firstLevel = sms.getByRole('checkbox').first();
    const levelLabel = (await sms.locator('label').first().textContent()) ?? '';
    const [, level, count] = /^SMS (\d) \((\d+)\)$/.exec(levelLabel.trim()) ?? [];
    await firstLevel.check();
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${count} results? for “policing”$`) })
      .waitFor();
    expect(Number(count)).toBeLessThan(all);
    const metas = await page.locator('.results .meta').allTextContents();
    expect(metas.every((meta) => meta.includes(`SMS level ${level}`))).toBe(true);
    await checkAndKeep(page, 'library-facets');
    await page.locator('.results h3 a').first().click();
    await page.getByRole('heading', { name: 'Strength of the evidence' }).waitFor();
    await page.getByText(`Level ${level} of 5`).waitFor();
    await checkAndKeep(page, 'library-item');

    await page.getByRole('link', { name: 'Master classes' }).click();
    const masterClass = page.getByRole('region', { name: 'Running a randomised trial in a BCU' });
    await masterClass.getByText('30 of 30 places left').waitFor();
    await masterClass.getByRole('button', { name: /^Book a place/ }).click();
    await masterClass.getByText('You have a place.').waitFor();
    await masterClass.getByText('29 of 30 places left').waitFor();
    await checkAndKeep(page, 'master-classes');
    await masterClass.getByRole('button', { name: /^Give up my place/ }).click();
    await masterClass.getByText('30 of 30 places left').waitFor();
  });

  it('runs a What Works forum thread: a refused topic beside its field, a reply, a report, a moderator hiding and restoring it', async () => {
    const title = `Short patrols in hot spots ${Date.now()}`;
    const rae = await signedIn('rae');
    await rae.getByRole('link', { name: 'Forum' }).click();
    await rae.getByRole('heading', { name: 'What Works forum' }).waitFor();
    await rae.getByLabel('Title').fill(title);
    await rae.getByLabel('Topic of the thread').fill('office parties');
    await rae.getByLabel('Your post').fill('Fifteen minutes, then move on: has anyone tried it?');
    await rae.getByRole('button', { name: 'Start the thread' }).click();
    const topic = rae.getByLabel('Topic of the thread');
    await rae.getByText(/is not a term of the shared vocabularies/).waitFor();
    expect(await topic.getAttribute('aria-invalid')).toBe('true');
    await checkAndKeep(rae, 'forum');
    await topic.fill('hot-spot policing');
    await rae.getByRole('button', { name: 'Start the thread' }).click();
    await rae.getByRole('heading', { name: title }).waitFor();
    const threadUrl = rae.url();

    const reply = 'We tried twelve minutes on the high street; calls fell for a month.';
    const vic = await signedIn('vic');
    await vic.goto(threadUrl);
    await vic.getByLabel('Your reply').fill(reply);
    await vic.getByRole('button', { name: 'Post the reply' }).click();
    await vic.getByText(reply).waitFor();

    const sam = await signedIn('sam');
    await sam.goto(threadUrl);
    await sam.getByLabel('Why (reply 1)').fill('Names a street: could identify a victim.');
    await sam.getByRole('button', { name: 'Report reply 1' }).click();
    // The form empties once the server has taken the report.
    const why = sam.getByLabel('Why (reply 1)');
    for (let tries = 0; tries < 100 && (await why.inputValue()) !== ''; tries++)
      await sam.waitForTimeout(100);
    expect(await why.inputValue()).toBe('');

    const rob = await signedIn('rob');
    await rob.goto(threadUrl);
    await rob.getByText('Moderation (1 open report)').waitFor();
    await rob.getByLabel('Why (reply 1)').fill('Names a street: could identify a victim.');
    await rob.getByRole('button', { name: 'Hide reply 1' }).click();
    await rob.getByText('hidden by a moderator').waitFor();
    await checkAndKeep(rob, 'forum-thread-moderated');
    await vic.reload();
    await vic.getByRole('heading', { name: title }).waitFor();
    expect(await vic.getByText(reply).count()).toBe(0);
    await rob.getByLabel('Why (reply 1)').fill('A public street; nobody can be identified.');
    await rob.getByRole('button', { name: 'Restore reply 1' }).click();
    await rob.getByRole('button', { name: 'Hide reply 1' }).waitFor();
    await vic.reload();
    await vic.getByText(reply).waitFor();
    await checkAndKeep(vic, 'forum-thread');
  });

  it('holds a committee meeting: an agenda of the waiting proposals, a decision and an action in it, minutes approved at the next', async () => {
    const stamp = Date.now().toString(36);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const rob = await signedIn('rob');
    await rob.getByRole('link', { name: 'Meetings' }).click();
    await rob.getByRole('heading', { name: 'Committee meetings' }).waitFor();
    // Sent without a date: the server's message appears beside the field.
    await rob.getByLabel('Title').fill(`EBP Committee ${stamp}`);
    await rob.getByRole('button', { name: 'Schedule the meeting' }).click();
    const heldOn = rob.getByLabel('Held on');
    // The server's answer comes back: the field is marked and its message is beside it.
    await heldOn.and(rob.locator('[aria-invalid="true"]')).waitFor();
    await checkAndKeep(rob, 'meetings');
    await heldOn.fill(ukDay(day(0)));
    await rob.getByRole('button', { name: 'Schedule the meeting' }).click();
    await rob.getByRole('heading', { name: `EBP Committee ${stamp}` }).waitFor();
    const meetingUrl = rob.url();
    const proposals = rob.getByRole('link', { name: /^Proposal: / });
    expect(await proposals.count()).toBeGreaterThan(0);
    const proposalTitle = ((await proposals.first().textContent()) ?? '').replace('Proposal: ', '');
    await rob.getByRole('button', { name: 'Open the meeting' }).click();
    await rob.getByRole('button', { name: 'Close the meeting' }).waitFor();

    const cat = await signedIn('cat');
    await cat.goto(meetingUrl);
    await cat.getByLabel(`Decision on ${proposalTitle}`).selectOption('defer');
    await cat
      .getByLabel(`Reasons (${proposalTitle})`)
      .fill('Deferred until the ethics review is in.');
    await cat.getByRole('button', { name: `Record the decision on ${proposalTitle}` }).click();
    await cat
      .getByRole('region', { name: 'Decisions' })
      .getByText('defer (Deferred until the ethics review is in.)')
      .waitFor();
    await checkAndKeep(cat, 'meeting-in-session');

    await rob.reload();
    await rob.getByLabel('What is to be done').fill('Ask the lead for the ethics review');
    // The owner is chosen by name: found through the expertise finder, then picked from the list.
    await rob.getByLabel('Find the owner').fill('Central West BCU');
    await rob.getByRole('button', { name: 'Find colleagues' }).click();
    await rob.getByText(/listed colleagues? match(es)? “Central West BCU”/).waitFor();
    await rob.getByLabel('Owner', { exact: true }).selectOption({ label: 'Rae Researcher' });
    await rob.getByLabel('Due on').fill(ukDay(day(14)));
    await rob.getByRole('button', { name: 'Record the action' }).click();
    await rob.getByText(/Ask the lead for the ethics review \(Rae Researcher\)/).waitFor();
    await rob.getByRole('button', { name: 'Close the meeting' }).click();
    await rob
      .getByLabel('Summary')
      .fill('The committee deferred one proposal for its ethics review.');
    await rob.getByRole('button', { name: 'Save the minutes' }).click();
    await rob.getByText('Draft, awaiting approval at a later meeting').waitFor();
    await checkAndKeep(rob, 'meeting-minutes-draft');

    // Draft minutes are the committee's business: an officer does not see the meeting yet.
    const vic = await signedIn('vic');
    await vic.getByRole('link', { name: 'Meetings' }).click();
    await vic.getByRole('heading', { name: 'Committee meetings' }).waitFor();
    expect(await vic.getByRole('link', { name: `EBP Committee ${stamp}` }).count()).toBe(0);

    await rob.getByRole('link', { name: 'Committee meetings' }).click();
    await rob.getByLabel('Title').fill(`EBP Committee ${stamp}, next`);
    await rob.getByLabel('Held on').fill(ukDay(day(0)));
    await rob.getByRole('button', { name: 'Schedule the meeting' }).click();
    await rob.getByRole('heading', { name: `EBP Committee ${stamp}, next` }).waitFor();
    await rob.getByRole('button', { name: 'Open the meeting' }).click();
    await rob.getByRole('button', { name: 'Close the meeting' }).waitFor();
    await cat.reload();
    await cat.getByRole('button', { name: 'Approve the minutes' }).click();
    await cat.getByText(/^Approved /).waitFor();

    await vic.reload();
    await vic.getByRole('link', { name: `EBP Committee ${stamp}` }).click();
    await vic.getByText('The committee deferred one proposal for its ethics review.').waitFor();
    expect(await vic.getByRole('heading', { name: 'Agenda' }).count()).toBe(0);
    expect(await vic.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
    await checkAndKeep(vic, 'meeting-published');
  });

  it('runs a benchmarking survey: launched, answered anonymously by five people, closed, and compared with 2012/13', async () => {
    const stamp = Date.now().toString(36);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const rob = await signedIn('rob');
    await rob.getByRole('link', { name: 'Surveys' }).click();
    await rob.getByRole('heading', { name: 'Benchmarking surveys' }).waitFor();
    await rob.getByLabel('Title').fill(`EBP survey ${stamp}`);
    // It takes answers today only: a campaign closes on its last day, not sooner.
    await rob.getByLabel('Opens on').fill(ukDay(day(0)));
    await rob.getByLabel('Closes on').fill(ukDay(day(0)));
    await rob.getByLabel('Minimum cell size').fill('5');
    await rob.getByRole('button', { name: 'Launch the survey' }).click();
    await rob.getByRole('heading', { name: `EBP survey ${stamp}` }).waitFor();
    // No count of answers while it is open: a moving count would single out the next one.
    await rob.getByText(/answers counted when it closes/).waitFor();
    const surveyUrl = rob.url();
    await checkAndKeep(rob, 'survey-open');

    for (const [index, user] of (['vic', 'rae', 'sam', 'cat', 'rob'] as const).entries()) {
      const page = user === 'rob' ? rob : await signedIn(user);
      await page.goto(surveyUrl);
      const send = page.getByRole('button', { name: 'Send my answers' });
      const questions = page.locator('fieldset');
      await questions.first().waitFor();
      // The form cannot be sent until every question is answered.
      expect(await send.isDisabled()).toBe(true);
      const count = await questions.count();
      for (let question = 0; question < count; question++)
        await questions
          .nth(question)
          .getByRole('radio')
          .nth(index % 2)
          .check();
      await page.getByText('Every question is answered.').waitFor();
      await send.click();
      await page.getByText(/^Thank you: your answers are recorded with no name/).waitFor();
      if (index === 0) await checkAndKeep(page, 'survey-answered');
    }

    await rob.reload();
    await rob.getByRole('button', { name: 'Close the survey' }).click();
    await rob.getByRole('heading', { name: 'Results' }).waitFor();
    await rob.getByText('All 5 answers').waitFor();
    await rob.getByRole('heading', { name: /^Compared with / }).waitFor();
    // The published figures are there; a figure the framework did not publish is said to be so.
    await rob.getByRole('cell', { name: '7%' }).waitFor();
    expect(await rob.getByRole('cell', { name: 'not published' }).count()).toBeGreaterThan(0);
    await checkAndKeep(rob, 'survey-results');
  });

  it('gives the committee a governance dashboard: the register over time, overdue items, the report for a day', async () => {
    const cat = await signedIn('cat');
    await cat.getByRole('link', { name: 'Governance' }).click();
    await cat.getByRole('heading', { name: 'Governance dashboard' }).waitFor();
    const status = cat.getByRole('status').filter({ hasText: /^As of the end of/ });
    await status.waitFor();
    const total = Number(/: (\d+) projects/.exec((await status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(12);
    for (const caption of [
      'Projects by status',
      'Projects by Research Plan priority',
      'Projects by planned SMS level',
    ])
      await cat.getByRole('figure', { name: caption }).waitFor();
    // Six points in time; the chart's table has today's figures, summing to the total.
    const rows = cat
      .getByRole('table', { name: 'Projects by status: the figures' })
      .getByRole('row');
    expect(await rows.count()).toBe(7);
    await expect(rows.last().getByRole('cell').last().textContent()).resolves.toBe(String(total));
    await cat.getByRole('heading', { name: 'Overdue' }).waitFor();
    // The programme's overdue milestones stand with the projects' deadlines.
    await cat.getByRole('heading', { name: 'EBP Programme milestones' }).waitFor();
    await cat.getByRole('link', { name: 'The survey of senior staff run again' }).waitFor();
    await checkAndKeep(cat, 'governance');
    // The day before the demo data was loaded, the register was empty.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await cat.getByLabel('Report as of').fill(ukDay(yesterday));
    await cat
      .getByRole('status')
      .filter({ hasText: /: 0 projects,/ })
      .waitFor();
    const download = cat.waitForEvent('download');
    await cat.getByRole('button', { name: 'Markdown' }).click();
    expect((await download).suggestedFilename()).toBe(`governance-report-${yesterday}.md`);
    // A viewer is not offered the dashboard, and the page says who it is for.
    const vic = await signedIn('vic');
    expect(await vic.getByRole('link', { name: 'Governance' }).count()).toBe(0);
    await vic.goto(`${base}governance`);
    await vic.getByText(/is for the EBP Committee/).waitFor();
  });

  it('works from the keyboard alone: skip link, What Works search, a facet', async () => {
    const page = await signedIn('vic');
    const focused = () =>
      page.evaluate<string>(
        `(() => { const e = document.activeElement; return e ? e.tagName + ' ' + (e.getAttribute('type') ?? '') + ' ' + (e.textContent ?? '').trim() : '' })()`,
      );
    // A fresh load of the home page, as an officer opening the intranet would.
    await page.goto(base);
    await page.getByRole('heading', { name: 'What Works' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('A  Skip to content');
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatch(/^MAIN /);
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('INPUT search ');
    await page.keyboard.type('hot spots');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /results? for “hot spots”$/ })
      .waitFor();
    // Tab on to the first facet and tick it with the space bar.
    let reached = '';
    for (let step = 0; step < 20 && !reached.startsWith('INPUT checkbox'); step += 1) {
      await page.keyboard.press('Tab');
      reached = await focused();
    }
    expect(reached).toBe('INPUT checkbox ');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Clear 1 filter' }).waitFor();
    // The facet changed the query string only: focus stays on it.
    await expect(focused()).resolves.toBe('INPUT checkbox ');
    // Following a link to another page puts focus at the start of its content.
    await page.getByRole('link', { name: 'Research Plan' }).press('Enter');
    await page.getByRole('heading', { name: 'Research Plan', level: 1 }).waitFor();
    await expect(focused()).resolves.toMatch(/^MAIN {2}Research Plan/);
  });

  it('says what went wrong, with the code, when the graph refuses a request', async () => {
    const cat = await signedIn('cat');
    await cat.goto(`${base}governance?asOf=2026-02-30`);
    const alert = cat.getByRole('alert');
    await alert.getByText('Something went wrong.').waitFor();
    await alert.getByText('Code: INVALID_REPORT_DATE').waitFor();
    await checkAndKeep(cat, 'error-state');
  });

  it('fits a phone: the register and a project at 375 pixels wide', async () => {
    const page = await signedIn('vic', { width: 375, height: 812 });
    await page.goto(`${base}register`);
    await page.getByRole('link', { name: 'Hot-spot patrols in the night-time economy' }).waitFor();
    await checkAndKeep(page, 'register-phone');
    // Nothing but the table's own scroller is wider than the screen.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${base}register/${demoProjectId('demo-hot-spots')}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await checkAndKeep(page, 'project-phone');
    for (const [path, heading] of [
      ['library?q=policing', 'Refine'],
      ['plan', 'Research Plan'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      const wider = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect([path, Math.max(0, wider)]).toEqual([path, 0]);
    }
    await checkAndKeep(page, 'research-plan-phone');
  });

  it('maps training to evidence: an editor records a course and cites an item for one part, the other part shows as a gap, a viewer reads the map', async () => {
    const stamp = Date.now().toString(36);
    const title = `Stop and search ${stamp}`;
    const itemTitle = `Procedural justice in stop and search ${stamp}`;
    const itemId = `e2e-training-${stamp}`;
    await publishEvidence(platform, itemId, itemTitle, 4);

    const rob = await signedIn('rob');
    await rob.getByRole('link', { name: 'Training', exact: true }).click();
    await rob.getByRole('heading', { name: 'Training and evidence' }).waitFor();
    await rob.getByLabel('Course title').fill(title);
    await rob.getByLabel('Provider').fill('Met Learning and Development');
    await rob.getByLabel('Audience').fill('Student officers');
    // Not an id the service takes: its message appears beside the field.
    await rob.getByLabel('Part 1 id').fill('Reasonable grounds');
    await rob.getByLabel('Part 1: what it teaches').fill('Reasonable grounds');
    await rob.getByRole('button', { name: 'Add a part' }).click();
    await rob.getByLabel('Part 2 id').fill('encounter');
    await rob.getByLabel('Part 2: what it teaches').fill('Procedural justice in the encounter');
    await rob.getByRole('button', { name: 'Record the course' }).click();
    const firstId = rob.getByLabel('Part 1 id');
    await firstId.and(rob.locator('[aria-invalid="true"]')).waitFor();
    await rob.getByText(/lower case words joined by underscores$/).waitFor();
    expect(await rob.getByLabel('Part 2 id').getAttribute('aria-invalid')).toBeNull();
    await checkAndKeep(rob, 'training-refused');
    await firstId.fill('grounds');
    await rob.getByRole('button', { name: 'Record the course' }).click();
    await rob.getByText(`Recorded “${title}”.`).waitFor();

    const course = rob.getByRole('region', { name: title });
    await course.getByLabel('Part', { exact: true }).selectOption({
      label: 'Procedural justice in the encounter',
    });
    await course.getByLabel('Library item id').fill(itemId);
    await course.getByLabel('Note (optional)').fill('Fair treatment raises compliance.');
    await course.getByRole('button', { name: `Cite the item for ${title}` }).click();
    await course
      .getByText(`Cited “${itemTitle}” for “Procedural justice in the encounter”.`)
      .waitFor();
    const citation = course.locator('ol li li').filter({ hasText: itemTitle });
    await citation.waitFor();
    expect(await citation.textContent()).toBe(
      `${itemTitle} (SMS level 4): Fair treatment raises compliance.`,
    );
    expect(await course.getByRole('link', { name: itemTitle }).getAttribute('href')).toBe(
      `/library/${itemId}`,
    );

    // The map, read again after the citation: the cited part leads with the item, the other is a gap.
    const taught = rob
      .getByRole('region', { name: 'Where evidence leads training' })
      .getByRole('row')
      .filter({ has: rob.getByRole('link', { name: itemTitle }) });
    await taught.getByText(`${title}: Procedural justice in the encounter`).waitFor();
    await taught.getByText('strong (SMS level 4)').waitFor();
    const gaps = rob.getByRole('region', { name: 'Parts with no evidence' });
    expect(await gaps.getByText(`${title}: Reasonable grounds`).count()).toBe(1);
    expect(await gaps.getByText(`${title}: Procedural justice in the encounter`).count()).toBe(0);
    const nowhere = rob.getByRole('region', { name: 'Strong evidence taught nowhere' });
    expect(await nowhere.getByRole('link', { name: itemTitle }).count()).toBe(0);
    await checkAndKeep(rob, 'training');
    // A stricter level: level 4 evidence is no longer strong.
    await rob.getByLabel('Strong evidence from').selectOption('5');
    await taught.getByText('not strong (SMS level 4)').waitFor();

    const vic = await signedIn('vic');
    await vic.getByRole('link', { name: 'Training', exact: true }).click();
    await vic.getByRole('heading', { name: 'Training and evidence' }).waitFor();
    await vic
      .getByRole('region', { name: 'Parts with no evidence' })
      .getByText(`${title}: Reasonable grounds`)
      .waitFor();
    await vic.getByRole('region', { name: title }).getByRole('link', { name: itemTitle }).waitFor();
    expect(await vic.getByRole('heading', { name: 'Record a course' }).count()).toBe(0);
    expect(await vic.getByRole('button', { name: /^Cite the item/ }).count()).toBe(0);
    expect(await vic.getByLabel('Library item id').count()).toBe(0);
    await checkAndKeep(vic, 'training-viewer');
  });

  it('opens a master class to partners: an organiser ticks it, the partner sees only that one and books a place for its organisation', async () => {
    const stamp = Date.now().toString(36);
    const openTitle = `Evidence for partners ${stamp}`;
    const closedTitle = `Staff briefing ${stamp}`;
    const organisation = 'Cambridge Centre for Evidence-Based Policing';
    // A month ahead, at ten in the morning of the browser's day: still upcoming whatever the zone.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await scheduleStaffOnlyMasterClass(platform, `e2e-staff-briefing-${stamp}`, closedTitle, day);

    const rob = await signedIn('rob');
    await rob.getByRole('link', { name: 'Master classes' }).click();
    await rob.getByRole('heading', { name: 'Schedule a master class' }).waitFor();
    await rob.getByLabel('Title').fill(openTitle);
    await rob.getByLabel('Description').fill('Short');
    await rob.getByLabel('Presenter').fill('Dr Ada Lovelace');
    await rob.getByLabel('Starts on').fill(ukDay(day));
    await rob.getByLabel('Starts at').fill('10:00');
    await rob.getByLabel('Location').fill('New Scotland Yard');
    await rob.getByLabel('Places').fill('20');
    await rob.getByLabel('Open to partners and academics').check();
    // Too short a description: the service's message appears beside the field.
    await rob.getByRole('button', { name: 'Schedule the master class' }).click();
    const description = rob.getByLabel('Description');
    await description.and(rob.locator('[aria-invalid="true"]')).waitFor();
    await checkAndKeep(rob, 'master-classes-schedule-refused');
    await description.fill('What randomised trials in policing found, for partners and academics.');
    await rob.getByRole('button', { name: 'Schedule the master class' }).click();
    await rob.getByText(`Scheduled “${openTitle}”, open to partners.`).waitFor();
    const open = (page: Page) => page.getByRole('region', { name: openTitle });
    await open(rob).getByText('Open to partners and academics', { exact: true }).waitFor();
    await rob
      .getByRole('region', { name: closedTitle })
      .getByText('Met staff only', { exact: true })
      .waitFor();

    // The partner signs in and lands on the master classes: the one page it may use.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    contexts.push(context);
    // Waits outlast a busy machine's slowest answer; the test's own timeout still bounds them.
    context.setDefaultTimeout(WAIT_MS);
    const uni = await context.newPage();
    await uni.goto(base);
    await uni.getByRole('button', { name: `Sign in as ${organisation} (partner)` }).click();
    await uni.getByRole('heading', { name: 'Master classes and courses' }).waitFor();
    await expect(
      uni.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents(),
    ).resolves.toEqual(['Master classes', 'Our organisation']);
    const mine = open(uni);
    // Wait for the list (and the organisation's name) before looking for what is not there.
    const book = mine.getByRole('button', { name: `Book a place for ${organisation}` });
    await book.waitFor();
    expect(await uni.getByRole('region', { name: closedTitle }).count()).toBe(0);
    await mine.getByText('20 of 20 places left').waitFor();
    await uni.getByText(`A place is booked for ${organisation}, not for a named person`).waitFor();
    expect(await uni.getByRole('heading', { name: 'Schedule a master class' }).count()).toBe(0);
    await book.click();
    await mine
      .getByRole('status')
      .filter({ hasText: `${organisation} has a place.` })
      .waitFor();
    await mine.getByText('19 of 20 places left').waitFor();
    await checkAndKeep(uni, 'master-classes-partner');

    // The organisation's place is one of the class's places, as staff see them.
    await rob.reload();
    await open(rob).getByText('19 of 20 places left').waitFor();

    await mine.getByRole('button', { name: /^Give up your organisation’s place/ }).click();
    await mine.getByText('20 of 20 places left').waitFor();
    await book.waitFor();
    expect(await mine.getByText(`${organisation} has a place.`).count()).toBe(0);
    // A staff page is not the partner's: not offered, and not there if asked for.
    await uni.goto(`${base}library`);
    await uni.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it('keeps a member of staff’s digest: terms ticked, what is new for them, e-mails started (a refused address beside its field) and stopped; a partner is not offered it', async () => {
    const stamp = Date.now().toString(36);
    const itemId = `e2e-digest-${stamp}`;
    const itemTitle = `Target hardening after break-ins ${stamp}`;
    // Tagged with a synonym: the digest follows the term, in any spelling.
    await publishTaggedEvidence(platform, itemId, itemTitle, { crimeProblems: ['break-ins'] });
    const address = 'vic.viewer@met.example';

    const vic = await signedIn('vic');
    await vic.getByRole('link', { name: 'My digest' }).click();
    await vic.getByRole('heading', { name: 'My digest', level: 1 }).waitFor();
    const covers = vic.getByRole('region', { name: 'What your digest covers' });
    // The server's answer: nothing followed yet, and nothing new.
    await covers
      .getByText('Nothing yet: tick the topics or crime problems you follow below.')
      .waitFor();
    const newForYou = vic.getByRole('region', { name: 'New for you' });
    await newForYou.getByText(/^Nothing published in the last 30 days/).waitFor();

    const topics = vic.getByRole('group', { name: 'Topics' });
    await topics.locator('summary', { hasText: 'Research topics' }).click();
    await topics.getByLabel('Public trust and confidence', { exact: true }).check();
    const crimeProblems = vic.getByRole('group', { name: 'Crime problems' });
    await crimeProblems.locator('summary').click();
    await crimeProblems.getByLabel('Burglary', { exact: true }).check();
    await vic.getByRole('button', { name: 'Save what my digest covers' }).click();
    await vic
      .getByRole('status')
      .filter({ hasText: 'Saved: your digest covers what is ticked.' })
      .waitFor();
    await covers.getByText('Public trust and confidence', { exact: true }).waitFor();
    await covers.getByText('Burglary', { exact: true }).waitFor();
    await covers.getByText('Not e-mailed', { exact: true }).waitFor();
    const item = newForYou.getByRole('link', { name: itemTitle });
    await item.waitFor();
    expect(await item.getAttribute('href')).toBe(`/library/${itemId}`);

    // Not an address: the service's message appears beside the field.
    const field = vic.getByLabel('Work e-mail address');
    await field.fill('vic.viewer');
    await vic.getByRole('button', { name: 'E-mail my digest' }).click();
    await field.and(vic.locator('[aria-invalid="true"]')).waitFor();
    await vic.getByText('The e-mails could not be started.').waitFor();
    await checkAndKeep(vic, 'digest-email-refused');
    await field.fill(address);
    await vic.getByRole('button', { name: 'E-mail my digest' }).click();
    await vic
      .getByRole('status')
      .filter({ hasText: `Your digest will be e-mailed to ${address}.` })
      .waitFor();
    await covers.getByText(address, { exact: true }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await checkAndKeep(vic, 'digest');

    // Read again from the server: the terms stay ticked and the address is the one in use.
    await vic.reload();
    await covers.getByText(address, { exact: true }).waitFor();
    await expect(crimeProblems.getByLabel('Burglary', { exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await expect(
      topics.getByLabel('Public trust and confidence', { exact: true }).isChecked(),
    ).resolves.toBe(true);
    await vic.getByRole('button', { name: 'Stop the e-mails' }).click();
    await vic
      .getByRole('status')
      .filter({ hasText: 'E-mails stopped. Your digest is still on this page.' })
      .waitFor();
    await covers.getByText('Not e-mailed', { exact: true }).waitFor();
    expect(await vic.getByRole('button', { name: 'Stop the e-mails' }).count()).toBe(0);
    await newForYou.getByRole('link', { name: itemTitle }).waitFor();

    // A partner identity has no digest: not offered, and not there if asked for.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    contexts.push(context);
    // Waits outlast a busy machine's slowest answer; the test's own timeout still bounds them.
    context.setDefaultTimeout(WAIT_MS);
    const uni = await context.newPage();
    await uni.goto(base);
    await uni
      .getByRole('button', {
        name: 'Sign in as Cambridge Centre for Evidence-Based Policing (partner)',
      })
      .click();
    await uni.getByRole('heading', { name: 'Master classes and courses' }).waitFor();
    expect(await uni.getByRole('link', { name: 'My digest' }).count()).toBe(0);
    await uni.goto(`${base}digest`);
    await uni.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it('shows the public page without signing in: a published OFFICIAL item, never an OFFICIAL-SENSITIVE one', async () => {
    const run = Date.now().toString(36);
    const graph = { url: platform.url, issuer: platform.issuer! };
    await publishLibraryItem(graph, `e2e-${run}-public`);
    await publishLibraryItem(graph, `e2e-${run}-sensitive`, 'OFFICIAL_SENSITIVE');
    const context = await browser.newContext({ locale: 'en-GB' });
    contexts.push(context);
    // Waits outlast a busy machine's slowest answer; the test's own timeout still bounds them.
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    const listed = page.getByRole('heading', {
      name: `Linked at the platform's origin e2e-${run}-public`,
    });
    // The page reads the library as it stands, with no catch-up per request: it may lag a poll.
    for (let tries = 0; tries < 50; tries++) {
      await page.goto(`${base}public/library`);
      if ((await listed.count()) > 0) break;
      await page.waitForTimeout(200);
    }
    await page
      .getByRole('heading', { name: 'Published research and evidence', level: 1 })
      .waitFor();
    await listed.waitFor();
    expect(await page.content()).not.toContain(`e2e-${run}-sensitive`);
    // The public's page, not the intranet's: no sign-in, no menu.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sign in/ }).count()).toBe(0);
    await checkAndKeep(page, 'public-library');
  });
});

/** Drafts and publishes an OFFICIAL evidence summary through the graph, as the EBP Delivery Team. */
async function publishEvidence(
  platform: RunningPlatform,
  itemId: string,
  title: string,
  smsLevel: number,
): Promise<void> {
  const rob = new GraphClient(platform.url, await platform.issuer!.tokenFor('rob'));
  await rob.must(
    'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
    {
      id: itemId,
      c: {
        kind: 'evidence_summary',
        title,
        summary:
          'Officers who explain the stop and listen are seen as fairer, and are obeyed more.',
        year: 2025,
        evidence: { smsLevel },
        classification: 'OFFICIAL',
      },
    },
  );
  await rob.must('mutation($id: ID!) { publishLibraryItem(id: $id) { version } }', { id: itemId });
}

/** Schedules a master class for staff only (not open to partners) through the graph, as an organiser. */
async function scheduleStaffOnlyMasterClass(
  platform: RunningPlatform,
  id: string,
  title: string,
  day: string,
): Promise<void> {
  const rob = new GraphClient(platform.url, await platform.issuer!.tokenFor('rob'));
  await rob.must(
    'mutation($id: ID!, $m: MasterClassInput!) { scheduleMasterClass(id: $id, masterClass: $m) { masterClass { id } } }',
    {
      id,
      m: {
        title,
        kind: 'master_class',
        description: 'Operational lessons from the last quarter, for the force’s own staff.',
        presenter: 'EBP Delivery Team',
        startsAt: `${day}T14:00:00Z`,
        durationMinutes: 60,
        location: 'New Scotland Yard',
        capacity: 10,
        openToPartners: false,
      },
    },
  );
}

/** Drafts and publishes an OFFICIAL evidence summary with tags through the graph, as an editor. */
async function publishTaggedEvidence(
  platform: RunningPlatform,
  itemId: string,
  title: string,
  tags: { readonly crimeProblems?: readonly string[]; readonly topics?: readonly string[] },
): Promise<void> {
  const rob = new GraphClient(platform.url, await platform.issuer!.tokenFor('rob'));
  await rob.must(
    'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
    {
      id: itemId,
      c: {
        kind: 'evidence_summary',
        title,
        summary: 'Better locks and lighting on the homes broken into, and fewer repeat break-ins.',
        year: 2025,
        tags,
        classification: 'OFFICIAL',
      },
    },
  );
  await rob.must('mutation($id: ID!) { publishLibraryItem(id: $id) { version } }', { id: itemId });
}
