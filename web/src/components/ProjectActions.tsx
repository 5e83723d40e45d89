import { register } from '@ebp/contracts';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { hasRole, useSession } from '../auth/session';
import {
  AmendProjectDocument,
  DecideProjectDocument,
  RecordReviewDocument,
  SubmitProjectDocument,
  type CommitteeDecision,
  type ProjectProposalChangesInput,
  type QaChecklistInput,
  type QaResult,
  type ReviewVerdict,
} from '../graphql/generated';
import { Field } from './Field';
import { fieldIssues } from './FieldErrors';
import { ErrorMessage } from './Status';
import { DayInput } from './DayInput';

/** How each national research-design standard (the register's contract) reads on the form. */
const QA_LABELS: Record<register.QaCriterion, string> = {
  research_question_clear: 'The research question is clear',
  design_answers_question: 'The design answers the question',
  comparison_appropriate: 'The comparison is appropriate',
  sample_size_justified: 'The sample size is justified',
  outcomes_pre_registered: 'The outcomes are pre-registered',
  analysis_plan_stated: 'The analysis plan is stated',
  bias_risks_addressed: 'Risks of bias are addressed',
  ethics_and_data_protection: 'Ethics and data protection are covered',
};
const QA_CRITERIA = register.QA_CRITERIA.map(
  (criterion) => [criterion, QA_LABELS[criterion]] as const,
);

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
 * proposal, the EBP Delivery Team reviews it, the committee decides. The server checks again.
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
    ['submitted', 'under_review'].includes(project.status) && hasRole(session, 'reviewer') && (
      <ReviewForm key="review" id={project.id} changed={changed} />
    ),
    project.status === 'under_review' && hasRole(session, 'committee') && (
      <DecisionForm key="decide" id={project.id} changed={changed} />
    ),
    AMENDABLE.includes(project.status) && (isOwner || hasRole(session, 'committee', 'admin')) && (
      <AmendForm key="amend" project={project} changed={changed} />
    ),
  ].filter(Boolean);
  if (forms.length === 0) return null;
  return (
    <section aria-labelledby="next-steps" className="actions">
      <h2 id="next-steps">Next steps</h2>
      {forms}
    </section>
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

function ReviewForm({ id, changed }: { id: string; changed: () => void }) {
  const [result, review] = useMutation(RecordReviewDocument);
  const [verdict, setVerdict] = useState<ReviewVerdict>('meets_standards');
  const [comments, setComments] = useState('');
  const [checklist, setChecklist] = useState<QaChecklistInput>(
    () =>
      Object.fromEntries(
        QA_CRITERIA.map(([criterion]) => [criterion, 'met']),
      ) as unknown as QaChecklistInput,
  );
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await review({ id, verdict, checklist, comments });
    if (outcome.data) changed();
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="stacked" aria-label="Review">
      <h3>Quality assurance review</h3>
      {result.error && <ErrorMessage error={result.error} />}
      <fieldset>
        <legend>National research-design standards</legend>
        {QA_CRITERIA.map(([criterion, label]) => (
          <Field key={criterion} label={label} error={issues.get(criterion)}>
            {(props) => (
              <select
                {...props}
                value={checklist[criterion]}
                onChange={(event) =>
                  setChecklist((current) => ({
                    ...current,
                    [criterion]: event.target.value as QaResult,
                  }))
                }
              >
                <option value="met">Met</option>
                <option value="not_met">Not met</option>
                <option value="not_applicable">Not applicable</option>
              </select>
            )}
          </Field>
        ))}
      </fieldset>
      <Field label="Verdict">
        {(props) => (
          <select
            {...props}
            value={verdict}
            onChange={(event) => setVerdict(event.target.value as ReviewVerdict)}
          >
            <option value="meets_standards">Meets the standards</option>
            <option value="revisions_required">Revisions required</option>
            <option value="does_not_meet_standards">Does not meet the standards</option>
          </select>
        )}
      </Field>
      <Field label="Comments" error={issues.get('comments')}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={comments}
            onChange={(event) => setComments(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Record the review
      </button>
    </form>
  );
}

function DecisionForm({ id, changed }: { id: string; changed: () => void }) {
  const [result, decide] = useMutation(DecideProjectDocument);
  const [decision, setDecision] = useState<CommitteeDecision>('approve');
  const [reasons, setReasons] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await decide({ id, decision, reasons });
    if (outcome.data) changed();
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="stacked" aria-label="Decision">
      <h3>EBP Committee decision</h3>
      {result.error && <ErrorMessage error={result.error} />}
      <Field label="Decision">
        {(props) => (
          <select
            {...props}
            value={decision}
            onChange={(event) => setDecision(event.target.value as CommitteeDecision)}
          >
            <option value="approve">Approve</option>
            <option value="reject">Reject</option>
            <option value="defer">Defer</option>
          </select>
        )}
      </Field>
      <Field label="Reasons">
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={reasons}
            onChange={(event) => setReasons(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Record the decision
      </button>
    </form>
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
        <Field label="Justification" error={issues.get('justification')}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={justification}
              onChange={(event) => setJustification(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Record the amendment
        </button>
      </form>
    </details>
  );
}
