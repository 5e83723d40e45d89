/**
 * The demo's dates, relative to the day it is loaded: its history runs over the two years before
 * that day and ends on it, so every as-of view and the dashboard's months show change whenever the
 * demo is loaded.
 */

/** A day of the demo: so many calendar months before this month, on that day of the month (1–28). */
export type DemoDay = readonly [monthsAgo: number, dayOfMonth: number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The earliest instant of the demo's history: two years before `today`. */
export function demoHistoryStart(today: Date): Date {
  const start = new Date(today.getTime());
  start.setUTCFullYear(start.getUTCFullYear() - 2);
  return start;
}

/** YYYY-MM-DD of an instant (UTC). */
export const isoDay = (instant: Date): string => instant.toISOString().slice(0, 10);

export class DemoCalendar {
  constructor(readonly today: Date) {}

  /**
   * When a demo day's steps happen: 10:00 UTC that day, or `today` itself when that is later (the
   * current month's days not yet come). Later demo days never give earlier instants.
   */
  at([monthsAgo, dayOfMonth]: DemoDay): Date {
    const instant = new Date(
      Date.UTC(this.today.getUTCFullYear(), this.today.getUTCMonth() - monthsAgo, dayOfMonth, 10),
    );
    return instant > this.today ? new Date(this.today.getTime()) : instant;
  }

  /** The day (YYYY-MM-DD) so many days after a demo day. */
  dayAfter(day: DemoDay, days = 0): string {
    return isoDay(new Date(this.at(day).getTime() + days * DAY_MS));
  }

  /** So many days from `today` (negative: before it), at the given hour UTC. */
  fromToday(days: number, hour = 10): Date {
    const instant = new Date(this.today.getTime() + days * DAY_MS);
    instant.setUTCHours(hour, 0, 0, 0);
    return instant;
  }

  /**
   * `count` instants spread evenly over the history, from its start to `daysBeforeToday` days
   * before today, earliest first.
   */
  spread(count: number, daysBeforeToday: number): Date[] {
    const first = demoHistoryStart(this.today).getTime() + DAY_MS;
    const last = this.today.getTime() - daysBeforeToday * DAY_MS;
    const step = (last - first) / Math.max(1, count - 1);
    return Array.from({ length: count }, (_, index) => new Date(first + index * step));
  }
}
