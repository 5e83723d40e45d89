import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ProgrammeDocument, ResearchPlanDocument } from '../graphql/generated';
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
      <PlanAndProgramme />
      <h2>Priorities</h2>
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
                  <h3 id={headingId}>{priority.title}</h3>
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

const MILESTONE: Record<string, string> = {
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** The plan in force, the other years' plans, and the EBP Programme's work streams. */
function PlanAndProgramme() {
  const [{ data, fetching, error }] = useQuery({ query: ProgrammeDocument });
  if (fetching && !data) return <Loading what="the plan and the programme" />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const plan = data.currentResearchPlan;
  const others = data.researchPlans.filter((each) => each.year !== plan?.year);
  return (
    <>
      <section aria-labelledby="plan-in-force">
        <h2 id="plan-in-force">
          {plan ? `The plan in force: ${plan.title}` : 'The plan in force'}
        </h2>
        {plan ? (
          <>
            <p>{plan.summary}</p>
            <p className="meta">
              Agreed by the EBP Committee{plan.agreedAt ? ` on ${formatDate(plan.agreedAt)}` : ''}
              {plan.decision ? `: ${plan.decision}` : '.'}
            </p>
            <p>
              Its priorities:{' '}
              {plan.priorities.map((priority, index) => (
                <span key={priority.id}>
                  {index > 0 ? ', ' : ''}
                  <a href={`#priority-${priority.id}`}>{priority.title}</a>
                </span>
              ))}
              .
            </p>
          </>
        ) : (
          <p>No Research Plan has been agreed yet.</p>
        )}
        {others.length > 0 && (
          <ul className="plain meta">
            {others.map((each) => (
              <li key={each.year}>
                {each.year}: {each.title}, {statusLabel(each.status)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="programme">
        <h2 id="programme">The EBP Programme</h2>
        {data.ebpProgramme.length === 0 && <p>No work streams yet.</p>}
        <div className="cards">
          {data.ebpProgramme.map((workstream) => (
            <section
              key={workstream.id}
              id={`workstream-${workstream.id}`}
              aria-labelledby={`ws-${workstream.id}`}
              className="card"
            >
              <h3 id={`ws-${workstream.id}`}>{workstream.name}</h3>
              <p>{workstream.objective}</p>
              <ul>
                {workstream.approach.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <p className="meta">
                {workstream.progress.done} of {workstream.milestones.length} milestones done
                {workstream.progress.overdue > 0 ? `; ${workstream.progress.overdue} overdue` : ''}
              </p>
              <ul className="plain">
                {workstream.milestones.map((milestone) => (
                  <li key={milestone.id} className={milestone.overdue ? 'gap' : undefined}>
                    {milestone.title}: due {formatDate(milestone.due)},{' '}
                    {MILESTONE[milestone.status] ?? milestone.status}
                    {milestone.overdue ? ' (overdue)' : ''}
                    {milestone.firstDue !== milestone.due
                      ? `; first due ${formatDate(milestone.firstDue)}`
                      : ''}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </>
  );
}
