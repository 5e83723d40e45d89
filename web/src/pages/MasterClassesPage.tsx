import { useMutation, useQuery } from 'urql';
import {
  CancelMasterClassRegistrationDocument,
  MasterClassesDocument,
  RegisterForMasterClassDocument,
  type MasterClassesQuery,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';
import { MasterClassDetails, masterClassHeadingId } from './master-classes/MasterClassDetails';
import { ORGANISERS, isPartner } from './master-classes/audience';
import { PartnerMasterClasses } from './master-classes/PartnerMasterClasses';
import { ScheduleMasterClass } from './master-classes/ScheduleMasterClass';

type MasterClass = MasterClassesQuery['upcomingMasterClasses'][number];

const PLACE: Record<string, string> = {
  registered: 'You have a place.',
  waiting: 'You are on the waiting list.',
  attended: 'You attended.',
};

/**
 * Upcoming master classes and courses. Staff take a place or give it up, and organisers schedule
 * them; a partner identity sees those open to partners and books them for its organisation.
 */
export function MasterClassesPage() {
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MasterClassesDocument });
  // Places and the caller's own place both move after a change: read them again.
  const changed = () => refetch({ requestPolicy: 'network-only' });
  const partner = isPartner(session);
  return (
    <>
      <h1>Master classes and courses</h1>
      {fetching && !data && <Loading what="master classes" />}
      {error && <ErrorMessage error={error} />}
      {data && partner && (
        <PartnerMasterClasses masterClasses={data.upcomingMasterClasses} changed={changed} />
      )}
      {data && !partner && data.upcomingMasterClasses.length === 0 && <p>None scheduled.</p>}
      {data && !partner && (
        <div className="cards">
          {data.upcomingMasterClasses.map((masterClass) => (
            <MasterClassCard key={masterClass.id} masterClass={masterClass} changed={changed} />
          ))}
        </div>
      )}
      {hasRole(session, ...ORGANISERS) && <ScheduleMasterClass scheduled={changed} />}
    </>
  );
}

function MasterClassCard({
  masterClass,
  changed,
}: {
  readonly masterClass: MasterClass;
  readonly changed: () => void;
}) {
  const [registration, register] = useMutation(RegisterForMasterClassDocument);
  const [cancellation, cancel] = useMutation(CancelMasterClassRegistrationDocument);
  const left = masterClass.capacity - masterClass.placesTaken;
  const busy = registration.fetching || cancellation.fetching;
  return (
    <section aria-labelledby={masterClassHeadingId(masterClass)} className="card">
      <MasterClassDetails masterClass={masterClass} showAudience />
      {registration.error && <ErrorMessage error={registration.error} />}
      {cancellation.error && <ErrorMessage error={cancellation.error} />}
      <p role="status">{PLACE[masterClass.myStatus] ?? ''}</p>
      {masterClass.myStatus === 'none' && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void register({ id: masterClass.id }).then((done) => done.data && changed())
          }
        >
          {left > 0 ? 'Book a place' : 'Join the waiting list'}
          <span className="visually-hidden"> on {masterClass.title}</span>
        </button>
      )}
      {(masterClass.myStatus === 'registered' || masterClass.myStatus === 'waiting') && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void cancel({ id: masterClass.id }).then((done) => done.data && changed())}
        >
          Give up my place<span className="visually-hidden"> on {masterClass.title}</span>
        </button>
      )}
    </section>
  );
}
