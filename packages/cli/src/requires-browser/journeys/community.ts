// Skills audits, the award and fund, and Local Learning Networks, driven through the page only
// (issue 21): the graph is read only to check what the page claims.
import type { Page } from 'playwright-core';
import { PHONE, ukDay, type IntranetHarness } from '../../testing/intranet-browser';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A day (YYYY-MM-DD) some days from today as the services count days (UTC). */
const dayFromToday = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** Each run's records are its own, whatever an earlier run against the same platform left. */
const stamp = () => Date.now().toString(36);

/** Opens a page from the main menu, as a person would. */
async function openFromMenu(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

interface AuditReportRead {
  skillsAuditReport: {
    responsesByUnit: { unit: string; responses: number }[];
    gaps: { unit: string; skill: string }[];
    silentUnits: string[];
  };
}

export function communityJourneys(intranet: () => IntranetHarness): void {
  it('the administrator launches a skills audit, two people answer it, and its report is shown', async () => {
    const harness = intranet();
    const title = `Research skills audit ${stamp()}`;
    const ada = await harness.signedIn('ada');
    await openFromMenu(ada, 'Skills audits', 'Skills audits');
    await harness.checkAndKeep(ada, 'skills-audits-admin');

    // A closing day before the opening day is refused, beside the field. The audit asks Rae's
    // unit (Central West BCU), Rex's (Strategy and Insight), and one where nobody answers.
    const launch = ada.getByRole('region', { name: 'Launch a skills audit' });
    await launch.getByLabel('Audit title').fill(title);
    await launch
      .getByLabel('Units it asks')
      .fill('Central West BCU\nStrategy and Insight\nNorth BCU');
    await launch.getByLabel('Opens on').fill(ukDay(dayFromToday(-1)));
    await launch.getByLabel('Closes on').fill(ukDay(dayFromToday(-2)));
    await launch.getByLabel('Question 1: skill').fill('randomised controlled trials');
    await launch
      .getByLabel('Question 1: as put to people')
      .fill('How well can you design a randomised controlled trial?');
    await launch.getByRole('button', { name: 'Add a question' }).click();
    await launch.getByLabel('Question 2: skill').fill('crime analysis');
    await launch
      .getByLabel('Question 2: as put to people')
      .fill('How well can you analyse crime data?');
    await launch.getByRole('button', { name: 'Launch the audit' }).click();
    const closesOn = launch.getByRole('textbox', { name: 'Closes on' });
    await expectInvalid(closesOn, 'the audit must close after it opens');
    await harness.checkAndKeep(ada, 'skills-audits-launch-refused');

    await closesOn.fill(ukDay(dayFromToday(30)));
    await launch.getByRole('button', { name: 'Launch the audit' }).click();
    await launch.getByRole('status').getByText(`Launched “${title}”.`).waitFor();
    const adaAudit = allAudits(ada).getByRole('region', { name: title, exact: true });
    await adaAudit.getByText(/^Open · takes answers from/).waitFor();
    await harness.checkAndKeep(ada, 'skills-audits-launched');
    // The launch form at phone width.
    const adaPhone = await harness.signedIn('ada', PHONE);
    await adaPhone.goto(`${harness.base}skills-audits`);
    await adaPhone
      .getByRole('region', { name: 'Launch a skills audit' })
      .getByLabel('Audit title')
      .waitFor();
    await harness.checkAndKeep(adaPhone, 'skills-audits-launch-phone');

    // Rae, a researcher who reads no audit reports, finds the audit asking her unit and answers
    // with the mouse; the list of all audits and launching are not hers.
    const rae = await harness.signedIn('rae');
    await openFromMenu(rae, 'Skills audits', 'Skills audits');
    const raeAudit = auditsAskingMe(rae).getByRole('region', { name: title, exact: true });
    await raeAudit
      .getByRole('group', { name: /design a randomised controlled trial/ })
      .getByLabel('Have practised it')
      .check();
    // Half an answer is refused on the page, naming what is left beside it, and nothing is sent.
    await raeAudit.getByRole('button', { name: `Send my answers to ${title}` }).click();
    await raeAudit
      .getByRole('alert')
      .getByText(/Your answers were not sent\. .*one is left \(crime analysis\)/)
      .waitFor();
    await expectGroupInvalid(
      raeAudit.getByRole('group', { name: /analyse crime data/ }),
      'Not answered yet: choose a level.',
    );
    expect(
      await raeAudit
        .getByRole('group', { name: /design a randomised controlled trial/ })
        .getAttribute('aria-describedby'),
    ).toBeNull();
    await harness.checkAndKeep(rae, 'skills-audits-answer-refused');
    expect(await recordedAnswers(harness, 'rae', title)).toEqual([]);
    await raeAudit
      .getByRole('group', { name: /analyse crime data/ })
      .getByLabel('Can teach it')
      .check();
    await raeAudit.getByRole('button', { name: `Send my answers to ${title}` }).click();
    await raeAudit
      .getByText(
        'Your answers are recorded: randomised controlled trials: have practised it; crime analysis: can teach it.',
      )
      .waitFor();
    expect(await rae.getByRole('heading', { name: 'All audits' }).count()).toBe(0);
    expect(await rae.getByRole('region', { name: 'Launch a skills audit' }).count()).toBe(0);
    await harness.checkAndKeep(rae, 'skills-audits-answered');
    // Coming back, her answers are chosen already.
    await rae.reload();
    await raeAudit.getByText(/^You have answered/).waitFor();
    expect(
      await raeAudit
        .getByRole('group', { name: /design a randomised controlled trial/ })
        .getByLabel('Have practised it')
        .isChecked(),
    ).toBe(true);
    expect(
      await raeAudit
        .getByRole('group', { name: /analyse crime data/ })
        .getByLabel('Can teach it')
        .isChecked(),
    ).toBe(true);
    await harness.checkAndKeep(rae, 'skills-audits-answered-again');

    // Rex answers from the keyboard alone, on a phone.
    const rex = await harness.signedIn('rex', PHONE);
    await rex.goto(`${harness.base}skills-audits`);
    await rex.getByRole('heading', { level: 1, name: 'Skills audits' }).waitFor();
    const rexAudit = auditsAskingMe(rex).getByRole('region', { name: title, exact: true });
    const firstLevel = rexAudit
      .getByRole('group', { name: /design a randomised controlled trial/ })
      .getByLabel('None');
    await firstLevel.focus();
    // Arrow keys move through a radio group and choose: None → … → Proficient.
    for (let step = 0; step < 3; step++) await rex.keyboard.press('ArrowDown');
    await rex.keyboard.press('Tab');
    // Tab enters the next group on its first radio; Space chooses it.
    await rex.keyboard.press('Space');
    await rex.keyboard.press('Tab');
    await rex.keyboard.press('Enter');
    await rexAudit
      .getByText(
        'Your answers are recorded: randomised controlled trials: proficient; crime analysis: none.',
      )
      .waitFor();
    await harness.checkAndKeep(rex, 'skills-audits-phone');

    // The administrator closes it, and the report shows both answers and the silent unit.
    await ada.reload();
    await adaAudit.getByRole('button', { name: `Close the audit ${title}` }).click();
    await adaAudit.getByText(/^Closed · takes answers from/).waitFor();
    const report = adaAudit.getByRole('region', { name: `Report: ${title}` });
    await report.getByText(/Central West BCU: 1 answer\b/).waitFor();
    await report.getByText(/Strategy and Insight: 1 answer\b/).waitFor();
    const auditId = (await graphAuditId(intranet, title)) ?? '';
    const { skillsAuditReport } = await (
      await harness.graph('ada')
    ).must<AuditReportRead>(
      'query($id: ID!) { skillsAuditReport(id: $id) { responsesByUnit { unit responses } gaps { unit skill } silentUnits } }',
      { id: auditId },
    );
    expect(
      [...skillsAuditReport.responsesByUnit].sort((a, b) => a.unit.localeCompare(b.unit)),
    ).toEqual([
      { unit: 'Central West BCU', responses: 1 },
      { unit: 'Strategy and Insight', responses: 1 },
    ]);
    expect(skillsAuditReport.silentUnits).toEqual(['North BCU']);
    // Rae has practised trials (2) but nobody in her unit is proficient; Rex knows no crime analysis.
    expect(skillsAuditReport.gaps).toEqual([
      { unit: 'Central West BCU', skill: 'randomised controlled trials' },
      { unit: 'Strategy and Insight', skill: 'crime analysis' },
    ]);
    const gapList = report.getByRole('list', { name: 'Gaps: where training or hiring is needed' });
    await gapList.getByRole('listitem').first().waitFor();
    expect((await gapList.getByRole('listitem').allInnerTexts()).sort()).toEqual(
      skillsAuditReport.gaps.map(({ unit, skill }) => `${unit}: ${skill}`).sort(),
    );
    const silentList = report.getByRole('list', { name: 'Units with no answer' });
    await silentList.getByRole('listitem').first().waitFor();
    expect((await silentList.getByRole('listitem').allInnerTexts()).sort()).toEqual(
      [...skillsAuditReport.silentUnits].sort(),
    );
    const capability = report.getByRole('table', { name: 'Capability by unit and skill' });
    await capability
      .getByRole('row', {
        name: /Strategy and Insight randomised controlled trials 1 3\.00 of 4 1/,
      })
      .waitFor();
    await capability
      .getByRole('row', { name: /Central West BCU crime analysis 1 4\.00 of 4 1/ })
      .waitFor();
    await harness.checkAndKeep(ada, 'skills-audits-report');

    // Once closed, it no longer asks anyone.
    await rae.reload();
    // Wait for the list itself (a card's dates, or the word that there is none), not its heading.
    await auditsAskingMe(rae)
      .getByText(/^(No open skills audit asks your unit\.|Takes answers until)/)
      .first()
      .waitFor();
    expect(
      await auditsAskingMe(rae).getByRole('region', { name: title, exact: true }).count(),
    ).toBe(0);
    await harness.checkAndKeep(rae, 'skills-audits-after-close');
  }, 300_000);

  it('the committee opens an award round, a colleague is nominated, and the committee decides it', async () => {
    const harness = intranet();
    const title = `Commissioner's EBP award ${stamp()}`;
    const cat = await harness.signedIn('cat');
    await openFromMenu(cat, 'Award and fund', 'The Commissioner’s EBP award and fund');
    await harness.checkAndKeep(cat, 'awards-committee');
    const openForm = cat.getByRole('region', { name: 'Open a round' });
    await openForm.getByLabel('Round title').fill(title);
    await openForm.getByLabel('Opens on').fill(ukDay(dayFromToday(-1)));
    await openForm.getByLabel('Closes on').fill(ukDay(dayFromToday(60)));
    await openForm.getByLabel('Fund budget (whole pounds)').fill('ten thousand');
    await openForm.getByRole('button', { name: 'Open the round' }).click();
    await expectInvalid(
      openForm.getByLabel('Fund budget (whole pounds)'),
      'Enter the budget in whole pounds',
    );
    await harness.checkAndKeep(cat, 'awards-budget-refused');
    await openForm.getByLabel('Fund budget (whole pounds)').fill('£10,000');
    await openForm.getByRole('button', { name: 'Open the round' }).click();
    await openForm.getByRole('status').getByText(`Opened “${title}”.`).waitFor();
    const catRound = cat.getByRole('region', { name: title, exact: true });
    await catRound.getByText(/fund £10,000, £0 awarded/).waitFor();
    await harness.checkAndKeep(cat, 'awards-round-opened');

    // Rae nominates Rob, and applies to the fund, at phone width.
    const rae = await harness.signedIn('rae', PHONE);
    await openFromMenuOnPhone(rae, harness.base, 'awards');
    const raeRound = rae.getByRole('region', { name: title, exact: true });
    await raeRound.getByLabel('Find a colleague').fill('crime analysis');
    await raeRound.getByRole('button', { name: 'Find colleagues' }).click();
    await raeRound.getByText(/listed colleagues? match(es)? “crime analysis”/).waitFor();
    await raeRound.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Rob Reviewer' });
    await raeRound
      .getByLabel('Why they deserve it')
      .fill('Rob built the hot-spots analysis that the whole BCU now uses every week.');
    await raeRound.getByRole('button', { name: `Send the nomination for ${title}` }).click();
    await raeRound.getByText('Nominated Rob Reviewer.').waitFor();
    await raeRound.getByText(/Rob Reviewer, nominated by you: Not yet decided/).waitFor();
    await raeRound.getByLabel('What the research is called').fill('Hot-spot patrol dosage');
    await raeRound
      .getByLabel('What it will do and why')
      .fill('Tests whether fifteen-minute patrols cut violence more than ten-minute ones.');
    await raeRound.getByLabel('Amount asked for (whole pounds)').fill('4000');
    await raeRound.getByRole('button', { name: `Send the application to ${title}` }).click();
    await raeRound.getByText('Applied for “Hot-spot patrol dosage”.').waitFor();
    await harness.checkAndKeep(rae, 'awards-phone-entered');

    // The committee closes the round and decides both entries.
    await cat.reload();
    await catRound.getByRole('button', { name: `Close the round ${title}` }).click();
    await catRound.getByText('Closed: the committee decides its entries').waitFor();
    // Only the committee reads the citation.
    await catRound.getByText('Rob built the hot-spots analysis').waitFor();
    await harness.checkAndKeep(cat, 'awards-round-closed');
    // The committee's decision form at phone width.
    const catPhone = await harness.signedIn('cat', PHONE);
    await openFromMenuOnPhone(catPhone, harness.base, 'awards');
    await catPhone
      .getByRole('region', { name: title, exact: true })
      .getByRole('group', { name: 'Decision on Rob Reviewer' })
      .waitFor();
    await harness.checkAndKeep(catPhone, 'awards-decision-phone');
    await catRound.getByRole('button', { name: 'Record the decision on Rob Reviewer' }).click();
    await catRound.getByText('Choose the decision.').waitFor();
    await harness.checkAndKeep(cat, 'awards-decision-refused');
    await catRound
      .getByRole('group', { name: 'Decision on Rob Reviewer' })
      .getByLabel('Awarded', { exact: true })
      .check();
    await catRound.getByRole('textbox', { name: 'Reason' }).first().fill('Outstanding analysis');
    await catRound.getByRole('button', { name: 'Record the decision on Rob Reviewer' }).click();
    await catRound
      .getByText(/Rob Reviewer, nominated by Rae Researcher: Awarded \(Outstanding analysis\)/)
      .waitFor();
    const application = catRound.getByRole('group', {
      name: 'Decision on “Hot-spot patrol dosage”',
    });
    await application.getByLabel('Funded').check();
    await catRound.getByLabel('Amount awarded (whole pounds)').fill('3500');
    await catRound.getByRole('textbox', { name: 'Reason' }).fill('A sound design');
    await catRound
      .getByRole('button', { name: 'Record the decision on Hot-spot patrol dosage' })
      .click();
    await catRound.getByText(/fund £10,000, £3,500 awarded/).waitFor();
    await harness.checkAndKeep(cat, 'awards-decided');

    // Rae sees the award and her funding, without the sealed citation.
    await rae.reload();
    await raeRound.getByText(/Rob Reviewer, nominated by you: Awarded/).waitFor();
    await raeRound.getByText(/Funded \(£3,500\)/).waitFor();
    expect(await raeRound.getByText('Rob built the hot-spots analysis').count()).toBe(0);
    await harness.checkAndKeep(rae, 'awards-phone-decided');
  }, 300_000);

  it('a learning network is set up, joined, and learning shared with it', async () => {
    const harness = intranet();
    const name = `Hot spots network ${stamp()}`;
    const rae = await harness.signedIn('rae');
    await openFromMenu(rae, 'Learning networks', 'Local Learning Networks');
    await harness.checkAndKeep(rae, 'learning-networks');
    const create = rae.getByRole('region', { name: 'Set up a network' });
    await create.getByLabel('Network name').fill(name);
    await create.getByLabel('A theme').check();
    await create.getByLabel('Theme', { exact: true }).fill('hot spots policing');
    await create.getByLabel('What it is for and who it is for').fill('short');
    await create.getByRole('button', { name: 'Set up the network' }).click();
    await expectInvalid(create.getByLabel('What it is for and who it is for'), /10/);
    await harness.checkAndKeep(rae, 'learning-networks-refused');
    await create
      .getByLabel('What it is for and who it is for')
      .fill('Officers and analysts who run or study hot-spot patrols, across every BCU.');
    await create.getByRole('button', { name: 'Set up the network' }).click();
    await create.getByRole('status').getByText(`Set up “${name}”.`).waitFor();
    const raeNetwork = rae.getByRole('region', { name, exact: true });
    await raeNetwork.getByRole('button', { name: `Join ${name}` }).click();
    await raeNetwork.getByText('1 member, you among them').waitFor();
    await raeNetwork.getByRole('list', { name: 'Members' }).getByText('Rae Researcher').waitFor();
    await raeNetwork.getByLabel('Title', { exact: true }).fill('Fifteen minutes is enough');
    await raeNetwork
      .getByLabel('What you learned')
      .fill('Our patrols of about fifteen minutes per hot spot cut calls without displacement.');
    await raeNetwork.getByRole('button', { name: `Share with ${name}` }).click();
    await raeNetwork.getByRole('heading', { name: 'Fifteen minutes is enough' }).waitFor();
    await raeNetwork
      .getByText(/^Rae Researcher, \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} (GMT|BST)$/)
      .waitFor();
    await harness.checkAndKeep(rae, 'learning-networks-shared');

    // Vic joins on a phone, reads the post, and leaves.
    const vic = await harness.signedIn('vic', PHONE);
    await openFromMenuOnPhone(vic, harness.base, 'learning-networks');
    const vicNetwork = vic.getByRole('region', { name, exact: true });
    await vicNetwork.getByRole('heading', { name: 'Fifteen minutes is enough' }).waitFor();
    await vicNetwork.getByRole('button', { name: `Join ${name}` }).click();
    await vicNetwork.getByText('2 members, you among them').waitFor();
    await harness.checkAndKeep(vic, 'learning-networks-phone');
    await vicNetwork.getByRole('button', { name: `Leave ${name}` }).click();
    await vicNetwork.getByText(/^Theme: hot spots policing · 1 member$/).waitFor();
    await harness.checkAndKeep(vic, 'learning-networks-phone-left');
  }, 300_000);
}

