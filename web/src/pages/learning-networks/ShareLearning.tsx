import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ShareLearningDocument } from '../../graphql/generated';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { itemIdsFrom } from './post-items';

const EMPTY_POST = { title: '', body: '', items: '' };
type PostField = keyof typeof EMPTY_POST;

/** A member shares learning with a network: a title, the text and library items. */
export function ShareLearning({
  networkId,
  networkName,
  shared,
}: {
  readonly networkId: string;
  readonly networkName: string;
  readonly shared: () => void;
}) {
  const [form, setForm] = useState(EMPTY_POST);
  const [done, setDone] = useState('');
  const [result, share] = useMutation(ShareLearningDocument);
  const issues = fieldIssues(result.error);
  const set = (name: PostField) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const itemsError =
    issues.get('itemIds') ?? [...issues].find(([path]) => path.startsWith('itemIds['))?.[1];
  const unplaced = [...issues].filter(
    ([path]) => !['title', 'body'].includes(path) && !path.startsWith('itemIds'),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const itemIds = itemIdsFrom(form.items);
    const outcome = await share({
      networkId,
      post: { title: form.title, body: form.body, ...(itemIds.length ? { itemIds } : {}) },
    });
    if (outcome.data) {
      setDone(`Shared “${form.title}”.`);
      setForm(EMPTY_POST);
      shared();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h4>Share learning</h4>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The learning could not be shared."
        issues={issues}
        unplaced={unplaced}
      />
      <Field label="Title" error={issues.get('title')}>
        {(props) => <input {...props} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label="What you learned" hint="At least 10 characters." error={issues.get('body')}>
        {(props) => <textarea {...props} rows={4} value={form.body} onChange={set('body')} />}
      </Field>
      <Field
        label="Library items (optional)"
        hint="Ids or addresses of library items, e.g. /library/…, separated by spaces."
        error={itemsError}
      >
        {(props) => <input {...props} value={form.items} onChange={set('items')} />}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Share<span className="visually-hidden"> with {networkName}</span>
      </button>
    </form>
  );
}
