import {
  BusinessAreaSchema,
  EBP_SURVEY_2012_13,
  QUESTION_SETS,
  RankBandSchema,
  TRAINING_PROVIDER_SELF_ASSESSMENT,
  baselineFigures,
  businessAreaOf,
  campaignFigures,
  campaignResults,
  compareSurveys,
  emptyTally,
  questionSetProblems,
  rankBandOf,
  recordedAttributes,
  suppressedGroups,
  tallyAnswer,
  withheldHeadlines,
  type CoarseAttributes,
  type SurveyAnswer,
  type SurveyTally,
} from './benchmarking';

const set = EBP_SURVEY_2012_13;
/** Everyone answers the first option of every question, but `overrides`. */
const answersWith = (overrides: Record<string, string> = {}): SurveyAnswer[] =>
  set.questions.map((question) => ({
    questionId: question.questionId,
    optionId: overrides[question.questionId] ?? question.options[0]!.optionId,
  }));
const tallyOf = (
  answers: readonly (CoarseAttributes & { answers: SurveyAnswer[] })[],
): SurveyTally => answers.reduce(tallyAnswer, emptyTally());
const people = (count: number, attributes: CoarseAttributes, answers = answersWith()) =>
  Array.from({ length: count }, () => ({ ...attributes, answers }));
const FRONTLINE_PCS = {
  rankBand: 'constable_sergeant',
  businessArea: 'frontline_policing',
} as const;
const HQ_STAFF = { rankBand: 'police_staff', businessArea: 'met_headquarters' } as const;
const FRONTLINE_INSPECTORS = {
  rankBand: 'inspector_chief_inspector',
  businessArea: 'frontline_policing',
} as const;

/**
 * The attacker's subtractions: total minus the shown groups of a breakdown, and for each shown
 * band and shown area the people in both, in the band only and in the area only (what knowing
 * that one lies within the other gives). None may be below the minimum but above none.
 */
function expectNoSmallCellDerivable(
  tally: SurveyTally,
  results: ReturnType<typeof campaignResults>,
  minimum: number,
) {
  const small = (count: number) => count > 0 && count < minimum;
  for (const breakdown of [results.byRankBand, results.byBusinessArea]) {
    const shown = breakdown.reduce((sum, group) => sum + (group.respondents ?? 0), 0);
    expect(small(results.respondents! - shown)).toBe(false);
  }
  for (const band of results.byRankBand.filter((group) => !group.suppressed))
    for (const area of results.byBusinessArea.filter((group) => !group.suppressed)) {
      const both = tally.respondents
        .filter((row) => row.rankBand === band.group && row.businessArea === area.group)
        .reduce((sum, row) => sum + row.count, 0);
      expect([both, band.respondents! - both, area.respondents! - both].some(small)).toBe(false);
    }
}

/** Each breakdown's groups as shown: [group, respondents] of the groups not suppressed. */
const shownSizes = (groups: ReturnType<typeof campaignResults>['byRankBand']) =>
  groups.filter((group) => !group.suppressed).map(({ group, respondents }) => [group, respondents]);

/**
 * The attacker's subtractions of headline shares: each shown headline, and the overall headline
 * minus the shown headlines of a breakdown (what the groups not showing it answered together).
 * Neither may tell that none, all, or fewer than the minimum of those people chose it, nor may a
 * breakdown give one option's share.
 */
function expectNoSmallHeadlineDerivable(
  results: ReturnType<typeof campaignResults>,
  minimum: number,
) {
  const countOf = (percent: number, of: number) => Math.round((percent * of) / 100);
  const safe = (chose: number, of: number) => chose >= minimum && of - chose >= minimum;
  for (const breakdown of [results.byRankBand, results.byBusinessArea])
    for (const question of results.overall ?? []) {
      let shown = { size: 0, chose: 0 };
      for (const group of breakdown) {
        const result = group.questions?.find((q) => q.questionId === question.questionId);
        expect(result === undefined || !('options' in result)).toBe(true);
        if (result?.headline.percent === null || result === undefined) continue;
        const chose = countOf(result.headline.percent, group.respondents!);
        expect(safe(chose, group.respondents!)).toBe(true);
        shown = { size: shown.size + group.respondents!, chose: shown.chose + chose };
      }
      const rest = results.respondents! - shown.size;
      if (shown.size > 0 && rest > 0)
        expect(
          safe(countOf(question.headline.percent, results.respondents!) - shown.chose, rest),
        ).toBe(true);
    }
}

