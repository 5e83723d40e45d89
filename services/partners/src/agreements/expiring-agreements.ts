/** An agreement as the listing needs it. */
export interface AgreementSummary {
  readonly agreementId: string;
  readonly title: string;
  readonly partyIds: readonly string[];
  readonly expiresOn: string;
  readonly status: 'in_force' | 'terminated';
}

export interface ExpiringAgreement extends AgreementSummary {
  /** Negative once it has expired. */
  readonly daysLeft: number;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Agreements in force that expire within `withinDays` of today, or have already expired without
 * renewal, soonest first: the list the partnerships team works through ahead of time.
 */
export function expiringAgreements(
  agreements: readonly AgreementSummary[],
  today: string,
  withinDays: number,
): ExpiringAgreement[] {
  return agreements
    .filter((agreement) => agreement.status === 'in_force')
    .map((agreement) => ({ ...agreement, daysLeft: daysBetween(today, agreement.expiresOn) }))
    .filter((agreement) => agreement.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.agreementId.localeCompare(b.agreementId));
}
