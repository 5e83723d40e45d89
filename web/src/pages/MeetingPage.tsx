import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  ApproveMinutesDocument,
  CloseMeetingDocument,
  DecideInMeetingDocument,
  DraftMinutesDocument,
  MeetingDocument,
  MeetingsDocument,
  OpenMeetingDocument,
  RecordMeetingActionDocument,
  type CommitteeDecision,
  type MeetingFieldsFragment,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { ColleaguePicker, type Colleague } from '../components/ColleaguePicker';
import { Field, TextAreaField } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { ErrorMessage, Loading } from '../components/Status';
import { PersonName } from '../components/PersonName';
import { formatDate, formatDateTime, statusLabel } from '../components/labels';
import { BODY_LABEL, SECRETARIAT } from './MeetingsPage';
import { DayInput } from '../components/DayInput';

type Meeting = MeetingFieldsFragment;
type AgendaItem = Meeting['agenda'][number];

/** What an item of business is, in words. */
function itemLabel(item: AgendaItem): string {
  switch (item.kind) {
    case 'PROPOSAL':
      return `Proposal: ${item.project?.title ?? 'a proposal'}`;
    case 'PLAN':
      return `The Research Plan for ${item.planYear}`;
    case 'MILESTONE':
      return `Overdue milestone ${item.milestoneId} (${item.workstreamId})`;
    case 'OTHER':
      return item.title ?? 'Other business';
  }
}

