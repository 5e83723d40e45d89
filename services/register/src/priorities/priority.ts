import { newValues } from '../shared/field-changes';
import type { register } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

export type PriorityEvent = {
  [Type in register.PriorityEventType]: DomainEvent<Type, register.PriorityEventData<Type>>;
}[register.PriorityEventType];

export type PriorityState =
  | { readonly status: 'none' }
  | {
      readonly status: register.PriorityStatus;
      readonly priorityId: string;
      readonly priority: register.PriorityDefinition;
    };

export const initialPriorityState = (): PriorityState => ({ status: 'none' });

export function evolvePriority(state: PriorityState, event: PriorityEvent): PriorityState {
  switch (event.type) {
    case 'register.priority.set':
      return { status: 'active', priorityId: event.data.priorityId, priority: event.data.priority };
    case 'register.priority.revised': {
      if (state.status === 'none') return state;
      const changed = newValues(event.data.changes);
      return { ...state, priority: { ...state.priority, ...changed } };
    }
    case 'register.priority.retired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
  }
}
