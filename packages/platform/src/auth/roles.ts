import { ForbiddenError, type Identity, type Role } from './identity';

export const hasRole = (identity: Identity, roles: readonly Role[]): boolean =>
  identity.roles.some((role) => roles.includes(role));

/** Refuses the action with FORBIDDEN unless the caller holds one of the roles. */
export function requireRole(identity: Identity, roles: readonly Role[], action: string): void {
  if (!hasRole(identity, roles))
    throw new ForbiddenError(`Only ${roles.join(' or ')} may ${action}`);
}
