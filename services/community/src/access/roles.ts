import { ForbiddenError, type Identity, type Role } from '@ebp/platform';

export const hasRole = (identity: Identity, roles: readonly Role[]): boolean =>
  identity.roles.some((role) => roles.includes(role));

/** Refuses the action with FORBIDDEN unless the caller holds one of the roles. */
export function requireRole(identity: Identity, roles: readonly Role[], action: string): void {
  if (!hasRole(identity, roles))
    throw new ForbiddenError(`Only ${roles.join(' or ')} may ${action}`);
}

/** The caller as a person of the talent pool, or FORBIDDEN for a service or partner. */
export function personIdOf(identity: Identity, action: string): string {
  if (identity.actor.kind !== 'person')
    throw new ForbiddenError(`Only a member of staff may ${action}`);
  return identity.actor.id;
}
