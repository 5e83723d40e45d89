import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { OpenAwardRoundDocument } from '../../graphql/generated';
import { DayInput } from '../../components/DayInput';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { newRecordId, poundsFrom } from '../community/records';

const EMPTY_ROUND = { title: '', opensOn: '', closesOn: '', fundBudget: '' };
type RoundField = keyof typeof EMPTY_ROUND;

/** The committee and administrators: opens a round of the award and fund. */
export function OpenRound({ opened }: { readonly opened: () => void }) {
  const [form, setForm] = useState(EMPTY_ROUND);
  const [roundId, setRoundId] = useState(() => newRecordId('round'));
  const [done, setDone] = useState('');
  const [budgetProblem, setBudgetProblem] = useState<string>();
  const [result, open] = useMutation(OpenAwardRoundDocument);
  const issues = fieldIssues(result.error);
  const setText = (name: RoundField) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const setDay = (name: RoundField) => (day: string) =>
    setForm((current) => ({ ...current, [name]: day }));
  const unplaced = [...issues].filter(([path]) => !(path in EMPTY_ROUND));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const fundBudget = poundsFrom(form.fundBudget);
    // The graph takes whole pounds as a number: text that is not one never reaches it.
    if (fundBudget === null) {
      setBudgetProblem('Enter the budget in whole pounds, e.g. 25000; 0 for an award only.');
      return;
    }
    setBudgetProblem(undefined);
    const outcome = await open({
      id: roundId,
      round: { title: form.title, opensOn: form.opensOn, closesOn: form.closesOn, fundBudget },
    });
    const round = outcome.data?.openAwardRound.round;
    if (round) {
      setForm(EMPTY_ROUND);
      setRoundId(newRecordId('round'));
      setDone(`Opened “${round.title}”.`);
      opened();
    }
  };
  return (
    <section aria-labelledby="open-round">
      <h2 id="open-round">Open a round</h2>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The round could not be opened."
        issues={issues}
        unplaced={unplaced}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field
          label="Round title"
          hint="e.g. the Commissioner's EBP award and fund 2027."
          error={issues.get('title')}
        >
          {(props) => <input {...props} value={form.title} onChange={setText('title')} />}
        </Field>
        <div className="inline">
          <Field label="Opens on" hint="dd/mm/yyyy" error={issues.get('opensOn')}>
            {(props) => <DayInput {...props} value={form.opensOn} onChange={setDay('opensOn')} />}
          </Field>
          <Field label="Closes on" hint="dd/mm/yyyy" error={issues.get('closesOn')}>
            {(props) => <DayInput {...props} value={form.closesOn} onChange={setDay('closesOn')} />}
          </Field>
        </div>
        <Field
          label="Fund budget (whole pounds)"
          hint="What the fund may award in this round; 0 for an award-only round."
          error={budgetProblem ?? issues.get('fundBudget')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={form.fundBudget}
              onChange={setText('fundBudget')}
            />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Open the round
        </button>
      </form>
    </section>
  );
}
