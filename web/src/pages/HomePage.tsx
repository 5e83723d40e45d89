import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { HomeDocument } from '../graphql/generated';
import { ListSection } from '../components/ListSection';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, formatDateTime, statusLabel } from '../components/labels';

const TOOLKITS = [
  {
    title: 'What Works Centre for Crime Reduction toolkit',
    href: 'https://whatworks.college.police.uk/',
  },
  {
    title: 'College of Policing Research Map',
    href: 'https://www.college.police.uk/research/research-map',
  },
  {
    title: 'National Police Library',
    href: 'https://www.college.police.uk/research/national-police-library',
  },
];

/** The EBP home page: What Works search, new learning, master classes, priorities, toolkits. */
export function HomePage() {
  const [{ data, fetching, error }] = useQuery({ query: HomeDocument });
  const [text, setText] = useState('');
  const navigate = useNavigate();
  return (
    <>
      <h1>Evidence-based policing</h1>
      <section aria-labelledby="what-works">
        <h2 id="what-works">What Works</h2>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void navigate(`/library?q=${encodeURIComponent(text)}`);
          }}
        >
          <label htmlFor="what-works-text">Search the Research and Learning Library</label>
          <div className="inline">
            <input
              id="what-works-text"
              type="search"
              value={text}
              placeholder="e.g. hot spots policing burglary"
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit">Search</button>
          </div>
        </form>
      </section>
      {fetching && !data && <Loading what="the latest learning" />}
      {error && <ErrorMessage error={error} />}
      {data && (
        <div className="columns">
          <ListSection
            id="new-learning"
            title="Newly published learning"
            items={data.recentlyPublished}
            empty="Nothing published yet."
            keyOf={(item) => item.id}
          >
            {(item) => (
              <>
                <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                <span className="meta">
                  {' '}
                  {statusLabel(item.kind)}, {item.year}; published {formatDate(item.publishedAt)}
                </span>
              </>
            )}
          </ListSection>
          <ListSection
            id="master-classes"
            title="Upcoming master classes"
            items={data.upcomingMasterClasses}
            empty="None scheduled."
            keyOf={(masterClass) => masterClass.id}
          >
            {(masterClass) => (
              <>
                <strong>{masterClass.title}</strong>
                <span className="meta">
                  {' '}
                  {formatDateTime(masterClass.startsAt)}, {masterClass.location};{' '}
                  {masterClass.capacity - masterClass.placesTaken} of {masterClass.capacity} places
                  left
                </span>
              </>
            )}
          </ListSection>
          <ListSection
            id="priorities"
            title="Research priorities"
            items={data.researchPriorities}
            empty="The Research Plan has no priorities yet."
            keyOf={(priority) => priority.id}
          >
            {(priority) => (
              <Link to={`/register?priority=${encodeURIComponent(priority.id)}`}>
                {priority.title}
              </Link>
            )}
          </ListSection>
          <ListSection
            id="toolkits"
            title="Toolkits and resources"
            items={TOOLKITS}
            empty="None."
            keyOf={(toolkit) => toolkit.href}
          >
            {(toolkit) => (
              <a href={toolkit.href} rel="noreferrer">
                {toolkit.title}
              </a>
            )}
          </ListSection>
        </div>
      )}
    </>
  );
}
