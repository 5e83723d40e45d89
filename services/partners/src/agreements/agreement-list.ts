import type { FieldCondition, Filter } from '@ebp/eventing';
import type { AgreementEntry } from '../projections/partners-read-models';

/**
 * Where an agreement stands on a day. Termination is recorded; expiry is not (nothing happens on
 * the day), so an agreement not terminated is in force up to and including its expiry date and
 * expired after it, until it is renewed.
 */
export type AgreementStanding = 'in_force' | 'expired' | 'terminated';

export function agreementStandingOn(
  agreement: Pick<AgreementEntry, 'status' | 'expiresOn'>,
  today: string,
): AgreementStanding {
  if (agreement.status === 'terminated') return 'terminated';
  return agreement.expiresOn < today ? 'expired' : 'in_force';
}

/** Which agreements to list; every condition given must hold. */
export interface AgreementFilter {
  /** Agreements this organisation is party to. */
  readonly organisationId?: string;
  readonly status?: AgreementStanding;
  readonly kind?: AgreementEntry['kind'];
  /** Agreements whose expiry date is before this day, whatever their standing. */
  readonly expiringBefore?: string;
}

/** The filter in the read model's terms: the standing on `today` as conditions on the stored fields. */
export function agreementConditions(filter: AgreementFilter, today: string): Filter {
  const expiresOn: { $gte?: string; $lt?: string } = {};
  const before = (day: string) => {
    expiresOn.$lt = expiresOn.$lt === undefined || day < expiresOn.$lt ? day : expiresOn.$lt;
  };
  let status: AgreementEntry['status'] | undefined;
  switch (filter.status) {
    case 'in_force':
      status = 'in_force';
      expiresOn.$gte = today;
      break;
    case 'expired':
      status = 'in_force';
      before(today);
      break;
    case 'terminated':
      status = 'terminated';
      break;
  }
  if (filter.expiringBefore !== undefined) before(filter.expiringBefore);
  const conditions: Record<string, FieldCondition> = {};
  if (filter.organisationId !== undefined)
    conditions.partyIds = { $contains: filter.organisationId };
  if (filter.kind !== undefined) conditions.kind = filter.kind;
  if (status !== undefined) conditions.status = status;
  if (Object.keys(expiresOn).length > 0) conditions.expiresOn = expiresOn;
  return conditions;
}
