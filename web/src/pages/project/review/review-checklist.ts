import type {
  CommitteeDecision,
  QaChecklistInput,
  QaResult,
  ReviewVerdict,
} from '../../../graphql/generated';

export type QaCriterion = keyof QaChecklistInput;

/**
 * The national research-design standards, in the order reviewers judge them, as the form words
 * them. A Record over the graph's checklist keeps the list complete when the graph adds one.
 */
const QA_LABELS: Record<QaCriterion, string> = {
  research_question_clear: 'The research question is clear',
  design_answers_question: 'The design answers the question',
  comparison_appropriate: 'The comparison is appropriate',
  sample_size_justified: 'The sample size is justified',
  outcomes_pre_registered: 'The outcomes are pre-registered',
  analysis_plan_stated: 'The analysis plan is stated',
  bias_risks_addressed: 'Risks of bias are addressed',
  ethics_and_data_protection: 'Ethics and data protection are covered',
};

export const QA_CRITERIA = Object.entries(QA_LABELS) as readonly (readonly [QaCriterion, string])[];

export const criterionLabel = (criterion: QaCriterion): string => QA_LABELS[criterion];

export const QA_RESULTS: readonly (readonly [QaResult, string])[] = [
  ['met', 'Met'],
  ['not_met', 'Not met'],
  ['not_applicable', 'Not applicable'],
];

export const REVIEW_VERDICTS: readonly (readonly [ReviewVerdict, string])[] = [
  ['meets_standards', 'Meets the standards'],
  ['revisions_required', 'Revisions required'],
  ['does_not_meet_standards', 'Does not meet the standards'],
];

export const COMMITTEE_DECISIONS: readonly (readonly [CommitteeDecision, string])[] = [
  ['approve', 'Approve'],
  ['reject', 'Reject'],
  ['defer', 'Defer'],
];

const wordsFor = <Value extends string>(
  choices: readonly (readonly [Value, string])[],
  value: Value,
): string => choices.find(([each]) => each === value)?.[1] ?? value;

export const resultLabel = (result: QaResult): string => wordsFor(QA_RESULTS, result);
export const verdictLabel = (verdict: ReviewVerdict): string => wordsFor(REVIEW_VERDICTS, verdict);

/** A review as the reviewer is filling it in: nothing is judged until they judge it. */
export interface ReviewDraft {
  readonly checklist: Partial<Record<QaCriterion, QaResult>>;
  readonly verdict: ReviewVerdict | null;
  readonly comments: string;
}

export const EMPTY_REVIEW: ReviewDraft = { checklist: {}, verdict: null, comments: '' };

/** The criteria the draft has not judged yet, in the form's order. */
export const unjudgedCriteria = (draft: ReviewDraft): readonly QaCriterion[] =>
  QA_CRITERIA.map(([criterion]) => criterion).filter(
    (criterion) => draft.checklist[criterion] === undefined,
  );

export type ReviewReadiness =
  | {
      readonly ready: true;
      readonly checklist: QaChecklistInput;
      readonly verdict: ReviewVerdict;
    }
  | {
      readonly ready: false;
      readonly unjudged: readonly QaCriterion[];
      readonly verdictMissing: boolean;
    };

/**
 * Whether the draft may be sent: every criterion judged and a verdict chosen. Only then is there
 * a whole checklist to send; the register checks the verdict against it again.
 */
export function reviewReadiness(draft: ReviewDraft): ReviewReadiness {
  const unjudged = unjudgedCriteria(draft);
  if (unjudged.length > 0 || draft.verdict === null)
    return { ready: false, unjudged, verdictMissing: draft.verdict === null };
  const checklist = Object.fromEntries(
    QA_CRITERIA.map(([criterion]) => [criterion, draft.checklist[criterion]]),
  ) as QaChecklistInput;
  return { ready: true, checklist, verdict: draft.verdict };
}

/** What is still to do before the review can be sent, as one sentence. */
export function stillToDo(unjudged: number, verdictMissing: boolean): string {
  const parts = [
    unjudged > 0 ? `judge ${unjudged} ${unjudged === 1 ? 'criterion' : 'criteria'}` : null,
    verdictMissing ? 'choose a verdict' : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return 'Everything is judged.';
  const sentence = parts.join(' and ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)} before sending the review.`;
}

/**
 * The register names criteria by their keys in its messages ("…unmet: analysis_plan_stated");
 * the form names them as it asks them.
 */
export const criteriaInWords = (message: string): string =>
  QA_CRITERIA.reduce(
    (words, [criterion, label]) => words.replaceAll(criterion, `“${label}”`),
    message,
  ).replace(/”, “/g, '”; “');
