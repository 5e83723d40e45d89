import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ScheduleMasterClassDocument, type MasterClassKind } from '../../graphql/generated';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { DayInput } from '../../components/DayInput';
import { londonInstant } from '../../format/dates';

const EMPTY = {
  title: '',
  kind: 'master_class' as MasterClassKind,
  description: '',
  presenter: '',
  startsOn: '',
  startsAtTime: '',
  durationMinutes: '90',
  location: '',
  capacity: '30',
  topics: '',
  openToPartners: false,
};
type Draft = typeof EMPTY;
type TextField = Exclude<keyof Draft, 'kind' | 'openToPartners'>;

/** The id the organiser chooses for a new master class: its title's words and a random tail. */
function newMasterClassId(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return `${words || 'master-class'}-${tail}`;
}

/** A whole number typed in a box; an empty box is sent as 0 so the service says what it needs. */
const wholeNumber = (text: string) => (text.trim() === '' ? 0 : Math.trunc(Number(text)) || 0);

/**
 * Organisers: schedules a master class or course. The day and time are London's (GMT or BST),
 * whatever the browser's time zone; ticking "open to partners" lets partner organisations see and
 * book it (decision 0039).
 */
export function ScheduleMasterClass({ scheduled }: { readonly scheduled: () => void }) {
  const [form, setForm] = useState<Draft>(EMPTY);
  const [done, setDone] = useState('');
  const [result, schedule] = useMutation(ScheduleMasterClassDocument);
  const openId = useId();
  const issues = fieldIssues(result.error);
  const set = (name: TextField) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const placed = new Set([...Object.keys(EMPTY), 'startsAt']);
  const unplaced = [...issues].filter(([path]) => !placed.has(path));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const startsAt = londonInstant(form.startsOn, form.startsAtTime);
    const outcome = await schedule({
      id: newMasterClassId(form.title),
      masterClass: {
        title: form.title,
        kind: form.kind,
        description: form.description,
        presenter: form.presenter,
        // An empty or impossible date goes as typed, for the service to refuse beside the field.
        startsAt: startsAt ? startsAt.toISOString() : '',
        durationMinutes: wholeNumber(form.durationMinutes),
        location: form.location,
        capacity: wholeNumber(form.capacity),
        topics: form.topics
          .split(',')
          .map((topic) => topic.trim().toLowerCase())
          .filter(Boolean),
        openToPartners: form.openToPartners,
      },
    });
    const masterClass = outcome.data?.scheduleMasterClass.masterClass;
    if (masterClass) {
      setForm(EMPTY);
      setDone(
        `Scheduled “${masterClass.title}”${masterClass.openToPartners ? ', open to partners' : ''}.`,
      );
      scheduled();
    }
  };
  return (
    <section aria-labelledby="schedule-master-class">
      <h2 id="schedule-master-class">Schedule a master class</h2>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The master class could not be scheduled."
        issues={issues}
        unplaced={unplaced}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Title" error={issues.get('title')}>
          {(props) => <input {...props} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label="Kind" error={issues.get('kind')}>
          {(props) => (
            <select
              {...props}
              value={form.kind}
              onChange={(event) =>
                setForm((current) => ({ ...current, kind: event.target.value as MasterClassKind }))
              }
            >
              <option value="master_class">Master class</option>
              <option value="course">Course</option>
            </select>
          )}
        </Field>
        <Field
          label="Description"
          hint="What it covers and who it is for."
          error={issues.get('description')}
        >
          {(props) => (
            <textarea {...props} rows={3} value={form.description} onChange={set('description')} />
          )}
        </Field>
        <Field label="Presenter" error={issues.get('presenter')}>
          {(props) => <input {...props} value={form.presenter} onChange={set('presenter')} />}
        </Field>
        <Field label="Starts on" hint="dd/mm/yyyy" error={issues.get('startsAt')}>
          {(props) => (
            <DayInput
              {...props}
              value={form.startsOn}
              onChange={(day) => set('startsOn')({ target: { value: day } })}
            />
          )}
        </Field>
        <Field
          label="Starts at"
          hint="HH:MM, London time (GMT or BST)."
          error={issues.get('startsAt')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              placeholder="HH:MM"
              value={form.startsAtTime}
              onChange={set('startsAtTime')}
            />
          )}
        </Field>
        <Field label="Length in minutes" hint="15 to 480." error={issues.get('durationMinutes')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              value={form.durationMinutes}
              onChange={set('durationMinutes')}
            />
          )}
        </Field>
        <Field label="Location" error={issues.get('location')}>
          {(props) => <input {...props} value={form.location} onChange={set('location')} />}
        </Field>
        <Field label="Places" hint="1 to 1,000." error={issues.get('capacity')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              value={form.capacity}
              onChange={set('capacity')}
            />
          )}
        </Field>
        <Field
          label="Topics (optional)"
          hint="Separated by commas, e.g. hot-spot policing, randomised trials."
          error={issues.get('topics')}
        >
          {(props) => <input {...props} value={form.topics} onChange={set('topics')} />}
        </Field>
        <div className="check">
          <input
            id={openId}
            type="checkbox"
            checked={form.openToPartners}
            onChange={(event) =>
              setForm((current) => ({ ...current, openToPartners: event.target.checked }))
            }
          />
          <label htmlFor={openId}>
            Open to partners and academics: partner organisations may see it and book a place
          </label>
        </div>
        <button type="submit" disabled={result.fetching}>
          Schedule the master class
        </button>
      </form>
    </section>
  );
}
