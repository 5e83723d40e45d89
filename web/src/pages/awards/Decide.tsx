import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  DecideFundApplicationDocument,
  DecideNominationDocument,
  type FundOutcome,
  type NominationOutcome,
} from '../../graphql/generated';
import { Field, TextAreaField } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { formatPounds, poundsFrom } from '../community/records';
import { FUND_OUTCOMES, NOMINATION_OUTCOMES } from './outcomes';

/** A group of radio buttons, one per outcome, in a fieldset whose legend asks the question. */
function OutcomeChoice<Outcome extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  readonly legend: string;
  readonly name: string;
  readonly choices: readonly { readonly value: Outcome; readonly label: string }[];
  readonly value: Outcome | '';
  readonly onChange: (value: Outcome) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The committee: decides a nomination of a closed round, saying why. */
export function DecideNomination({
  roundId,
  nominationId,
  nominee,
  decided,
}: {
  readonly roundId: string;
  readonly nominationId: string;
  readonly nominee: string;
  readonly decided: () => void;
}) {
  const [outcome, setOutcome] = useState<NominationOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [chooseProblem, setChooseProblem] = useState<string>();
  const [result, decide] = useMutation(DecideNominationDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setChooseProblem('Choose the decision.');
      return;
    }
    setChooseProblem(undefined);
    const sent = await decide({ roundId, nominationId, outcome, reason });
    if (sent.data) decided();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h5>Decide the nomination of {nominee}</h5>
      <FormProblem
        error={result.error}
        refused="The decision could not be recorded."
        issues={issues}
        unplaced={[...issues].filter(([path]) => path !== 'reason')}
      />
      {chooseProblem && (
        <p className="error-message" role="alert">
          {chooseProblem}
        </p>
      )}
      <OutcomeChoice
        legend={`Decision on ${nominee}`}
        name={`nomination-${nominationId}`}
        choices={NOMINATION_OUTCOMES}
        value={outcome}
        onChange={setOutcome}
      />
      <TextAreaField
        label="Reason"
        error={issues.get('reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" disabled={result.fetching}>
        Record the decision<span className="visually-hidden"> on {nominee}</span>
      </button>
    </form>
  );
}

/** The committee: decides an application to the fund of a closed round, within the budget left. */
export function DecideApplication({
  roundId,
  applicationId,
  title,
  requested,
  left,
  decided,
}: {
  readonly roundId: string;
  readonly applicationId: string;
  readonly title: string;
  readonly requested: number;
  readonly left: number;
  readonly decided: () => void;
}) {
  const [outcome, setOutcome] = useState<FundOutcome | ''>('');
  const [amount, setAmount] = useState(String(Math.min(requested, left)));
  const [reason, setReason] = useState('');
  const [localProblem, setLocalProblem] = useState<string>();
  const [result, decide] = useMutation(DecideFundApplicationDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setLocalProblem('Choose the decision.');
      return;
    }
    const amountAwarded = outcome === 'funded' ? poundsFrom(amount) : null;
    if (outcome === 'funded' && amountAwarded === null) {
      setLocalProblem('Enter the amount awarded in whole pounds.');
      return;
    }
    setLocalProblem(undefined);
    const sent = await decide({
      roundId,
      applicationId,
      outcome,
      reason,
      ...(amountAwarded === null ? {} : { amountAwarded }),
    });
    if (sent.data) decided();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h5>Decide the application “{title}”</h5>
      <FormProblem
        error={result.error}
        refused="The decision could not be recorded."
        issues={issues}
        unplaced={[...issues].filter(([path]) => !['reason', 'amountAwarded'].includes(path))}
      />
      {localProblem && (
        <p className="error-message" role="alert">
          {localProblem}
        </p>
      )}
      <OutcomeChoice
        legend={`Decision on “${title}”`}
        name={`application-${applicationId}`}
        choices={FUND_OUTCOMES}
        value={outcome}
        onChange={setOutcome}
      />
      {outcome === 'funded' && (
        <Field
          label="Amount awarded (whole pounds)"
          hint={`${formatPounds(requested)} asked for; ${formatPounds(left)} left in the fund.`}
          error={issues.get('amountAwarded')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          )}
        </Field>
      )}
      <TextAreaField
        label="Reason"
        error={issues.get('reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" disabled={result.fetching}>
        Record the decision<span className="visually-hidden"> on {title}</span>
      </button>
    </form>
  );
}
