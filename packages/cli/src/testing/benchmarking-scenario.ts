// Benchmarking the use of evidence end to end through the gateway, against either run mode
// (issue 20, decision 0038): the EBP Delivery Team runs the framework's 2012/13 survey again;
// members of staff of different ranks and units, each registered in the talent pool, answer it
// anonymously with generated answers, once each, with no count of answers shown while it is
// open; it closes on its last day, not sooner; its results list every rank band and business
// area, showing only groups where enough answered (a small group suppressed like an empty one)
// and only their headline shares that hide who chose what; and it is compared with the
// published 2012/13 baseline, whose unpublished figures say so.
import { randomUUID } from 'node:crypto';
import type { GraphResponse } from '../graph-client';
import { callers, staffMember, type PlatformUnderTest } from './platform-under-test';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

const CAMPAIGN = 'id title status responses minimumCellSize questionSetId questionSetVersion';
const SETS = `{ surveyQuestionSets { id version questions { questionId kind termId options { optionId } }
  baseline { respondents figures { questionId percent } } } }`;
const LAUNCH = `mutation($c: SurveyCampaignInput!) { launchSurveyCampaign(campaign: $c) { campaign { ${CAMPAIGN} } } }`;
const ANSWER = `mutation($id: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(campaignId: $id, answers: $a) {
  campaign { id responses } recordedAs { rankBand businessArea } } }`;
const CLOSE = `mutation($id: ID!) { closeSurveyCampaign(campaignId: $id) { campaign { ${CAMPAIGN} } } }`;
const SHARES = 'questionId headline { label percent } options { optionId percent }';
const GROUP =
  'group respondents suppressed questions { questionId headline { label percent withheld } }';
const RESULTS = `query($id: ID!) { surveyResults(campaignId: $id) { respondents suppressed minimumCellSize
  campaign { id status responses } overall { ${SHARES} }
  byRankBand { ${GROUP} } byBusinessArea { ${GROUP} } } }`;
const ONE = `query($id: ID!) { surveyCampaign(id: $id) { id status responses } }`;
const FIGURE = 'percent missing';
const COMPARE = `query($before: SurveyComparandInput!, $after: SurveyComparandInput!) {
  surveyComparison(before: $before, after: $after) {
    before { kind id respondents } after { kind id respondents }
    questions { questionId headline change before { ${FIGURE} } after { ${FIGURE} }
      options { optionId before { ${FIGURE} } after { ${FIGURE} } } } } }`;

interface Question {
  questionId: string;
  kind: string;
  termId: string | null;
  options: { optionId: string }[];
}
interface Shares {
  questionId: string;
  headline: { label: string; percent: number };
}
interface Group {
  group: string;
  respondents: number | null;
  suppressed: boolean;
  questions:
    { questionId: string; headline: { percent: number | null; withheld: boolean } }[] | null;
}
interface Figure {
  percent: number | null;
  missing: string | null;
}

