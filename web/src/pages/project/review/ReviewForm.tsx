import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { RecordReviewDocument } from '../../../graphql/generated';
import { Field } from '../../../components/Field';
import { FormProblem } from '../../../components/Status';
import { ChoiceGroup } from './ChoiceGroup';
import { refusalsByCode } from './refusals';
import {
  EMPTY_REVIEW,
  QA_CRITERIA,
  QA_RESULTS,
  REVIEW_VERDICTS,
  criterionLabel,
  criteriaInWords,
  reviewReadiness,
  stillToDo,
  type ReviewDraft,
} from './review-checklist';

/** Which part of the form each of the register's refusals is about. */
const REFUSAL_PARTS = {
  VERDICT_CONTRADICTS_CHECKLIST: 'verdict',
  // The checklist is always whole when sent, so an invalid input is the comments.
  INVALID_PROJECT_INPUT: 'comments',
} as const;

/**
 * A reviewer's quality-assurance review against the national research-design standards. It
 * starts with nothing judged and no verdict, and is not sent until every criterion is judged and
 * a verdict chosen: sending early says, beside the standards, which are still to judge.
 */
export function ReviewForm({
  projectId,
  recorded,
}: {
  readonly projectId: string;
  readonly recorded: () => void;
}) {
  const [result, review] = useMutation(RecordReviewDocument);
  const [draft, setDraft] = useState<ReviewDraft>(EMPTY_REVIEW);
  const [refusedAttempts, setRefusedAttempts] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const standardsErrorId = useId();
  const readiness = reviewReadiness(draft);
  const showGaps = refusedAttempts > 0 && !readiness.ready;
  const unjudged = readiness.ready ? [] : readiness.unjudged;
  const placed = new Map(
    [...refusalsByCode(result.error, REFUSAL_PARTS)].map(
      ([part, message]) => [part, criteriaInWords(message)] as const,
    ),
  );

  // A refused attempt moves focus to the summary, so it is read out and the keyboard starts there.
  useEffect(() => {
    if (refusedAttempts > 0) summary.current?.focus();
  }, [refusedAttempts]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!readiness.ready) {
      setRefusedAttempts((count) => count + 1);
      return;
    }
    const outcome = await review({
      id: projectId,
      verdict: readiness.verdict,
      checklist: readiness.checklist,
      comments: draft.comments,
    });
    if (outcome.data) recorded();
  };

  return (
    <section aria-labelledby="qa-review" className="actions">
      <h2 id="qa-review">Quality assurance review</h2>
      <p className="hint">
        Judge the proposal above against each standard, choose a verdict and say why. A design that
        meets the standards leaves no criterion unmet.
      </p>
      {showGaps && (
        <div role="alert" className="error" tabIndex={-1} ref={summary}>
          <p>
            <strong>The review was not sent.</strong>{' '}
            {stillToDo(unjudged.length, readiness.ready ? false : readiness.verdictMissing)}
          </p>
        </div>
      )}
      {!showGaps && (
        <FormProblem error={result.error} refused="The review was not recorded." issues={placed} />
      )}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="stacked"
        aria-label="Review"
      >
        <fieldset
          className={showGaps && unjudged.length > 0 ? 'field-error' : undefined}
          {...(showGaps && unjudged.length > 0 ? { 'aria-describedby': standardsErrorId } : {})}
        >
          <legend>National research-design standards</legend>
          {showGaps && unjudged.length > 0 && (
            <div id={standardsErrorId} className="error-message">
              <p>
                <span className="visually-hidden">Error: </span>
                Not yet judged ({unjudged.length} of {QA_CRITERIA.length}):
              </p>
              <ul>
                {unjudged.map((criterion) => (
                  <li key={criterion}>{criterionLabel(criterion)}</li>
                ))}
              </ul>
            </div>
          )}
          {QA_CRITERIA.map(([criterion, label]) => (
            <ChoiceGroup
              key={criterion}
              legend={label}
              choices={QA_RESULTS}
              value={draft.checklist[criterion]}
              inline
              error={showGaps && unjudged.includes(criterion) ? 'Not yet judged' : undefined}
              onChange={(judgement) =>
                setDraft((now) => ({
                  ...now,
                  checklist: { ...now.checklist, [criterion]: judgement },
                }))
              }
            />
          ))}
        </fieldset>
        <ChoiceGroup
          legend="Verdict"
          choices={REVIEW_VERDICTS}
          value={draft.verdict}
          error={showGaps && draft.verdict === null ? 'Choose a verdict' : placed.get('verdict')}
          onChange={(verdict) => setDraft((now) => ({ ...now, verdict }))}
        />
        <Field label="Comments" error={placed.get('comments')}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={draft.comments}
              onChange={(event) => setDraft((now) => ({ ...now, comments: event.target.value }))}
            />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Recording…' : 'Record the review'}
        </button>
      </form>
    </section>
  );
}
