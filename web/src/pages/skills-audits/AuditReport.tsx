import { useQuery } from 'urql';
import { SkillsAuditReportDocument } from '../../graphql/generated';
import { ErrorMessage, Loading } from '../../components/Status';
import { meanLevelText } from './audit-draft';

/** How the people of an audit's units answered: responses, coverage by unit and skill, gaps. */
export function AuditReport({
  auditId,
  title,
}: {
  readonly auditId: string;
  readonly title: string;
}) {
  const [report] = useQuery({
    query: SkillsAuditReportDocument,
    variables: { id: auditId },
    requestPolicy: 'network-only',
  });
  const headingId = `report-${auditId}`;
  if (report.fetching && !report.data) return <Loading what="the report" />;
  if (report.error) return <ErrorMessage error={report.error} />;
  const found = report.data?.skillsAuditReport;
  if (!found) return <p>No report: the audit is not known.</p>;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>Report: {title}</h4>
      <p role="status">
        {found.responsesByUnit.length === 0
          ? 'Nobody has answered yet.'
          : found.responsesByUnit
              .map(
                ({ unit, responses }) =>
                  `${unit}: ${responses} ${responses === 1 ? 'answer' : 'answers'}`,
              )
              .join('; ')}
      </p>
      {found.coverage.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Capability by unit and skill</caption>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Skill</th>
                <th scope="col">Answered</th>
                <th scope="col">Mean level</th>
                <th scope="col">Proficient or able to teach</th>
              </tr>
            </thead>
            <tbody>
              {found.coverage.map((row) => (
                <tr key={`${row.unit}/${row.skill}`}>
                  <td>{row.unit}</td>
                  <td>{row.skill}</td>
                  <td>{row.respondents}</td>
                  <td>{meanLevelText(row.meanLevel)}</td>
                  <td>{row.capable}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h5 id={`${headingId}-gaps`}>Gaps: where training or hiring is needed</h5>
      {found.gaps.length === 0 ? (
        <p>No gaps: in each unit that answered, someone is capable in each skill.</p>
      ) : (
        <ul aria-labelledby={`${headingId}-gaps`}>
          {found.gaps.map((gap) => (
            <li key={`${gap.unit}/${gap.skill}`}>
              {gap.unit}: {gap.skill}
            </li>
          ))}
        </ul>
      )}
      <h5 id={`${headingId}-silent`}>Units with no answer</h5>
      {found.silentUnits.length === 0 ? (
        <p>Every unit answered.</p>
      ) : (
        <ul aria-labelledby={`${headingId}-silent`}>
          {found.silentUnits.map((unit) => (
            <li key={unit}>{unit}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