/** A meeting: its agenda and papers, decisions, actions and minutes, and the secretariat's work. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MeetingDocument,
    variables: { id },
  });
  const changed = () => refetch({ requestPolicy: 'network-only' });
  const meeting = data?.meeting;
  if (fetching && !data) return <Loading what="the meeting" />;
  if (error) return <ErrorMessage error={error} />;
  if (!meeting)
    return (
      <>
        <h1>Meeting not found</h1>
        <p>
          It does not exist, or it is not one you may see. <Link to="/meetings">Meetings</Link>
        </p>
      </>
    );
  const secretariat = hasRole(session, ...SECRETARIAT);
  const committee = hasRole(session, 'committee', 'admin');
  const notes = new Map(meeting.minutes?.notes.map((note) => [note.agendaItemId, note.note]));
  return (
    <>
      <p>
        <Link to="/meetings">Committee meetings</Link>
      </p>
      <h1>{meeting.title}</h1>
      <p className="meta">
        {BODY_LABEL[meeting.body]} · {formatDate(meeting.heldOn)} · {statusLabel(meeting.status)}
        {meeting.cancelledFor ? ` · cancelled: ${meeting.cancelledFor}` : ''}
      </p>
      {secretariat && <Proceedings meeting={meeting} changed={changed} />}
      {meeting.agenda.length > 0 && (
        <section aria-labelledby="agenda">
          <h2 id="agenda">Agenda</h2>
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                {item.project ? (
                  <Link to={`/register/${encodeURIComponent(item.project.id)}`}>
                    {itemLabel(item)}
                  </Link>
                ) : (
                  itemLabel(item)
                )}
                {item.papers.length > 0 && (
                  <ul>
                    {item.papers.map((paper) => (
                      <li key={paper.id}>
                        Paper: <a href={paper.href}>{paper.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
                {committee &&
                  meeting.status === 'in_session' &&
                  item.project &&
                  ['submitted', 'under_review'].includes(item.project.status) && (
                    <Decide
                      meetingId={meeting.id}
                      projectId={item.project.id}
                      title={item.project.title}
                      changed={changed}
                    />
                  )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="decisions">
        <h2 id="decisions">Decisions</h2>
        {meeting.decisions.length === 0 ? (
          <p>None taken in this meeting.</p>
        ) : (
          <ul>
            {meeting.decisions.map((decision) => (
              <li key={decision.project.id}>
                <Link to={`/register/${encodeURIComponent(decision.project.id)}`}>
                  {decision.project.title}
                </Link>
                : {decision.decision} ({decision.reasons})
              </li>
            ))}
          </ul>
        )}
      </section>
      {secretariat && (
        <section aria-labelledby="actions">
          <h2 id="actions">Actions</h2>
          {meeting.actions.length === 0 ? (
            <p>No actions.</p>
          ) : (
            <ul>
              {meeting.actions.map((action) => (
                <li key={action.id}>
                  {action.description} (<PersonName id={action.ownerId} role="owner" />
                  ), due {formatDate(action.dueOn)}
                  {action.completedAt
                    ? ` · done ${formatDateTime(action.completedAt)}: ${action.completionNote ?? ''}`
                    : action.overdue
                      ? ' · overdue'
                      : ''}
                </li>
              ))}
            </ul>
          )}
          {meeting.status === 'in_session' && <RecordAction meeting={meeting} changed={changed} />}
        </section>
      )}
      <section aria-labelledby="minutes">
        <h2 id="minutes">Minutes</h2>
        {meeting.minutes ? (
          <>
            <p className="meta">
              {meeting.minutes.approved
                ? `Approved ${formatDateTime(meeting.minutes.approvedAt ?? '')}`
                : 'Draft, awaiting approval at a later meeting'}
            </p>
            <p>{meeting.minutes.summary}</p>
            {meeting.minutes.notes.length > 0 && (
              <ul>
                {meeting.minutes.notes.map((note) => (
                  <li key={note.agendaItemId}>
                    {labelOf(meeting, note.agendaItemId)}: {note.note}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>No minutes yet.</p>
        )}
        {secretariat && meeting.status === 'held' && !meeting.minutes?.approved && (
          <DraftMinutes meeting={meeting} notes={notes} changed={changed} />
        )}
        {committee && meeting.status === 'held' && meeting.minutes && !meeting.minutes.approved && (
          <Approve meeting={meeting} changed={changed} />
        )}
      </section>
    </>
  );
}

const labelOf = (meeting: Meeting, agendaItemId: string) => {
  const item = meeting.agenda.find((candidate) => candidate.id === agendaItemId);
  return item ? itemLabel(item) : 'An item of business';
};

/** Open a scheduled meeting, or close one in session. */
function Proceedings({
  meeting,
  changed,
}: {
  readonly meeting: Meeting;
  readonly changed: () => void;
}) {
  const [opening, open] = useMutation(OpenMeetingDocument);
  const [closing, close] = useMutation(CloseMeetingDocument);
  const failed = opening.error ?? closing.error;
  const run = async (mutate: (variables: { meetingId: string }) => Promise<{ data?: unknown }>) => {
    if ((await mutate({ meetingId: meeting.id })).data) changed();
  };
  if (meeting.status !== 'scheduled' && meeting.status !== 'in_session') return null;
  return (
    <div>
      {failed && <ErrorMessage error={failed} />}
      {meeting.status === 'scheduled' ? (
        <button type="button" disabled={opening.fetching} onClick={() => void run(open)}>
          Open the meeting
        </button>
      ) : (
        <button type="button" disabled={closing.fetching} onClick={() => void run(close)}>
          Close the meeting
        </button>
      )}
    </div>
  );
}

