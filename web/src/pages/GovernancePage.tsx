import { Fragment, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, type CombinedError } from 'urql';
import { hasRole, useSession } from '../auth/session';
import { GovernanceReportDocument, type ReportFormat } from '../graphql/generated';
import {
  GovernanceReportSchema,
  parseJsonField,
  type GovernanceReport,
} from '../graphql/json-fields';
import { StackedBars, type Series } from '../components/StackedBars';
import { reportDays } from '../governance/report-days';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';
import { DayInput } from '../components/DayInput';
import { isCalendarDay, londonToday } from '../format/dates';

/** Today in London: the report's default day, wherever the browser is. */
const today = () => londonToday();

type Reports = { readonly days: string[]; readonly reports: GovernanceReport[] };

/** The governance reports for each day, rebuilt by the register from its history. */
function useReports(days: readonly string[]) {
  const client = useClient();
  const [state, setState] = useState<{
    reports?: Reports;
    error?: CombinedError | Error;
  }>({});
  const key = days.join(',');
  useEffect(() => {
    let current = true;
    setState({});
    void Promise.all(
      days.map((asOf) =>
        client.query(GovernanceReportDocument, { asOf, format: 'JSON' }).toPromise(),
      ),
    )
      .then((results) => {
        const failed = results.find((result) => result.error)?.error;
        if (failed) throw failed;
        const reports = results.map((result) =>
          parseJsonField(GovernanceReportSchema, result.data?.governanceReport, 'governanceReport'),
        );
        if (current) setState({ reports: { days: [...days], reports } });
      })
      .catch((error: unknown) => {
        if (current) setState({ error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => {
      current = false;
    };
    // The days' contents (key), not the array's identity, decide when to read again.
  }, [client, key]);
  return state;
}

/**
 * The governance dashboard, for the committee, the EBP Delivery Team and administrators: the
 * register over time, what is overdue, and the governance report for any day.
 */
export function GovernancePage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? today();
  const pickerId = useId();
  const allowed = hasRole(session, 'reviewer', 'committee', 'admin');
  const { reports, error } = useReports(allowed ? reportDays(asOf) : []);
  if (!allowed)
    return (
      <>
        <h1>Governance dashboard</h1>
        <p>
          The governance dashboard is for the EBP Committee, the EBP Delivery Team and
          administrators.
        </p>
      </>
    );
  const report = reports?.reports.at(-1);
  const seriesOf = (section: 'byStatus' | 'byPriority' | 'bySmsLevel'): Series[] =>
    (reports?.reports ?? []).map((each, index) => ({
      label: formatDate(reports!.days[index]),
      counts: each.projects[section].map((count) =>
        section === 'byStatus' ? { ...count, label: statusLabel(count.label) } : count,
      ),
    }));
  return (
    <>
      <h1>Governance dashboard</h1>
      <form className="inline as-of" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={pickerId}>Report as of</label>
        <DayInput
          id={pickerId}
          value={asOf}
          onChange={(day) => isCalendarDay(day) && setParams({ asOf: day })}
        />
      </form>
      {!reports && !error && <Loading what="the governance report" />}
      {error && <ErrorMessage error={error} />}
      {report && (
        <>
          <p role="status">
            As of the end of {formatDate(report.asOf)}: {report.projects.total} projects, of those
            you may see, rebuilt from what was recorded by then.
          </p>
          <Downloads asOf={report.asOf} />
          <section aria-labelledby="over-time">
            <h2 id="over-time">The register over time</h2>
            <StackedBars id="by-status" title="Projects by status" series={seriesOf('byStatus')} />
            <StackedBars
              id="by-priority"
              title="Projects by Research Plan priority"
              series={seriesOf('byPriority')}
            />
            <StackedBars
              id="by-sms"
              title="Projects by planned SMS level"
              series={seriesOf('bySmsLevel')}
            />
          </section>
          <ReportSummary report={report} />
        </>
      )}
    </>
  );
}

function ProjectLines({
  lines,
}: {
  readonly lines: readonly { projectId: string; title: string; due?: string | undefined }[];
}) {
  return (
    <ul className="plain">
      {lines.map((line) => (
        <li key={line.projectId}>
          <Link to={`/register/${encodeURIComponent(line.projectId)}`}>{line.title}</Link>
          {line.due ? <span className="meta"> due {formatDate(line.due)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The report's overdue items, decisions and reach for the chosen day. */
function ReportSummary({ report }: { readonly report: GovernanceReport }) {
  const overdue = Object.entries(report.overdue).filter(([, lines]) => lines.length > 0);
  const milestones = report.programme.overdueMilestones;
  return (
    <>
      <section aria-labelledby="overdue">
        <h2 id="overdue">Overdue</h2>
        {overdue.length === 0 && milestones.length === 0 ? (
          <p>Nothing was overdue.</p>
        ) : (
          overdue.map(([kind, lines]) => (
            <div key={kind}>
              <h3>{kind === 'progress' ? 'Progress reports' : `${statusLabel(kind)}`}</h3>
              <ProjectLines lines={lines} />
            </div>
          ))
        )}
        {milestones.length > 0 && (
          <div>
            <h3>EBP Programme milestones</h3>
            <ul className="plain">
              {milestones.map((line) => (
                <li key={`${line.workstreamId}/${line.milestoneId}`}>
                  <Link to={`/plan#workstream-${encodeURIComponent(line.workstreamId)}`}>
                    {line.title}
                  </Link>
                  <span className="meta"> due {formatDate(line.due)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <div className="columns">
        <section aria-labelledby="decisions">
          <h2 id="decisions">Committee decisions</h2>
          <dl className="details">
            {(['approved', 'rejected', 'deferred'] as const).map((decision) => (
              <Fragment key={decision}>
                <dt>{statusLabel(decision)}</dt>
                <dd>
                  {report.decisions[decision].decisions}
                  {report.decisions[decision].medianDays !== null
                    ? `, median ${report.decisions[decision].medianDays} days from proposal`
                    : ''}
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
        <section aria-labelledby="gaps">
          <h2 id="gaps">Research Plan gaps</h2>
          {report.researchPlan.gaps.length === 0 ? (
            <p>Every priority had research against it.</p>
          ) : (
            <p>
              {report.researchPlan.gaps.length} priorities had no research against them.{' '}
              <Link to="/plan">The Research Plan</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="switching">
          <h2 id="switching">Outcome switching</h2>
          {report.outcomeSwitching.length === 0 ? (
            <p>No project reported outcomes other than those it pre-registered.</p>
          ) : (
            <ProjectLines lines={report.outcomeSwitching} />
          )}
        </section>
        <section aria-labelledby="reach">
          <h2 id="reach">Partners, people and reach</h2>
          <dl className="details">
            <dt>Partner organisations</dt>
            <dd>{report.partners.organisations.total}</dd>
            <dt>Academics</dt>
            <dd>{report.partners.academics}</dd>
            <dt>Active collaborations</dt>
            <dd>{report.partners.collaborations.active}</dd>
            <dt>Talent pool</dt>
            <dd>{report.people.inTalentPool}</dd>
            <dt>People involved in research</dt>
            <dd>{report.people.involved}</dd>
            <dt>Library items published</dt>
            <dd>{report.reach.library.published}</dd>
            <dt>Master classes held / upcoming</dt>
            <dd>
              {report.reach.masterClasses.held} / {report.reach.masterClasses.upcoming}
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}

const FORMATS: readonly { format: ReportFormat; label: string; type: string; ext: string }[] = [
  { format: 'HTML', label: 'HTML', type: 'text/html', ext: 'html' },
  { format: 'MARKDOWN', label: 'Markdown', type: 'text/markdown', ext: 'md' },
  { format: 'CSV', label: 'CSV', type: 'text/csv', ext: 'csv' },
];

/** The full report as a file, in the formats the register renders. */
function Downloads({ asOf }: { readonly asOf: string }) {
  const client = useClient();
  const [error, setError] = useState<CombinedError | null>(null);
  const download = async (choice: (typeof FORMATS)[number]) => {
    const result = await client
      .query(GovernanceReportDocument, { asOf, format: choice.format })
      .toPromise();
    setError(result.error ?? null);
    if (!result.data) return;
    const url = URL.createObjectURL(
      new Blob([result.data.governanceReport], { type: choice.type }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `governance-report-${asOf}.${choice.ext}`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="inline downloads">
      <span>Download the full report:</span>
      {FORMATS.map((choice) => (
        <button
          key={choice.format}
          type="button"
          className="secondary"
          onClick={() => void download(choice)}
        >
          {choice.label}
        </button>
      ))}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
