import type { partners } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { z } from 'zod';
import type { CollaborationEvent } from '../collaboration.decider';

/** Whether a collaboration goes on: active until it is ended. */
export const CollaborationStatusSchema = z
  .enum(['active', 'ended'])
  .describe('Whether the collaboration goes on (active) or has ended.');

/** Who collaborates on which register project: ResearchProject.partners, and feed permissions. */
export interface CollaborationEntry {
  projectId: string;
  partnerKind: partners.PartnerRef['kind'];
  partnerId: string;
  role: partners.Collaboration['role'];
  from: string;
  until: string | null;
  status: z.infer<typeof CollaborationStatusSchema>;
}

export const collaborationDocumentId = (projectId: string, partnerId: string): string =>
  `${projectId}/${partnerId}`;

export const collaborations: ProjectionDefinition<CollaborationEntry> = {
  name: 'partners-collaborations',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: ['partners.collaboration.started', 'partners.collaboration.ended'],
  documentId: (stored) => {
    const event = stored as unknown as CollaborationEvent;
    return event.type === 'partners.collaboration.started'
      ? collaborationDocumentId(
          event.data.collaboration.projectId,
          event.data.collaboration.partner.id,
        )
      : collaborationDocumentId(event.data.projectId, event.data.partnerId);
  },
  evolve: (current: CollaborationEntry | null, stored: StoredEvent) => {
    const event = stored as unknown as CollaborationEvent;
    if (event.type === 'partners.collaboration.started') {
      const { collaboration } = event.data;
      return {
        projectId: collaboration.projectId,
        partnerKind: collaboration.partner.kind,
        partnerId: collaboration.partner.id,
        role: collaboration.role,
        from: collaboration.from,
        until: collaboration.until ?? null,
        status: 'active',
      };
    }
    return current && { ...current, status: 'ended', until: event.data.on };
  },
};
