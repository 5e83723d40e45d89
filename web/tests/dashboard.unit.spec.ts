// The dashboard's pure parts: its points in time, and its reading of the register's report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportDays } from '../src/governance/report-days';
import { GovernanceReportSchema, parseJsonField } from '../src/graphql/json-fields';

describe('the governance dashboard', () => {
  it('charts the chosen day and the ends of the five months before it, across a year end', () => {
    expect(reportDays('2026-02-14')).toEqual([
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-14',
    ]);
    expect(reportDays('2024-03-31')).toEqual([
      '2023-10-31',
      '2023-11-30',
      '2023-12-31',
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
  });

  it('reads the register’s own expected report, and refuses one of another shape', () => {
    const expected = readFileSync(
      join(
        __dirname,
        '..',
        '..',
        'services',
        'register',
        'src',
        'governance',
        'expected',
        'governance-2026-03-31.json.expected',
      ),
      'utf8',
    );
    const report = parseJsonField(GovernanceReportSchema, expected, 'governanceReport');
    expect(report.asOf).toBe('2026-03-31');
    expect(report.projects.total).toBe(7);
    expect(report.overdue.progress?.[0]?.projectId).toBe('p-patrol');
    expect(report.decisions.approved.decisions).toBe(3);
    expect(report.programme.overdueMilestones.map((line) => line.milestoneId)).toEqual([
      'library',
      'classes',
    ]);
    const renamed = expected.replace('"bySmsLevel"', '"bySms"');
    expect(() => parseJsonField(GovernanceReportSchema, renamed, 'governanceReport')).toThrow(
      "The graph's governanceReport field has an unexpected shape",
    );
  });
});
