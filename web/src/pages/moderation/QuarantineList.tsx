import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  DiscardQuarantinedDocument,
  ResubmitQuarantinedDocument,
  type QuarantinedItemFieldsFragment,
} from '../../graphql/generated';
import { DayInput } from '../../components/DayInput';
import { Field, TextAreaField } from '../../components/Field';
import { statusLabel } from '../../components/labels';
import { FormProblem } from '../../components/Status';
import { formatDateTime } from '../../format/dates';
import { ProjectTitle, channelLabel } from './OutcomeQueue';
import { OUTCOME_KINDS, draftFromReceived, outcomeInput, type OutcomeDraft } from './outcome-draft';
import { correctionIssues, reasonIssues } from './refusals';

/** The correction form's fields, in its order: an issue on any other path goes in the alert. */
const DRAFT_FIELDS: readonly (keyof OutcomeDraft)[] = [
  'projectId',
  'kind',
  'title',
  'summary',
  'doi',
  'url',
  'publishedOn',
];

/**
 * Feed input the partners service would not accept, oldest first, each with why it was held and
 * what was received: an administrator corrects and resubmits it (a new submission, moderated like
 * any other) or discards it with a reason.
 */
export function QuarantineList({
  items,
  organisationName,
  changed,
}: {
  readonly items: readonly QuarantinedItemFieldsFragment[];
  readonly organisationName: (id: string) => string;
  readonly changed: () => void;
}) {
  // Said here, not on the item: a resubmitted or discarded item leaves the quarantine.
  const [done, setDone] = useState('');
  const acted = (message: string) => {
    setDone(message);
    changed();
  };
  return (
    <>
      <p role="status">{done}</p>
      {items.length === 0 ? (
        <p>Nothing is held in the quarantine.</p>
      ) : (
        <ol className="plain">
          {items.map((item, index) => (
            <li key={item.itemId}>
              <HeldItem
                item={item}
                number={index + 1}
                partner={item.organisationId ? organisationName(item.organisationId) : null}
                acted={acted}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function HeldItem({
  item,
  number,
  partner,
  acted,
}: {
  readonly item: QuarantinedItemFieldsFragment;
  readonly number: number;
  readonly partner: string | null;
  readonly acted: (message: string) => void;
}) {
  const headingId = `held-${number}`;
  const sent = draftFromReceived(item.received);
  const name = sent.title || `Held item ${number}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{name}</h3>
      <dl>
        <dt>Why it was held</dt>
        <dd>{item.reason}</dd>
        {sent.projectId && (
          <>
            <dt>Project named</dt>
            <dd>
              <ProjectTitle id={sent.projectId} />
            </dd>
          </>
        )}
        <dt>Partner</dt>
        <dd>{partner ?? 'No partner could be told'}</dd>
        <dt>Held</dt>
        <dd>
          {formatDateTime(item.heldAt)}, {channelLabel(item.channel)} ({statusLabel(item.status)})
        </dd>
      </dl>
      <h4>What was received</h4>
      <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.received}</pre>
      {item.organisationId ? (
        <CorrectAndResubmit item={item} name={name} start={sent} acted={acted} />
      ) : (
        <p>It names no partner, so it can only be discarded.</p>
      )}
      <Discard item={item} name={name} acted={acted} />
    </section>
  );
}

function CorrectAndResubmit({
  item,
  name,
  start,
  acted,
}: {
  readonly item: QuarantinedItemFieldsFragment;
  readonly name: string;
  readonly start: OutcomeDraft;
  readonly acted: (message: string) => void;
}) {
  const [draft, setDraft] = useState(start);
  const [kindMissing, setKindMissing] = useState(false);
  const [result, resubmit] = useMutation(ResubmitQuarantinedDocument);
  const issues = correctionIssues(result.error);
  if (kindMissing) issues.set('kind', 'Choose what kind of outcome it is.');
  const unplaced = [...issues].filter(
    ([path]) => !DRAFT_FIELDS.some((field) => field === path || `outcome.${field}` === path),
  );
  const issue = (field: keyof OutcomeDraft) => issues.get(field) ?? issues.get(`outcome.${field}`);
  const set = (field: keyof OutcomeDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const typed = (field: keyof OutcomeDraft) => (event: { target: { value: string } }) =>
    set(field)(event.target.value);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { kind } = draft;
    setKindMissing(kind === '');
    if (kind === '') return;
    const answer = await resubmit({
      itemId: item.itemId,
      outcome: outcomeInput({ ...draft, kind }),
    });
    if (answer.data)
      acted(
        `Resubmitted “${draft.title.trim()}” as a new submission: it is now awaiting moderation.`,
      );
  };
  const legend = `Correct and resubmit “${name}”`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <fieldset>
        <legend>{legend}</legend>
        <FormProblem
          error={result.error}
          refused="The corrected outcome could not be resubmitted."
          issues={issues}
          unplaced={unplaced}
        />
        {kindMissing && !result.error && (
          <p role="alert" className="error">
            Please correct the fields marked below.
          </p>
        )}
        <Field
          label="Project id"
          hint="A register project the partner collaborates on."
          error={issue('projectId')}
        >
          {(props) => <input {...props} value={draft.projectId} onChange={typed('projectId')} />}
        </Field>
        <Field label="Kind of outcome" error={issue('kind')}>
          {(props) => (
            <select {...props} value={draft.kind} onChange={typed('kind')}>
              <option value="">Choose a kind</option>
              {OUTCOME_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {statusLabel(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" error={issue('title')}>
          {(props) => <input {...props} value={draft.title} onChange={typed('title')} />}
        </Field>
        <Field label="Summary (optional)" error={issue('summary')}>
          {(props) => (
            <textarea {...props} rows={3} value={draft.summary} onChange={typed('summary')} />
          )}
        </Field>
        <Field
          label="DOI"
          hint="Required for a publication, e.g. 10.1177/0011128719865409."
          error={issue('doi')}
        >
          {(props) => <input {...props} value={draft.doi} onChange={typed('doi')} />}
        </Field>
        <Field label="Link (optional)" hint="An http or https address." error={issue('url')}>
          {(props) => <input {...props} value={draft.url} onChange={typed('url')} />}
        </Field>
        <Field label="Published on" hint="dd/mm/yyyy" error={issue('publishedOn')}>
          {(props) => (
            <DayInput {...props} value={draft.publishedOn} onChange={set('publishedOn')} />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Resubmit<span className="visually-hidden"> “{name}”</span>
        </button>
      </fieldset>
    </form>
  );
}

function Discard({
  item,
  name,
  acted,
}: {
  readonly item: QuarantinedItemFieldsFragment;
  readonly name: string;
  readonly acted: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [result, discard] = useMutation(DiscardQuarantinedDocument);
  const issues = reasonIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await discard({ itemId: item.itemId, reason });
    if (answer.data) acted(`Discarded “${name}”.`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <FormProblem
        error={result.error}
        refused="The item could not be discarded."
        issues={issues}
      />
      <TextAreaField
        label={`Reason for discarding “${name}”`}
        error={issues.get('reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" className="secondary" disabled={result.fetching}>
        Discard<span className="visually-hidden"> “{name}”</span>
      </button>
    </form>
  );
}
