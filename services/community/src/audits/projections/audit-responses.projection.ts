import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { AuditEvent } from '../skills-audit';

/** One person's latest answers to one audit (a later answer replaces an earlier one). */
export interface AuditResponse {
  auditId: string;
  personId: string;
  unit: string;
  answers: { questionId: string; level: number }[];
  answeredAt: string;
}

/** The read model's document id of one person's answers to one audit. */
export const auditResponseId = (auditId: string, personId: string): string =>
  `${auditId}/${personId}`;

export function evolveAuditResponse(
  _current: AuditResponse | null,
  stored: StoredEvent,
): AuditResponse | null {
  const event = stored as unknown as AuditEvent;
  if (event.type !== 'community.audit.answered') return _current;
  return { ...event.data, answeredAt: stored.metadata.recordedAt };
}

export const auditResponses: ProjectionDefinition<AuditResponse> = {
  name: 'community-audit-responses',
  version: 1,
  handles: ['community.audit.answered'],
  documentId: (event) => {
    const data = event.data as { auditId?: string; personId?: string };
    return data.auditId && data.personId ? auditResponseId(data.auditId, data.personId) : undefined;
  },
  evolve: evolveAuditResponse,
};
