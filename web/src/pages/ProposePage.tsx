import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { hasRole, useSession } from '../auth/session';
import { Field } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { FormProblem } from '../components/Status';
import {
  HomeDocument,
  ProposeProjectDocument,
  type Classification,
  type EbpLevel,
  type EbpMatrixProactivity,
  type EbpMatrixSpecificity,
  type EbpMatrixTarget,
  type EthicsInput,
} from '../graphql/generated';
import { DayInput } from '../components/DayInput';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * A fresh idempotency key for one proposal form. `crypto.randomUUID` exists only on secure pages
 * (HTTPS or localhost), so an intranet page over plain HTTP falls back to random digits.
 */
const formKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
        byte.toString(16).padStart(2, '0'),
      ).join('');

/** The proposal's ethics position, in the shape the register's contract takes for each status. */
function ethicsOf(form: {
  ethicsStatus: string;
  ethicsReason: string;
  ethicsBoard: string;
  ethicsReference: string;
  ethicsApprovedOn: string;
}): EthicsInput {
  if (form.ethicsStatus === 'approved')
    return {
      status: 'approved',
      board: form.ethicsBoard,
      reference: form.ethicsReference,
      approvedOn: form.ethicsApprovedOn,
    };
  if (form.ethicsStatus === 'pending')
    return {
      status: 'pending',
      board: form.ethicsBoard,
      ...(form.ethicsReference.trim() ? { reference: form.ethicsReference } : {}),
    };
  return { status: 'not_required', reason: form.ethicsReason };
}

