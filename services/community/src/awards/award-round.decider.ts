import { community, parseOrThrow } from '@ebp/contracts';
import { DomainError, type Decider } from '@ebp/eventing';
import {
  evolveAwardRound,
  initialAwardRoundState,
  type AwardRoundEvent,
  type AwardRoundState,
} from './award-round';

export class AwardRoundAlreadyOpened extends DomainError {
  readonly code = 'AWARD_ROUND_ALREADY_OPENED';
}
export class AwardRoundNotFound extends DomainError {
  readonly code = 'AWARD_ROUND_NOT_FOUND';
}
export class AwardRoundNotOpen extends DomainError {
  readonly code = 'AWARD_ROUND_NOT_OPEN';
}
export class AwardRoundStillOpen extends DomainError {
  readonly code = 'AWARD_ROUND_STILL_OPEN';
}
export class SelfNomination extends DomainError {
  readonly code = 'SELF_NOMINATION';
}
export class DuplicateAwardEntry extends DomainError {
  readonly code = 'DUPLICATE_AWARD_ENTRY';
}
export class AwardEntryNotFound extends DomainError {
  readonly code = 'AWARD_ENTRY_NOT_FOUND';
}
export class AlreadyDecided extends DomainError {
  readonly code = 'ALREADY_DECIDED';
}
export class FundOverCommitted extends DomainError {
  readonly code = 'FUND_OVER_COMMITTED';
}
export class InvalidAwardInput extends DomainError {
  readonly code = 'INVALID_AWARD_INPUT';
}

export type AwardRoundCommand =
  | { type: 'open'; roundId: string; round: unknown; by: string }
  | { type: 'nominate'; nominationId: string; nomination: unknown; by: string; today: string }
  | { type: 'apply'; applicationId: string; application: unknown; by: string; today: string }
  | { type: 'close'; by: string }
  | {
      type: 'decide-nomination';
      nominationId: string;
      outcome: unknown;
      reason: string;
      by: string;
    }
  | {
      type: 'decide-application';
      applicationId: string;
      outcome: unknown;
      /** Pounds; required when funded, absent when declined. */
      amountAwarded?: number;
      reason: string;
      by: string;
    };

const parse = <Schema extends Parameters<typeof parseOrThrow>[0]>(
  schema: Schema,
  input: unknown,
  what: string,
) => parseOrThrow(schema, input, what, InvalidAwardInput);

type OpenedRound = Exclude<AwardRoundState, { status: 'none' }>;

function requireTakingEntries(state: OpenedRound, today: string): void {
  const { opensOn, closesOn } = state.round;
  if (state.status !== 'open' || today < opensOn || today > closesOn)
    throw new AwardRoundNotOpen(
      `The round takes nominations and applications from ${opensOn} to ${closesOn}, while it is open`,
    );
}

function requireDecidable(state: OpenedRound, reason: string): void {
  if (state.status !== 'closed')
    throw new AwardRoundStillOpen(
      'Close the round before deciding its nominations and applications',
    );
  if (reason.trim().length < 2) throw new InvalidAwardInput('A decision needs its reason');
}

