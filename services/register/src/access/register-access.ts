import { ForbiddenError, type Identity, type Role } from '@ebp/platform';
import type { ProjectCommand } from '../projects/project.decider';
import { isCleared, readerKey } from '@ebp/access';
import type { ProjectAudience } from '../projects/project-readers';

/**
 * Who may read and do what in the register (DESIGN.md §7). Pure: the resolvers enforce it on every
 * path (root fields, nested fields and `__resolveReference`), the read model stores each project's
 * readers so that lists filter in the store and page correctly.
 */

export { readersOf, type ProjectAudience } from '../projects/project-readers';
export { canRead, readableBy, readerKeysOf, readerKey } from '@ebp/access';
/** Everyone on the force's staff may read OFFICIAL projects; partners see only their collaborations. */
export const EVERYONE = readerKey.everyone;

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

/** What a refused caller was trying to do, as a sentence says it: "may <verb> a project". */
const ACTION_VERBS: Readonly<Record<ProjectAction, string>> = {
  propose: 'propose',
  submit: 'submit',
  'record-review': 'review',
  decide: 'decide on',
  start: 'start',
  'report-progress': 'report progress on',
  suspend: 'suspend',
  resume: 'resume',
  stop: 'stop',
  complete: 'complete',
  withdraw: 'withdraw',
  amend: 'amend',
  'publish-audience': 'publish the audience of',
  'record-partner-joined': 'record a partner joining',
  'record-partner-left': 'record a partner leaving',
  'report-partner-outcome': 'report a partner outcome on',
};

/** Roles as a sentence names them: "researchers, the EBP Committee or administrators". */
const ROLE_NAMES: Readonly<Record<Role, string>> = {
  viewer: 'viewers',
  researcher: 'researchers',
  reviewer: 'reviewers',
  committee: 'the EBP Committee',
  admin: 'administrators',
  partner: 'partners',
};

function either(roles: readonly Role[]): string {
  const names = roles.map((role) => ROLE_NAMES[role]);
  return names.length <= 1
    ? (names[0] ?? 'nobody')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
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
      throw new ForbiddenError(`Only ${either(roleOnly)} may ${ACTION_VERBS[action]} a project`);
  } else {
    const owner =
      project !== undefined &&
      identity.actor.kind === 'person' &&
      [project.leadId, project.proposedBy].includes(identity.actor.id);
    if (!owner && !hasRole(OWNER_ACTIONS[action]))
      throw new ForbiddenError(
        `Only the project's lead or proposer, or ${either(OWNER_ACTIONS[action] ?? [])}, may ${ACTION_VERBS[action]} it`,
      );
  }
  if (project?.classification === 'OFFICIAL_SENSITIVE' && !isCleared(identity))
    throw new ForbiddenError('OFFICIAL-SENSITIVE research needs OFFICIAL-SENSITIVE clearance');
}

/** The Research Plan is set by the EBP Committee; administrators keep it tidy. */
export function authorisePriorityAction(identity: Identity): void {
  if (!identity.roles.some((name) => name === 'committee' || name === 'admin'))
    throw new ForbiddenError('Only the EBP Committee may set or change research priorities');
}
