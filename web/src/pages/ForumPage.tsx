import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ForumThreadsDocument, StartForumThreadDocument } from '../graphql/generated';
import { Field } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { ErrorMessage, FormProblem, Loading } from '../components/Status';
import { formatDateTime } from '../components/labels';

/** Who wrote a post, as the community lets the reader see them. */
export const authorName = (author: { name: string | null; unit: string | null }) =>
  author.name ?? (author.unit ? `A member of staff, ${author.unit}` : 'A member of staff');

/** The 'What Works' forum: threads, newest first, by topic; anyone on staff may start one. */
export function ForumPage() {
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? '';
  const [typed, setTyped] = useState(topic);
  const [{ data, fetching, error }] = useQuery({
    query: ForumThreadsDocument,
    variables: topic ? { topic } : {},
  });
  const threads = data?.forumThreads;
  return (
    <>
      <h1>What Works forum</h1>
      <p>
        Ask what works, share what you tried, and point to the evidence in the library. Threads that
        name a sensitive project are shown only to those who may see it.
      </p>
      <form
        className="inline"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(typed.trim() ? { topic: typed.trim() } : {});
        }}
      >
        <Field label="Topic" hint="A crime problem, intervention, method or topic, e.g. burglary.">
          {(props) => (
            <input {...props} value={typed} onChange={(event) => setTyped(event.target.value)} />
          )}
        </Field>
        <button type="submit">Show threads</button>
      </form>
      {fetching && !data && <Loading what="forum threads" />}
      {error && <ErrorMessage error={error} />}
      {threads && (
        <>
          <p role="status">
            {threads.length} {threads.length === 1 ? 'thread' : 'threads'}
            {topic ? ` on “${topic}”` : ''}
          </p>
          <ul className="plain">
            {threads.map((thread) => (
              <li key={thread.id} className="card">
                <h2>
                  <Link to={`/forum/${encodeURIComponent(thread.id)}`}>{thread.title}</Link>
                </h2>
                <p className="meta">
                  {thread.topic.label} · started by {authorName(thread.opening.author)} ·{' '}
                  {thread.replies.length} {thread.replies.length === 1 ? 'reply' : 'replies'} · last
                  post {formatDateTime(thread.lastPostAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <StartThread />
    </>
  );
}

const EMPTY = { title: '', topic: '', body: '' };

function StartThread() {
  const [form, setForm] = useState(EMPTY);
  const [result, start] = useMutation(StartForumThreadDocument);
  const navigate = useNavigate();
  const issues = fieldIssues(result.error);
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await start({ thread: form });
    const thread = outcome.data?.startForumThread.thread;
    if (thread) void navigate(`/forum/${encodeURIComponent(thread.id)}`);
  };
  return (
    <section aria-labelledby="start-thread">
      <h2 id="start-thread">Start a thread</h2>
      <FormProblem
        error={result.error}
        refused="The thread could not be started."
        issues={issues}
      />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Title" error={issues.get('title')}>
          {(props) => <input {...props} value={form.title} onChange={set('title')} />}
        </Field>
        <Field
          label="Topic of the thread"
          hint="A term of the shared vocabularies, in any spelling: e.g. hot spots policing, burglary."
          error={issues.get('topic')}
        >
          {(props) => <input {...props} value={form.topic} onChange={set('topic')} />}
        </Field>
        <Field label="Your post" error={issues.get('body')}>
          {(props) => <textarea {...props} rows={5} value={form.body} onChange={set('body')} />}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Start the thread
        </button>
      </form>
    </section>
  );
}
