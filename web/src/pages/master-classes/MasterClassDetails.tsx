import { formatDateTime, statusLabel } from '../../components/labels';

/** What every card of a master class shows, to staff and partners alike. */
export interface MasterClassSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly location: string;
  readonly description: string;
  readonly presenter: string;
  readonly capacity: number;
  readonly placesTaken: number;
  readonly waitingCount: number;
  readonly openToPartners?: boolean;
}

/** The id of a master class card's heading, which labels the card. */
export const masterClassHeadingId = (masterClass: { readonly id: string }) =>
  `mc-${masterClass.id}`;

/**
 * A master class's heading, when and where, what it is, who presents it and the places left.
 * `showAudience` adds whether partners may book (staff see it; a partner sees only those open to it).
 */
export function MasterClassDetails({
  masterClass,
  showAudience = false,
}: {
  readonly masterClass: MasterClassSummary;
  readonly showAudience?: boolean;
}) {
  const left = masterClass.capacity - masterClass.placesTaken;
  return (
    <>
      <h2 id={masterClassHeadingId(masterClass)}>{masterClass.title}</h2>
      <p className="meta">
        {statusLabel(masterClass.kind)} · {formatDateTime(masterClass.startsAt)} ·{' '}
        {masterClass.durationMinutes} minutes · {masterClass.location}
      </p>
      <p>{masterClass.description}</p>
      <p className="meta">Presented by {masterClass.presenter}</p>
      {showAudience && (
        <p className="meta">
          {masterClass.openToPartners ? 'Open to partners and academics' : 'Met staff only'}
        </p>
      )}
      <p>
        {left > 0 ? `${left} of ${masterClass.capacity} places left` : 'Fully booked'}
        {masterClass.waitingCount > 0 ? `; ${masterClass.waitingCount} waiting` : ''}
      </p>
    </>
  );
}
