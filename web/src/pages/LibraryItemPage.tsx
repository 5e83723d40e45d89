import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { isHttpUrl } from '@ebp/contracts';
import { LibraryItemDocument } from '../graphql/generated';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';
import { hasRole, useSession } from '../auth/session';
import { LIBRARY_EDITORS } from './library/EditorLibrary';
import { EditorialPanel } from './library/EditorialPanel';

/** Words for a list of tags, or a dash when there are none. */
const listed = (values: readonly string[]) => (values.length ? values.join(', ') : '—');

/** One item of the Research and Learning Library: its evidence, tags and where it came from. */
export function LibraryItemPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LibraryItemDocument,
    variables: { id },
  });
  const { session } = useSession();
  const editor = hasRole(session, ...LIBRARY_EDITORS);
  const item = data?.libraryItem;
  // Only http and https links are followed: one recorded before that rule may be `javascript:`.
  const fullText = isHttpUrl(item?.url) ? item.url : undefined;
  return (
    <>
      <p>
        <Link to="/library">← The library</Link>
      </p>
      {fetching && !data && <Loading what="the item" />}
      {error && <ErrorMessage error={error} />}
      {data && !item && (
        <>
          <h1>Item not found</h1>
          <p>There is no library item {id} that you may read.</p>
        </>
      )}
      {item && (
        <article aria-labelledby="item-title">
          <h1 id="item-title">{item.title}</h1>
          <p className="meta">
            {statusLabel(item.kind)}, {item.year} · {item.classification}
            {item.version
              ? ` · version ${item.version}, published ${formatDate(item.publishedAt)}`
              : ''}
            {item.status !== 'published' ? ` · ${item.status}` : ''}
          </p>
          <p>{item.summary}</p>
          {item.body && <p className="body">{item.body}</p>}
          <section aria-labelledby="evidence">
            <h2 id="evidence">Strength of the evidence</h2>
            <dl className="details">
              <dt>Scientific Methods Scale</dt>
              <dd>
                {item.evidence.smsLevel ? `Level ${item.evidence.smsLevel} of 5` : 'Not rated'}
              </dd>
              <dt>EMMIE effect rating</dt>
              <dd>
                {item.evidence.emmieEffect ? statusLabel(item.evidence.emmieEffect) : 'Not rated'}
              </dd>
              <dt>Direction of effect</dt>
              <dd>
                {item.evidence.effectDirection ? statusLabel(item.evidence.effectDirection) : '—'}
              </dd>
              <dt>EBP level</dt>
              <dd>{item.evidence.ebpLevel ? statusLabel(item.evidence.ebpLevel) : '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="tags">
            <h2 id="tags">What it is about</h2>
            <dl className="details">
              <dt>Crime problems</dt>
              <dd>{listed(item.tags.crimeProblems)}</dd>
              <dt>Interventions</dt>
              <dd>{listed(item.tags.interventions)}</dd>
              <dt>Populations</dt>
              <dd>{listed(item.tags.populations)}</dd>
              <dt>Settings</dt>
              <dd>{listed(item.tags.settings)}</dd>
              <dt>Research methods</dt>
              <dd>{listed(item.tags.methods)}</dd>
              <dt>Topics</dt>
              <dd>{listed(item.tags.topics)}</dd>
            </dl>
          </section>
          {(item.projectIds.length > 0 || item.doi || fullText) && (
            <section aria-labelledby="sources">
              <h2 id="sources">Sources</h2>
              <ul className="plain">
                {item.projectIds.map((projectId) => (
                  <li key={projectId}>
                    <Link to={`/register/${encodeURIComponent(projectId)}`}>
                      The project in the register ({projectId})
                    </Link>
                  </li>
                ))}
                {item.doi && (
                  <li>
                    <a href={`https://doi.org/${item.doi}`} rel="noreferrer">
                      DOI {item.doi}
                    </a>
                  </li>
                )}
                {fullText && (
                  <li>
                    <a href={fullText} rel="noreferrer">
                      The full text
                    </a>
                  </li>
                )}
              </ul>
            </section>
          )}
        </article>
      )}
      {item && editor && (
        <EditorialPanel id={item.id} changed={() => refetch({ requestPolicy: 'network-only' })} />
      )}
    </>
  );
}
