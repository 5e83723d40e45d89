import {
  EBP_SURVEY_2012_13,
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
    expect(results.byRankBand.every((group) => group.suppressed && group.questions === null)).toBe(
      true,
    );
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
    ).toEqual([
      { group: 'constable_sergeant', respondents: null, suppressed: true },
      { group: 'inspector_chief_inspector', respondents: null, suppressed: true },
      { group: 'police_staff', respondents: null, suppressed: true },
    ]);
    expect(results.byBusinessArea.map(({ group, respondents }) => [group, respondents])).toEqual([
      ['frontline_policing', 8],
      ['met_headquarters', 5],
    ]);
    expectNoSmallCellDerivable(tally, results, 5);
    const journals = results.overall!.find((q) => q.questionId === 'source_academic_journals')!;
    expect(journals.headline).toEqual({ label: 'Daily or weekly', percent: 53.8 });
  });

  it('shows both breakdowns when no group is small and none gives another away', () => {
    const tally = tallyOf([
      ...people(6, FRONTLINE_PCS),
      ...people(5, HQ_STAFF),
      ...people(7, { rankBand: 'constable_sergeant', businessArea: 'met_headquarters' }),
    ]);
    const results = campaignResults(set, tally, 5);
    expect(results.byRankBand.map(({ group, respondents }) => [group, respondents])).toEqual([
      ['constable_sergeant', 13],
      ['police_staff', 5],
    ]);
    expect(results.byBusinessArea.map(({ group, respondents }) => [group, respondents])).toEqual([
      ['frontline_policing', 6],
      ['met_headquarters', 12],
    ]);
    expectNoSmallCellDerivable(tally, results, 5);
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
