import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LaunchSkillsAuditDocument } from '../../graphql/generated';
import { DayInput } from '../../components/DayInput';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { newRecordId } from '../community/records';
import { questionsFrom, unitsFrom, type QuestionDraft } from './audit-draft';

const EMPTY_QUESTION: QuestionDraft = { skill: '', text: '' };
const EMPTY_AUDIT = { title: '', units: '', opensOn: '', closesOn: '' };

/** The committee and administrators: launches a skills audit of some units. */
export function LaunchAudit({ launched }: { readonly launched: () => void }) {
  const [form, setForm] = useState(EMPTY_AUDIT);
  const [questions, setQuestions] = useState<readonly QuestionDraft[]>([EMPTY_QUESTION]);
  const [auditId, setAuditId] = useState(() => newRecordId('audit'));
  const [done, setDone] = useState('');
  const [result, launch] = useMutation(LaunchSkillsAuditDocument);
  const issues = fieldIssues(result.error);
  const set = (name: 'title' | 'units') => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const setQuestion =
    (index: number, name: keyof QuestionDraft) => (event: { target: { value: string } }) =>
      setQuestions((current) =>
        current.map((question, at) =>
          at === index ? { ...question, [name]: event.target.value } : question,
        ),
      );
  const unitsError =
    issues.get('targetUnits') ?? [...issues].find(([path]) => path.startsWith('targetUnits['))?.[1];
  const placed = (path: string) =>
    ['title', 'opensOn', 'closesOn', 'questions'].includes(path) ||
    path.startsWith('targetUnits') ||
    /^questions\[\d+\]\.(skill|text)$/.test(path);
  const unplaced = [...issues].filter(([path]) => !placed(path));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const outcome = await launch({
      id: auditId,
      audit: {
        title: form.title,
        targetUnits: unitsFrom(form.units),
        opensOn: form.opensOn,
        closesOn: form.closesOn,
        questions: questionsFrom(questions),
      },
    });
    const audit = outcome.data?.launchSkillsAudit.audit;
    if (audit) {
      setForm(EMPTY_AUDIT);
      setQuestions([EMPTY_QUESTION]);
      setAuditId(newRecordId('audit'));
      setDone(`Launched “${audit.title}”.`);
      launched();
    }
  };
  return (
    <section aria-labelledby="launch-audit">
      <h2 id="launch-audit">Launch a skills audit</h2>
      <p role="status">{done}</p>
      <FormProblem
        error={result.error}
        refused="The audit could not be launched."
        issues={issues}
        unplaced={unplaced}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Audit title" error={issues.get('title')}>
          {(props) => <input {...props} value={form.title} onChange={set('title')} />}
        </Field>
        <Field
          label="Units it asks"
          hint="One unit a line, as people's profiles name them, e.g. Central West BCU."
          error={unitsError}
        >
          {(props) => <textarea {...props} rows={3} value={form.units} onChange={set('units')} />}
        </Field>
        <div className="inline">
          <Field label="Opens on" hint="dd/mm/yyyy" error={issues.get('opensOn')}>
            {(props) => (
              <DayInput
                {...props}
                value={form.opensOn}
                onChange={(day) => setForm((current) => ({ ...current, opensOn: day }))}
              />
            )}
          </Field>
          <Field label="Closes on" hint="dd/mm/yyyy" error={issues.get('closesOn')}>
            {(props) => (
              <DayInput
                {...props}
                value={form.closesOn}
                onChange={(day) => setForm((current) => ({ ...current, closesOn: day }))}
              />
            )}
          </Field>
        </div>
        <fieldset
          aria-describedby={issues.get('questions') ? 'audit-questions-error' : undefined}
          className={issues.get('questions') ? 'field-error' : undefined}
        >
          <legend>Questions</legend>
          {issues.get('questions') && (
            <p id="audit-questions-error" className="error-message">
              <span className="visually-hidden">Error: </span>
              {issues.get('questions')}
            </p>
          )}
          {questions.map((question, index) => (
            // A question has no identity until the audit is launched: its place is its key.
            <fieldset key={index}>
              <legend>Question {index + 1}</legend>
              <Field
                label={`Question ${index + 1}: skill`}
                hint="A research method or skill, e.g. randomised controlled trials."
                error={issues.get(`questions[${index}].skill`)}
              >
                {(props) => (
                  <input {...props} value={question.skill} onChange={setQuestion(index, 'skill')} />
                )}
              </Field>
              <Field
                label={`Question ${index + 1}: as put to people`}
                error={issues.get(`questions[${index}].text`)}
              >
                {(props) => (
                  <input {...props} value={question.text} onChange={setQuestion(index, 'text')} />
                )}
              </Field>
              {questions.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setQuestions((current) => current.filter((_, at) => at !== index))}
                >
                  Remove question {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setQuestions((current) => [...current, EMPTY_QUESTION])}
          >
            Add a question
          </button>
        </fieldset>
        <button type="submit" disabled={result.fetching}>
          Launch the audit
        </button>
      </form>
    </section>
  );
}
