import {
  followReferences,
  projectAudiences,
  type AudienceView,
  type FollowedReferences,
  type Reader,
} from '@ebp/access';
import type { DocumentCollection, EventFeed, SqlCheckpointStore } from '@ebp/eventing';

/**
 * The partners' references to the register's research projects (DESIGN.md §5): collaborations and
 * outcome submissions name a project, so the partners keep, from the register's audience events,
 * who may see each project, and apply the register's rule (the shared predicate in `@ebp/access`)
 * before they list, count or accept a reference to one.
 */

/** The partners' audience read model of the register's projects (`partners-project-audiences`). */
export const partnersProjectAudiences = projectAudiences('partners');

/** The consumer that keeps it: its checkpoint over the register's store, or its consumer group. */
export const PROJECT_AUDIENCES_CONSUMER = 'partners.project-audiences';

/**
 * Who a partner's feed acts as when it names a project: the organisation, without clearance (a
 * signed webhook or a topic message carries none), so it reads with its `partner:` key alone.
 */
export const partnerFeedReader = (organisationId: string): Reader => ({
  actor: { kind: 'partner', id: organisationId },
  roles: ['partner'],
  clearances: ['OFFICIAL'],
});

/** Follows the register's audience events into the partners' audience view, and guards by it. */
export async function followProjectAudiences(
  registerEvents: EventFeed,
  checkpoints: SqlCheckpointStore,
  audiences: () => Promise<DocumentCollection<AudienceView>>,
): Promise<FollowedReferences> {
  return followReferences(registerEvents, checkpoints, {
    name: PROJECT_AUDIENCES_CONSUMER,
    definition: partnersProjectAudiences,
    audiences,
  });
}
