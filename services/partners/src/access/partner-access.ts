import type { Identity, Role } from '@ebp/platform';

/** Who keeps the research network: register organisations and academics, link them to projects. */
export const NETWORK_KEEPERS: readonly Role[] = ['researcher', 'committee', 'admin'];
/** Who signs and ends agreements on the force's behalf. */
export const AGREEMENT_OWNERS: readonly Role[] = ['committee', 'admin'];
/** Who moderates partners' outcomes before they are published. */
export const MODERATORS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who inspects quarantined input, resubmits or discards it, and issues partners' secrets. */
export const FEED_ADMINS: readonly Role[] = ['admin'];

/** The organisation a partner caller acts for; undefined for members of staff. */
export const partnerOrganisationOf = (identity: Identity): string | undefined =>
  identity.actor.kind === 'partner' ? identity.actor.id : undefined;

/**
 * What a caller may see of the network: staff see all of it; a partner sees only what concerns
 * its own organisation (its record, its collaborations, its submissions).
 */
export function mayReadOrganisation(identity: Identity, organisationId: string): boolean {
  const own = partnerOrganisationOf(identity);
  return own === undefined ? identity.roles.length > 0 : own === organisationId;
}
