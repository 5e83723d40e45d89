import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  ForumThreadDocument,
  HideForumPostDocument,
  ReplyToForumThreadDocument,
  ReportForumPostDocument,
  RestoreForumPostDocument,
  type ForumPostFieldsFragment,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { Field, TextAreaField } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDateTime } from '../components/labels';
import { authorName } from './ForumPage';

const ACTION: Record<string, string> = {
  reported: 'Reported',
  hidden: 'Hidden',
  restored: 'Restored',
};

/** A forum thread: its posts, a reply form, reporting, and moderation for moderators. */
export function ForumThreadPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ForumThreadDocument,
    variables: { id },
  });
  const changed = () => refetch({ requestPolicy: 'network-only' });
  const thread = data?.forumThread;
  if (fetching && !data) return <Loading what="the thread" />;
  if (error) return <ErrorMessage error={error} />;
  if (!thread)
    return (
      <>
        <h1>Thread not found</h1>
        <p>
          It does not exist, or it is not one you may see. <Link to="/forum">The forum</Link>
        </p>
      </>
    );
  return (
    <>
      <p>
        <Link to="/forum">What Works forum</Link>
      </p>
      <h1>{thread.title}</h1>
      <p className="meta">
        {thread.topic.label} · started {formatDateTime(thread.startedAt)}
      </p>
      <ol className="plain">
        {[thread.opening, ...thread.replies].map((post, index) => (
          <li key={post.id}>
            <ForumPost
              post={post}
              threadId={thread.id}
              label={index === 0 ? 'Opening post' : `Reply ${index}`}
              changed={changed}
            />
          </li>
        ))}
      </ol>
      {!thread.opening.hidden && <Reply threadId={thread.id} changed={changed} />}
    </>
  );
}

function ForumPost({
  post,
  threadId,
  label,
  changed,
}: {
  readonly post: ForumPostFieldsFragment;
  readonly threadId: string;
  readonly label: string;
  readonly changed: () => void;
}) {
  const headingId = `post-${post.id}`;
  return (
    <article aria-labelledby={headingId} className={post.hidden ? 'card hidden-post' : 'card'}>
      <h2 id={headingId} className="post-heading">
        {label}: {authorName(post.author)}
      </h2>
      <p className="meta">
        {formatDateTime(post.postedAt)}
        {post.hidden ? ' · hidden by a moderator' : ''}
      </p>
      <p className="post-body">{post.body}</p>
      <LinkList label="Evidence" path="/library" entries={post.items} />
      <LinkList label="Research" path="/register" entries={post.projects} />
      {post.moderation && post.moderation.length > 0 && (
        <details>
          <summary>
            Moderation ({post.openReports ?? 0} open {post.openReports === 1 ? 'report' : 'reports'}
            )
          </summary>
          <ul>
            {post.moderation.map((entry, index) => (
              <li key={index}>
                {ACTION[entry.action] ?? entry.action} by {entry.by.name ?? 'a member of staff'},{' '}
                {formatDateTime(entry.at)}: {entry.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Moderate post={post} threadId={threadId} label={label} changed={changed} />
    </article>
  );
}

/** What a post points to, as links to their pages; nothing when it points to none. */
function LinkList({
  label,
  path,
  entries,
}: {
  readonly label: string;
  readonly path: string;
  readonly entries: readonly { readonly id: string; readonly title: string }[];
}) {
  if (entries.length === 0) return null;
  return (
    <p>
      {label}:{' '}
      {entries.map((entry, index) => (
        <span key={entry.id}>
          {index > 0 ? ', ' : ''}
          <Link to={`${path}/${encodeURIComponent(entry.id)}`}>{entry.title}</Link>
        </span>
      ))}
    </p>
  );
}

/** Report a post (anyone), or hide and restore it (moderators), always saying why. */
function Moderate({
  post,
  threadId,
  label,
  changed,
}: {
  readonly post: ForumPostFieldsFragment;
  readonly threadId: string;
  readonly label: string;
  readonly changed: () => void;
}) {
  const { session } = useSession();
  const moderator = hasRole(session, 'reviewer', 'committee', 'admin');
  const [reason, setReason] = useState('');
  const [reported, report] = useMutation(ReportForumPostDocument);
  const [hiding, hide] = useMutation(HideForumPostDocument);
  const [restoring, restore] = useMutation(RestoreForumPostDocument);
  const failed = reported.error ?? hiding.error ?? restoring.error;
  // The reason is the one input: the server's word on it (a path of its own) goes beside it.
  const reasonIssue = fieldIssues(failed).get('');
  const busy = reported.fetching || hiding.fetching || restoring.fetching;
  const act = async (
    run: (variables: { threadId: string; postId: string; reason: string }) => Promise<{
      data?: unknown;
    }>,
  ) => {
    const outcome = await run({ threadId, postId: post.id, reason });
    if (outcome.data) {
      setReason('');
      changed();
    }
  };
  return (
    <form className="stacked moderation" onSubmit={(event: FormEvent) => event.preventDefault()}>
      <Field label={`Why (${label.toLowerCase()})`} error={reasonIssue}>
        {(props) => (
          <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      {failed && reasonIssue === undefined && <ErrorMessage error={failed} />}
      <div className="post-actions">
        {!post.hidden && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act(report)}
          >
            Report<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        )}
        {moderator && !post.hidden && (
          <button type="button" disabled={busy} onClick={() => void act(hide)}>
            Hide<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        )}
        {moderator && post.hidden && (
          <button type="button" disabled={busy} onClick={() => void act(restore)}>
            Restore<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        )}
      </div>
    </form>
  );
}

function Reply({ threadId, changed }: { readonly threadId: string; readonly changed: () => void }) {
  const [body, setBody] = useState('');
  const [result, reply] = useMutation(ReplyToForumThreadDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await reply({ threadId, reply: { body } });
    if (outcome.data) {
      setBody('');
      changed();
    }
  };
  return (
    <section aria-labelledby="reply">
      <h2 id="reply">Reply</h2>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <TextAreaField
          label="Your reply"
          error={issues.get('body')}
          rows={4}
          value={body}
          onChange={setBody}
        />
        <button type="submit" disabled={result.fetching}>
          Post the reply
        </button>
      </form>
    </section>
  );
}
