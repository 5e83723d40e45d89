import { EntityAudienceSchema, parseContract, type EntityAudience } from '@ebp/contracts';
import type { ProjectionDefinition } from '@ebp/eventing';

/** What a referencing service keeps of one entity another service owns: its latest audience. */
export type AudienceView = EntityAudience;

export interface AudienceSource {
  /** The read model's name in the referencing service, e.g. `community-project-audiences`. */
  readonly name: string;
  /** The owner's event that publishes an entity's whole audience. */
  readonly eventType: string;
}

/**
 * The audience read model of one kind of entity, kept from its owner's audience events. The
 * document is the entity's id. The highest revision wins, so a redelivered or late event never
 * brings back an older audience (the projection's position guard already drops redeliveries; the
 * revision also holds when an owner's events reach a consumer out of order).
 */
export function audienceProjection(source: AudienceSource): ProjectionDefinition<AudienceView> {
  const audienceOf = (data: unknown) => parseContract(source.eventType, EntityAudienceSchema, data);
  return {
    name: source.name,
    version: 2, // 2: enumerated values respelt (decision 0023)
    handles: [source.eventType],
    documentId: (event) => audienceOf(event.data).entityId,
    evolve: (current, event) => {
      const next = audienceOf(event.data);
      return current && current.revision >= next.revision ? current : next;
    },
  };
}
