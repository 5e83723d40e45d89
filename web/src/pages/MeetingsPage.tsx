import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MeetingsDocument, ScheduleMeetingDocument, type MeetingBody } from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { Field } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';
import { DayInput } from '../components/DayInput';

/** Who keeps the committee's business: they schedule meetings (the service decides). */
export const SECRETARIAT = ['reviewer', 'committee', 'admin'] as const;

export const BODY_LABEL: Record<MeetingBody, string> = {
  ebp_committee: 'EBP Committee',
  steering_group: 'Steering Group',
};

/** Meetings of the EBP Committee and the Steering Group; the secretariat schedules them. */
export function MeetingsPage() {
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeetingsDocument });
  const secretariat = hasRole(session, ...SECRETARIAT);
  if (fetching && !data) return <Loading what="the meetings" />;
  if (error) return <ErrorMessage error={error} />;
  const meetings = data?.meetings ?? [];
  return (
    <>
      <h1>Committee meetings</h1>
      <p>
        {secretariat
          ? 'Meetings of the EBP Committee and the Steering Group: agendas, decisions, actions and minutes.'
          : 'The minutes of meetings of the EBP Committee and the Steering Group, once approved.'}
      </p>
      {meetings.length === 0 ? (
        <p>No meetings to show.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Meetings, the latest first</caption>
          <thead>
            <tr>
              <th scope="col">Held on</th>
              <th scope="col">Meeting</th>
              <th scope="col">Body</th>
              <th scope="col">Status</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id}>
                <td>{formatDate(meeting.heldOn)}</td>
                <td>
                  <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>{meeting.title}</Link>
                </td>
                <td>{BODY_LABEL[meeting.body]}</td>
                <td>{statusLabel(meeting.status)}</td>
                <td>
                  {meeting.minutes ? (meeting.minutes.approved ? 'approved' : 'draft') : 'none'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secretariat && <Schedule scheduled={() => refetch({ requestPolicy: 'network-only' })} />}
    </>
  );
}

function Schedule({ scheduled }: { readonly scheduled: () => void }) {
  const navigate = useNavigate();
  const [body, setBody] = useState<MeetingBody>('ebp_committee');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [result, schedule] = useMutation(ScheduleMeetingDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await schedule({ body, title, heldOn });
    const id = outcome.data?.scheduleMeeting.meeting.id;
    if (id) {
      scheduled();
      void navigate(`/meetings/${encodeURIComponent(id)}`);
    }
  };
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">Schedule a meeting</h2>
      <p>Its agenda lists the proposals awaiting decision, draft plans and overdue milestones.</p>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Body" error={issues.get('body')}>
          {(props) => (
            <select
              {...props}
              value={body}
              onChange={(event) => setBody(event.target.value as MeetingBody)}
            >
              <option value="ebp_committee">EBP Committee</option>
              <option value="steering_group">Steering Group</option>
            </select>
          )}
        </Field>
        <Field label="Title" error={issues.get('title')}>
          {(props) => (
            <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field label="Held on" hint="dd/mm/yyyy" error={issues.get('heldOn')}>
          {(props) => <DayInput {...props} value={heldOn} onChange={setHeldOn} />}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Schedule the meeting
        </button>
      </form>
    </section>
  );
}
