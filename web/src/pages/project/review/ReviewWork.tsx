import { useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { hasRole, useSession } from '../../../auth/session';
import { ProjectReviewHistoryDocument } from '../../../graphql/generated';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDateTime } from '../../../components/labels';
import { DecisionForm } from './DecisionForm';
import { ProposalDetails } from './ProposalDetails';
import { ReviewForm } from './ReviewForm';
import { ReviewHistory } from './ReviewHistory';
import { verdictLabel } from './review-checklist';
import './review.css';

/** Folded away, and not asked for until opened. */
function Folded({ children }: { readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="review-work" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>The proposal in full and its reviews</summary>
      {open && children}
    </details>
  );
}

/** The statuses in which a proposal is reviewed and decided. */
const UNDER_CONSIDERATION = ['submitted', 'under_review'];

/** Two independent reviews where the planned design claims SMS 4 or 5, one otherwise (the register's rule). */
const reviewsRequired = (plannedSmsLevel: number) => (plannedSmsLevel >= 4 ? 2 : 1);

/**
 * What reviewers and the committee work from on a project page: the proposal in full, every
 * review so far, and beside the reviews the reviewer's form or the committee's decision. Open
 * while the proposal is under consideration; folded away (and not fetched until opened) for
 * the lead, and for reviewers and the committee at other times.
 */
export function ReviewWork({
  projectId,
  leadId,
  proposedBy,
  status,
  changed,
}: {
  readonly projectId: string;
  readonly leadId: string;
  readonly proposedBy: string;
  readonly status: string;
  readonly changed: () => void;
}) {
  const { session } = useSession();
  const me = session ? `person-${session.user}` : null;
  const isReviewer = hasRole(session, 'reviewer');
  const isCommittee = hasRole(session, 'committee');
  const isOwner = me !== null && (me === leadId || me === proposedBy);
  if (!(isReviewer || isCommittee || hasRole(session, 'admin') || isOwner)) return null;
  const body = (
    <ReviewWorkBody
      projectId={projectId}
      me={me}
      isReviewer={isReviewer}
      isCommittee={isCommittee}
      changed={changed}
    />
  );
  if ((isReviewer || isCommittee) && UNDER_CONSIDERATION.includes(status))
    return <div className="review-work">{body}</div>;
  return <Folded>{body}</Folded>;
}

function ReviewWorkBody({
  projectId,
  me,
  isReviewer,
  isCommittee,
  changed,
}: {
  readonly projectId: string;
  readonly me: string | null;
  readonly isReviewer: boolean;
  readonly isCommittee: boolean;
  readonly changed: () => void;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectReviewHistoryDocument,
    variables: { id: projectId },
  });
  const project = data?.researchProject;
  const underConsideration =
    project !== undefined && project !== null && UNDER_CONSIDERATION.includes(project.status);
  const afterChange = () => {
    refetch({ requestPolicy: 'network-only' });
    changed();
  };
  const myReview = project?.reviews.find((review) => review.current && review.reviewerId === me);
  const reviewerPart = isReviewer && underConsideration && project && (
    <div>
      {me === project.leadId ? (
        <p>You lead this project, so others review it.</p>
      ) : myReview ? (
        <p role="status">
          You reviewed this design on {formatDateTime(myReview.at)}:{' '}
          {verdictLabel(myReview.verdict)}. Each reviewer reviews a design once.
        </p>
      ) : (
        <ReviewForm projectId={projectId} recorded={afterChange} />
      )}
    </div>
  );
  const committeePart = isCommittee && underConsideration && (
    <DecisionForm projectId={projectId} decided={afterChange} />
  );
  return (
    <>
      <ProposalDetails projectId={projectId} />
      {fetching && !data && <Loading what="the reviews" />}
      {error && <ErrorMessage error={error} />}
      {project && (
        <div className="columns review-columns">
          <ReviewHistory
            reviews={project.reviews}
            required={reviewsRequired(project.plannedSmsLevel)}
          />
          {(reviewerPart || committeePart) && (
            <div>
              {reviewerPart}
              {committeePart}
            </div>
          )}
        </div>
      )}
    </>
  );
}
