import { useQuery } from 'urql';
import {
  ModerationOrganisationNamesDocument,
  ModerationQueueDocument,
  QuarantineDocument,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';
import { OutcomeQueue } from './moderation/OutcomeQueue';
import { QuarantineList } from './moderation/QuarantineList';

/** Who moderates partners' outcomes (the partners service decides). */
export const MODERATORS = ['reviewer', 'committee', 'admin'] as const;
/** Who works the quarantine of feed input that was not accepted (the partners service decides). */
export const FEED_ADMINS = ['admin'] as const;

/**
 * Moderation of partners' outcomes: the queue of submissions awaiting a moderator's decision and,
 * for administrators, the quarantine of feed input that was not accepted.
 */
export function ModerationPage() {
  const { session } = useSession();
  const feedAdmin = hasRole(session, ...FEED_ADMINS);
  const [queue, refetchQueue] = useQuery({ query: ModerationQueueDocument });
  const [quarantine, refetchQuarantine] = useQuery({
    query: QuarantineDocument,
    pause: !feedAdmin,
  });
  const [organisations] = useQuery({ query: ModerationOrganisationNamesDocument });
  const names = new Map(
    (organisations.data?.organisations ?? []).map((organisation) => [
      organisation.id,
      organisation.name,
    ]),
  );
  const organisationName = (id: string) => names.get(id) ?? id;
  // A resubmission leaves the quarantine and joins the queue: both are read again after any act.
  const changed = () => {
    refetchQueue({ requestPolicy: 'network-only' });
    if (feedAdmin) refetchQuarantine({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>Moderation</h1>
      <p>
        Outcomes that partners send through their feeds are published to the project and the library
        only once a moderator accepts them. Only outcomes on projects you may see are listed.
      </p>
      <section aria-labelledby="moderation-queue">
        <h2 id="moderation-queue">Awaiting moderation</h2>
        <p className="meta">Oldest first.</p>
        {queue.fetching && !queue.data && <Loading what="the moderation queue" />}
        {queue.error && <ErrorMessage error={queue.error} />}
        {queue.data && (
          <OutcomeQueue
            outcomes={queue.data.moderationQueue}
            organisationName={organisationName}
            changed={changed}
          />
        )}
      </section>
      {feedAdmin && (
        <section aria-labelledby="quarantine">
          <h2 id="quarantine">Quarantine</h2>
          <p className="meta">
            Feed input that was not accepted, oldest first, with why. A corrected outcome is
            resubmitted as a new submission and then waits in the queue above.
          </p>
          {quarantine.fetching && !quarantine.data && <Loading what="the quarantine" />}
          {quarantine.error && <ErrorMessage error={quarantine.error} />}
          {quarantine.data && (
            <QuarantineList
              items={quarantine.data.quarantine}
              organisationName={organisationName}
              changed={changed}
            />
          )}
        </section>
      )}
    </>
  );
}
