import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { hasRole, useSession } from '../auth/session';
import {
  AmendProjectDocument,
  SubmitProjectDocument,
  type ProjectProposalChangesInput,
} from '../graphql/generated';
import { Field, TextAreaField } from './Field';
import { fieldIssues } from './FieldErrors';
import { ErrorMessage } from './Status';
import { DayInput } from './DayInput';
import { ReviewWork } from '../pages/project/review/ReviewWork';

interface ProjectForActions {
  readonly id: string;
  readonly status: string;
  readonly leadId: string;
  readonly proposedBy: string;
  readonly title: string;
  readonly summary: string;
  readonly owningUnit: string;
  readonly plannedSmsLevel: number;
  readonly plannedStart: string;
  readonly plannedEnd: string;
}

/** Statuses in which a proposal may still be amended (the register's open statuses). */
const AMENDABLE = [
  'proposed',
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'in_progress',
  'suspended',
];

/**
 * What the signed-in user may do next with a project, and nothing else: the lead submits a
 * proposal; reviewers and the committee read it in full with its reviews, and review or decide
 * it (ReviewWork); its owners and the committee amend it. The server checks again.
 */
export function ProjectActions({
  project,
  changed,
}: {
  readonly project: ProjectForActions;
  readonly changed: () => void;
}) {
  const { session } = useSession();
  const me = session ? `person-${session.user}` : null;
  const isLead = me !== null && project.leadId === me;
  const isOwner = isLead || (me !== null && project.proposedBy === me);
  const forms = [
    project.status === 'proposed' && (isLead || hasRole(session, 'admin')) && (
      <SubmitForm key="submit" id={project.id} changed={changed} />
    ),
    AMENDABLE.includes(project.status) && (isOwner || hasRole(session, 'committee', 'admin')) && (
      <AmendForm key="amend" project={project} changed={changed} />
    ),
  ].filter(Boolean);
  return (
    <>
      <ReviewWork
        projectId={project.id}
        leadId={project.leadId}
        proposedBy={project.proposedBy}
        status={project.status}
        changed={changed}
      />
      {forms.length > 0 && (
        <section aria-labelledby="next-steps" className="actions">
          <h2 id="next-steps">Next steps</h2>
          {forms}
        </section>
      )}
    </>
  );
}

function SubmitForm({ id, changed }: { id: string; changed: () => void }) {
  const [result, submit] = useMutation(SubmitProjectDocument);
  return (
    <div>
      {result.error && <ErrorMessage error={result.error} />}
      <button
        type="button"
        disabled={result.fetching}
        onClick={() => {
          void submit({ id }).then((outcome) => outcome.data && changed());
        }}
      >
        Submit for review
      </button>
    </div>
  );
}

/** The proposal fields the page lets people amend, with their labels. */
const AMENDABLE_FIELDS = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['owningUnit', 'Owning unit'],
  ['plannedSmsLevel', 'Planned SMS level'],
  ['plannedStart', 'Planned start'],
  ['plannedEnd', 'Planned end'],
] as const;

type AmendableField = (typeof AMENDABLE_FIELDS)[number][0];

function AmendForm({ project, changed }: { project: ProjectForActions; changed: () => void }) {
  const [result, amend] = useMutation(AmendProjectDocument);
  const current = (): Record<AmendableField, string> => ({
    title: project.title,
    summary: project.summary,
    owningUnit: project.owningUnit,
    plannedSmsLevel: String(project.plannedSmsLevel),
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
  });
  const [values, setValues] = useState(current);
  const [justification, setJustification] = useState('');
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const before = current();
    // Only what changed: the register records every changed field, with the justification.
    const changes: ProjectProposalChangesInput = Object.fromEntries(
      AMENDABLE_FIELDS.filter(([field]) => values[field] !== before[field]).map(([field]) => [
        field,
        field === 'plannedSmsLevel' ? Number(values[field]) : values[field].trim(),
      ]),
    );
    const outcome = await amend({ id: project.id, changes, justification });
    if (outcome.data) {
      setJustification('');
      changed();
    }
  };
  const input = (field: AmendableField) => {
    const set = (value: string) => setValues((now) => ({ ...now, [field]: value }));
    return (props: { id: string }) =>
      field === 'summary' ? (
        <textarea {...props} rows={4} value={values[field]} onChange={(e) => set(e.target.value)} />
      ) : field === 'plannedSmsLevel' ? (
        <select {...props} value={values[field]} onChange={(e) => set(e.target.value)}>
          {['1', '2', '3', '4', '5'].map((level) => (
            <option key={level}>{level}</option>
          ))}
        </select>
      ) : field === 'plannedStart' || field === 'plannedEnd' ? (
        <DayInput {...props} value={values[field]} onChange={set} />
      ) : (
        <input {...props} type="text" value={values[field]} onChange={(e) => set(e.target.value)} />
      );
  };
  return (
    <details>
      <summary>Amend the proposal</summary>
      <form onSubmit={(event) => void submit(event)} className="stacked" aria-label="Amendment">
        <h3>Amendment</h3>
        <p className="hint">Change what needs changing and say why; every change is recorded.</p>
        {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
        {AMENDABLE_FIELDS.map(([field, label]) => (
          <Field key={field} label={label} error={issues.get(field)}>
            {input(field)}
          </Field>
        ))}
        <TextAreaField
          label="Justification"
          error={issues.get('justification')}
          rows={3}
          value={justification}
          onChange={setJustification}
        />
        <button type="submit" disabled={result.fetching}>
          Record the amendment
        </button>
      </form>
    </details>
  );
}
