import { STAFF_ROLES } from '@ebp/access';
import { ForbiddenError, requireRole, type Identity, type Role } from '@ebp/platform';
import type { PersonalField } from '../access/person-access';
import type { PersonEntry } from '../people/projections/person-directory.projection';

/**
 * How far a caller who is not on the force's staff (a partner organisation's identity, or any
 * other non-person caller) sees the talent pool (DESIGN.md §7): only as far as its collaborations
 * need. It learns of a person only when the person is on the team of a research project it may
 * see, and then only the person's name and their part in the projects it may see; no unit, rank,
 * skills, topics, championships or training.
 */

/** A member of staff: a person holding a staff role (a partner's identity never is). */
export const isStaff = (identity: Identity): boolean =>
  identity.actor.kind === 'person' && identity.roles.some((role) => STAFF_ROLES.includes(role));

/** The caller reads their own profile (self-service). */
export const isSelf = (identity: Identity, personId: string): boolean =>
  identity.actor.kind === 'person' && identity.actor.id === personId;

/** Whether the caller sees the talent pool as staff do (else only as far as their reach). */
export const seesAsStaff = (identity: Identity, personId: string): boolean =>
  isStaff(identity) || isSelf(identity, personId);

/** FORBIDDEN unless a member of staff holding one of these roles does it. */
export function requireStaff(identity: Identity, roles: readonly Role[], action: string): void {
  requireRole(identity, roles, action);
  if (!isStaff(identity)) throw new ForbiddenError(`Only members of staff may ${action}`);
}

/** The personal fields a caller outside the staff sees of a person within its reach. */
export const REACHED_PERSON_FIELDS: readonly PersonalField[] = ['name'];

/** A person as a caller outside the staff may see them: nothing about their work on the force. */
export function withoutStaffDetails(entry: PersonEntry): PersonEntry {
  return {
    ...entry,
    rankOrGrade: null,
    unit: null,
    skills: [],
    topics: [],
    availability: null,
    consent: null,
    championships: [],
    training: [],
  };
}
