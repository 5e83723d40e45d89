import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ProjectDocument } from '../graphql/generated';
import { ListSection } from '../components/ListSection';
import { ProjectActions } from '../components/ProjectActions';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, formatDateTime, statusLabel } from '../components/labels';
import { DayInput } from '../components/DayInput';
import { isCalendarDay } from '../format/dates';

/** What an event in a project's history means, in words. */
const eventLabel = (type: string) => statusLabel(type.replace(/^register\.project\./, ''));

/** A project: its details, team, partners, publications, and its history, as of any date. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOfDay = params.get('asOf') ?? '';
  const pickerId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectDocument,
    variables: { id, asOf: asOfDay ? `${asOfDay}T23:59:59.999Z` : null },
  });
  const project = data?.researchProject;
  return (
    <>
      <p>
        <Link to="/register">← The register</Link>
      </p>
      <form className="inline as-of" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={pickerId}>As of</label>
        <DayInput
          id={pickerId}
          value={asOfDay}
          onChange={(day) => {
            if (day === '') setParams({});
            else if (isCalendarDay(day)) setParams({ asOf: day });
          }}
        />
        {asOfDay && (
          <button type="button" onClick={() => setParams({})}>
            Show today
          </button>
        )}
      </form>
      {fetching && !data && <Loading what="the project" />}
      {error && <ErrorMessage error={error} />}
      {data && !project && (
        <>
          <h1>Project not found</h1>
          <p>
            There is no project {id}
            {asOfDay ? ` as of ${formatDate(asOfDay)}` : ''} that you may see.
          </p>
        </>
      )}
      {project && (
        <article aria-labelledby="project-title">
          <h1 id="project-title">{project.title}</h1>
          <p className="meta">
            {statusLabel(project.status)} · {project.classification}
            {asOfDay ? ` · as it stood at the end of ${formatDate(asOfDay)}` : ''}
          </p>
          {!asOfDay && (
            <ProjectActions
              project={project}
              changed={() => refetch({ requestPolicy: 'network-only' })}
            />
          )}
          <p>{project.summary}</p>
          <dl className="details">
            <dt>Owning unit</dt>
            <dd>{project.owningUnit}</dd>
            <dt>EBP level</dt>
            <dd>{project.ebpLevel}</dd>
            <dt>Methods</dt>
            <dd>{project.methods.join(', ')}</dd>
            <dt>SMS level</dt>
            <dd>
              planned {project.plannedSmsLevel}
              {project.achievedSmsLevel ? `, achieved ${project.achievedSmsLevel}` : ''}
            </dd>
            <dt>Planned</dt>
            <dd>
              {formatDate(project.plannedStart)} to {formatDate(project.plannedEnd)}
            </dd>
            <dt>Priorities</dt>
            <dd>{project.priorities.map((priority) => priority.title).join('; ') || 'None'}</dd>
            <dt>Proposed</dt>
            <dd>{formatDate(project.proposedAt)}</dd>
            {project.outcomeSwitching && (
              <>
                <dt>Outcome switching</dt>
                <dd>The reported primary outcomes differ from the pre-registered ones.</dd>
              </>
            )}
          </dl>
          <ListSection
            id="team"
            title="Team"
            items={project.team}
            empty="No one recorded yet."
            keyOf={(member, index) => `${member.person?.id ?? 'person'}-${index}`}
          >
            {(member) => (
              <>
                {member.person?.name ?? 'A member of staff'}: {member.role}, from{' '}
                {formatDate(member.from)}
                {member.status !== 'active' ? ` (${member.status})` : ''}
              </>
            )}
          </ListSection>
          <ListSection
            id="partners"
            title="Partners"
            items={project.partners}
            empty="No partners recorded."
            keyOf={(partner) => `${partner.partnerKind}-${partner.partnerId}`}
          >
            {(partner) => (
              <>
                {partner.organisation?.name ?? partner.academic?.name ?? partner.partnerId}:{' '}
                {partner.role} ({partner.status})
              </>
            )}
          </ListSection>
          <ListSection
            id="publications"
            title="Publications"
            items={project.publications}
            empty="Nothing published yet."
            keyOf={(item) => item.id}
          >
            {(item) => (
              <>
                <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                {item.version ? ` (version ${item.version})` : ` (${item.status})`}
              </>
            )}
          </ListSection>
          <section aria-labelledby="timeline">
            <h2 id="timeline">Timeline</h2>
            <ol className="timeline">
              {project.history.map((entry) => (
                <li key={entry.version}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
                  <strong>{eventLabel(entry.type)}</strong> by {entry.actor.id}
                  {entry.why ? <span className="why">: {entry.why}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </article>
      )}
    </>
  );
}
