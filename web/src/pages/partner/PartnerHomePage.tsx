import { useQuery } from 'urql';
import { PartnerOwnViewDocument, type PartnerOwnViewQuery } from '../../graphql/generated';
import { statusLabel } from '../../components/labels';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate, formatDateTime } from '../../format/dates';

type Organisation = PartnerOwnViewQuery['organisations'][number];
type Submission = PartnerOwnViewQuery['mySubmissions'][number];

/** What a submission's status means to the partner that sent it. */
const SUBMISSION_STATUS = {
  awaiting_moderation: 'Awaiting moderation',
  published: 'Published',
  rejected: 'Rejected',
} as const;

const newestFirst = (submissions: readonly Submission[]) =>
  [...submissions].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

/**
 * A partner's own view: its organisation as the force records it, its collaborations on the
 * register's projects, and the outcomes it sent with where each stands in moderation. The graph
 * answers a partner with its own organisation and submissions only.
 */
export function PartnerHomePage() {
  const [{ data, fetching, error }] = useQuery({
    query: PartnerOwnViewDocument,
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading what="your organisation" />;
  if (error) return <ErrorMessage error={error} />;
  const organisation = data?.organisations[0];
  if (!data || !organisation)
    return (
      <>
        <h1>Your organisation</h1>
        <p>No organisation is recorded for your sign-in.</p>
      </>
    );
  const projectTitles = new Map(
    organisation.collaborations.flatMap((collaboration) =>
      collaboration.project ? [[collaboration.project.id, collaboration.project.title]] : [],
    ),
  );
  return (
    <>
      <h1>{organisation.name}</h1>
      <OrganisationRecord organisation={organisation} />
      <section aria-labelledby="collaborations">
        <h2 id="collaborations">Your collaborations</h2>
        {organisation.collaborations.length === 0 ? (
          <p>No collaborations on the register’s projects are recorded.</p>
        ) : (
          <ul className="plain">
            {organisation.collaborations.map((collaboration) => (
              <li key={collaboration.project?.id ?? `${collaboration.role}-${collaboration.from}`}>
                <Collaboration collaboration={collaboration} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="submissions">
        <h2 id="submissions">Your submissions</h2>
        <p className="meta">
          Outcomes you sent through your feed are published once a moderator at the Met accepts
          them.
        </p>
        {data.mySubmissions.length === 0 ? (
          <p>You have not sent any outcomes yet.</p>
        ) : (
          <ul className="plain">
            {newestFirst(data.mySubmissions).map((submission) => (
              <li key={submission.submissionId}>
                <SubmissionCard
                  submission={submission}
                  project={projectTitles.get(submission.projectId) ?? submission.projectId}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function OrganisationRecord({ organisation }: { readonly organisation: Organisation }) {
  return (
    <dl>
      <dt>Kind</dt>
      <dd>{statusLabel(organisation.kind)}</dd>
      {organisation.rorId && (
        <>
          <dt>ROR id</dt>
          <dd>{organisation.rorId}</dd>
        </>
      )}
      {organisation.expertise.length > 0 && (
        <>
          <dt>Expertise</dt>
          <dd>{organisation.expertise.join(', ')}</dd>
        </>
      )}
      {organisation.contacts.length > 0 && (
        <>
          <dt>Contacts</dt>
          {organisation.contacts.map((contact) => (
            <dd key={contact.email}>
              {contact.name}, {contact.role} (
              <a href={`mailto:${contact.email}`}>{contact.email}</a>)
            </dd>
          ))}
        </>
      )}
    </dl>
  );
}

function Collaboration({
  collaboration,
}: {
  readonly collaboration: Organisation['collaborations'][number];
}) {
  const title = collaboration.project?.title ?? 'A project';
  const headingId = `collaboration-${collaboration.project?.id ?? collaboration.from}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{title}</h3>
      <dl>
        <dt>Your role</dt>
        <dd>{statusLabel(collaboration.role)}</dd>
        <dt>Period</dt>
        <dd>
          From {formatDate(collaboration.from)}
          {collaboration.until ? ` until ${formatDate(collaboration.until)}` : ''} (
          {statusLabel(collaboration.status)})
        </dd>
        {collaboration.project && (
          <>
            <dt>Project status</dt>
            <dd>{statusLabel(collaboration.project.status)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SubmissionCard({
  submission,
  project,
}: {
  readonly submission: Submission;
  readonly project: string;
}) {
  const headingId = `submission-${submission.submissionId}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{submission.title}</h3>
      <dl>
        <dt>Moderation status</dt>
        <dd>
          <strong>{SUBMISSION_STATUS[submission.status]}</strong>
        </dd>
        {submission.reason && (
          <>
            <dt>Why it was rejected</dt>
            <dd>{submission.reason}</dd>
          </>
        )}
        <dt>Project</dt>
        <dd>{project}</dd>
        <dt>Kind</dt>
        <dd>{statusLabel(submission.kind)}</dd>
        {submission.doi && (
          <>
            <dt>DOI</dt>
            <dd>{submission.doi}</dd>
          </>
        )}
        <dt>Published on</dt>
        <dd>{formatDate(submission.publishedOn)}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(submission.receivedAt)}</dd>
      </dl>
    </section>
  );
}
