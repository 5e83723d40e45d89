import type { community } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { InvolvementEvent } from '../involvement';

/** Who is (or was) part of which research project: ResearchProject.team and Person.projects. */
export interface InvolvementEntry {
  personId: string;
  projectId: string;
  role: community.InvolvementRole;
  from: string;
  status: 'active' | 'ended';
  endedOn: string | null;
  endReason: string | null;
}

export const involvementDocumentId = (personId: string, projectId: string): string =>
  `${personId}/${projectId}`;

export function evolveInvolvementEntry(
  current: InvolvementEntry | null,
  stored: StoredEvent,
): InvolvementEntry | null {
  const event = stored as unknown as InvolvementEvent;
  switch (event.type) {
    case 'community.involvement.joined':
      return {
        personId: event.data.personId,
        projectId: event.data.projectId,
        role: event.data.role,
        from: event.data.from,
        status: 'active',
        endedOn: null,
        endReason: null,
      };
    case 'community.involvement.ended':
      return (
        current && {
          ...current,
          status: 'ended',
          endedOn: event.data.on,
          endReason: event.data.reason,
        }
      );
  }
}

export const involvements: ProjectionDefinition<InvolvementEntry> = {
  name: 'community-involvements',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: ['community.involvement.joined', 'community.involvement.ended'],
  documentId: (event) => {
    const data = event.data as { personId?: string; projectId?: string };
    return data.personId && data.projectId
      ? involvementDocumentId(data.personId, data.projectId)
      : undefined;
  },
  evolve: evolveInvolvementEntry,
};
