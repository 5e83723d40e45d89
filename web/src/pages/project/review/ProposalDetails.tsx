import { useQuery } from 'urql';
import {
  ProjectProposalInFullDocument,
  type EthicsStatus,
  type ProjectProposalInFullQuery,
} from '../../../graphql/generated';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate, statusLabel } from '../../../components/labels';
import { PersonName } from '../../../components/PersonName';

type Proposal = NonNullable<ProjectProposalInFullQuery['researchProject']>['proposal'];

const ETHICS_WORDS: Record<EthicsStatus, string> = {
  approved: 'Approved',
  pending: 'Applied for, pending',
  not_required: 'Not required',
};

/**
 * The proposal as it stands (amendments applied), in full: what reviewers judge against the
 * national standards and the committee decides on.
 */
export function ProposalDetails({ projectId }: { readonly projectId: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: ProjectProposalInFullDocument,
    variables: { id: projectId },
  });
  const project = data?.researchProject;
  return (
    <section aria-labelledby="proposal-in-full" className="proposal-in-full">
      <h2 id="proposal-in-full">The proposal in full</h2>
      {fetching && !data && <Loading what="the proposal" />}
      {error && <ErrorMessage error={error} />}
      {project && (
        <>
          {project.amendments > 0 && (
            <p className="meta">
              As amended ({project.amendments}{' '}
              {project.amendments === 1 ? 'amendment' : 'amendments'}; see the timeline).
              {project.outcomesChangedAfterApproval
                ? ' The pre-registered outcomes were changed after approval.'
                : ''}
            </p>
          )}
          <Overview
            proposal={project.proposal}
            priorities={project.priorities.map((p) => p.title)}
          />
          <h3>Research questions</h3>
          <ol>
            {project.proposal.researchQuestions.map((question, index) => (
              <li key={index}>{question}</li>
            ))}
          </ol>
          <h3>Design</h3>
          <p>{project.proposal.design}</p>
          <dl className="details">
            <dt>Methods</dt>
            <dd>{project.proposal.methods.join(', ') || 'None named'}</dd>
            <dt>Planned SMS level</dt>
            <dd>
              {project.proposal.plannedSmsLevel} of 5 on the Maryland Scientific Methods Scale
              {project.proposal.plannedSmsLevel >= 4
                ? ' (needs two independent reviews before approval)'
                : ''}
            </dd>
          </dl>
          <h3>Evidence-Based Policing Matrix</h3>
          <dl className="details">
            <dt>Target</dt>
            <dd>{statusLabel(project.proposal.ebpMatrix.target)}</dd>
            <dt>Proactivity</dt>
            <dd>{statusLabel(project.proposal.ebpMatrix.proactivity)}</dd>
            <dt>Specificity</dt>
            <dd>{statusLabel(project.proposal.ebpMatrix.specificity)}</dd>
          </dl>
          <Outcomes outcomes={project.proposal.outcomes} />
          <Ethics ethics={project.proposal.ethics} />
        </>
      )}
    </section>
  );
}

function Overview({
  proposal,
  priorities,
}: {
  readonly proposal: Proposal;
  readonly priorities: readonly string[];
}) {
  return (
    <>
      <p>{proposal.summary}</p>
      <dl className="details">
        <dt>Lead</dt>
        <dd>
          <PersonName id={proposal.leadId} role="lead" />
        </dd>
        <dt>Owning unit</dt>
        <dd>{proposal.owningUnit}</dd>
        <dt>EBP level</dt>
        <dd>{statusLabel(proposal.ebpLevel)}</dd>
        <dt>Research Plan priorities</dt>
        <dd>{priorities.join('; ') || 'None'}</dd>
        <dt>Planned</dt>
        <dd>
          {formatDate(proposal.plannedStart)} to {formatDate(proposal.plannedEnd)}
        </dd>
        <dt>Classification</dt>
        <dd>
          {proposal.classification === 'OFFICIAL_SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL'}
        </dd>
        {proposal.needToKnow && proposal.needToKnow.length > 0 && (
          <>
            <dt>Also need to know</dt>
            <dd>
              <ul className="plain">
                {proposal.needToKnow.map((id) => (
                  <li key={id}>
                    <PersonName id={id} role="member of staff" />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

function Outcomes({ outcomes }: { readonly outcomes: Proposal['outcomes'] }) {
  const list = (items: Proposal['outcomes']['primary']) => (
    <ul>
      {items.map((outcome) => (
        <li key={outcome.name}>
          <strong>{outcome.name}</strong>: {outcome.measure}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h3>Pre-registered outcomes</h3>
      <h4>Primary</h4>
      {list(outcomes.primary)}
      <h4>Secondary</h4>
      {outcomes.secondary.length > 0 ? list(outcomes.secondary) : <p>None registered.</p>}
    </>
  );
}

function Ethics({ ethics }: { readonly ethics: Proposal['ethics'] }) {
  return (
    <>
      <h3>Ethics</h3>
      <dl className="details">
        <dt>Ethics approval</dt>
        <dd>{ETHICS_WORDS[ethics.status]}</dd>
        {ethics.board && (
          <>
            <dt>Ethics board</dt>
            <dd>{ethics.board}</dd>
          </>
        )}
        {ethics.reference && (
          <>
            <dt>Reference</dt>
            <dd>{ethics.reference}</dd>
          </>
        )}
        {ethics.approvedOn && (
          <>
            <dt>Approved on</dt>
            <dd>{formatDate(ethics.approvedOn)}</dd>
          </>
        )}
        {ethics.expiresOn && (
          <>
            <dt>Approval ends</dt>
            <dd>{formatDate(ethics.expiresOn)}</dd>
          </>
        )}
        {ethics.reason && (
          <>
            <dt>Why none is needed</dt>
            <dd>{ethics.reason}</dd>
          </>
        )}
      </dl>
    </>
  );
}
