import { Fragment } from 'react';
import type { ProjectReviewHistoryQuery } from '../../../graphql/generated';
import { formatDateTime } from '../../../components/labels';
import { QA_CRITERIA, resultLabel, verdictLabel } from './review-checklist';
import { PersonName } from '../../../components/PersonName';

export type ProjectReview = NonNullable<
  ProjectReviewHistoryQuery['researchProject']
>['reviews'][number];

/**
 * Every quality-assurance review of the proposal, oldest first: who, when, the verdict, each
 * criterion's judgement and the comments. Reviews of a design since amended are marked, since
 * they no longer count towards approval.
 */
export function ReviewHistory({
  reviews,
  required,
}: {
  readonly reviews: readonly ProjectReview[];
  /** How many favourable reviews of the current design approval needs. */
  readonly required: number;
}) {
  const current = reviews.filter((review) => review.current);
  const favourable = current.filter((review) => review.verdict === 'meets_standards').length;
  return (
    <section aria-labelledby="review-history" className="review-history">
      <h2 id="review-history">Reviews</h2>
      <p>
        Approval needs {required === 1 ? 'one review' : `${required} independent reviews`} of the
        current design finding that it meets the standards. So far: {current.length} of the current
        design, {favourable} finding that it meets them
        {reviews.length > current.length
          ? `; ${reviews.length - current.length} of an earlier design`
          : ''}
        .
      </p>
      {reviews.length === 0 ? (
        <p>No one has reviewed the proposal yet.</p>
      ) : (
        <ol className="plain reviews">
          {reviews.map((review, index) => (
            <li key={`${review.reviewerId}-${review.at}`}>
              <ReviewRecord review={review} number={index + 1} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ReviewRecord({
  review,
  number,
}: {
  readonly review: ProjectReview;
  readonly number: number;
}) {
  const headingId = `review-${number}`;
  return (
    <article aria-labelledby={headingId} className="review-record">
      <h3 id={headingId}>
        Review {number} by <PersonName id={review.reviewerId} role="reviewer" />
      </h3>
      <p className="meta">
        <time dateTime={review.at}>{formatDateTime(review.at)}</time> · Verdict:{' '}
        <strong>{verdictLabel(review.verdict)}</strong>
        {review.current ? '' : ' · of an earlier design, since amended'}
      </p>
      <dl className="details">
        {QA_CRITERIA.map(([criterion, label]) => (
          <Fragment key={criterion}>
            <dt>{label}</dt>
            <dd>{resultLabel(review.checklist[criterion])}</dd>
          </Fragment>
        ))}
      </dl>
      <h4>Comments</h4>
      <p className="body">{review.comments}</p>
    </article>
  );
}