/** The skills audits page's list of the audits asking the signed-in person. */
const auditsAskingMe = (page: Page) => page.getByRole('region', { name: 'Audits asking you' });
/** The skills audits page's list of every audit (for those who read their reports). */
const allAudits = (page: Page) => page.getByRole('region', { name: 'All audits' });

/** A phone's menu may wrap: the page is opened by its address, as a bookmark would. */
async function openFromMenuOnPhone(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The field is marked invalid, and its message (linked to it) says what is wrong. */
async function expectInvalid(
  field: ReturnType<Page['getByLabel']>,
  message: string | RegExp,
): Promise<void> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor();
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    describedBy
      .split(' ')
      .filter(Boolean)
      .map((id) => field.page().locator(`[id="${id}"]`).innerText()),
  );
  const joined = texts.join(' ');
  if (typeof message === 'string') expect(joined).toContain(message);
  else expect(joined).toMatch(message);
}

/** The group is marked, and its message (linked to it) says what is wrong. */
async function expectGroupInvalid(
  group: ReturnType<Page['getByRole']>,
  message: string,
): Promise<void> {
  await group.and(group.page().locator('.field-error')).waitFor();
  const describedBy = (await group.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    describedBy
      .split(' ')
      .filter(Boolean)
      .map((id) => group.page().locator(`[id="${id}"]`).innerText()),
  );
  expect(texts.join(' ')).toContain(message);
}

/** The answers the graph holds for the person on the audit with this title (none: empty). */
async function recordedAnswers(
  harness: IntranetHarness,
  user: 'rae' | 'rex',
  title: string,
): Promise<{ questionId: string; level: number }[]> {
  const { skillsAuditsToAnswer } = await (
    await harness.graph(user)
  ).must<{
    skillsAuditsToAnswer: {
      audit: { title: string };
      answers: { questionId: string; level: number }[];
    }[];
  }>('query { skillsAuditsToAnswer { audit { title } answers { questionId level } } }');
  const asked = skillsAuditsToAnswer.find((each) => each.audit.title === title);
  expect(asked).toBeDefined();
  return asked?.answers ?? [];
}

/** The audit's id as the committee's list names it, found by the title the page launched. */
async function graphAuditId(
  intranet: () => IntranetHarness,
  title: string,
): Promise<string | undefined> {
  const { skillsAudits } = await (
    await intranet().graph('ada')
  ).must<{ skillsAudits: { items: { id: string; title: string }[] } }>(
    'query { skillsAudits(limit: 200) { items { id title } } }',
  );
  return skillsAudits.items.find((audit) => audit.title === title)?.id;
}
