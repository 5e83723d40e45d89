import { reactionContextFor, type StoredEvent } from '@ebp/eventing';
import type { DisseminationEvent } from '../dissemination-events';
import { deliveryIdFor, deliveryStreamId, type DeliveryCommands } from './delivery.decider';
import type { DeliveryTarget } from './targets';

/**
 * A policy over the service's own log: a published OFFICIAL version is scheduled for every
 * configured national body; an OFFICIAL-SENSITIVE one for none until a release names targets,
 * and then for those only. Scheduling is idempotent (one delivery per version and target).
 */
export function dispatchPublications(
  commands: DeliveryCommands,
  targets: readonly DeliveryTarget[],
) {
  return async (stored: StoredEvent): Promise<number> => {
    const event = stored as unknown as DisseminationEvent<'library.'>;
    let wanted: { itemId: string; version: number; targetIds: readonly string[] };
    if (event.type === 'dissemination.library.item-published') {
      if (event.data.content.classification !== 'OFFICIAL') return 0;
      wanted = { ...event.data, targetIds: targets.map((target) => target.id) };
    } else if (event.type === 'dissemination.library.item-released') wanted = event.data;
    else return 0;
    for (const targetId of wanted.targetIds) {
      const deliveryId = deliveryIdFor(wanted.itemId, wanted.version, targetId);
      await commands.handle(
        deliveryStreamId(deliveryId),
        {
          type: 'schedule',
          deliveryId,
          itemId: wanted.itemId,
          version: wanted.version,
          targetId: targetId as DeliveryTarget['id'],
        },
        // As the publication or the release that causes it: the version's sensitivity.
        reactionContextFor(stored, 'dissemination', 'OFFICIAL', `${stored.id}->${targetId}`),
      );
    }
    return wanted.targetIds.length;
  };
}
