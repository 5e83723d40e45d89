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
import { LeadLifecycle } from './project/lifecycle/LeadLifecycle';
import { progressNote, timelineRole } from './project/lifecycle/lifecycle-rules';
import { PersonName } from '../components/PersonName';
import {
  OutcomeSwitchingFlag,
  PreRegisteredOutcomes,
  ProjectFindings,
} from './project/lifecycle/ProjectFindings';

/** What an event in a project's history means, in words. */
const eventLabel = (type: string) =>
  statusLabel(type.replace(/^register\.project\./, '')).replace(/-/g, ' ');

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
          <OutcomeSwitchingFlag project={project} />
          {!asOfDay && (
            <>
              <ProjectActions
                project={project}
                changed={() => refetch({ requestPolicy: 'network-only' })}
              />
              <LeadLifecycle
                project={project}
                changed={() => refetch({ requestPolicy: 'network-only' })}
              />
            </>
          )}
          <p>{project.summary}</p>
          <dl className="details">
            <dt>Lead</dt>
            <dd>
              <PersonName id={project.leadId} role="lead" />
            </dd>
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
            {project.startedOn && (
              <>
                <dt>Started</dt>
                <dd>{formatDate(project.startedOn)}</dd>
              </>
            )}
            {project.completedAt && (
              <>
                <dt>Completed</dt>
                <dd>{formatDate(project.completedAt)}</dd>
              </>
            )}
          </dl>
          <ProjectFindings project={project} />
          <PreRegisteredOutcomes project={project} />
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
                  <strong>{eventLabel(entry.type)}</strong> by{' '}
                  {entry.actor.kind === 'person' ? (
                    <PersonName id={entry.actor.id} role={timelineRole(entry.type)} />
                  ) : (
                    `the ${entry.actor.kind} ${entry.actor.id}`
                  )}
                  {entry.why ? <span className="why">: {entry.why}</span> : null}
                  {progressNote(entry) ? (
                    <span className="why">: {progressNote(entry)}</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </article>
      )}
    </>
  );
}
