import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LibrarySearchDocument } from '../graphql/generated';
import { ErrorMessage, Loading } from '../components/Status';
import { statusLabel } from '../components/labels';

/** 'What Works' search over the Research and Learning Library. */
export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [{ data, fetching, error }] = useQuery({
    query: LibrarySearchDocument,
    variables: { text: text || null, limit: 20 },
  });
  return (
    <>
      <h1>Research and Learning Library</h1>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          setParams(typeof value === 'string' && value ? { q: value } : {});
        }}
      >
        <label htmlFor="library-text">Search</label>
        <div className="inline">
          <input id="library-text" name="q" type="search" defaultValue={text} key={text} />
          <button type="submit">Search</button>
        </div>
      </form>
      {fetching && !data && <Loading what="results" />}
      {error && <ErrorMessage error={error} />}
      {data && (
        <>
          <p role="status">
            {data.search.total} {data.search.total === 1 ? 'result' : 'results'}
            {text ? ` for “${text}”` : ''}
          </p>
          <ol className="results">
            {data.search.hits.map((hit) => (
              <li key={hit.item.id}>
                <h2>
                  <Link to={`/library/${encodeURIComponent(hit.item.id)}`}>{hit.title}</Link>
                </h2>
                <p className="meta">
                  {statusLabel(hit.kind)}, {hit.year}
                  {hit.smsLevel ? `; SMS level ${hit.smsLevel}` : ''}
                  {hit.emmieEffect ? `; EMMIE effect: ${hit.emmieEffect}` : ''}
                </p>
                <p>{hit.summary}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
