import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ResearchPlanDocument } from '../graphql/generated';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';

/** The Research Plan: each priority, how much research answers it, and where the gaps are. */
export function ResearchPlanPage() {
  const [{ data, fetching, error }] = useQuery({ query: ResearchPlanDocument });
  const coverage = data?.researchPlanCoverage;
  const uncovered = new Set(coverage?.uncovered.map((priority) => priority.id));
  return (
    <>
      <h1>Research Plan</h1>
      <p>
        The force’s research priorities, and the research in the register against each. Counts
        include only projects you may see.
      </p>
      {fetching && !data && <Loading what="the Research Plan" />}
      {error && <ErrorMessage error={error} />}
      {coverage && (
        <>
          <p role="status">
            {coverage.priorities.length} priorities;{' '}
            {uncovered.size === 0
              ? 'every priority has research against it.'
              : `${uncovered.size} with no research against ${uncovered.size === 1 ? 'it' : 'them'}.`}
          </p>
          <div className="cards">
            {coverage.priorities.map(({ priority, projects, byStatus }) => {
              const headingId = `priority-${priority.id}`;
              return (
                <section key={priority.id} aria-labelledby={headingId} className="card">
                  <h2 id={headingId}>{priority.title}</h2>
                  <p className="meta">
                    {formatDate(priority.periodStart)} to {formatDate(priority.periodEnd)}
                    {priority.status !== 'active' ? ` · ${priority.status}` : ''}
                  </p>
                  <p>{priority.rationale}</p>
                  {uncovered.has(priority.id) ? (
                    <p className="gap">
                      <strong>Gap:</strong> no research against this priority yet.
                    </p>
                  ) : (
                    <>
                      <p>
                        <Link to={`/register?priority=${encodeURIComponent(priority.id)}`}>
                          {projects} {projects === 1 ? 'project' : 'projects'}
                          <span className="visually-hidden"> for {priority.title}</span>
                        </Link>
                      </p>
                      <ul className="plain meta">
                        {/* In lifecycle order; statuses with no projects are left out. */}
                        {byStatus.map(({ status, count }) => (
                          <li key={status}>
                            {statusLabel(status)}: {count}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </>
  );
}
