import { community } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { SurveyEvent } from '../survey-campaign';

/**
 * One survey campaign: what it asks, when, how it protects its answers, and the tally of its
 * answers by coarse attributes only (never an answer by itself, never a ballot).
 */
export interface SurveyCampaignEntry {
  readonly campaignId: string;
  readonly title: string;
  readonly questionSetId: string;
  readonly questionSetVersion: number;
  readonly questionSet: community.QuestionSet;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly minimumCellSize: number;
  readonly status: 'open' | 'closed';
  readonly launchedAt: string;
  /** Kept as answers come in, shown to staff only once closed (`viewOfCampaign`). */
  readonly responses: number;
  readonly tally: community.SurveyTally;
}

export function evolveSurveyCampaignEntry(
  current: SurveyCampaignEntry | null,
  stored: StoredEvent,
): SurveyCampaignEntry | null {
  const event = stored as unknown as SurveyEvent;
  switch (event.type) {
    case 'community.survey.launched': {
      const { campaign, questionSet, campaignId } = event.data;
      return {
        campaignId,
        title: campaign.title,
        questionSetId: campaign.questionSetId,
        questionSetVersion: campaign.questionSetVersion,
        questionSet,
        opensOn: campaign.opensOn,
        closesOn: campaign.closesOn,
        minimumCellSize: campaign.minimumCellSize ?? community.DEFAULT_MINIMUM_CELL_SIZE,
        status: 'open',
        launchedAt: stored.metadata.recordedAt,
        responses: 0,
        tally: community.emptyTally(),
      };
    }
    case 'community.survey.answered':
      return (
        current && {
          ...current,
          responses: current.responses + 1,
          tally: community.tallyAnswer(current.tally, event.data),
        }
      );
    case 'community.survey.closed':
      return current && { ...current, status: 'closed' };
    default:
      return current;
  }
}

export const surveyCampaigns: ProjectionDefinition<SurveyCampaignEntry> = {
  name: 'community-survey-campaigns',
  version: 1,
  handles: ['community.survey.launched', 'community.survey.answered', 'community.survey.closed'],
  documentId: (event) => {
    const data = event.data as { campaignId?: unknown };
    return typeof data.campaignId === 'string' ? data.campaignId : undefined;
  },
  evolve: evolveSurveyCampaignEntry,
};
