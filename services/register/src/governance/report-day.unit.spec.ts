import { InvalidReportDate, endOfReportDay, parseReportDate } from './report-day';

describe('a governance report day', () => {
  it('is a calendar day written YYYY-MM-DD, ending at midnight UTC', () => {
    expect(parseReportDate('2024-02-29')).toBe('2024-02-29');
    expect(endOfReportDay('2026-03-31')).toBe('2026-04-01T00:00:00.000Z');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '31/03/2026', '2026-3-1', ''])(
    'refuses %j',
    (day) => {
      expect(() => parseReportDate(day)).toThrow(InvalidReportDate);
    },
  );
});
