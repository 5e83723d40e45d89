import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { FindPeopleDocument } from '../graphql/generated';
import { FilterForm } from '../components/FilterForm';
import { ErrorMessage, Loading } from '../components/Status';
import { statusLabel } from '../components/labels';

const list = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The people finder: colleagues with research skills, by method, topic and unit. Only people who
 * agreed to be listed appear; contact details show only where the community service allows it
 * (to those who build research teams, for people who agreed to be contacted).
 */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const methods = list(params.get('methods'));
  const topics = list(params.get('topics'));
  const unit = params.get('unit') ?? '';
  const asked = methods.length > 0 || topics.length > 0 || unit !== '';
  const [{ data, fetching, error }] = useQuery({
    query: FindPeopleDocument,
    variables: {
      methods: methods.length ? methods : null,
      topics: topics.length ? topics : null,
      unit: unit || null,
    },
    pause: !asked,
  });
  return (
    <>
      <h1>People finder</h1>
      <p>Find colleagues with research skills: the methods they use and the topics they know.</p>
      <FilterForm label="Find people" fields={['methods', 'topics', 'unit']} apply={setParams}>
        <div>
          <label htmlFor="people-methods">Methods</label>
          <input
            id="people-methods"
            name="methods"
            defaultValue={params.get('methods') ?? ''}
            aria-describedby="people-hint"
          />
        </div>
        <div>
          <label htmlFor="people-topics">Topics</label>
          <input
            id="people-topics"
            name="topics"
            defaultValue={params.get('topics') ?? ''}
            aria-describedby="people-hint"
          />
        </div>
        <div>
          <label htmlFor="people-unit">Unit</label>
          <input id="people-unit" name="unit" defaultValue={unit} />
        </div>
        <button type="submit">Find</button>
        <p id="people-hint" className="hint">
          Separate several methods or topics with commas, e.g. “crime-analysis, survey”.
        </p>
      </FilterForm>
      {!asked && <p>Ask for a method, a topic or a unit to see who can help.</p>}
      {fetching && !data && <Loading what="people" />}
      {error && <ErrorMessage error={error} />}
      {asked && data && (
        <>
          <p role="status">
            {data.experts.length} {data.experts.length === 1 ? 'person' : 'people'}
          </p>
          <ol className="results">
            {data.experts.map(({ person, matchedTopics }) => (
              <li key={person.id}>
                <h2>{person.name ?? 'Name withheld'}</h2>
                <p className="meta">
                  {[person.rankOrGrade, person.unit].filter(Boolean).join(', ')}
                  {person.championships.some((championship) => !championship.until)
                    ? ' · EBP champion'
                    : ''}
                </p>
                <p>
                  Methods:{' '}
                  {person.skills
                    .map(
                      (skill) =>
                        `${statusLabel(skill.method)} (level ${skill.verified ?? skill.selfAssessed}${
                          skill.verified ? ', verified' : ''
                        })`,
                    )
                    .join('; ') || '—'}
                </p>
                <p>Topics: {person.topics.join(', ') || '—'}</p>
                {person.contact && (
                  <p>
                    Contact: <a href={`mailto:${person.contact.email}`}>{person.contact.email}</a>
                  </p>
                )}
                {matchedTopics.length > 0 && (
                  <p className="meta">Matched topics: {matchedTopics.join(', ')}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
