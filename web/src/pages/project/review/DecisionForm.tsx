import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { DecideProjectDocument, type CommitteeDecision } from '../../../graphql/generated';
import { TextAreaField } from '../../../components/Field';
import { FormProblem } from '../../../components/Status';
import { ChoiceGroup } from './ChoiceGroup';
import { refusalsByCode } from './refusals';
import { COMMITTEE_DECISIONS } from './review-checklist';

/** Which part of the form each of the register's refusals is about. */
const REFUSAL_PARTS = {
  REVIEWS_INCOMPLETE: 'decision',
  ILLEGAL_TRANSITION: 'decision',
  // The decision is always one the graph offers, so an invalid input is the reasons.
  INVALID_PROJECT_INPUT: 'reasons',
} as const;

/**
 * The EBP Committee's decision on a proposal, shown beside its reviews. Nothing is chosen until
 * the committee chooses: a pre-chosen "Approve" would approve with one click.
 */
export function DecisionForm({
  projectId,
  decided,
}: {
  readonly projectId: string;
  readonly decided: () => void;
}) {
  const [result, decide] = useMutation(DecideProjectDocument);
  const [decision, setDecision] = useState<CommitteeDecision | null>(null);
  const [reasons, setReasons] = useState('');
  const [refusedAttempts, setRefusedAttempts] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const showGap = refusedAttempts > 0 && decision === null;
  const placed = refusalsByCode(result.error, REFUSAL_PARTS);

  useEffect(() => {
    if (refusedAttempts > 0) summary.current?.focus();
  }, [refusedAttempts]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (decision === null) {
      setRefusedAttempts((count) => count + 1);
      return;
    }
    const outcome = await decide({ id: projectId, decision, reasons });
    if (outcome.data) decided();
  };

  return (
    <section aria-labelledby="committee-decision" className="actions">
      <h2 id="committee-decision">EBP Committee decision</h2>
      <p className="hint">Decide with the reviews beside you; the reasons are recorded.</p>
      {showGap ? (
        <div role="alert" className="error" tabIndex={-1} ref={summary}>
          <p>
            <strong>The decision was not sent.</strong> Choose a decision before sending it.
          </p>
        </div>
      ) : (
        <FormProblem
          error={result.error}
          refused="The decision was not recorded."
          issues={placed}
        />
      )}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="stacked"
        aria-label="Decision"
      >
        <ChoiceGroup
          legend="Decision"
          choices={COMMITTEE_DECISIONS}
          value={decision}
          error={showGap ? 'Choose a decision' : placed.get('decision')}
          onChange={setDecision}
        />
        <TextAreaField
          label="Reasons"
          error={placed.get('reasons')}
          rows={4}
          value={reasons}
          onChange={setReasons}
        />
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Recording…' : 'Record the decision'}
        </button>
      </form>
    </section>
  );
}
