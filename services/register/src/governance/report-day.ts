import { DomainError } from '@ebp/eventing';

export class InvalidReportDate extends DomainError {
  readonly code = 'INVALID_REPORT_DATE';
}

/** True for a calendar day written YYYY-MM-DD (Date.parse alone rolls 2026-02-30 into March). */
const isCalendarDay = (day: string) => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
};

/** YYYY-MM-DD, or refuses: a report is as of the end of a calendar day (UTC). */
export function parseReportDate(asOf: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isCalendarDay(asOf))
    throw new InvalidReportDate(`asOf must be a date like 2026-03-31, not ${JSON.stringify(asOf)}`);
  return asOf;
}

/** The first instant after the report's day: events recorded before it are in the report. */
export const endOfReportDay = (asOf: string) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString();
