import type { dissemination } from '@ebp/contracts';
import { ForbiddenError, hasRole, type Identity, type Role } from '@ebp/platform';
import type { SearchReader } from '../search/search-index';

/** Members of staff: the library, master classes and networks are theirs (not partners'). */
export const STAFF: readonly Role[] = ['viewer', 'researcher', 'reviewer', 'committee', 'admin'];
/** Who drafts, revises, publishes and withdraws library items, and retries failed deliveries. */
export const EDITORS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who may release an OFFICIAL-SENSITIVE item to national bodies. */
export const RELEASERS: readonly Role[] = ['committee', 'admin'];
/** Who schedules master classes, records attendance and sees who registered. */
export const ORGANISERS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who sets up a Local Learning Network. */
export const NETWORK_FOUNDERS: readonly Role[] = ['researcher', 'reviewer', 'committee', 'admin'];

const cleared = (identity: Identity) => identity.clearances.includes('OFFICIAL-SENSITIVE');

/** How search sees the caller: need-to-know counts only with OFFICIAL-SENSITIVE clearance. */
export function searchReaderOf(identity: Identity): SearchReader {
  return {
    personId: cleared(identity) ? identity.actor.id : '',
    seesAllSensitive: cleared(identity) && hasRole(identity, RELEASERS),
  };
}

/**
 * Whether the caller may read a version of an item: staff read OFFICIAL items; an
 * OFFICIAL-SENSITIVE one needs clearance and either the EBP Committee's or an administrator's
 * role, or a place on the item's need-to-know list.
 */
export function mayReadContent(
  identity: Identity,
  content: Pick<dissemination.LibraryContent, 'classification' | 'needToKnow'>,
): boolean {
  if (!hasRole(identity, STAFF)) return false;
  if (content.classification === 'OFFICIAL') return true;
  const reader = searchReaderOf(identity);
  return reader.seesAllSensitive || (content.needToKnow ?? []).includes(reader.personId);
}

/** The caller as a member of staff acting for themselves, or FORBIDDEN. */
export function staffMemberOf(identity: Identity, action: string): string {
  if (identity.actor.kind !== 'person' || !hasRole(identity, STAFF))
    throw new ForbiddenError(`Only a member of staff may ${action}`);
  return identity.actor.id;
}
