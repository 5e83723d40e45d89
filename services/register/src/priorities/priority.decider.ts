import { parseOrThrow, register } from '@ebp/contracts';
import { requireText, revisedFields } from '../shared/revision';
import { DomainError, type Decider } from '@ebp/eventing';
import {
  evolvePriority,
  initialPriorityState,
  type PriorityEvent,
  type PriorityState,
} from './priority';

export class PriorityAlreadyExists extends DomainError {
  readonly code = 'PRIORITY_ALREADY_EXISTS';
}

export class PriorityNotFound extends DomainError {
  readonly code = 'PRIORITY_NOT_FOUND';
}

export class PriorityRetired extends DomainError {
  readonly code = 'PRIORITY_RETIRED';
}

export class InvalidPriorityInput extends DomainError {
  readonly code = 'INVALID_PRIORITY_INPUT';
}

export type PriorityCommand =
  | { type: 'set'; priorityId: string; priority: unknown; by: string }
  | {
      type: 'revise';
      changes: register.PriorityChanges;
      justification: string;
      by: string;
    }
  | { type: 'retire'; reason: string; by: string };

function parse(input: unknown): register.PriorityDefinition {
  return parseOrThrow(register.PriorityDefinitionSchema, input, 'priority', InvalidPriorityInput);
}

export function decidePriority(command: PriorityCommand, state: PriorityState): PriorityEvent[] {
  if (command.type === 'set') {
    if (state.status !== 'none')
      throw new PriorityAlreadyExists(`Priority ${state.priorityId} already exists`);
    return [
      {
        type: 'register.priority.set',
        data: {
          priorityId: command.priorityId,
          priority: parse(command.priority),
          setBy: command.by,
        },
      },
    ];
  }
  if (state.status === 'none') throw new PriorityNotFound('No such research priority');
  if (state.status === 'retired')
    throw new PriorityRetired(`Priority ${state.priorityId} has been retired`);
  if (command.type === 'retire') {
    const reason = requireText(command.reason, 'reason', InvalidPriorityInput);
    return [{ type: 'register.priority.retired', data: { by: command.by, reason } }];
  }
  const { changes, justification } = revisedFields({
    current: state.priority,
    changes: command.changes,
    justification: command.justification,
    changesSchema: register.PriorityChangesSchema,
    wholeSchema: register.PriorityDefinitionSchema,
    what: 'priority',
    Invalid: InvalidPriorityInput,
  });
  return [
    {
      type: 'register.priority.revised',
      data: { by: command.by, justification, changes },
    },
  ];
}

export const priorityDecider: Decider<PriorityCommand, PriorityEvent, PriorityState> = {
  decide: decidePriority,
  evolve: evolvePriority,
  initialState: initialPriorityState,
};
