import { standingOf, yearInForce } from './plan-standing';

describe('where the Research Plans stand in a year', () => {
  const plans = [
    { year: 2025, status: 'agreed' as const },
    { year: 2026, status: 'agreed' as const },
    { year: 2027, status: 'agreed' as const },
    { year: 2028, status: 'draft' as const },
  ];

  it('puts in force the latest agreed plan whose year has come', () => {
    expect(yearInForce(plans, 2026)).toBe(2026);
    expect(yearInForce(plans, 2030)).toBe(2027);
    expect(yearInForce(plans, 2024)).toBeNull();
    expect(yearInForce([], 2026)).toBeNull();
  });

  it('supersedes an agreed plan only once a later agreed plan is in force', () => {
    // In 2026, next year's plan is agreed but not yet in force: this year's is not superseded.
    expect(standingOf(plans, 2026).map((plan) => [plan.year, plan.status])).toEqual([
      [2025, 'superseded'],
      [2026, 'agreed'],
      [2027, 'agreed'],
      [2028, 'draft'],
    ]);
    expect(standingOf(plans, 2027).map((plan) => plan.status)).toEqual([
      'superseded',
      'superseded',
      'agreed',
      'draft',
    ]);
    expect(standingOf(plans, 2024).map((plan) => plan.status)).toEqual([
      'agreed',
      'agreed',
      'agreed',
      'draft',
    ]);
  });
});
