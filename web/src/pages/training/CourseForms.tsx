import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  LinkCourseEvidenceDocument,
  RegisterCourseDocument,
  type CourseFieldsFragment,
} from '../../graphql/generated';
import { Field, FieldSet } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { ErrorMessage, FormProblem } from '../../components/Status';

interface PartDraft {
  readonly partId: string;
  readonly title: string;
}

const EMPTY_COURSE = { title: '', provider: '', audience: '', description: '' };
const EMPTY_PART: PartDraft = { partId: '', title: '' };

/** Editors: records a course with its provider, audience and the parts it teaches. */
export function RecordCourse({ recorded }: { readonly recorded: () => void }) {
  const [form, setForm] = useState(EMPTY_COURSE);
  const [parts, setParts] = useState<readonly PartDraft[]>([EMPTY_PART]);
  const [done, setDone] = useState('');
  const [result, register] = useMutation(RegisterCourseDocument);
  const issues = fieldIssues(result.error);
  const set = (name: keyof typeof EMPTY_COURSE) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const setPart =
    (index: number, name: keyof PartDraft) => (event: { target: { value: string } }) =>
      setParts((current) =>
        current.map((part, at) => (at === index ? { ...part, [name]: event.target.value } : part)),
      );
  // Issues the form shows beside a field; any other (e.g. the parts as a whole) goes in the alert.
  const placed = new Set([
    ...Object.keys(EMPTY_COURSE),
    ...parts.flatMap((_, index) => [`parts[${index}].partId`, `parts[${index}].title`]),
    'parts',
  ]);
  const unplaced = [...issues].filter(([path]) => !placed.has(path));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const { description, ...required } = form;
    const outcome = await register({
      course: { ...required, ...(description.trim() ? { description } : {}), parts: [...parts] },
    });
    const course = outcome.data?.registerCourse.course;
    if (course) {
      setForm(EMPTY_COURSE);
      setParts([EMPTY_PART]);
      setDone(`Recorded “${course.title}”.`);
      recorded();
    }
  };
  return (
    <section aria-labelledby="record-course">
      <h2 id="record-course">Record a course</h2>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The course could not be recorded."
        issues={issues}
        unplaced={unplaced}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Course title" error={issues.get('title')}>
          {(props) => <input {...props} value={form.title} onChange={set('title')} />}
        </Field>
        <Field
          label="Provider"
          hint="A Met training unit or an outside provider, e.g. Met Learning and Development."
          error={issues.get('provider')}
        >
          {(props) => <input {...props} value={form.provider} onChange={set('provider')} />}
        </Field>
        <Field
          label="Audience"
          hint="Who it is for, e.g. newly promoted sergeants."
          error={issues.get('audience')}
        >
          {(props) => <input {...props} value={form.audience} onChange={set('audience')} />}
        </Field>
        <Field label="Description (optional)" error={issues.get('description')}>
          {(props) => (
            <textarea {...props} rows={3} value={form.description} onChange={set('description')} />
          )}
        </Field>
        <FieldSet legend="Parts it teaches" error={issues.get('parts')}>
          {parts.map((part, index) => (
            // A part has no identity of its own until it is recorded: its place is its key.
            <fieldset key={index}>
              <legend>Part {index + 1}</legend>
              <Field
                label={`Part ${index + 1} id`}
                hint="Lower case words joined by underscores, e.g. reasonable_grounds."
                error={issues.get(`parts[${index}].partId`)}
              >
                {(props) => (
                  <input {...props} value={part.partId} onChange={setPart(index, 'partId')} />
                )}
              </Field>
              <Field
                label={`Part ${index + 1}: what it teaches`}
                error={issues.get(`parts[${index}].title`)}
              >
                {(props) => (
                  <input {...props} value={part.title} onChange={setPart(index, 'title')} />
                )}
              </Field>
              {parts.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setParts((current) => current.filter((_, at) => at !== index))}
                >
                  Remove part {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setParts((current) => [...current, EMPTY_PART])}
          >
            Add a part
          </button>
        </FieldSet>
        <button type="submit" disabled={result.fetching}>
          Record the course
        </button>
      </form>
    </section>
  );
}

/** Editors: cites a published library item, by its id, as evidence for one part of a course. */
export function CiteEvidence({
  course,
  cited,
}: {
  readonly course: CourseFieldsFragment;
  readonly cited: () => void;
}) {
  const [partId, setPartId] = useState(course.parts[0]?.id ?? '');
  const [itemId, setItemId] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const [result, link] = useMutation(LinkCourseEvidenceDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const outcome = await link({
      courseId: course.id,
      evidence: { partId, itemId: itemId.trim(), ...(note.trim() ? { note } : {}) },
    });
    if (outcome.data) {
      const part = outcome.data.linkCourseEvidence.course.parts.find((each) => each.id === partId);
      const item = part?.evidence.find((each) => each.item.id === itemId.trim())?.item;
      setItemId('');
      setNote('');
      setDone(`Cited “${item?.title ?? itemId}” for “${part?.title ?? partId}”.`);
      cited();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h4>Cite evidence</h4>
      <p role="status">{done}</p>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <Field label="Part" error={issues.get('partId')}>
        {(props) => (
          <select {...props} value={partId} onChange={(event) => setPartId(event.target.value)}>
            {course.parts.map((part) => (
              <option key={part.id} value={part.id}>
                {part.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Library item id"
        hint="A published item: the id at the end of its address, /library/…"
        error={issues.get('itemId')}
      >
        {(props) => (
          <input {...props} value={itemId} onChange={(event) => setItemId(event.target.value)} />
        )}
      </Field>
      <Field
        label="Note (optional)"
        hint="How the item supports the part, e.g. the finding the session teaches."
        error={issues.get('note')}
      >
        {(props) => (
          <input {...props} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Cite the item<span className="visually-hidden"> for {course.title}</span>
      </button>
    </form>
  );
}
