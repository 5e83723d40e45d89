import { useMutation, useQuery } from 'urql';
import {
  CancelMasterClassRegistrationDocument,
  MasterClassesPartnerOrganisationDocument,
  RegisterForMasterClassDocument,
  type MasterClassPlace,
  type MasterClassesQuery,
} from '../../graphql/generated';
import { ErrorMessage } from '../../components/Status';
import { MasterClassDetails, masterClassHeadingId } from './MasterClassDetails';

type MasterClass = MasterClassesQuery['upcomingMasterClasses'][number];

/** The organisation's place, in words: it is the organisation's, never a named person's. */
const PLACE: Record<MasterClassPlace, (organisation: string) => string> = {
  registered: (organisation) => `${organisation} has a place.`,
  waiting: (organisation) => `${organisation} is on the waiting list.`,
  attended: (organisation) => `${organisation} attended.`,
  none: () => '',
};

/**
 * A partner's view: the master classes open to partners (the server lists no other), each with
 * its organisation's place and the means to book it or give it up. There is one place per
 * organisation; whoever comes on the day, the booking is the organisation's.
 */
export function PartnerMasterClasses({
  masterClasses,
  changed,
}: {
  readonly masterClasses: readonly MasterClass[];
  readonly changed: () => void;
}) {
  const [{ data }] = useQuery({ query: MasterClassesPartnerOrganisationDocument });
  // A partner sees only its own organisation; should that lookup fail, the page still works.
  const organisation = data?.organisations[0]?.name;
  return (
    <>
      <p>
        Master classes and briefings of the Met’s evidence-based policing programme that are open to
        partners and academics. A place is booked for{' '}
        {organisation ? <strong>{organisation}</strong> : 'your organisation'}, not for a named
        person: one place per organisation.
      </p>
      {masterClasses.length === 0 && <p>No master class open to partners is scheduled.</p>}
      <div className="cards">
        {masterClasses.map((masterClass) => (
          <PartnerMasterClassCard
            key={masterClass.id}
            masterClass={masterClass}
            organisation={organisation ?? 'Your organisation'}
            changed={changed}
          />
        ))}
      </div>
    </>
  );
}

function PartnerMasterClassCard({
  masterClass,
  organisation,
  changed,
}: {
  readonly masterClass: MasterClass;
  readonly organisation: string;
  readonly changed: () => void;
}) {
  const [booking, book] = useMutation(RegisterForMasterClassDocument);
  const [cancellation, cancel] = useMutation(CancelMasterClassRegistrationDocument);
  const left = masterClass.capacity - masterClass.placesTaken;
  const busy = booking.fetching || cancellation.fetching;
  const held = masterClass.myStatus === 'registered' || masterClass.myStatus === 'waiting';
  return (
    <section aria-labelledby={masterClassHeadingId(masterClass)} className="card">
      <MasterClassDetails masterClass={masterClass} />
      {booking.error && <ErrorMessage error={booking.error} />}
      {cancellation.error && <ErrorMessage error={cancellation.error} />}
      <p role="status">{PLACE[masterClass.myStatus](organisation)}</p>
      {masterClass.myStatus === 'none' && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void book({ id: masterClass.id }).then((done) => done.data && changed())}
        >
          {left > 0
            ? `Book a place for ${organisation}`
            : `Join the waiting list for ${organisation}`}
          <span className="visually-hidden"> on {masterClass.title}</span>
        </button>
      )}
      {held && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void cancel({ id: masterClass.id }).then((done) => done.data && changed())}
        >
          Give up your organisation’s place
          <span className="visually-hidden"> on {masterClass.title}</span>
        </button>
      )}
    </section>
  );
}
