import type { community } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

export type AwardRoundEventType = Extract<
  community.CommunityEventType,
  `community.award-round.${string}`
>;
export type AwardRoundEvent = {
  [Type in AwardRoundEventType]: DomainEvent<Type, community.CommunityEventData<Type>>;
}[AwardRoundEventType];

export interface NominationState {
  readonly nomineeId: string;
  readonly nominatedBy: string;
  readonly projectIds: readonly string[];
  readonly outcome?: community.NominationOutcome;
  readonly reason?: string;
}

export interface ApplicationState {
  readonly applicantId: string;
  readonly application: community.FundApplication;
  readonly outcome?: community.FundOutcome;
  readonly amountAwarded?: number;
  readonly reason?: string;
}

export type AwardRoundState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closed';
      readonly roundId: string;
      readonly round: community.AwardRound;
      readonly nominations: Readonly<Record<string, NominationState>>;
      readonly applications: Readonly<Record<string, ApplicationState>>;
      /** Pounds awarded from the fund so far. */
      readonly committed: number;
    };

export const initialAwardRoundState = (): AwardRoundState => ({ status: 'none' });

export function evolveAwardRound(state: AwardRoundState, event: AwardRoundEvent): AwardRoundState {
  if (event.type === 'community.award-round.opened')
    return {
      status: 'open',
      roundId: event.data.roundId,
      round: event.data.round,
      nominations: {},
      applications: {},
      committed: 0,
    };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'community.award-round.nominated': {
      const { nominationId, nomineeId, nominatedBy, projectIds } = event.data;
      return {
        ...state,
        nominations: {
          ...state.nominations,
          [nominationId]: { nomineeId, nominatedBy, projectIds },
        },
      };
    }
    case 'community.award-round.applied': {
      const { applicationId, applicantId, application } = event.data;
      return {
        ...state,
        applications: { ...state.applications, [applicationId]: { applicantId, application } },
      };
    }
    case 'community.award-round.closed':
      return { ...state, status: 'closed' };
    case 'community.award-round.nomination-decided': {
      const { nominationId, outcome, reason } = event.data;
      const nomination = state.nominations[nominationId];
      if (!nomination) return state;
      return {
        ...state,
        nominations: { ...state.nominations, [nominationId]: { ...nomination, outcome, reason } },
      };
    }
    case 'community.award-round.application-decided': {
      const { applicationId, outcome, amountAwarded, reason } = event.data;
      const application = state.applications[applicationId];
      if (!application) return state;
      return {
        ...state,
        committed: state.committed + amountAwarded,
        applications: {
          ...state.applications,
          [applicationId]: { ...application, outcome, amountAwarded, reason },
        },
      };
    }
  }
}
