import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  ApplyToFundDocument,
  NominateForAwardDocument,
  type AwardRoundFieldsFragment,
} from '../../graphql/generated';
import { ColleaguePicker, type Colleague } from '../../components/ColleaguePicker';
import { Field, TextAreaField } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { newRecordId, poundsFrom } from '../community/records';

/** Any member of staff: nominates a colleague in the talent pool (never oneself). */
export function Nominate({
  round,
  me,
  entered,
}: {
  readonly round: AwardRoundFieldsFragment;
  readonly me: string | null;
  readonly entered: () => void;
}) {
  const [nominee, setNominee] = useState<Colleague | null>(null);
  const [citation, setCitation] = useState('');
  const [nominationId, setNominationId] = useState(() => newRecordId('nomination'));
  const [done, setDone] = useState('');
  const [result, nominate] = useMutation(NominateForAwardDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const outcome = await nominate({
      roundId: round.id,
      nominationId,
      nomineeId: nominee?.id ?? '',
      citation,
    });
    if (outcome.data) {
      const name = nominee?.name ?? 'your colleague';
      setNominee(null);
      setCitation('');
      setNominationId(newRecordId('nomination'));
      setDone(`Nominated ${name}.`);
      entered();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h4>Nominate a colleague</h4>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The nomination could not be made."
        issues={issues}
        unplaced={[...issues].filter(([path]) => !['nomineeId', 'citation'].includes(path))}
      />
      <ColleaguePicker
        label="Colleague"
        searchLabel="Find a colleague"
        error={issues.get('nomineeId')}
        value={nominee?.id ?? ''}
        onChange={setNominee}
        exclude={me}
      />
      <TextAreaField
        label="Why they deserve it"
        hint="Sealed: only the EBP Committee reads it."
        error={issues.get('citation')}
        rows={4}
        value={citation}
        onChange={setCitation}
      />
      <button type="submit" disabled={result.fetching}>
        Send the nomination<span className="visually-hidden"> for {round.title}</span>
      </button>
    </form>
  );
}

const EMPTY_APPLICATION = { title: '', summary: '', amountRequested: '' };
type ApplicationField = keyof typeof EMPTY_APPLICATION;

/** Any member of staff in the talent pool: applies to the fund for research they will lead. */
export function ApplyToFund({
  round,
  entered,
}: {
  readonly round: AwardRoundFieldsFragment;
  readonly entered: () => void;
}) {
  const [form, setForm] = useState(EMPTY_APPLICATION);
  const [applicationId, setApplicationId] = useState(() => newRecordId('application'));
  const [amountProblem, setAmountProblem] = useState<string>();
  const [done, setDone] = useState('');
  const [result, apply] = useMutation(ApplyToFundDocument);
  const issues = fieldIssues(result.error);
  const set = (name: ApplicationField) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const amountRequested = poundsFrom(form.amountRequested);
    if (amountRequested === null) {
      setAmountProblem('Enter the amount in whole pounds, e.g. 5000.');
      return;
    }
    setAmountProblem(undefined);
    const outcome = await apply({
      roundId: round.id,
      applicationId,
      application: { title: form.title, summary: form.summary, amountRequested },
    });
    if (outcome.data) {
      setDone(`Applied for “${form.title}”.`);
      setForm(EMPTY_APPLICATION);
      setApplicationId(newRecordId('application'));
      entered();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h4>Apply to the fund</h4>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The application could not be made."
        issues={issues}
        unplaced={[...issues].filter(([path]) => !(path in EMPTY_APPLICATION))}
      />
      <Field label="What the research is called" error={issues.get('title')}>
        {(props) => <input {...props} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label="What it will do and why" hint="In plain English." error={issues.get('summary')}>
        {(props) => <textarea {...props} rows={4} value={form.summary} onChange={set('summary')} />}
      </Field>
      <Field
        label="Amount asked for (whole pounds)"
        error={amountProblem ?? issues.get('amountRequested')}
      >
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={form.amountRequested}
            onChange={set('amountRequested')}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Send the application<span className="visually-hidden"> to {round.title}</span>
      </button>
    </form>
  );
}
