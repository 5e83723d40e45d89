import { ForbiddenError, type Identity, type Role } from '@ebp/platform';
import type { ProjectCommand } from '../projects/project.decider';
import type { ProjectStatus } from '../projects/project';

/**
 * Who may read and do what in the register (DESIGN.md §7). Pure: the resolvers enforce it on every
 * path (root fields, nested fields and `__resolveReference`), the read model stores each project's
 * readers so that lists filter in the store and page correctly.
 */

/** Everyone on the force's staff may read OFFICIAL projects; partners see only their collaborations. */
export const EVERYONE = 'everyone';
const STAFF: readonly Role[] = ['viewer', 'researcher', 'reviewer', 'committee', 'admin'];
const AWAITING_REVIEW: readonly ProjectStatus[] = ['submitted', 'under-review'];

const person = (id: string) => `person:${id}`;
const role = (name: Role) => `role:${name}`;

export interface ProjectAudience {
  readonly classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  readonly status: ProjectStatus;
  readonly leadId: string;
  readonly proposedBy: string;
  readonly needToKnow: readonly string[];
  readonly reviewerIds: readonly string[];
}

/**
 * The reader keys of a project. An OFFICIAL-SENSITIVE project is known to its lead, its proposer,
 * the people named as needing to know, its reviewers, the reviewers while it awaits review, and
 * the EBP Committee and administrators who govern it; nobody else.
 */
export function readersOf(project: ProjectAudience): string[] {
  if (project.classification === 'OFFICIAL') return [EVERYONE];
  const readers = new Set<string>([
    person(project.leadId),
    person(project.proposedBy),
    ...project.needToKnow.map(person),
    ...project.reviewerIds.map(person),
    role('committee'),
    role('admin'),
  ]);
  if (AWAITING_REVIEW.includes(project.status)) readers.add(role('reviewer'));
  return [...readers].sort();
}

const cleared = (identity: Identity) => identity.clearances.includes('OFFICIAL-SENSITIVE');

/** The keys a caller reads with; a need-to-know key counts only with OFFICIAL-SENSITIVE clearance. */
export function readerKeysOf(identity: Identity): string[] {
  const keys: string[] = [];
  if (identity.roles.some((name) => STAFF.includes(name))) keys.push(EVERYONE);
  if (cleared(identity)) {
    keys.push(person(identity.actor.id), ...identity.roles.map(role));
  }
  return keys;
}

export function canRead(identity: Identity, readers: readonly string[]): boolean {
  const keys = readerKeysOf(identity);
  return readers.some((reader) => keys.includes(reader));
}

/** The document-store condition that keeps a list to what the caller may read. */
export function readableBy(identity: Identity): { readers: { $containsAny: string[] } } {
  return { readers: { $containsAny: readerKeysOf(identity) } };
}

export type ProjectAction = ProjectCommand['type'];

/** Actions open to the project's own people (its lead or proposer) as well as to these roles. */
const OWNER_ACTIONS: Partial<Record<ProjectAction, readonly Role[]>> = {
  submit: ['admin'],
  start: ['admin'],
  'report-progress': ['admin'],
  complete: ['admin'],
  amend: ['committee', 'admin'],
  withdraw: ['admin'],
  suspend: ['committee', 'admin'],
  resume: ['committee', 'admin'],
  stop: ['committee', 'admin'],
};

/** Actions only these roles may take, whoever leads the project. */
const ROLE_ACTIONS: Partial<Record<ProjectAction, readonly Role[]>> = {
  propose: ['researcher', 'committee', 'admin'],
  'record-review': ['reviewer'],
  decide: ['committee'],
};

function describe(action: ProjectAction): string {
  return action.replace('-', ' ');
}

/** Throws FORBIDDEN unless the caller may take this action on this project. */
export function authoriseProjectAction(
  identity: Identity,
  action: ProjectAction,
  project?: Pick<ProjectAudience, 'leadId' | 'proposedBy' | 'classification'>,
): void {
  const hasRole = (roles: readonly Role[] | undefined) =>
    (roles ?? []).some((name) => identity.roles.includes(name));
  const roleOnly = ROLE_ACTIONS[action];
  if (roleOnly) {
    if (!hasRole(roleOnly))
      throw new ForbiddenError(`Only ${roleOnly.join(' or ')} may ${describe(action)} a project`);
  } else {
    const owner =
      project !== undefined &&
      identity.actor.kind === 'person' &&
      [project.leadId, project.proposedBy].includes(identity.actor.id);
    if (!owner && !hasRole(OWNER_ACTIONS[action]))
      throw new ForbiddenError(
        `Only the project's lead or proposer, or ${(OWNER_ACTIONS[action] ?? []).join(' or ')}, may ${describe(action)} it`,
      );
  }
  if (project?.classification === 'OFFICIAL-SENSITIVE' && !cleared(identity))
    throw new ForbiddenError('OFFICIAL-SENSITIVE research needs OFFICIAL-SENSITIVE clearance');
}

/** The Research Plan is set by the EBP Committee; administrators keep it tidy. */
export function authorisePriorityAction(identity: Identity): void {
  if (!identity.roles.some((name) => name === 'committee' || name === 'admin'))
    throw new ForbiddenError('Only the EBP Committee may set or change research priorities');
}