/** The committee decides a proposal on the agenda while the meeting sits. */
function Decide({
  meetingId,
  projectId,
  title,
  changed,
}: {
  readonly meetingId: string;
  readonly projectId: string;
  readonly title: string;
  readonly changed: () => void;
}) {
  const [decision, setDecision] = useState<CommitteeDecision>('approve');
  const [reasons, setReasons] = useState('');
  const [result, decide] = useMutation(DecideInMeetingDocument);
  const reasonsIssue = fieldIssues(result.error).get('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await decide({ id: projectId, decision, reasons, meetingId })).data) changed();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      {result.error && reasonsIssue === undefined && <ErrorMessage error={result.error} />}
      <Field label={`Decision on ${title}`}>
        {(props) => (
          <select
            {...props}
            value={decision}
            onChange={(event) => setDecision(event.target.value as CommitteeDecision)}
          >
            <option value="approve">Approve</option>
            <option value="defer">Defer</option>
            <option value="reject">Reject</option>
          </select>
        )}
      </Field>
      <Field label={`Reasons (${title})`} error={reasonsIssue}>
        {(props) => (
          <input {...props} value={reasons} onChange={(event) => setReasons(event.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Record the decision<span className="visually-hidden"> on {title}</span>
      </button>
    </form>
  );
}

function RecordAction({
  meeting,
  changed,
}: {
  readonly meeting: Meeting;
  readonly changed: () => void;
}) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<Colleague | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [result, record] = useMutation(RecordMeetingActionDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await record({
      meetingId: meeting.id,
      agendaItemId: agendaItemId || null,
      action: { description, ownerId: owner?.id ?? '', dueOn },
    });
    if (outcome.data) {
      setDescription('');
      changed();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h3>Record an action</h3>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <Field label="What is to be done" error={issues.get('description')}>
        {(props) => (
          <input
            {...props}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <ColleaguePicker
        label="Owner"
        searchLabel="Find the owner"
        hint="Who will see it done, from the colleagues found above."
        error={issues.get('ownerId')}
        value={owner?.id ?? ''}
        onChange={setOwner}
      />
      <Field label="Due on" hint="dd/mm/yyyy" error={issues.get('dueOn')}>
        {(props) => <DayInput {...props} value={dueOn} onChange={setDueOn} />}
      </Field>
      <Field label="Arising from">
        {(props) => (
          <select
            {...props}
            value={agendaItemId}
            onChange={(event) => setAgendaItemId(event.target.value)}
          >
            <option value="">The meeting as a whole</option>
            {meeting.agenda.map((item) => (
              <option key={item.id} value={item.id}>
                {itemLabel(item)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Record the action
      </button>
    </form>
  );
}

function DraftMinutes({
  meeting,
  notes,
  changed,
}: {
  readonly meeting: Meeting;
  readonly notes: ReadonlyMap<string, string>;
  readonly changed: () => void;
}) {
  const [summary, setSummary] = useState(meeting.minutes?.summary ?? '');
  const [itemNotes, setItemNotes] = useState<Record<string, string>>(Object.fromEntries(notes));
  const [result, draft] = useMutation(DraftMinutesDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const written = Object.entries(itemNotes)
      .filter(([, note]) => note.trim() !== '')
      .map(([agendaItemId, note]) => ({ agendaItemId, note }));
    if ((await draft({ meetingId: meeting.id, minutes: { summary, notes: written } })).data)
      changed();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h3>{meeting.minutes ? 'Redraft the minutes' : 'Draft the minutes'}</h3>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <TextAreaField
        label="Summary"
        error={issues.get('summary')}
        rows={4}
        value={summary}
        onChange={setSummary}
      />
      {meeting.agenda.map((item) => (
        <Field key={item.id} label={`Note: ${itemLabel(item)}`}>
          {(props) => (
            <input
              {...props}
              value={itemNotes[item.id] ?? ''}
              onChange={(event) =>
                setItemNotes((current) => ({ ...current, [item.id]: event.target.value }))
              }
            />
          )}
        </Field>
      ))}
      <button type="submit" disabled={result.fetching}>
        Save the minutes
      </button>
    </form>
  );
}

/** The committee approves the minutes in a later meeting of the same body that sits now. */
function Approve({
  meeting,
  changed,
}: {
  readonly meeting: Meeting;
  readonly changed: () => void;
}) {
  const [{ data }] = useQuery({ query: MeetingsDocument });
  const sitting = (data?.meetings ?? []).filter(
    (other) =>
      other.status === 'in_session' &&
      other.body === meeting.body &&
      other.id !== meeting.id &&
      other.heldOn >= meeting.heldOn,
  );
  const [inMeetingId, setInMeetingId] = useState('');
  const [result, approve] = useMutation(ApproveMinutesDocument);
  const chosen = inMeetingId || sitting[0]?.id || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await approve({ meetingId: meeting.id, inMeetingId: chosen })).data) changed();
  };
  if (sitting.length === 0)
    return <p>The minutes are approved at a later meeting of the same body, while it sits.</p>;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h3>Approve the minutes</h3>
      {result.error && <ErrorMessage error={result.error} />}
      <Field label="In the meeting">
        {(props) => (
          <select
            {...props}
            value={chosen}
            onChange={(event) => setInMeetingId(event.target.value)}
          >
            {sitting.map((other) => (
              <option key={other.id} value={other.id}>
                {other.title} ({formatDate(other.heldOn)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Approve the minutes
      </button>
    </form>
  );
}
