import type { community } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { AuditEvent } from '../skills-audit';

/** One skills audit, for the list of audits: what it asks, of whom, when, and whether it is open. */
export interface SkillsAuditEntry extends community.SkillsAudit {
  readonly auditId: string;
  readonly status: 'open' | 'closed';
  /** When it was launched (recorded), and when it last changed. */
  readonly launchedAt: string;
  readonly updatedAt: string;
}

export function evolveSkillsAuditEntry(
  current: SkillsAuditEntry | null,
  stored: StoredEvent,
): SkillsAuditEntry | null {
  const event = stored as unknown as AuditEvent;
  const at = stored.metadata.recordedAt;
  switch (event.type) {
    case 'community.audit.launched':
      return {
        ...event.data.audit,
        auditId: event.data.auditId,
        status: 'open',
        launchedAt: at,
        updatedAt: at,
      };
    case 'community.audit.closed':
      return current && { ...current, status: 'closed', updatedAt: at };
    default:
      return current;
  }
}

export const skillsAudits: ProjectionDefinition<SkillsAuditEntry> = {
  name: 'community-skills-audits',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: ['community.audit.launched', 'community.audit.closed'],
  documentId: (event) => {
    const data = event.data as { auditId?: unknown };
    return typeof data.auditId === 'string' ? data.auditId : undefined;
  },
  evolve: evolveSkillsAuditEntry,
};