/** The research proposal form, for researchers: the server checks it and says what to fix where. */
export function ProposePage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [{ data: plan }] = useQuery({ query: HomeDocument });
  const [result, propose] = useMutation(ProposeProjectDocument);
  const [idempotencyKey] = useState(formKey);
  const [form, setForm] = useState({
    title: '',
    summary: '',
    questions: '',
    ebpLevel: 'tactical' as EbpLevel,
    priorityId: '',
    design: '',
    methods: '',
    plannedSmsLevel: '3',
    // The selects offer only the graph's enum values.
    target: 'micro_place' as EbpMatrixTarget,
    proactivity: 'proactive' as EbpMatrixProactivity,
    specificity: 'focused' as EbpMatrixSpecificity,
    plannedStart: '',
    plannedEnd: '',
    owningUnit: '',
    ethicsStatus: 'not_required',
    ethicsReason: '',
    ethicsBoard: '',
    ethicsReference: '',
    ethicsApprovedOn: '',
    classification: 'OFFICIAL' as Classification,
    outcomeName: '',
    outcomeMeasure: '',
  });
  if (!hasRole(session, 'researcher', 'admin'))
    return (
      <>
        <h1>Propose research</h1>
        <p>
          Only researchers may propose research. Ask your unit’s EBP champion how to get involved.
        </p>
      </>
    );
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const issues = fieldIssues(result.error);
  const errorFor = (...paths: string[]) =>
    [...issues.entries()].find(([path]) =>
      paths.some(
        (prefix) =>
          path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`),
      ),
    )?.[1];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await propose({
      // One key per form: sending it twice (a double click, a retry) makes one project.
      idempotencyKey,
      proposal: {
        title: form.title,
        summary: form.summary,
        researchQuestions: lines(form.questions),
        ebpLevel: form.ebpLevel,
        priorityIds: form.priorityId ? [form.priorityId] : [],
        design: form.design,
        methods: list(form.methods),
        plannedSmsLevel: Number(form.plannedSmsLevel),
        ebpMatrix: {
          target: form.target,
          proactivity: form.proactivity,
          specificity: form.specificity,
        },
        plannedStart: form.plannedStart,
        plannedEnd: form.plannedEnd,
        owningUnit: form.owningUnit,
        leadId: `person-${session?.user ?? ''}`,
        ethics: ethicsOf(form),
        classification: form.classification,
        outcomes: {
          primary: [{ name: form.outcomeName, measure: form.outcomeMeasure }],
          secondary: [],
        },
      },
    });
    const project = outcome.data?.proposeProject.project;
    if (project) void navigate(`/register/${encodeURIComponent(project.id)}?proposed=1`);
  };
  return (
    <>
      <h1>Propose research</h1>
      <p>
        Describe the research. The EBP Delivery Team reviews it against the national research design
        standards before the EBP Committee decides. <Link to="/register">The register</Link> shows
        what is already under way.
      </p>
      <FormProblem
        error={result.error}
        refused="The proposal could not be recorded."
        issues={issues}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Title" error={errorFor('title')}>
          {(props) => <input {...props} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label="Summary" hint="In plain English, for officers." error={errorFor('summary')}>
          {(props) => (
            <textarea {...props} rows={4} value={form.summary} onChange={set('summary')} />
          )}
        </Field>
        <Field
          label="Research questions"
          hint="One per line."
          error={errorFor('researchQuestions')}
        >
          {(props) => (
            <textarea {...props} rows={3} value={form.questions} onChange={set('questions')} />
          )}
        </Field>
        <Field label="EBP level" error={errorFor('ebpLevel')}>
          {(props) => (
            <select {...props} value={form.ebpLevel} onChange={set('ebpLevel')}>
              <option value="tactical">Tactical</option>
              <option value="organisational">Organisational</option>
              <option value="strategic">Strategic</option>
            </select>
          )}
        </Field>
        <Field label="Research Plan priority" error={errorFor('priorityIds')}>
          {(props) => (
            <select {...props} value={form.priorityId} onChange={set('priorityId')}>
              <option value="">None</option>
              {plan?.researchPriorities.map((priority) => (
                <option key={priority.id} value={priority.id}>
                  {priority.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Design" error={errorFor('design')}>
          {(props) => <input {...props} value={form.design} onChange={set('design')} />}
        </Field>
        <Field label="Methods" hint="Separated by commas." error={errorFor('methods')}>
          {(props) => <input {...props} value={form.methods} onChange={set('methods')} />}
        </Field>
        <Field label="Planned SMS level" error={errorFor('plannedSmsLevel')}>
          {(props) => (
            <select {...props} value={form.plannedSmsLevel} onChange={set('plannedSmsLevel')}>
              {['1', '2', '3', '4', '5'].map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Evidence-Based Policing Matrix</legend>
          <Field label="Target" error={errorFor('ebpMatrix.target')}>
            {(props) => (
              <select {...props} value={form.target} onChange={set('target')}>
                {['individual', 'group', 'micro_place', 'neighbourhood', 'jurisdiction'].map(
                  (value) => (
                    <option key={value}>{value}</option>
                  ),
                )}
              </select>
            )}
          </Field>
          <Field label="Proactivity" error={errorFor('ebpMatrix.proactivity')}>
            {(props) => (
              <select {...props} value={form.proactivity} onChange={set('proactivity')}>
                {['reactive', 'proactive', 'highly_proactive'].map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Specificity" error={errorFor('ebpMatrix.specificity')}>
            {(props) => (
              <select {...props} value={form.specificity} onChange={set('specificity')}>
                {['general', 'focused'].map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <Field label="Planned start" error={errorFor('plannedStart')}>
          {(props) => (
            <DayInput
              {...props}
              value={form.plannedStart}
              onChange={(day) => set('plannedStart')({ target: { value: day } })}
            />
          )}
        </Field>
        <Field label="Planned end" error={errorFor('plannedEnd')}>
          {(props) => (
            <DayInput
              {...props}
              value={form.plannedEnd}
              onChange={(day) => set('plannedEnd')({ target: { value: day } })}
            />
          )}
        </Field>
        <Field label="Owning unit" error={errorFor('owningUnit')}>
          {(props) => <input {...props} value={form.owningUnit} onChange={set('owningUnit')} />}
        </Field>
        <fieldset>
          <legend>Ethics</legend>
          <Field label="Ethics approval" error={errorFor('ethics.status')}>
            {(props) => (
              <select {...props} value={form.ethicsStatus} onChange={set('ethicsStatus')}>
                <option value="not_required">Not required</option>
                <option value="pending">Applied for, pending</option>
                <option value="approved">Approved</option>
              </select>
            )}
          </Field>
          {form.ethicsStatus === 'not_required' ? (
            <Field
              label="Why no ethics approval is needed"
              hint="Research with participants needs the ethics board first."
              error={errorFor('ethics.reason', 'ethics')}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={form.ethicsReason}
                  onChange={set('ethicsReason')}
                />
              )}
            </Field>
          ) : (
            <>
              <Field label="Ethics board" error={errorFor('ethics.board', 'ethics')}>
                {(props) => (
                  <input {...props} value={form.ethicsBoard} onChange={set('ethicsBoard')} />
                )}
              </Field>
              <Field
                label="Reference"
                hint={form.ethicsStatus === 'pending' ? 'If the board has given one.' : undefined}
                error={errorFor('ethics.reference')}
              >
                {(props) => (
                  <input
                    {...props}
                    value={form.ethicsReference}
                    onChange={set('ethicsReference')}
                  />
                )}
              </Field>
              {form.ethicsStatus === 'approved' && (
                <Field label="Approved on" error={errorFor('ethics.approvedOn')}>
                  {(props) => (
                    <DayInput
                      {...props}
                      value={form.ethicsApprovedOn}
                      onChange={(day) => set('ethicsApprovedOn')({ target: { value: day } })}
                    />
                  )}
                </Field>
              )}
            </>
          )}
        </fieldset>
        <Field label="Classification" error={errorFor('classification')}>
          {(props) => (
            <select {...props} value={form.classification} onChange={set('classification')}>
              <option value="OFFICIAL">OFFICIAL</option>
              <option value="OFFICIAL_SENSITIVE">OFFICIAL-SENSITIVE</option>
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Primary outcome (pre-registered)</legend>
          <Field label="Outcome" error={errorFor('outcomes.primary[0].name', 'outcomes')}>
            {(props) => <input {...props} value={form.outcomeName} onChange={set('outcomeName')} />}
          </Field>
          <Field label="How it is measured" error={errorFor('outcomes.primary[0].measure')}>
            {(props) => (
              <input {...props} value={form.outcomeMeasure} onChange={set('outcomeMeasure')} />
            )}
          </Field>
        </fieldset>
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Proposing…' : 'Propose'}
        </button>
      </form>
    </>
  );
}
