import type { register } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { newValues } from '../../shared/field-changes';
import type { PriorityEvent } from '../priority';
import { priorityIdOf } from '../priority.handler';

/** One priority of the Research Plan, as lists and coverage read it. */
export interface PrioritySummary extends register.PriorityDefinition {
  priorityId: string;
  status: register.PriorityStatus;
  setAt: string;
  updatedAt: string;
}

export function evolvePrioritySummary(
  current: PrioritySummary | null,
  stored: StoredEvent,
): PrioritySummary | null {
  const event = stored as unknown as PriorityEvent;
  const at = stored.metadata.recordedAt;
  switch (event.type) {
    case 'register.priority.set':
      return {
        ...event.data.priority,
        priorityId: event.data.priorityId,
        status: 'active',
        setAt: at,
        updatedAt: at,
      };
    case 'register.priority.revised':
      return current && { ...current, ...newValues(event.data.changes), updatedAt: at };
    case 'register.priority.retired':
      return current && { ...current, status: 'retired', updatedAt: at };
  }
}

export const prioritySummaries: ProjectionDefinition<PrioritySummary> = {
  name: 'register-priorities',
  version: 1,
  handles: ['register.priority.set', 'register.priority.revised', 'register.priority.retired'],
  documentId: (event) => priorityIdOf(event.streamId),
  evolve: evolvePrioritySummary,
};