export function decideAwardRound(
  command: AwardRoundCommand,
  state: AwardRoundState,
): AwardRoundEvent[] {
  if (command.type === 'open') {
    if (state.status !== 'none')
      throw new AwardRoundAlreadyOpened(`Round ${command.roundId} was already opened`);
    const round = parse(community.AwardRoundSchema, command.round, 'award round');
    return [
      {
        type: 'community.award-round.opened',
        data: { roundId: command.roundId, round, openedBy: command.by },
      },
    ];
  }
  if (state.status === 'none') throw new AwardRoundNotFound('No such award round');
  const { roundId } = state;
  switch (command.type) {
    case 'nominate': {
      requireTakingEntries(state, command.today);
      const nomination = parse(community.NominationSchema, command.nomination, 'nomination');
      if (nomination.nomineeId === command.by)
        throw new SelfNomination('Nobody may nominate themselves; ask a colleague');
      if (state.nominations[command.nominationId])
        throw new DuplicateAwardEntry(`Nomination ${command.nominationId} already exists`);
      if (
        Object.values(state.nominations).some(
          (existing) =>
            existing.nomineeId === nomination.nomineeId && existing.nominatedBy === command.by,
        )
      )
        throw new DuplicateAwardEntry('You have already nominated this person in this round');
      return [
        {
          type: 'community.award-round.nominated',
          data: {
            roundId,
            nominationId: command.nominationId,
            nomineeId: nomination.nomineeId,
            citation: nomination.citation,
            projectIds: nomination.projectIds,
            nominatedBy: command.by,
          },
        },
      ];
    }
    case 'apply': {
      requireTakingEntries(state, command.today);
      const application = parse(
        community.FundApplicationSchema,
        command.application,
        'fund application',
      );
      if (state.applications[command.applicationId])
        throw new DuplicateAwardEntry(`Application ${command.applicationId} already exists`);
      if (application.amountRequested > state.round.fundBudget)
        throw new FundOverCommitted(
          `The fund holds £${state.round.fundBudget}; ask for no more than that`,
        );
      return [
        {
          type: 'community.award-round.applied',
          data: {
            roundId,
            applicationId: command.applicationId,
            applicantId: command.by,
            application,
          },
        },
      ];
    }
    case 'close':
      if (state.status === 'closed') throw new AwardRoundNotOpen('The round is already closed');
      return [{ type: 'community.award-round.closed', data: { roundId, closedBy: command.by } }];
    case 'decide-nomination': {
      requireDecidable(state, command.reason);
      const nomination = state.nominations[command.nominationId];
      if (!nomination) throw new AwardEntryNotFound(`No nomination ${command.nominationId}`);
      if (nomination.outcome) throw new AlreadyDecided('This nomination was already decided');
      return [
        {
          type: 'community.award-round.nomination-decided',
          data: {
            roundId,
            nominationId: command.nominationId,
            outcome: parse(community.NominationOutcomeSchema, command.outcome, 'outcome'),
            reason: command.reason.trim(),
            decidedBy: command.by,
          },
        },
      ];
    }
    case 'decide-application': {
      requireDecidable(state, command.reason);
      const entry = state.applications[command.applicationId];
      if (!entry) throw new AwardEntryNotFound(`No application ${command.applicationId}`);
      if (entry.outcome) throw new AlreadyDecided('This application was already decided');
      const outcome = parse(community.FundOutcomeSchema, command.outcome, 'outcome');
      const amount = command.amountAwarded;
      if (outcome === 'declined' && amount !== undefined && amount !== 0)
        throw new InvalidAwardInput('A declined application is awarded nothing');
      if (outcome === 'funded') {
        if (amount === undefined || !Number.isInteger(amount) || amount < 1)
          throw new InvalidAwardInput('A funded application needs the whole pounds awarded');
        if (amount > entry.application.amountRequested)
          throw new InvalidAwardInput(
            `Award no more than the £${entry.application.amountRequested} requested`,
          );
        if (state.committed + amount > state.round.fundBudget)
          // The budget, not what is left: what is committed may include awards to projects
          // the panel member deciding may not see (decision 0019).
          throw new FundOverCommitted(
            `This award would take the fund past its budget of £${state.round.fundBudget}`,
          );
      }
      return [
        {
          type: 'community.award-round.application-decided',
          data: {
            roundId,
            applicationId: command.applicationId,
            outcome,
            amountAwarded: outcome === 'funded' ? amount! : 0,
            reason: command.reason.trim(),
            decidedBy: command.by,
          },
        },
      ];
    }
  }
}

export const awardRoundDecider: Decider<AwardRoundCommand, AwardRoundEvent, AwardRoundState> = {
  decide: decideAwardRound,
  evolve: evolveAwardRound,
  initialState: initialAwardRoundState,
};
