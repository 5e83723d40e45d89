import type { EffectDirection, EmmieRating, ProjectQuery } from '../../../graphql/generated';
import { EFFECT_DIRECTIONS, EMMIE_DIMENSIONS, EMMIE_RATINGS } from './lifecycle-rules';

type Project = NonNullable<ProjectQuery['researchProject']>;

const ratingWords = (rating: EmmieRating) =>
  EMMIE_RATINGS.find(([value]) => value === rating)?.[1] ?? rating;
const directionWords = (direction: EffectDirection) =>
  EFFECT_DIRECTIONS.find(([value]) => value === direction)?.[1] ?? direction;

/**
 * Where the reported primary outcomes differ from those pre-registered (outcome switching), or
 * the pre-registered outcomes were amended after approval: shown to every reader, near the top.
 */
export function OutcomeSwitchingFlag({ project }: { readonly project: Project }) {
  const detail = project.outcomeSwitchingDetail;
  if (!project.outcomeSwitching && !project.outcomesChangedAfterApproval) return null;
  return (
    <section aria-labelledby="outcome-switching" className="card gap">
      <h2 id="outcome-switching">Outcome switching flagged</h2>
      {project.outcomeSwitching && (
        <>
          <p>The primary outcomes reported differ from those pre-registered.</p>
          {detail && detail.notReported.length > 0 && (
            <>
              <h3>Pre-registered, not reported</h3>
              <ul>
                {detail.notReported.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
          {detail && detail.notPreRegistered.length > 0 && (
            <>
              <h3>Reported, not pre-registered</h3>
              <ul>
                {detail.notPreRegistered.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {project.outcomesChangedAfterApproval && (
        <p>The pre-registered outcomes were amended after the committee approved the project.</p>
      )}
    </section>
  );
}

/** The outcomes registered before the research started, against which findings are compared. */
export function PreRegisteredOutcomes({ project }: { readonly project: Project }) {
  const { primary, secondary } = project.proposal.outcomes;
  const list = (outcomes: readonly { name: string; measure: string }[]) => (
    <ul>
      {outcomes.map((outcome) => (
        <li key={outcome.name}>
          {outcome.name}, measured by: {outcome.measure}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="pre-registered">
      <h2 id="pre-registered">Pre-registered outcomes</h2>
      <h3>Primary</h3>
      {list(primary)}
      <h3>Secondary</h3>
      {secondary.length > 0 ? list(secondary) : <p>None.</p>}
    </section>
  );
}

/** A completed project's findings: the summary, direction, SMS level, EMMIE and outcomes. */
export function ProjectFindings({ project }: { readonly project: Project }) {
  const { findings } = project;
  if (!findings) return null;
  const notPreRegistered = new Set(
    (project.outcomeSwitchingDetail?.notPreRegistered ?? []).map((name) =>
      name.trim().toLowerCase(),
    ),
  );
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">Findings</h2>
      <p>{findings.summary}</p>
      <dl className="details">
        <dt>Direction of the effect</dt>
        <dd>{directionWords(findings.effectDirection)}</dd>
        <dt>SMS level achieved</dt>
        <dd>
          {findings.achievedSmsLevel} (planned {project.plannedSmsLevel})
        </dd>
      </dl>
      <h3 id="emmie">EMMIE ratings</h3>
      <div className="table-scroll">
        <table aria-labelledby="emmie">
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Evidence</th>
              <th scope="col">Quality of the evidence</th>
            </tr>
          </thead>
          <tbody>
            {EMMIE_DIMENSIONS.map(([name, label, meaning]) => (
              <tr key={name}>
                <th scope="row">
                  {label}
                  <span className="visually-hidden">: {meaning}</span>
                </th>
                <td>{ratingWords(findings.emmie[name].evidence)}</td>
                <td>{ratingWords(findings.emmie[name].quality)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Outcomes reported</h3>
      <ul>
        {findings.reportedOutcomes.map((outcome) => (
          <li key={outcome.name}>
            <strong>{outcome.name}</strong> ({outcome.primary ? 'primary' : 'secondary'})
            {outcome.primary && notPreRegistered.has(outcome.name.trim().toLowerCase()) && (
              <span className="badge">not pre-registered</span>
            )}
            : {outcome.result}
          </li>
        ))}
      </ul>
    </section>
  );
}
