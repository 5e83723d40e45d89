import type { Session } from '../../auth/session';

/**
 * A fresh id for a record the page creates (an audit, a round, a nomination, a network): the
 * graph takes the id from its caller so that a retried request creates the record once.
 * `crypto.randomUUID` exists only on secure pages (HTTPS or localhost), so an intranet page over
 * plain HTTP falls back to random digits.
 */
export function newRecordId(kind: string): string {
  const random =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
          byte.toString(16).padStart(2, '0'),
        ).join('');
  return `${kind}-${random}`;
}

/** The signed-in person's id in the talent pool, as the demo issuer names them. */
export const personIdOf = (session: Session | null): string | null =>
  session ? `person-${session.user}` : null;

/** Whole pounds as people read them: £12,500. */
export const formatPounds = (pounds: number): string =>
  `£${pounds.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

/**
 * Whole pounds typed in a box ("£12,500", "12500"), as a number; the text as typed when it is
 * not a whole number of pounds, so the graph's message about it is shown beside the field.
 */
export function poundsFrom(text: string): number | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}