describe('benchmarking the use of evidence', () => {
  it('holds the 2012/13 instrument with its published figures only', () => {
    expect(set.questions.map((question) => question.kind)).toEqual(
      expect.arrayContaining([
        'research_design_willingness',
        'source_frequency',
        'ebp_understanding',
      ]),
    );
    expect(set.baseline).toMatchObject({ respondents: 250 });
    expect(set.baseline?.figures).toEqual([
      { questionId: 'source_professional_experience', percent: 99 },
      { questionId: 'source_local_staff_views', percent: 85 },
      { questionId: 'source_newspapers', percent: 62 },
      { questionId: 'source_academic_journals', percent: 7 },
    ]);
    // Research designs are the shared vocabulary's terms.
    expect(set.questions.filter((question) => question.termId).map((q) => q.termId)).toContain(
      'randomised_controlled_trial',
    );
  });

  it("holds the training providers' self-assessment as a question set of its own, with no baseline", () => {
    const providers = TRAINING_PROVIDER_SELF_ASSESSMENT;
    expect(questionSetProblems(providers)).toEqual([]);
    expect(new Set(providers.questions.map((question) => question.kind))).toEqual(
      new Set(['training_practice']),
    );
    // The framework publishes no figures for it: nothing is made up.
    expect(providers.baseline).toBeUndefined();
    expect(baselineFigures(providers)).toBeUndefined();
    // Every question set is offered, each id and version once.
    const keys = QUESTION_SETS.map((each) => `${each.questionSetId}@${each.version}`);
    expect(keys).toEqual(['ebp-survey-2012-13@1', 'training-provider-self-assessment@1']);
  });

  it('refuses question sets with repeated ids, headlines of missing options or figures of questions not asked', () => {
    expect(questionSetProblems(set)).toEqual([]);
    const [first] = set.questions;
    expect(
      questionSetProblems({
        ...set,
        questions: [
          first!,
          {
            ...first!,
            options: [first!.options[0]!, first!.options[0]!],
            headline: { label: 'Never', optionIds: ['never'] },
          },
        ],
        baseline: { ...set.baseline!, figures: [{ questionId: 'not_asked', percent: 1 }] },
      }),
    ).toEqual([
      'question ids must be unique',
      `${first!.questionId}: options repeat`,
      `${first!.questionId}: the headline names an option the question lacks`,
      'the baseline has a figure for not_asked, which the set does not ask',
    ]);
  });

  it('derives coarse rank bands and business areas from profiles', () => {
    expect(
      ['Police Constable', 'PC', 'Detective Sergeant', 'Inspector', 'Chief Inspector'].map(
        rankBandOf,
      ),
    ).toEqual([
      'constable_sergeant',
      'constable_sergeant',
      'constable_sergeant',
      'inspector_chief_inspector',
      'inspector_chief_inspector',
    ]);
    expect(
      ['Chief Superintendent', 'Commander', 'Band C analyst', 'Astronaut', null].map(rankBandOf),
    ).toEqual([
      'superintendent_and_above',
      'superintendent_and_above',
      'police_staff',
      'withheld',
      'withheld',
    ]);
    expect(
      [
        'Central West BCU',
        'Specialist Crime',
        'Specialist Operations',
        'Strategy and Insight',
        'Elsewhere',
      ].map(businessAreaOf),
    ).toEqual([
      'frontline_policing',
      'met_operations',
      'specialist_operations',
      'met_headquarters',
      'withheld',
    ]);
  });

  it('records band and area only when at least the minimum cell size of known people share both', () => {
    const population = [...people(5, FRONTLINE_PCS), ...people(4, HQ_STAFF)];
    expect(recordedAttributes(FRONTLINE_PCS, population, 5)).toEqual(FRONTLINE_PCS);
    expect(recordedAttributes(HQ_STAFF, population, 5)).toEqual({
      rankBand: 'withheld',
      businessArea: 'withheld',
    });
    expect(
      recordedAttributes({ rankBand: 'police_staff', businessArea: 'withheld' }, population, 1),
    ).toEqual({ rankBand: 'withheld', businessArea: 'withheld' });
  });

  it('shows nothing below the minimum overall', () => {
    const results = campaignResults(set, tallyOf(people(4, FRONTLINE_PCS)), 5);
    expect(results).toMatchObject({ respondents: null, suppressed: true, overall: null });
    expect(results.byRankBand).toEqual(
      RankBandSchema.options.map((group) => ({
        group,
        respondents: null,
        suppressed: true,
        questions: null,
      })),
    );
    expect(results.byBusinessArea.map((group) => group.group)).toEqual(BusinessAreaSchema.options);
    expect(results.byBusinessArea.every((group) => group.suppressed)).toBe(true);
  });

  it('lists every band and area in a fixed order, a group nobody answered from just like a suppressed one', () => {
    // Twelve constables on the front line, and three inspectors and three police staff in
    // small groups elsewhere; in one campaign a chief officer at headquarters answered too.
    const chiefAtHq: CoarseAttributes = {
      rankBand: 'superintendent_and_above',
      businessArea: 'met_headquarters',
    };
    const others = [
      ...people(12, FRONTLINE_PCS),
      ...people(3, { rankBand: 'inspector_chief_inspector', businessArea: 'professionalism' }),
      ...people(3, { rankBand: 'police_staff', businessArea: 'specialist_operations' }),
    ];
    const withChief = campaignResults(set, tallyOf([...others, ...people(1, chiefAtHq)]), 5);
    const without = campaignResults(set, tallyOf(others), 5);
    for (const results of [withChief, without]) {
      expect(results.byRankBand.map((group) => group.group)).toEqual(RankBandSchema.options);
      expect(results.byBusinessArea.map((group) => group.group)).toEqual(
        BusinessAreaSchema.options,
      );
    }
    // 1 superintendent and 0 "withheld", 1 at headquarters and 0 in Met Operations: the same.
    const hidden = { respondents: null, suppressed: true, questions: null };
    const band = (results: typeof withChief, group: string) =>
      results.byRankBand.find((candidate) => candidate.group === group);
    const area = (results: typeof withChief, group: string) =>
      results.byBusinessArea.find((candidate) => candidate.group === group);
    expect(band(withChief, 'superintendent_and_above')).toEqual({
      group: 'superintendent_and_above',
      ...hidden,
    });
    expect(band(withChief, 'withheld')).toEqual({ group: 'withheld', ...hidden });
    expect(area(withChief, 'met_headquarters')).toEqual({ group: 'met_headquarters', ...hidden });
    expect(area(withChief, 'met_operations')).toEqual({ group: 'met_operations', ...hidden });
    // Whether the chief answered or not, the same groups are listed, shown and suppressed.
    const shape = (results: typeof withChief) =>
      [...results.byRankBand, ...results.byBusinessArea].map(({ group, suppressed }) => ({
        group,
        suppressed,
      }));
    expect(shape(withChief)).toEqual(shape(without));
  });

  it('suppresses a small group, the next smallest with it, and a group that would give it away by subtraction from the other breakdown', () => {
    const tally = tallyOf([
      ...people(6, FRONTLINE_PCS, answersWith({ source_academic_journals: 'never' })),
      ...people(5, HQ_STAFF, answersWith({ source_academic_journals: 'weekly' })),
      ...people(2, FRONTLINE_INSPECTORS, answersWith({ source_academic_journals: 'daily' })),
    ]);
    const results = campaignResults(set, tally, 5);
    expect(results.respondents).toBe(13);
    // Inspectors (2) are too few; police staff (5) hide them from total minus the rest; and
    // constables and sergeants (6, all frontline) would give them away as frontline (8) minus 6.
    expect(
      results.byRankBand.map(({ group, respondents, suppressed }) => ({
        group,
        respondents,
        suppressed,
      })),
    ).toEqual(
      RankBandSchema.options.map((group) => ({ group, respondents: null, suppressed: true })),
    );
    expect(results.byBusinessArea.map(({ group, respondents }) => [group, respondents])).toEqual([
      ['frontline_policing', 8],
      ['met_operations', null],
      ['specialist_operations', null],
      ['professionalism', null],
      ['met_headquarters', 5],
      ['withheld', null],
    ]);
    expectNoSmallCellDerivable(tally, results, 5);
    expectNoSmallHeadlineDerivable(results, 5);
    const journals = results.overall!.find((q) => q.questionId === 'source_academic_journals')!;
    expect(journals.headline).toEqual({ label: 'Daily or weekly', percent: 53.8 });
    // All five at headquarters read journals weekly, 2 of 8 on the front line daily: neither
    // "all" nor "two" shows.
    const journalsIn = (group: string) =>
      results.byBusinessArea
        .find((candidate) => candidate.group === group)!
        .questions!.find((q) => q.questionId === 'source_academic_journals')!.headline;
    expect(journalsIn('met_headquarters')).toEqual({
      label: 'Daily or weekly',
      percent: null,
      withheld: true,
    });
    expect(journalsIn('frontline_policing')).toMatchObject({ percent: null, withheld: true });
  });

  it('shows both breakdowns when no group is small and none gives another away', () => {
    const tally = tallyOf([
      ...people(6, FRONTLINE_PCS),
      ...people(5, HQ_STAFF),
      ...people(7, { rankBand: 'constable_sergeant', businessArea: 'met_headquarters' }),
    ]);
    const results = campaignResults(set, tally, 5);
    expect(shownSizes(results.byRankBand)).toEqual([
      ['constable_sergeant', 13],
      ['police_staff', 5],
    ]);
    expect(shownSizes(results.byBusinessArea)).toEqual([
      ['frontline_policing', 6],
      ['met_headquarters', 12],
    ]);
    expectNoSmallCellDerivable(tally, results, 5);
    expectNoSmallHeadlineDerivable(results, 5);
  });

  it('shows a group headline share only where at least the minimum chose it and at least the minimum did not', () => {
    const rct = 'design_randomised_controlled_trial';
    const willing = (count: number, of: number, attributes: CoarseAttributes) => [
      ...people(count, attributes, answersWith({ [rct]: 'yes' })),
      ...people(of - count, attributes, answersWith({ [rct]: 'no' })),
    ];
    const tally = tallyOf([
      ...willing(5, 10, FRONTLINE_PCS),
      ...willing(5, 10, HQ_STAFF),
      // Every constable in Met Operations is willing: 100% would tell each one's answer.
      ...willing(12, 12, { rankBand: 'constable_sergeant', businessArea: 'met_operations' }),
    ]);
    const results = campaignResults(set, tally, 5);
    const headlineOf = (groups: typeof results.byRankBand, group: string) =>
      groups
        .find((candidate) => candidate.group === group)!
        .questions?.find((q) => q.questionId === rct)?.headline.percent;
    // Met Operations (12 of 12) is withheld; so is the front line (the smallest shown), else the
    // total (22 of 32) minus headquarters (5 of 10) would tell Met Operations' 12 of 12.
    expect(headlineOf(results.byBusinessArea, 'met_operations')).toBeNull();
    expect(headlineOf(results.byBusinessArea, 'frontline_policing')).toBeNull();
    expect(headlineOf(results.byBusinessArea, 'met_headquarters')).toBe(50);
    // Constables (17 of 22) and police staff (5 of 10) are safe either way.
    expect(headlineOf(results.byRankBand, 'constable_sergeant')).toBe(77.3);
    expect(headlineOf(results.byRankBand, 'police_staff')).toBe(50);
    // The overall figures are kept whole: every option's share, for comparisons.
    const overall = results.overall!.find((q) => q.questionId === rct)!;
    expect(overall.headline.percent).toBe(68.8);
    expect(overall.options.map((option) => option.percent)).toEqual([68.8, 0, 31.3]);
    expectNoSmallCellDerivable(tally, results, 5);
    expectNoSmallHeadlineDerivable(results, 5);
    // 0% and 100% never show in a group, nor does a share of fewer than the minimum.
    for (const group of [...results.byRankBand, ...results.byBusinessArea])
      for (const question of group.questions ?? [])
        expect([0, 100]).not.toContain(question.headline.percent);
  });

  it('withholds headlines of the smallest shown groups while those not shown are too few either way', () => {
    expect(
      withheldHeadlines(
        [
          { group: 'a', size: 10, headline: 5 },
          { group: 'b', size: 12, headline: 12 },
          { group: 'c', size: 11, headline: 6 },
        ],
        { size: 0, headline: 0 },
        5,
      ),
    ).toEqual(new Set(['b', 'a']));
    // Nothing withheld and nothing suppressed: nothing to protect.
    expect(
      withheldHeadlines([{ group: 'a', size: 10, headline: 5 }], { size: 0, headline: 0 }, 5),
    ).toEqual(new Set());
    // The suppressed groups (6, all of whom chose it) would show as total minus the rest.
    expect(
      withheldHeadlines(
        [
          { group: 'a', size: 10, headline: 5 },
          { group: 'b', size: 20, headline: 10 },
        ],
        { size: 6, headline: 6 },
        5,
      ),
    ).toEqual(new Set(['a']));
  });

  it('picks complementary groups only while the hidden ones together are below the minimum', () => {
    expect(
      suppressedGroups(
        new Map([
          ['a', 3],
          ['b', 3],
          ['c', 20],
          ['d', 0],
        ]),
        5,
      ),
    ).toEqual(new Set(['a', 'b']));
    expect(
      suppressedGroups(
        new Map([
          ['a', 1],
          ['b', 9],
          ['c', 7],
        ]),
        5,
      ),
    ).toEqual(new Set(['a', 'c']));
    expect(suppressedGroups(new Map([['a', 5]]), 5)).toEqual(new Set());
  });

  it('compares a campaign with the published baseline: published headlines only, the rest says why not', () => {
    const tally = tallyOf([
      ...people(8, FRONTLINE_PCS, answersWith({ source_academic_journals: 'weekly' })),
      ...people(2, HQ_STAFF, answersWith({ source_academic_journals: 'never' })),
    ]);
    const results = campaignResults(set, tally, 5);
    const comparison = compareSurveys(
      baselineFigures(set)!,
      campaignFigures('survey-2026', 'Survey 2026', set, results),
    );
    expect(comparison.before).toMatchObject({ kind: 'published_baseline', respondents: 250 });
    const journals = comparison.questions.find((q) => q.questionId === 'source_academic_journals')!;
    expect(journals.before).toEqual({ percent: 7, missing: null });
    expect(journals.after).toEqual({ percent: 80, missing: null });
    expect(journals.change).toBe(73);
    expect(journals.options.every((option) => option.before.missing === 'not_published')).toBe(
      true,
    );
    const rct = comparison.questions.find(
      (q) => q.questionId === 'design_randomised_controlled_trial',
    )!;
    expect(rct.before).toEqual({ percent: null, missing: 'not_published' });
    expect(rct.change).toBeNull();
    const published = comparison.questions.filter((q) => q.before.percent !== null);
    expect(published.map((q) => q.questionId).sort()).toEqual(
      set.baseline!.figures.map((figure) => figure.questionId).sort(),
    );
  });

  it('says suppressed when a campaign had too few answers to compare', () => {
    const few = campaignResults(set, tallyOf(people(3, FRONTLINE_PCS)), 5);
    const comparison = compareSurveys(
      baselineFigures(set)!,
      campaignFigures('small', 'Small', set, few),
    );
    expect(comparison.after.respondents).toBeNull();
    expect(comparison.questions.every((q) => q.after.missing === 'suppressed')).toBe(true);
  });
});
