/** The chosen day and the ends of the five months before it: the dashboard's points in time. */
export function reportDays(asOf: string): string[] {
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  // Day 0 of a month is the last day of the month before; Date.UTC carries across years.
  const monthEnds = [5, 4, 3, 2, 1].map((back) =>
    new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10),
  );
  return [...monthEnds, asOf];
}
