// Dates and times as the force reads them, whatever the machine's locale and time zone: days as
// dd/mm/yyyy, times in London with GMT or BST named, across both clock changes of 2026.
import {
  formatDate,
  formatDateTime,
  londonInstant,
  londonToday,
  parseDay,
} from '../src/format/dates';

describe('dates and times in en-GB, in London', () => {
  it("runs where the machine's clock is not London's (npm test sets TZ)", () => {
    expect(new Date('2026-07-01T12:00:00Z').getHours()).toBe(8);
  });

  it('shows a calendar day as dd/mm/yyyy, never shifted by a time zone', () => {
    expect(formatDate('2026-03-29')).toBe('29/03/2026');
    expect(formatDate('2026-12-01')).toBe('01/12/2026');
    expect(formatDate(null)).toBe('—');
  });

  it('shows an instant as the day and time a London clock showed, GMT in winter and BST in summer', () => {
    // The clocks go forward at 01:00 UTC on 29 March 2026.
    expect(formatDateTime('2026-03-29T00:59:00Z')).toBe('29/03/2026, 00:59 GMT');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29/03/2026, 02:00 BST');
    // ... and back at 01:00 UTC on 25 October 2026.
    expect(formatDateTime('2026-10-25T00:59:00Z')).toBe('25/10/2026, 01:59 BST');
    expect(formatDateTime('2026-10-25T01:00:00Z')).toBe('25/10/2026, 01:00 GMT');
    // Late on a summer evening in UTC is the next day in London.
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('01/07/2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('31/12/2026');
  });

  it('reads a day typed as dd/mm/yyyy, and refuses what is not a day of the calendar', () => {
    expect(parseDay('4/1/2027')).toBe('2027-01-04');
    expect(parseDay(' 29/02/2028 ')).toBe('2028-02-29');
    expect(parseDay('29/02/2027')).toBeNull();
    expect(parseDay('2027-01-04')).toBeNull();
    expect(parseDay('01/13/2027')).toBeNull();
  });

  it('finds the instant a London clock shows, across both clock changes', () => {
    expect(londonInstant('2026-01-15', '10:00')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(londonInstant('2026-07-15', '10:00')?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
    // 01:30 on 29 March 2026 never happens in London: the clock jumps from 01:00 to 02:00.
    expect(londonInstant('2026-03-29', '01:30')).toBeNull();
    // 01:30 on 25 October 2026 happens twice: the first, in BST.
    expect(londonInstant('2026-10-25', '01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-01-15', '24:00')).toBeNull();
  });

  it("takes today as London's day, not the machine's", () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
