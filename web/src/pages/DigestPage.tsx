import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DigestDocument, type DigestQuery } from '../graphql/generated';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';
import { DigestEmails } from './digest/DigestEmails';
import { SubscriptionForm, type OfferedTerms } from './digest/SubscriptionForm';
import { labelOf, termGroups, type DigestFacet } from './digest/terms';

/** How far back "New for you" looks. */
const RECENT_DAYS = 30;

/** The day (YYYY-MM-DD, UTC) a number of days before today. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * A member of staff's digest (decisions 0025 and 0037): what it covers and where it is e-mailed,
 * forms to change both, and what was published lately that matches it.
 */
export function DigestPage() {
  // Fixed when the page opens: a date that moved on each render would ask again and again.
  const [since] = useState(() => daysAgo(RECENT_DAYS));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DigestDocument,
    variables: { since },
  });
  // What the digest covers, and so what is new for the caller, moves after a change.
  const changed = () => refetch({ requestPolicy: 'network-only' });
  const offered: OfferedTerms | undefined = data && {
    topics: [data.topicTerms, data.interventionTerms, data.methodTerms],
    crimeProblems: [data.crimeProblemTerms],
  };
  return (
    <>
      <h1>My digest</h1>
      <p>
        Choose the topics and crime problems you follow: what the library publishes on them is
        gathered here, and can be e-mailed to you.
      </p>
      {fetching && !data && <Loading what="your digest" />}
      {error && <ErrorMessage error={error} />}
      {data && offered && (
        <>
          <Coverage subscription={data.mySubscription} offered={offered} />
          <NewForYou items={data.myDigest} since={since} />
          <SubscriptionForm subscription={data.mySubscription} offered={offered} saved={changed} />
          <DigestEmails email={data.mySubscription.email} changed={changed} />
        </>
      )}
    </>
  );
}

function Coverage({
  subscription,
  offered,
}: {
  readonly subscription: DigestQuery['mySubscription'];
  readonly offered: OfferedTerms;
}) {
  const labels = (facet: DigestFacet) => {
    const groups = termGroups(facet, offered[facet], subscription[facet]);
    return subscription[facet].map((text) => labelOf(groups, facet, text)).join(', ');
  };
  const nothing = subscription.topics.length === 0 && subscription.crimeProblems.length === 0;
  return (
    <section aria-labelledby="digest-covers">
      <h2 id="digest-covers">What your digest covers</h2>
      {nothing && <p>Nothing yet: tick the topics or crime problems you follow below.</p>}
      <dl className="details">
        {!nothing && (
          <>
            <dt>Topics</dt>
            <dd>{labels('topics') || 'None'}</dd>
            <dt>Crime problems</dt>
            <dd>{labels('crimeProblems') || 'None'}</dd>
          </>
        )}
        <dt>E-mailed to</dt>
        <dd>{subscription.email ?? 'Not e-mailed'}</dd>
      </dl>
    </section>
  );
}

function NewForYou({
  items,
  since,
}: {
  readonly items: DigestQuery['myDigest'];
  readonly since: string;
}) {
  return (
    <section aria-labelledby="new-for-you">
      <h2 id="new-for-you">New for you</h2>
      <p className="meta">
        Published since {formatDate(since)} on what your digest covers, newest first.
      </p>
      {items.length === 0 ? (
        <p>Nothing published in the last {RECENT_DAYS} days matches your digest.</p>
      ) : (
        <ul className="plain">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              <span className="meta">
                {' '}
                {statusLabel(item.kind)}, {item.year}; published {formatDate(item.publishedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
