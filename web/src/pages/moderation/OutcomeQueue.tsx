import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  AcceptOutcomeDocument,
  ModerationProjectTitleDocument,
  RejectOutcomeDocument,
  type ModerationOutcomeFieldsFragment,
} from '../../graphql/generated';
import { TextAreaField } from '../../components/Field';
import { statusLabel } from '../../components/labels';
import { ErrorMessage, FormProblem } from '../../components/Status';
import { formatDate, formatDateTime } from '../../format/dates';
import { reasonIssues } from './refusals';

/** How an outcome arrived, in words. */
export const channelLabel = (channel: string) =>
  channel === 'webhook'
    ? 'by signed webhook'
    : channel === 'kafka'
      ? 'on the partner topic'
      : 'resubmitted from the quarantine';

/** A project's title as the register shows it to the reader, linked to its page. */
export function ProjectTitle({ id }: { readonly id: string }) {
  const [{ data }] = useQuery({ query: ModerationProjectTitleDocument, variables: { id } });
  const project = data?.researchProject;
  return <Link to={`/register/${encodeURIComponent(id)}`}>{project?.title ?? id}</Link>;
}

/**
 * The partners' outcomes awaiting moderation, oldest first: each with its project, its partner and
 * what it says, to accept (published to the project and the library) or reject with a reason.
 */
export function OutcomeQueue({
  outcomes,
  organisationName,
  changed,
}: {
  readonly outcomes: readonly ModerationOutcomeFieldsFragment[];
  readonly organisationName: (id: string) => string;
  readonly changed: () => void;
}) {
  // Said here, not on the item: a decided item leaves the queue.
  const [done, setDone] = useState('');
  const decided = (message: string) => {
    setDone(message);
    changed();
  };
  return (
    <>
      <p role="status">{done}</p>
      {outcomes.length === 0 ? (
        <p>No outcomes are awaiting moderation.</p>
      ) : (
        <ol className="plain">
          {outcomes.map((outcome) => (
            <li key={outcome.submissionId}>
              <QueuedOutcome
                outcome={outcome}
                partner={organisationName(outcome.organisationId)}
                decided={decided}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function QueuedOutcome({
  outcome,
  partner,
  decided,
}: {
  readonly outcome: ModerationOutcomeFieldsFragment;
  readonly partner: string;
  readonly decided: (message: string) => void;
}) {
  const headingId = `outcome-${outcome.submissionId}`;
  const [accepted, accept] = useMutation(AcceptOutcomeDocument);
  const [rejected, reject] = useMutation(RejectOutcomeDocument);
  const [reason, setReason] = useState('');
  const issues = reasonIssues(rejected.error);
  const onAccept = async () => {
    const result = await accept({ submissionId: outcome.submissionId });
    if (result.data)
      decided(`Accepted “${outcome.title}”: it is published to the project and the library.`);
  };
  const onReject = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reject({ submissionId: outcome.submissionId, reason });
    if (result.data) decided(`Rejected “${outcome.title}”; ${partner} is told why.`);
  };
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{outcome.title}</h3>
      <dl>
        <dt>Project</dt>
        <dd>
          <ProjectTitle id={outcome.projectId} />
        </dd>
        <dt>Partner</dt>
        <dd>{partner}</dd>
        <dt>Kind</dt>
        <dd>{statusLabel(outcome.kind)}</dd>
        <dt>Published on</dt>
        <dd>{formatDate(outcome.publishedOn)}</dd>
        {outcome.doi && (
          <>
            <dt>DOI</dt>
            <dd>
              <a href={`https://doi.org/${outcome.doi}`}>{outcome.doi}</a>
            </dd>
          </>
        )}
        {outcome.url && (
          <>
            <dt>Link</dt>
            <dd>
              <a href={outcome.url}>{outcome.url}</a>
            </dd>
          </>
        )}
        <dt>Received</dt>
        <dd>
          {formatDateTime(outcome.receivedAt)}, {channelLabel(outcome.channel)}
        </dd>
      </dl>
      {outcome.summary && <p className="post-body">{outcome.summary}</p>}
      {accepted.error && <ErrorMessage error={accepted.error} />}
      <button
        type="button"
        onClick={() => void onAccept()}
        disabled={accepted.fetching || rejected.fetching}
      >
        Accept<span className="visually-hidden"> “{outcome.title}”</span>
      </button>
      <form onSubmit={(event) => void onReject(event)} noValidate className="stacked">
        <FormProblem
          error={rejected.error}
          refused="The outcome could not be rejected."
          issues={issues}
        />
        <TextAreaField
          label={`Reason for rejecting “${outcome.title}”`}
          hint={`Told to ${partner}.`}
          error={issues.get('reason')}
          rows={2}
          value={reason}
          onChange={setReason}
        />
        <button
          type="submit"
          className="secondary"
          disabled={accepted.fetching || rejected.fetching}
        >
          Reject<span className="visually-hidden"> “{outcome.title}”</span>
        </button>
      </form>
    </section>
  );
}
