// The review form's rule: nothing is sent until every national standard is judged and a verdict
// chosen, and the form says which criteria are still to judge.
import { register } from '@ebp/contracts';
import { CombinedError } from 'urql';
import {
  EMPTY_REVIEW,
  QA_CRITERIA,
  criterionLabel,
  criteriaInWords,
  reviewReadiness,
  stillToDo,
  unjudgedCriteria,
  type ReviewDraft,
} from '../src/pages/project/review/review-checklist';
import { refusalsByCode } from '../src/pages/project/review/refusals';

const allMet = Object.fromEntries(
  register.QA_CRITERIA.map((criterion) => [criterion, 'met']),
) as Record<register.QaCriterion, 'met'>;

describe('the review form’s checklist', () => {
  it('asks about every criterion the register’s contract knows, in its order', () => {
    expect(QA_CRITERIA.map(([criterion]) => criterion)).toEqual([...register.QA_CRITERIA]);
    expect(criterionLabel('sample_size_justified')).toBe('The sample size is justified');
  });

  it('starts with nothing judged and no verdict, and is not ready to send', () => {
    expect(unjudgedCriteria(EMPTY_REVIEW)).toEqual([...register.QA_CRITERIA]);
    expect(reviewReadiness(EMPTY_REVIEW)).toEqual({
      ready: false,
      unjudged: [...register.QA_CRITERIA],
      verdictMissing: true,
    });
  });

  it('names the criteria still unjudged, in the form’s order', () => {
    const draft: ReviewDraft = {
      checklist: {
        ethics_and_data_protection: 'not_applicable',
        research_question_clear: 'met',
        design_answers_question: 'not_met',
        comparison_appropriate: 'met',
        outcomes_pre_registered: 'met',
        bias_risks_addressed: 'met',
      },
      verdict: 'revisions_required',
      comments: '',
    };
    expect(reviewReadiness(draft)).toEqual({
      ready: false,
      unjudged: ['sample_size_justified', 'analysis_plan_stated'],
      verdictMissing: false,
    });
  });

  it('refuses a whole checklist without a verdict', () => {
    const draft: ReviewDraft = { checklist: allMet, verdict: null, comments: 'Sound.' };
    expect(reviewReadiness(draft)).toEqual({ ready: false, unjudged: [], verdictMissing: true });
  });

  it('is ready with every criterion judged and a verdict, and sends the whole checklist', () => {
    const draft: ReviewDraft = {
      checklist: { ...allMet, sample_size_justified: 'not_applicable' },
      verdict: 'meets_standards',
      comments: '',
    };
    const readiness = reviewReadiness(draft);
    expect(readiness.ready).toBe(true);
    if (!readiness.ready) return;
    expect(readiness.verdict).toBe('meets_standards');
    expect(Object.keys(readiness.checklist)).toEqual([...register.QA_CRITERIA]);
    expect(readiness.checklist.sample_size_justified).toBe('not_applicable');
  });

  it('names criteria in the register’s messages as the form asks them', () => {
    expect(
      criteriaInWords(
        'A design that meets the standards cannot leave criteria unmet: analysis_plan_stated, bias_risks_addressed',
      ),
    ).toBe(
      'A design that meets the standards cannot leave criteria unmet: “The analysis plan is stated”; “Risks of bias are addressed”',
    );
    expect(criteriaInWords('Each reviewer reviews a design once')).toBe(
      'Each reviewer reviews a design once',
    );
  });

  it('says what is still to do in one sentence', () => {
    expect(stillToDo(8, true)).toBe(
      'Judge 8 criteria and choose a verdict before sending the review.',
    );
    expect(stillToDo(1, false)).toBe('Judge 1 criterion before sending the review.');
    expect(stillToDo(0, true)).toBe('Choose a verdict before sending the review.');
    expect(stillToDo(0, false)).toBe('Everything is judged.');
  });
});

describe('placing the register’s refusals beside the form’s parts', () => {
  const refusal = (code: string, message: string) =>
    new CombinedError({
      graphQLErrors: [{ message, extensions: { code } }],
    });

  it('puts a refusal with a known code beside its part', () => {
    const placed = refusalsByCode(
      refusal('VERDICT_CONTRADICTS_CHECKLIST', 'A design that meets the standards cannot…'),
      { VERDICT_CONTRADICTS_CHECKLIST: 'verdict' },
    );
    expect([...placed]).toEqual([['verdict', 'A design that meets the standards cannot…']]);
  });

  it('leaves codes the form does not place, and no error at all, unplaced', () => {
    expect(
      refusalsByCode(refusal('FORBIDDEN', 'No.'), { REVIEWS_INCOMPLETE: 'decision' }).size,
    ).toBe(0);
    expect(refusalsByCode(undefined, { REVIEWS_INCOMPLETE: 'decision' }).size).toBe(0);
  });
});
