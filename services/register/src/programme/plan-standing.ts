/** Where a Research Plan stands in a year. */
export type PlanStanding = 'draft' | 'agreed' | 'superseded';

/**
 * The year of the plan in force in `year`: the latest agreed plan for that year or before; null
 * when none is agreed yet. A plan agreed for a later year is not in force before its year.
 */
export function yearInForce(
  plans: readonly { readonly year: number; readonly status: 'draft' | 'agreed' }[],
  year: number,
): number | null {
  return plans.reduce<number | null>(
    (latest, plan) =>
      plan.status === 'agreed' && plan.year <= year && (latest === null || plan.year > latest)
        ? plan.year
        : latest,
    null,
  );
}

/**
 * Each plan's standing in `year`: an agreed plan is superseded once a later year's agreed plan is
 * in force; a plan agreed for a year still to come stays agreed until then. Pure: the register's
 * views and the governance report (as of its day) read the plans by this one rule.
 */
export function standingOf<
  Plan extends { readonly year: number; readonly status: 'draft' | 'agreed' },
>(plans: readonly Plan[], year: number): (Omit<Plan, 'status'> & { status: PlanStanding })[] {
  const inForce = yearInForce(plans, year);
  return plans.map((plan) => ({
    ...plan,
    status:
      plan.status === 'agreed' && inForce !== null && plan.year < inForce
        ? 'superseded'
        : plan.status,
  }));
}
