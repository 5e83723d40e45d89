import { community } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

export type SurveyEventType = Extract<community.CommunityEventType, `community.survey.${string}`>;
export type SurveyEvent = {
  [Type in SurveyEventType]: DomainEvent<Type, community.CommunityEventData<Type>>;
}[SurveyEventType];

export type SurveyCampaignState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closed';
      readonly campaignId: string;
      readonly campaign: community.SurveyCampaign & { readonly minimumCellSize: number };
      readonly questionSet: community.QuestionSet;
      /**
       * The ballots cast (keyed hashes, so one person answers once without being named), newest
       * first as a list sharing its tail, so that folding a long campaign stays linear.
       */
      readonly ballots: Ballots;
    };

export type Ballots = { readonly ballot: string; readonly earlier: Ballots } | null;

export function hasBallot(ballots: Ballots, ballot: string): boolean {
  for (let cast = ballots; cast; cast = cast.earlier) if (cast.ballot === ballot) return true;
  return false;
}

export const initialSurveyCampaignState = (): SurveyCampaignState => ({ status: 'none' });

export function evolveSurveyCampaign(
  state: SurveyCampaignState,
  event: SurveyEvent,
): SurveyCampaignState {
  switch (event.type) {
    case 'community.survey.launched':
      return {
        status: 'open',
        campaignId: event.data.campaignId,
        campaign: {
          ...event.data.campaign,
          minimumCellSize:
            event.data.campaign.minimumCellSize ?? community.DEFAULT_MINIMUM_CELL_SIZE,
        },
        questionSet: event.data.questionSet,
        ballots: null,
      };
    case 'community.survey.answered':
      return state.status === 'none'
        ? state
        : { ...state, ballots: { ballot: event.data.ballot, earlier: state.ballots } };
    case 'community.survey.closed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
