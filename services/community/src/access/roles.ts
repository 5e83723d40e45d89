import { ForbiddenError, type Identity } from '@ebp/platform';

/** The caller as a person of the talent pool, or FORBIDDEN for a service or partner. */
export function personIdOf(identity: Identity, action: string): string {
  if (identity.actor.kind !== 'person')
    throw new ForbiddenError(`Only a member of staff may ${action}`);
  return identity.actor.id;
}
