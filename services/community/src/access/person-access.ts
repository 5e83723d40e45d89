import type { community } from '@ebp/contracts';
import type { Identity, Role } from '@ebp/platform';

export type PersonalField = (typeof community.PERSONAL_FIELDS)[number];
/** What the read log names: a profile's personal fields, and the award citations about a person. */
export type RecordedField = PersonalField | 'award-citation';

/** Why a personal field is read; recorded with every read. Codes only, never free text about the person. */
export const READ_PURPOSES = [
  'self_service',
  'expertise_search',
  'team_building',
  'research_contact',
  'profile_maintenance',
  'governance',
  'attribution',
] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

/** Staff who build research teams: they see credentials (and contact details with consent). */
export const STAFF_WHO_BUILD_TEAMS: readonly Role[] = [
  'researcher',
  'reviewer',
  'committee',
  'admin',
];

/**
 * Which personal fields of a person a caller may see (DESIGN.md §7; issue 5): everything of their
 * own profile; a name for any member of staff; credentials and ORCID for those who build research
 * teams; contact details only for them and only when the person agreed to be contacted, or for
 * administrators. Partners see none.
 */
export function visiblePersonalFields(
  caller: Identity,
  subject: {
    readonly personId: string;
    readonly consent: community.PersonProfile['consent'] | null;
  },
): PersonalField[] {
  if (caller.actor.kind === 'person' && caller.actor.id === subject.personId)
    return ['name', 'contact', 'credentials', 'orcid'];
  const has = (roles: readonly Role[]) => caller.roles.some((role) => roles.includes(role));
  if (has(['admin'])) return ['name', 'contact', 'credentials', 'orcid'];
  if (!has(['viewer', ...STAFF_WHO_BUILD_TEAMS])) return [];
  const fields: PersonalField[] = ['name'];
  if (has(STAFF_WHO_BUILD_TEAMS)) {
    fields.push('credentials', 'orcid');
    if (subject.consent?.contactableByResearchers) fields.push('contact');
  }
  return fields;
}

/**
 * The fields a purpose needs of those the caller may see: naming who did something on a page
 * (attribution) needs the name and nothing more, so nothing more is opened or recorded.
 */
export function fieldsForPurpose(
  purpose: ReadPurpose,
  visible: readonly PersonalField[],
): PersonalField[] {
  return purpose === 'attribution' ? visible.filter((field) => field === 'name') : [...visible];
}

/** Who may change a profile: the person themselves, or an administrator. */
export function mayEditProfile(caller: Identity, personId: string): boolean {
  return (
    (caller.actor.kind === 'person' && caller.actor.id === personId) ||
    caller.roles.includes('admin')
  );
}

/** Who may see the log of reads of a person's data: the person, and administrators (data protection). */
export function mayReadPersonalReadLog(caller: Identity, personId: string): boolean {
  return mayEditProfile(caller, personId);
}
