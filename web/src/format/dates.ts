/**
 * Dates and times as the force reads them (issue 21): days as dd/mm/yyyy, times in London
 * (GMT or BST, named), whatever the browser's locale or time zone.
 */

export const LONDON = 'Europe/London';
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DAY = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const TYPED_TIME = /^\s*(\d{1,2}):(\d{2})\s*$/;

/** The parts of an instant as a London clock shows it. */
function londonParts(instant: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((each) => each.type === type)?.value ?? '';
  return {
    day: part('day'),
    month: part('month'),
    year: part('year'),
    hour: part('hour'),
    minute: part('minute'),
    // en-GB names London's zones GMT and BST; anything else (an old ICU) by its offset.
    zone: part('timeZoneName'),
  };
}

/** Whether a value is a calendar day as the graph spells it (YYYY-MM-DD). */
export const isCalendarDay = (value: string): boolean =>
  CALENDAR_DAY.test(value) && parseDay(formatDate(value)) === value;

/** A calendar day (YYYY-MM-DD) as dd/mm/yyyy; an instant as the day it was in London. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = CALENDAR_DAY.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const { day: dd, month, year } = londonParts(instant);
  return `${dd}/${month}/${year}`;
}

/** An instant as a London clock showed it: dd/mm/yyyy, HH:MM and GMT or BST. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const { day, month, year, hour, minute, zone } = londonParts(instant);
  return `${day}/${month}/${year}, ${hour}:${minute} ${zone}`;
}

/** A day typed as dd/mm/yyyy, as YYYY-MM-DD; null when it is not a day of the calendar. */
export function parseDay(text: string): string | null {
  const typed = TYPED_DAY.exec(text);
  if (!typed) return null;
  const [day, month, year] = [Number(typed[1]), Number(typed[2]), Number(typed[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/** Today in London, as YYYY-MM-DD (the day a form's "today" means, wherever the browser is). */
export function londonToday(now: Date = new Date()): string {
  const { day, month, year } = londonParts(now);
  return `${year}-${month}-${day}`;
}

/**
 * The instant a London clock shows as the day (YYYY-MM-DD) and time (HH:MM); null for a time
 * that is not a time of day, or one the clock skips when it goes forward.
 */
export function londonInstant(day: string, time: string): Date | null {
  const date = CALENDAR_DAY.exec(day);
  const clock = TYPED_TIME.exec(time);
  if (!date || !clock) return null;
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  if (hour > 23 || minute > 59) return null;
  const asIfUtc = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), hour, minute);
  // London is UTC or an hour ahead: try both, keep the one its clock shows as asked (the
  // earlier of two when the clock goes back and shows the time twice).
  for (const offsetHours of [1, 0]) {
    const instant = new Date(asIfUtc - offsetHours * 3_600_000);
    const shown = londonParts(instant);
    if (
      `${shown.year}-${shown.month}-${shown.day}` === day &&
      Number(shown.hour) === hour &&
      Number(shown.minute) === minute
    )
      return instant;
  }
  return null;
}