export function benchmarkingScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  const person = (kind: string, index: number) => `person-survey-${run}-${kind}${index}`;
  /** Staff of three ranks and units; two of the five inspectors will answer: a small group. */
  const staff = [
    ...Array.from({ length: 10 }, (_, i) => ({
      id: person('pc', i),
      rankOrGrade: 'Police Constable',
      unit: 'Central West BCU',
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      id: person('insp', i),
      rankOrGrade: 'Inspector',
      unit: 'North BCU',
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      id: person('analyst', i),
      rankOrGrade: 'Band C analyst',
      unit: 'Strategy and Insight',
    })),
  ];
  const answering = staff.filter(({ id }) => !/insp[2-4]$/.test(id));
  const REGISTER =
    'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';

  /**
   * Generated answers: every question answered, deterministically from who answers, so the figures
   * are known: constables never read academic journals, analysts weekly, inspectors daily; all
   * use professional experience daily; every fourth person reads newspapers weekly; every other
   * person understands EBP fairly well, the rest not very well.
   */
  const answersOf = (questions: readonly Question[], personId: string, index: number) =>
    questions.map((question) => {
      const options = question.options.map((option) => option.optionId);
      const pick = (optionId: string) => {
        if (!options.includes(optionId))
          throw new Error(`${question.questionId} lacks ${optionId}`);
        return optionId;
      };
      const optionId =
        question.questionId === 'source_academic_journals'
          ? pick(
              personId.includes('-pc') ? 'never' : personId.includes('-insp') ? 'daily' : 'weekly',
            )
          : question.questionId === 'source_professional_experience'
            ? pick('daily')
            : question.questionId === 'source_newspapers'
              ? pick(index % 4 === 0 ? 'weekly' : 'monthly')
              : question.questionId === 'understanding_ebp'
                ? pick(index % 2 === 0 ? 'fairly_well' : 'not_very_well')
                : options[(index + question.questionId.length) % options.length]!;
      return { questionId: question.questionId, optionId };
    });

  let questions: Question[] = [];
  let campaignId = '';
  let instrumentId = '';
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    // Each member of staff registers themselves: the survey learns their rank and unit from here.
    for (const member of staff)
      await (
        await as(staffMember(member.id))
      ).must(REGISTER, {
        id: member.id,
        p: {
          name: `Surveyed ${member.id}`,
          rankOrGrade: member.rankOrGrade,
          unit: member.unit,
          contact: { email: `${member.id}@met.example` },
          credentials: [],
          skills: [],
          topics: [],
          availability: { willing: false },
          consent: { listedInExpertiseFinder: false, contactableByResearchers: false },
        },
      });
  });

  it('offers the 2012/13 instrument with its published baseline and launches it again, for today', async () => {
    const vic = await as('vic');
    const { surveyQuestionSets } = await vic.must<{
      surveyQuestionSets: {
        id: string;
        version: number;
        questions: Question[];
        baseline: { respondents: number; figures: { questionId: string; percent: number }[] };
      }[];
    }>(SETS);
    const instrument = surveyQuestionSets.find((set) => set.id === 'ebp-survey-2012-13')!;
    expect(instrument.baseline).toEqual({
      respondents: 250,
      figures: [
        { questionId: 'source_professional_experience', percent: 99 },
        { questionId: 'source_local_staff_views', percent: 85 },
        { questionId: 'source_newspapers', percent: 62 },
        { questionId: 'source_academic_journals', percent: 7 },
      ],
    });
    expect(new Set(instrument.questions.map((question) => question.kind))).toEqual(
      new Set(['research_design_willingness', 'source_frequency', 'ebp_understanding']),
    );
    questions = instrument.questions;
    instrumentId = instrument.id;

    // It takes answers today only, so that it can be closed today.
    const campaign = {
      title: `EBP survey of staff, run again ${run}`,
      questionSetId: instrument.id,
      questionSetVersion: instrument.version,
      opensOn: today,
      closesOn: today,
      minimumCellSize: 5,
    };
    // Only the EBP Delivery Team and administrators launch campaigns.
    expect(codes(await vic.request(LAUNCH, { c: campaign }))).toEqual(['FORBIDDEN']);
    const { launchSurveyCampaign } = await (
      await as('rob')
    ).must<{ launchSurveyCampaign: { campaign: { id: string; status: string } } }>(LAUNCH, {
      c: campaign,
    });
    expect(launchSurveyCampaign.campaign).toMatchObject({ status: 'open', responses: null });
    campaignId = launchSurveyCampaign.campaign.id;
  });

  it('takes one anonymous answer from each member of staff, with only coarse bands recorded', async () => {
    for (const [index, member] of answering.entries()) {
      const client = await as(staffMember(member.id));
      const { answerSurvey } = await client.must<{
        answerSurvey: {
          campaign: { responses: number | null };
          recordedAs: { rankBand: string; businessArea: string };
        };
      }>(ANSWER, { id: campaignId, a: answersOf(questions, member.id, index) });
      // No count of answers while it takes them: watched, it would single out the next one.
      expect(answerSurvey.campaign.responses).toBeNull();
      expect(answerSurvey.recordedAs).toEqual(
        member.id.includes('-pc')
          ? { rankBand: 'constable_sergeant', businessArea: 'frontline_policing' }
          : member.id.includes('-insp')
            ? { rankBand: 'inspector_chief_inspector', businessArea: 'frontline_policing' }
            : { rankBand: 'police_staff', businessArea: 'met_headquarters' },
      );
    }
    const again = await (
      await as(staffMember(answering[0]!.id))
    ).request(ANSWER, { id: campaignId, a: answersOf(questions, answering[0]!.id, 0) });
    expect(codes(again)).toEqual(['SURVEY_ALREADY_ANSWERED']);
    // A partner's identity is not staff; an incomplete answer is refused.
    expect(
      codes(
        await (
          await as('uni')
        ).request(ANSWER, { id: campaignId, a: answersOf(questions, 'x', 0) }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await (
          await as(staffMember(person('insp', 4)))
        ).request(ANSWER, { id: campaignId, a: answersOf(questions, 'x', 0).slice(1) }),
      ),
    ).toEqual(['INVALID_SURVEY_INPUT']);
    // No figures while it takes answers: each new one would tell what its author answered.
    expect(codes(await (await as('vic')).request(RESULTS, { id: campaignId }))).toEqual([
      'SURVEY_RESULTS_NOT_READY',
    ]);
    const { surveyCampaign } = await (
      await as('rob')
    ).must<{ surveyCampaign: { status: string; responses: number | null } }>(ONE, {
      id: campaignId,
    });
    expect(surveyCampaign).toEqual({ id: campaignId, status: 'open', responses: null });
  });

  it('does not close a campaign before its last day: closing just after an answer would isolate it', async () => {
    const rob = await as('rob');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { launchSurveyCampaign } = await rob.must<{
      launchSurveyCampaign: { campaign: { id: string } };
    }>(LAUNCH, {
      c: {
        title: `EBP survey of staff, until tomorrow ${run}`,
        questionSetId: instrumentId,
        questionSetVersion: 1,
        opensOn: today,
        closesOn: tomorrow,
        minimumCellSize: 5,
      },
    });
    const later = launchSurveyCampaign.campaign.id;
    expect(codes(await rob.request(CLOSE, { id: later }))).toEqual([
      'SURVEY_CAMPAIGN_NOT_DUE_TO_CLOSE',
    ]);
    const { surveyCampaign } = await rob.must<{
      surveyCampaign: { status: string; responses: number | null };
    }>(ONE, { id: later });
    expect(surveyCampaign).toMatchObject({ status: 'open', responses: null });
  });

  it('shows the results by band and area once closed: every group listed, small ones suppressed with those that would give them away, headline shares only where they hide who chose what', async () => {
    const { closeSurveyCampaign } = await (
      await as('rob')
    ).must<{ closeSurveyCampaign: { campaign: { status: string; responses: number } } }>(CLOSE, {
      id: campaignId,
    });
    expect(closeSurveyCampaign.campaign).toMatchObject({ status: 'closed', responses: 22 });
    const { surveyCampaigns } = await (
      await as('vic')
    ).must<{ surveyCampaigns: { items: { id: string }[]; total: number } }>(
      'query { surveyCampaigns(status: closed, limit: 200) { items { id } total } }',
    );
    expect(surveyCampaigns.items.map((campaign) => campaign.id)).toContain(campaignId);

    const { surveyResults } = await (
      await as('vic')
    ).must<{
      surveyResults: {
        respondents: number;
        suppressed: boolean;
        overall: Shares[];
        byRankBand: Group[];
        byBusinessArea: Group[];
      };
    }>(RESULTS, { id: campaignId });
    expect(surveyResults).toMatchObject({ respondents: 22, suppressed: false });
    const headline = (shares: Shares[] | null, questionId: string) =>
      shares?.find((question) => question.questionId === questionId)?.headline.percent;
    expect(headline(surveyResults.overall, 'source_academic_journals')).toBe(54.5); // 12 of 22
    expect(headline(surveyResults.overall, 'source_professional_experience')).toBe(100);
    expect(headline(surveyResults.overall, 'source_newspapers')).toBe(27.3); // 6 of 22
    expect(headline(surveyResults.overall, 'understanding_ebp')).toBe(50);
    // Every band, in the same order, whoever answered. Two inspectors answered: below the
    // minimum of 5, so hidden, and the constables (10) with them, else total minus the rest
    // gives them away. Nobody of the superintendents' band answered: it shows as suppressed too.
    const sizes = (groups: Group[]) =>
      groups.map(({ group, respondents, suppressed }) => [group, respondents, suppressed]);
    expect(sizes(surveyResults.byRankBand)).toEqual([
      ['constable_sergeant', null, true],
      ['inspector_chief_inspector', null, true],
      ['superintendent_and_above', null, true],
      ['police_staff', 10, false],
      ['withheld', null, true],
    ]);
    expect(sizes(surveyResults.byBusinessArea)).toEqual([
      ['frontline_policing', 12, false],
      ['met_operations', null, true],
      ['specialist_operations', null, true],
      ['professionalism', null, true],
      ['met_headquarters', 10, false],
      ['withheld', null, true],
    ]);
    for (const group of [...surveyResults.byRankBand, ...surveyResults.byBusinessArea])
      if (group.suppressed) expect(group.questions).toBeNull();
    const groupHeadline = (groups: Group[], group: string, questionId: string) =>
      groups
        .find((candidate) => candidate.group === group)
        ?.questions?.find((question) => question.questionId === questionId)?.headline;
    const [bands, areas] = [surveyResults.byRankBand, surveyResults.byBusinessArea];
    // All ten analysts read journals weekly, two of twelve on the front line daily: 100% and
    // 2 of 12 would each tell what people chose, so neither shows.
    for (const [groups, group] of [
      [bands, 'police_staff'],
      [areas, 'met_headquarters'],
      [areas, 'frontline_policing'],
    ] as const)
      expect(groupHeadline(groups, group, 'source_academic_journals')).toEqual({
        label: 'Daily or weekly',
        percent: null,
        withheld: true,
      });
    // Half of each group understands EBP fairly well: at least five either way, so it shows.
    expect(groupHeadline(bands, 'police_staff', 'understanding_ebp')).toEqual({
      label: 'Very or fairly well',
      percent: 50,
      withheld: false,
    });
    expect(groupHeadline(areas, 'frontline_policing', 'understanding_ebp')?.percent).toBe(50);
    expect(groupHeadline(areas, 'met_headquarters', 'understanding_ebp')?.percent).toBe(50);
  });

  it('compares the campaign with the published 2012/13 baseline, saying which figures were never published', async () => {
    const { surveyComparison } = await (
      await as('vic')
    ).must<{
      surveyComparison: {
        before: { kind: string; respondents: number };
        after: { kind: string; respondents: number };
        questions: {
          questionId: string;
          change: number | null;
          before: Figure;
          after: Figure;
          options: { optionId: string; before: Figure; after: Figure }[];
        }[];
      };
    }>(COMPARE, {
      before: { kind: 'published_baseline', id: 'ebp-survey-2012-13' },
      after: { kind: 'campaign', id: campaignId },
    });
    expect(surveyComparison.before).toMatchObject({ kind: 'published_baseline', respondents: 250 });
    expect(surveyComparison.after).toMatchObject({ kind: 'campaign', respondents: 22 });
    const question = (id: string) =>
      surveyComparison.questions.find((candidate) => candidate.questionId === id)!;
    expect(question('source_academic_journals')).toMatchObject({
      before: { percent: 7, missing: null },
      after: { percent: 54.5, missing: null },
      change: 47.5,
    });
    expect(question('source_professional_experience')).toMatchObject({
      before: { percent: 99 },
      after: { percent: 100 },
      change: 1,
    });
    expect(question('source_newspapers').change).toBe(-34.7);
    const rct = question('design_randomised_controlled_trial');
    expect(rct).toMatchObject({
      before: { percent: null, missing: 'not_published' },
      change: null,
    });
    expect(rct.after.percent).not.toBeNull();
    expect(question('understanding_ebp').before.missing).toBe('not_published');
    // The baseline publishes headline shares only, never one option's.
    expect(
      question('source_academic_journals').options.every(
        (option) => option.before.missing === 'not_published' && option.after.percent !== null,
      ),
    ).toBe(true);
    // A baseline of a question set that does not exist is not found.
    expect(
      codes(
        await (
          await as('vic')
        ).request(COMPARE, {
          before: { kind: 'published_baseline', id: 'no-such-set' },
          after: { kind: 'campaign', id: campaignId },
        }),
      ),
    ).toEqual(['SURVEY_CAMPAIGN_NOT_FOUND']);
  });
}
