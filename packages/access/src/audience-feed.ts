import {
  applyEvents,
  consumeFeed,
  type BackgroundWork,
  type DocumentCollection,
  type EventFeed,
  type SqlCheckpointStore,
} from '@ebp/eventing';
import { serialized, type ProjectionDefinition } from '@ebp/eventing';
import type { AudienceView } from './audience-view';
import { ReferenceGuard } from './reference-guard';

export interface AudienceFollower {
  /** The consumer's name: its checkpoint over a store, its consumer group on the bus. */
  readonly name: string;
  readonly definition: ProjectionDefinition<AudienceView>;
  readonly audiences: () => Promise<DocumentCollection<AudienceView>>;
}

export interface FollowedReferences {
  /** Keeps the audience view from the owner's feed; the service polls it with its other work. */
  readonly work: BackgroundWork;
  /** The guard over that view; a miss catches the view up first, so one process reads its writes. */
  readonly guard: ReferenceGuard;
}

/**
 * Follows an owner's audiences and guards references by them. The view's catch-up is shared, one
 * run at a time, by the service's poller and the guard: two runs of one processor at once would
 * race for its checkpoint.
 */
export async function followReferences(
  feed: EventFeed,
  checkpoints: SqlCheckpointStore,
  follower: AudienceFollower,
): Promise<FollowedReferences> {
  const work = await followAudiences(feed, checkpoints, follower);
  const catchUp = serialized(async () => void (await work.catchUp()));
  return {
    work: { catchUp, stop: () => work.stop(), wakeSignal: work.wakeSignal },
    guard: new ReferenceGuard(follower.audiences, catchUp),
  };
}

/** Keeps an audience read model from the owner's feed (its topic, or all-in-one its store). */
export function followAudiences(
  feed: EventFeed,
  checkpoints: SqlCheckpointStore,
  follower: AudienceFollower,
): Promise<BackgroundWork> {
  return consumeFeed(feed, checkpoints, {
    // Versioned with the read model: a raised version fills its new collection from the start.
    name: `${follower.name}.v${follower.definition.version}`,
    handle: async (event) => {
      if (!follower.definition.handles.includes(event.type)) return;
      await applyEvents(follower.definition, await follower.audiences(), [event]);
    },
  });
}
