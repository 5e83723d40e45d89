import { parseOrThrow, partners } from '@ebp/contracts';
import { DomainError, type Decider } from '@ebp/eventing';
import type { z } from 'zod';
import { IllegalPartnerTransition, InvalidPartnerInput, PartnerNotFound } from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

/** An outcome for a project the submitting partner does not collaborate on. */
export class NotACollaborator extends DomainError {
  readonly code = 'NOT_A_COLLABORATOR';
}
/** The outcome does not match its contract; feeds quarantine it with this message. */
export class InvalidOutcome extends DomainError {
  readonly code = 'INVALID_OUTCOME';
}

export type OutcomeEvent = PartnersEvent<'outcome.'>;
export type OutcomeState =
  | { readonly status: 'none' }
  | {
      readonly status: 'awaiting_moderation' | 'published' | 'rejected';
      readonly submissionId: string;
      readonly organisationId: string;
      readonly outcome: partners.PartnerOutcome;
    };

export type OutcomeCommand =
  | {
      type: 'submit';
      submissionId: string;
      organisationId: string;
      channel: z.infer<typeof partners.OutcomeChannelSchema>;
      outcome: unknown;
      /** The projects the organisation collaborates on now, from the collaborations read model. */
      collaboratesOn: (projectId: string) => boolean;
    }
  | { type: 'accept'; by: string }
  | { type: 'reject'; reason: string; by: string };

/**
 * A partner's outcome: valid against the contract, for a project the partner collaborates on,
 * then held for moderation; a moderator publishes it (the register and dissemination consume
 * the published event) or rejects it with a reason. Each is decided once.
 */
export function decideOutcome(command: OutcomeCommand, state: OutcomeState): OutcomeEvent[] {
  if (command.type === 'submit') {
    if (state.status !== 'none')
      throw new IllegalPartnerTransition(`Submission ${command.submissionId} was already received`);
    const outcome = parseOrThrow(
      partners.PartnerOutcomeSchema,
      command.outcome,
      'outcome',
      InvalidOutcome,
    );
    if (!command.collaboratesOn(outcome.projectId))
      throw new NotACollaborator(
        `${command.organisationId} does not collaborate on project ${outcome.projectId}`,
      );
    return [
      {
        type: 'partners.outcome.submitted',
        data: {
          submissionId: command.submissionId,
          organisationId: command.organisationId,
          channel: command.channel,
          outcome,
        },
      },
    ];
  }
  if (state.status === 'none') throw new PartnerNotFound('No such submission');
  if (state.status !== 'awaiting_moderation')
    throw new IllegalPartnerTransition(`The submission was already ${state.status}`);
  if (command.type === 'accept')
    return [
      {
        type: 'partners.outcome.published',
        data: {
          submissionId: state.submissionId,
          organisationId: state.organisationId,
          outcome: state.outcome,
          acceptedBy: command.by,
        },
      },
    ];
  if (command.reason.trim().length < 2)
    throw new InvalidPartnerInput('A rejection needs its reason, for the partner');
  return [
    {
      type: 'partners.outcome.rejected',
      data: {
        submissionId: state.submissionId,
        reason: command.reason.trim(),
        rejectedBy: command.by,
      },
    },
  ];
}

export function evolveOutcome(state: OutcomeState, event: OutcomeEvent): OutcomeState {
  switch (event.type) {
    case 'partners.outcome.submitted':
      return { status: 'awaiting_moderation', ...event.data };
    case 'partners.outcome.published':
      return state.status === 'none' ? state : { ...state, status: 'published' };
    case 'partners.outcome.rejected':
      return state.status === 'none' ? state : { ...state, status: 'rejected' };
  }
}

export const outcomeDecider: Decider<OutcomeCommand, OutcomeEvent, OutcomeState> = {
  decide: decideOutcome,
  evolve: evolveOutcome,
  initialState: () => ({ status: 'none' }),
};
