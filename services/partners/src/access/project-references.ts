import {
  ReferenceGuard,
  followAudiences,
  projectAudiences,
  type AudienceView,
  type Reader,
} from '@ebp/access';
import {
  serialized,
  type BackgroundWork,
  type DocumentCollection,
  type EventFeed,
  type SqlCheckpointStore,
} from '@ebp/eventing';

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

export interface FollowedProjects {
  /** Keeps the audience view from the register's feed; the service polls it with its other work. */
  readonly work: BackgroundWork;
  /** The guard over that view; a miss catches the view up first, so one process reads its writes. */
  readonly guard: ReferenceGuard;
}

/**
 * Follows the register's audience events into the partners' audience view. The view's catch-up is
 * shared, one run at a time, by the poller and the guard (two runs of one processor would race
 * for its checkpoint).
 */
export async function followProjectAudiences(
  registerEvents: EventFeed,
  checkpoints: SqlCheckpointStore,
  audiences: () => Promise<DocumentCollection<AudienceView>>,
): Promise<FollowedProjects> {
  const follower = await followAudiences(registerEvents, checkpoints, {
    name: PROJECT_AUDIENCES_CONSUMER,
    definition: partnersProjectAudiences,
    audiences,
  });
  const catchUp = serialized(async () => void (await follower.catchUp()));
  return {
    work: { catchUp, stop: () => follower.stop() },
    guard: new ReferenceGuard(audiences, catchUp),
  };
}
