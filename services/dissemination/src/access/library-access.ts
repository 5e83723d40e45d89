import { isCleared, readerKey, readerKeysOf } from '@ebp/access';
import type { dissemination } from '@ebp/contracts';
import { ForbiddenError, hasRole, requireRole, type Identity, type Role } from '@ebp/platform';
import type { SearchReader } from '../search/search-index';

/**
 * Members of staff: the library, master classes and networks are theirs (not partners', who see
 * and book only the master classes open to them: `partnerOrganisationOf`).
 */
export const STAFF: readonly Role[] = ['viewer', 'researcher', 'reviewer', 'committee', 'admin'];
/** Who drafts, revises, publishes and withdraws library items, and retries failed deliveries. */
export const EDITORS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who may release an OFFICIAL-SENSITIVE item to national bodies. */
export const RELEASERS: readonly Role[] = ['committee', 'admin'];
/** Who schedules master classes, records attendance and sees who registered. */
export const ORGANISERS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who moderates the 'What Works' forum: hides and restores posts, and sees reports. */
export const MODERATORS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who sets up a Local Learning Network. */
export const NETWORK_FOUNDERS: readonly Role[] = ['researcher', 'reviewer', 'committee', 'admin'];

/**
 * The reader the Atom feed serves: it needs no token, so it carries only what any member of staff
 * without OFFICIAL-SENSITIVE clearance may read.
 */
export const ANY_MEMBER_OF_STAFF: Identity = {
  actor: { kind: 'person', id: 'any-member-of-staff' },
  name: 'Any member of staff',
  roles: ['viewer'],
  clearances: ['OFFICIAL'],
};

const cleared = isCleared;
/** A member of staff by the shared rule: a person with a staff role, never a partner identity. */
const isStaff = (identity: Identity) => readerKeysOf(identity).includes(readerKey.everyone);

/**
 * Whether the library drafted the item from the events of a project: a completed project's report,
 * or a partner's outcome of a project. Such an item is the project's own data: it is never shown
 * to anyone who may not see its project, and the project's audience is its need-to-know.
 */
export function isProjectSourced(source: dissemination.ItemSource): boolean {
  return source.kind === 'project' || source.kind === 'partner_outcome';
}

/** The register projects a version of an item names: its `projectIds` and the project it came from. */
export function namedProjects(
  source: dissemination.ItemSource,
  content: Pick<dissemination.LibraryContent, 'projectIds'>,
): string[] {
  return [
    ...new Set([...(source.kind === 'project' ? [source.projectId] : []), ...content.projectIds]),
  ];
}

/**
 * Whether the caller may read a version of an item, given the projects (of those it names) that
 * the caller may see by the register's rule (`@ebp/access`, over the project audiences):
 * - only members of staff read the library;
 * - an OFFICIAL item drafted from a project's events is left out unless the caller may see every
 *   project it names; an OFFICIAL item an editor wrote is releasable on its own and is shown, with
 *   the project references the caller may not see left out (see `redactedFor`);
 * - an OFFICIAL-SENSITIVE item needs clearance and every project it names visible, and then:
 *   drafted from a project's events, the projects' audience is its need-to-know; written by an
 *   editor, the EBP Committee's or an administrator's role, or a place on the item's own list.
 */
export function mayReadVersion(
  identity: Identity,
  source: dissemination.ItemSource,
  content: Pick<dissemination.LibraryContent, 'classification' | 'needToKnow' | 'projectIds'>,
  visibleProjects: ReadonlySet<string>,
): boolean {
  if (!isStaff(identity)) return false;
  const named = namedProjects(source, content);
  const everyProjectVisible = named.every((projectId) => visibleProjects.has(projectId));
  const fromProject = isProjectSourced(source);
  if (content.classification === 'OFFICIAL') return everyProjectVisible || !fromProject;
  if (!cleared(identity) || !everyProjectVisible) return false;
  if (fromProject && named.length > 0) return true;
  return hasRole(identity, RELEASERS) || (content.needToKnow ?? []).includes(identity.actor.id);
}

/**
 * How search sees the caller: the same rule as `mayReadVersion`, in SQL. Need-to-know counts only
 * with OFFICIAL-SENSITIVE clearance; `hiddenProjects` are the indexed items' projects the caller
 * may not see.
 */
export function searchReaderOf(
  identity: Identity,
  hiddenProjects: readonly string[] = [],
): SearchReader {
  const clearedStaff = isStaff(identity) && cleared(identity);
  return {
    cleared: clearedStaff,
    personId: clearedStaff ? identity.actor.id : '',
    seesAllSensitive: clearedStaff && hasRole(identity, RELEASERS),
    hiddenProjects,
  };
}

/** The caller as a member of staff acting for themselves, or FORBIDDEN. */
export function staffMemberOf(identity: Identity, action: string): string {
  if (identity.actor.kind !== 'person' || !hasRole(identity, STAFF))
    throw new ForbiddenError(`Only a member of staff may ${action}`);
  return identity.actor.id;
}

/**
 * Refuses anyone but a member of staff (a person) holding one of the roles: a partner identity is
 * never an organiser, whatever roles its token claims.
 */
export function requireStaffRole(identity: Identity, roles: readonly Role[], action: string): void {
  if (identity.actor.kind !== 'person')
    throw new ForbiddenError(`Only a member of staff may ${action}`);
  requireRole(identity, roles, action);
}

/**
 * The partner organisation a partner identity acts for: its actor id is the organisation's id
 * (the partners service's entity, decision 0039). Undefined for anyone else.
 */
export function partnerOrganisationOf(identity: Identity): string | undefined {
  // By the kind of actor alone, as the shared access predicate decides: a partner identity is
  // never taken for staff, whatever roles its token claims.
  return identity.actor.kind === 'partner' ? identity.actor.id : undefined;
}
