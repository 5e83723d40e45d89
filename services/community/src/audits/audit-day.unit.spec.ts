import { londonDay } from './audit-day';

describe('londonDay', () => {
  it('is the UTC day in winter, when London keeps GMT', () => {
    expect(londonDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(londonDay(new Date('2026-01-16T00:10:00Z'))).toBe('2026-01-16');
  });

  it('turns at London’s midnight in summer, an hour before UTC’s', () => {
    expect(londonDay(new Date('2026-06-30T22:59:00Z'))).toBe('2026-06-30');
    expect(londonDay(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });

  it('follows the clocks across a change', () => {
    // The clocks go forward at 01:00 UTC on 29 March 2026.
    expect(londonDay(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDay(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });
});
