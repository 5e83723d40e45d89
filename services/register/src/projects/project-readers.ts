import { readerKey } from '@ebp/access';
import type { ProjectStatus } from './project';

/** The statuses in which every cleared reviewer may read a project, to pick it up for review. */
const AWAITING_REVIEW: readonly ProjectStatus[] = ['submitted', 'under_review'];

/** What decides who may read a project. */
export interface ProjectAudience {
  readonly classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE';
  readonly status: ProjectStatus;
  readonly leadId: string;
  readonly proposedBy: string;
  readonly needToKnow: readonly string[];
  readonly reviewerIds: readonly string[];
  /** Partner organisations working on the project (their collaborations). */
  readonly partnerOrganisations?: readonly string[];
}

/**
 * The reader keys of a project (the register's rule, published to every service as the project's
 * audience). An OFFICIAL project is read by all staff and by the partner organisations working on
 * it. An OFFICIAL-SENSITIVE project is known to its lead, its proposer, the people named as needing
 * to know, its reviewers, the reviewers while it awaits review, the EBP Committee and
 * administrators who govern it, and the cleared identities of the partners working on it; nobody
 * else.
 */
export function readersOf(project: ProjectAudience): string[] {
  const partners = project.partnerOrganisations ?? [];
  if (project.classification === 'OFFICIAL')
    return [readerKey.everyone, ...[...partners].sort().map(readerKey.partner)];
  const readers = new Set<string>([
    ...partners.map(readerKey.clearedPartner),
    readerKey.person(project.leadId),
    readerKey.person(project.proposedBy),
    ...project.needToKnow.map(readerKey.person),
    ...project.reviewerIds.map(readerKey.person),
    readerKey.role('committee'),
    readerKey.role('admin'),
  ]);
  if (AWAITING_REVIEW.includes(project.status)) readers.add(readerKey.role('reviewer'));
  return [...readers].sort();
}
