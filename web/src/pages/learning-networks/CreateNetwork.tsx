import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateLearningNetworkDocument, type LearningNetworkFocus } from '../../graphql/generated';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { newRecordId } from '../community/records';

const EMPTY_NETWORK = { name: '', area: '', theme: '', description: '' };
type NetworkField = keyof typeof EMPTY_NETWORK;

/** Researchers, the EBP team and the committee: set up a Local Learning Network. */
export function CreateNetwork({ created }: { readonly created: () => void }) {
  const [form, setForm] = useState(EMPTY_NETWORK);
  const [focus, setFocus] = useState<LearningNetworkFocus>('area');
  const [networkId, setNetworkId] = useState(() => newRecordId('network'));
  const [done, setDone] = useState('');
  const [result, create] = useMutation(CreateLearningNetworkDocument);
  const issues = fieldIssues(result.error);
  const set = (name: NetworkField) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const unplaced = [...issues].filter(([path]) => !(path in EMPTY_NETWORK) && path !== 'focus');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const place = focus === 'area' ? { area: form.area } : { theme: form.theme };
    const outcome = await create({
      id: networkId,
      network: { name: form.name, focus, description: form.description, ...place },
    });
    const network = outcome.data?.createLearningNetwork.network;
    if (network) {
      setForm(EMPTY_NETWORK);
      setNetworkId(newRecordId('network'));
      setDone(`Set up “${network.name}”.`);
      created();
    }
  };
  return (
    <section aria-labelledby="create-network">
      <h2 id="create-network">Set up a network</h2>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The network could not be set up."
        issues={issues}
        unplaced={unplaced}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Network name" error={issues.get('name')}>
          {(props) => <input {...props} value={form.name} onChange={set('name')} />}
        </Field>
        <fieldset
          className={issues.get('focus') ? 'field-error' : undefined}
          aria-describedby={issues.get('focus') ? 'network-focus-error' : undefined}
        >
          <legend>The network is for</legend>
          {issues.get('focus') && (
            <p id="network-focus-error" className="error-message">
              <span className="visually-hidden">Error: </span>
              {issues.get('focus')}
            </p>
          )}
          <label>
            <input
              type="radio"
              name="network-focus"
              value="area"
              checked={focus === 'area'}
              onChange={() => setFocus('area')}
            />{' '}
            An area (a BCU)
          </label>
          <label>
            <input
              type="radio"
              name="network-focus"
              value="theme"
              checked={focus === 'theme'}
              onChange={() => setFocus('theme')}
            />{' '}
            A theme
          </label>
        </fieldset>
        {focus === 'area' ? (
          <Field label="Area" hint="e.g. Central West BCU." error={issues.get('area')}>
            {(props) => <input {...props} value={form.area} onChange={set('area')} />}
          </Field>
        ) : (
          <Field
            label="Theme"
            hint="Lower case, e.g. hot spots policing."
            error={issues.get('theme')}
          >
            {(props) => <input {...props} value={form.theme} onChange={set('theme')} />}
          </Field>
        )}
        <Field
          label="What it is for and who it is for"
          hint="At least 10 characters."
          error={issues.get('description')}
        >
          {(props) => (
            <textarea {...props} rows={3} value={form.description} onChange={set('description')} />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Set up the network
        </button>
      </form>
    </section>
  );
}
