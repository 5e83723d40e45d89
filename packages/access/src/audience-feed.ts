import {
  applyEvents,
  consumeFeed,
  type BackgroundWork,
  type DocumentCollection,
  type EventFeed,
  type SqlCheckpointStore,
} from '@ebp/eventing';
import type { AudienceView } from './audience-view';
import type { ProjectionDefinition } from '@ebp/eventing';

export interface AudienceFollower {
  /** The consumer's name: its checkpoint over a store, its consumer group on the bus. */
  readonly name: string;
  readonly definition: ProjectionDefinition<AudienceView>;
  readonly audiences: () => Promise<DocumentCollection<AudienceView>>;
}

/** Keeps an audience read model from the owner's feed (its topic, or all-in-one its store). */
export function followAudiences(
  feed: EventFeed,
  checkpoints: SqlCheckpointStore,
  follower: AudienceFollower,
): Promise<BackgroundWork> {
  return consumeFeed(feed, checkpoints, {
    name: follower.name,
    handle: async (event) => {
      if (!follower.definition.handles.includes(event.type)) return;
      await applyEvents(follower.definition, await follower.audiences(), [event]);
    },
  });
}
