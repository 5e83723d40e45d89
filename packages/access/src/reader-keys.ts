import type { Actor, Classification } from '@ebp/contracts';

/**
 * The one access predicate of the platform (DESIGN.md §5, §7; decision 0019). An owner describes
 * who may see an entity as reader keys; a caller reads with the keys its identity earns; a caller
 * sees the entity when the two meet. Every service applies this same function, to its own data
 * and to its references to other services' entities.
 */

/** A verified caller, as far as access is concerned (the platform's `Identity` fits it). */
export interface Reader {
  readonly actor: Actor;
  readonly roles: readonly string[];
  readonly clearances: readonly Classification[];
}

/** The members of staff: every role but a partner's. */
export const STAFF_ROLES: readonly string[] = [
  'viewer',
  'researcher',
  'reviewer',
  'committee',
  'admin',
];

/** Reader keys, spelt once. */
export const readerKey = {
  /** Every member of staff (OFFICIAL data). */
  everyone: 'everyone',
  /** A member of staff with OFFICIAL-SENSITIVE clearance, by person id. */
  person: (personId: string) => `person:${personId}`,
  /** Members of staff with OFFICIAL-SENSITIVE clearance who hold this role. */
  role: (role: string) => `role:${role}`,
  /** The identities of one partner organisation. */
  partner: (organisationId: string) => `partner:${organisationId}`,
  /** The identities of one partner organisation that hold OFFICIAL-SENSITIVE clearance. */
  clearedPartner: (organisationId: string) => `cleared-partner:${organisationId}`,
} as const;

export const isCleared = (reader: Reader): boolean =>
  reader.clearances.includes('OFFICIAL_SENSITIVE');

const isStaff = (reader: Reader): boolean =>
  reader.roles.some((role) => STAFF_ROLES.includes(role));

/**
 * The keys a caller reads with. A person's need-to-know keys count only with OFFICIAL-SENSITIVE
 * clearance. A partner identity earns only its organisation's keys, never a person's or a role's,
 * whatever its id happens to equal.
 */
export function readerKeysOf(reader: Reader): string[] {
  const { kind, id } = reader.actor;
  if (kind === 'partner') {
    return isCleared(reader)
      ? [readerKey.partner(id), readerKey.clearedPartner(id)]
      : [readerKey.partner(id)];
  }
  if (kind !== 'person' || !isStaff(reader)) return [];
  const keys: string[] = [readerKey.everyone];
  if (isCleared(reader)) {
    keys.push(
      readerKey.person(id),
      ...reader.roles.filter((role) => STAFF_ROLES.includes(role)).map(readerKey.role),
    );
  }
  return keys;
}

/** The predicate: may this caller see an entity with these readers? */
export function canRead(reader: Reader, readers: readonly string[]): boolean {
  const keys = readerKeysOf(reader);
  return readers.some((key) => keys.includes(key));
}

/** The document-store condition that keeps a list to what the caller may read. */
export function readableBy(reader: Reader): { readers: { $containsAny: string[] } } {
  return { readers: { $containsAny: readerKeysOf(reader) } };
}
