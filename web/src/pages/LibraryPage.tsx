import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  LibrarySearchDocument,
  type LibrarySearchQuery,
  type SearchFilters,
} from '../graphql/generated';
import { Pager } from '../components/Pager';
import { useShownWhileFetching } from '../components/useShownWhileFetching';
import { ErrorMessage, Loading } from '../components/Status';
import { statusLabel } from '../components/labels';
import { hasRole, useSession } from '../auth/session';
import { EditorLibrary, LIBRARY_EDITORS } from './library/EditorLibrary';

const PAGE = 20;

type FacetName = keyof LibrarySearchQuery['search']['facets'];

/** Each facet: its heading, its key in the page's address, and the search filter it sets. */
const FACETS: readonly {
  readonly facet: FacetName;
  readonly title: string;
  readonly filter: keyof SearchFilters;
  readonly numeric: boolean;
  readonly label: (value: string) => string;
}[] = [
  {
    facet: 'crimeProblem',
    title: 'Crime problem',
    filter: 'crimeProblems',
    numeric: false,
    label: statusLabel,
  },
  {
    facet: 'intervention',
    title: 'Intervention',
    filter: 'interventions',
    numeric: false,
    label: statusLabel,
  },
  // Term facets show each term once, by its vocabulary label, whatever spellings items use.
  { facet: 'method', title: 'Research method', filter: 'methods', numeric: false, label: String },
  { facet: 'topic', title: 'Topic', filter: 'topics', numeric: false, label: String },
  {
    facet: 'smsLevel',
    title: 'SMS level',
    filter: 'smsLevels',
    numeric: true,
    label: (value) => `SMS ${value}`,
  },
  {
    facet: 'emmieEffect',
    title: 'EMMIE effect rating',
    filter: 'emmieEffects',
    numeric: false,
    label: statusLabel,
  },
  {
    facet: 'ebpLevel',
    title: 'EBP level',
    filter: 'ebpLevels',
    numeric: false,
    label: statusLabel,
  },
  { facet: 'year', title: 'Year', filter: 'years', numeric: true, label: String },
];

/** The search filters the page's address asks for (one address key per facet, repeated). */
function filtersOf(params: URLSearchParams): SearchFilters {
  const filters: Record<string, (string | number)[]> = {};
  for (const { facet, filter, numeric } of FACETS) {
    const values = params.getAll(facet);
    if (values.length > 0) filters[filter] = numeric ? values.map(Number) : values;
  }
  return filters;
}

/** 'What Works' search over the Research and Learning Library, narrowed by facets. */
export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const text = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const [{ data: answer, fetching, error }] = useQuery({
    query: LibrarySearchDocument,
    variables: { text: text || null, filters: filtersOf(params), limit: PAGE, offset: page * PAGE },
  });
  const data = useShownWhileFetching(answer, fetching);
  const toggle = (facet: FacetName, value: string) => {
    const next = new URLSearchParams(params);
    const chosen = next.getAll(facet);
    next.delete(facet);
    for (const kept of chosen.includes(value)
      ? chosen.filter((item) => item !== value)
      : [...chosen, value])
      next.append(facet, kept);
    next.delete('page');
    setParams(next);
  };
  const go = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(to));
    setParams(next);
  };
  const total = data?.search.total ?? 0;
  const chosenCount = FACETS.reduce((sum, { facet }) => sum + params.getAll(facet).length, 0);
  return (
    <>
      <h1>Research and Learning Library</h1>
      <p>
        <Link to="/master-classes">Master classes and courses</Link>
      </p>
      {hasRole(session, ...LIBRARY_EDITORS) && <EditorLibrary />}
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          const next = new URLSearchParams(params);
          if (typeof value === 'string' && value) next.set('q', value);
          else next.delete('q');
          next.delete('page');
          setParams(next);
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
        <div className="with-sidebar">
          <section aria-labelledby="refine" className="facets">
            <h2 id="refine">Refine</h2>
            {chosenCount > 0 && (
              <button
                type="button"
                onClick={() => setParams(text ? { q: text } : {})}
                className="secondary"
              >
                Clear {chosenCount} {chosenCount === 1 ? 'filter' : 'filters'}
              </button>
            )}
            {FACETS.map(({ facet, title, label }) => {
              const counts = data.search.facets[facet];
              const chosen = params.getAll(facet);
              if (counts.length === 0 && chosen.length === 0) return null;
              return (
                <fieldset key={facet}>
                  <legend>{title}</legend>
                  {counts.map(({ value, count }) => {
                    const id = `facet-${facet}-${value}`.replace(/[^A-Za-z0-9-]/g, '-');
                    return (
                      <div key={value} className="check">
                        <input
                          id={id}
                          type="checkbox"
                          checked={chosen.includes(value)}
                          onChange={() => toggle(facet, value)}
                        />
                        <label htmlFor={id}>
                          {label(value)} <span className="meta">({count})</span>
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              );
            })}
          </section>
          <section aria-labelledby="results-heading" aria-busy={fetching}>
            <h2 id="results-heading" className="visually-hidden">
              Results
            </h2>
            <p role="status">
              {total} {total === 1 ? 'result' : 'results'}
              {text ? ` for “${text}”` : ''}
            </p>
            <ol className="results" start={page * PAGE + 1}>
              {data.search.hits.map((hit) => (
                <li key={hit.item.id}>
                  <h3>
                    <Link to={`/library/${encodeURIComponent(hit.item.id)}`}>{hit.title}</Link>
                  </h3>
                  <p className="meta">
                    {statusLabel(hit.kind)}, {hit.year}
                    {hit.smsLevel ? `; SMS level ${hit.smsLevel}` : ''}
                    {hit.emmieEffect ? `; EMMIE effect: ${hit.emmieEffect}` : ''}
                  </p>
                  <p>{hit.summary}</p>
                </li>
              ))}
            </ol>
            {total > PAGE && (
              <Pager label="Pages of results" page={page} size={PAGE} total={total} go={go} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
