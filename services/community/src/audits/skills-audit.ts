import type { community } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

export type AuditEventType = Extract<community.CommunityEventType, `community.audit.${string}`>;
export type AuditEvent = {
  [Type in AuditEventType]: DomainEvent<Type, community.CommunityEventData<Type>>;
}[AuditEventType];

export type AuditState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closed';
      readonly auditId: string;
      readonly audit: community.SkillsAudit;
    };

export const initialAuditState = (): AuditState => ({ status: 'none' });

export function evolveAudit(state: AuditState, event: AuditEvent): AuditState {
  switch (event.type) {
    case 'community.audit.launched':
      return { status: 'open', auditId: event.data.auditId, audit: event.data.audit };
    case 'community.audit.answered':
      return state;
    case 'community.audit.closed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
