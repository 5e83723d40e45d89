import { community, parseOrThrow } from '@ebp/contracts';
import { DomainError, type Decider } from '@ebp/eventing';
import {
  evolveInvolvement,
  initialInvolvementState,
  type InvolvementEvent,
  type InvolvementState,
} from './involvement';

export class AlreadyInvolved extends DomainError {
  readonly code = 'ALREADY_INVOLVED';
}
export class NotInvolved extends DomainError {
  readonly code = 'NOT_INVOLVED';
}
export class InvalidInvolvementInput extends DomainError {
  readonly code = 'INVALID_INVOLVEMENT_INPUT';
}

export type InvolvementCommand =
  | { type: 'join'; personId: string; projectId: string; role: string; from: string; by: string }
  | {
      type: 'end';
      personId: string;
      projectId: string;
      on: string;
      reason: 'left' | 'project_completed' | 'project_stopped' | 'project_withdrawn';
      by: string;
    };

export function decideInvolvement(
  command: InvolvementCommand,
  state: InvolvementState,
): InvolvementEvent[] {
  const { personId, projectId } = command;
  if (command.type === 'join') {
    if (state.status === 'active')
      throw new AlreadyInvolved(`${personId} is already part of ${projectId}`);
    const role = parseOrThrow(
      community.InvolvementRoleSchema,
      command.role,
      'role',
      InvalidInvolvementInput,
    );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(command.from))
      throw new InvalidInvolvementInput('The start must be a date (YYYY-MM-DD)');
    return [
      {
        type: 'community.involvement.joined',
        data: { personId, projectId, role, from: command.from, by: command.by },
      },
    ];
  }
  if (state.status !== 'active') {
    // The project closing reaches every involvement, even ones already ended: nothing to do.
    if (command.reason !== 'left') return [];
    throw new NotInvolved(`${personId} is not part of ${projectId}`);
  }
  return [
    {
      type: 'community.involvement.ended',
      data: { personId, projectId, on: command.on, reason: command.reason, by: command.by },
    },
  ];
}

export const involvementDecider: Decider<InvolvementCommand, InvolvementEvent, InvolvementState> = {
  decide: decideInvolvement,
  evolve: evolveInvolvement,
  initialState: initialInvolvementState,
};
