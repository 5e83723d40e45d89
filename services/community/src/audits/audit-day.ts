/**
 * The day (YYYY-MM-DD) an audit counts in: London's calendar day, so an audit opening on a day
 * takes answers from London's midnight, not from UTC's (an hour later in summer).
 */
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function londonDay(at: Date): string {
  const parts = Object.fromEntries(
    LONDON_DAY.formatToParts(at).map((part) => [part.type, part.value]),
  ) as Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
