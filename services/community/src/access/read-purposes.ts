import { type Identity, type Role } from '@ebp/platform';
import {
  READ_PURPOSES,
  STAFF_WHO_BUILD_TEAMS,
  mayEditProfile,
  type ReadPurpose,
} from './person-access';

/**
 * Which roles may state each purpose when they read a person (the purpose is recorded with every
 * personal read, so it must be one the reader could truly have):
 * - expertise-search: any member of staff, as the people finder is for everyone;
 * - team-building and research-contact: staff who build research teams (researchers, the EBP
 *   Delivery Team's reviewers, the committee, administrators), the same who see credentials;
 * - governance: the EBP Delivery Team, the committee and administrators, who oversee research;
 * - self-service only for one's own profile, profile-maintenance for one's own or an administrator;
 * - attribution: any member of staff, to name who did what on a page they may read (a project's
 *   lead, a reviewer, an author); it opens the name only.
 * Partners may state none: they read no member of staff's personal data.
 */
const CLAIMED_BY_ROLE: Readonly<Record<ReadPurpose, readonly Role[]>> = {
  self_service: [],
  expertise_search: ['viewer', ...STAFF_WHO_BUILD_TEAMS],
  team_building: STAFF_WHO_BUILD_TEAMS,
  research_contact: STAFF_WHO_BUILD_TEAMS,
  profile_maintenance: ['admin'],
  governance: ['reviewer', 'committee', 'admin'],
  attribution: ['viewer', ...STAFF_WHO_BUILD_TEAMS],
};

/** Whether the caller may state this purpose for reading the person `subjectId`. */
export function mayClaimReadPurpose(
  caller: Identity,
  purpose: ReadPurpose,
  subjectId: string,
): boolean {
  const self = caller.actor.kind === 'person' && caller.actor.id === subjectId;
  if (purpose === 'self_service') return self;
  if (purpose === 'profile_maintenance') return mayEditProfile(caller, subjectId);
  return caller.roles.some((role) => CLAIMED_BY_ROLE[purpose].includes(role));
}

/** The purposes the caller may state for reading `subjectId`, in the graph's spelling. */
export function claimableReadPurposes(caller: Identity, subjectId: string): string[] {
  return READ_PURPOSES.filter((purpose) => mayClaimReadPurpose(caller, purpose, subjectId));
}

/** Why the caller may not state this purpose, in words a client can act on. */
export function refusedPurposeMessage(
  caller: Identity,
  purpose: ReadPurpose,
  subjectId: string,
): string {
  const allowed = claimableReadPurposes(caller, subjectId);
  return (
    `Your role may not read a person's data for the purpose ${purpose}; ` +
    (allowed.length > 0 ? `state one of: ${allowed.join(', ')}` : 'it may state no purpose')
  );
}

/**
 * The purpose a writer reads a person back under, after changing them: the first of `preferred`
 * the caller may state for that person (so the read is recorded under a purpose they could truly
 * have), or none, and then no personal field is read.
 */
export function readBackPurpose(
  caller: Identity,
  subjectId: string,
  preferred: readonly ReadPurpose[],
): ReadPurpose | undefined {
  return preferred.find((purpose) => mayClaimReadPurpose(caller, purpose, subjectId));
}

/**
 * The purpose a person reached through another entity (a project's team, a forum post's author,
 * a person's projects) is read under: the one the path implies if the caller may state it, else
 * attribution (the name only) if they may state that. A partner states none; its reads stay
 * under the path's purpose, and what it sees is bounded by its reach (partner-reach.ts).
 */
export function reachedPersonPurpose(
  caller: Identity,
  intended: ReadPurpose,
  subjectId: string,
): ReadPurpose {
  if (mayClaimReadPurpose(caller, intended, subjectId)) return intended;
  return mayClaimReadPurpose(caller, 'attribution', subjectId) ? 'attribution' : intended;
}

/** The purposes under which a person's change history may be read with them. */
export const AUDIT_TRAIL_PURPOSES: readonly ReadPurpose[] = [
  'self_service',
  'profile_maintenance',
  'governance',
];
