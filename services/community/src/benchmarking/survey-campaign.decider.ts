import { community, parseOrThrow } from '@ebp/contracts';
import { DomainError, type Decider } from '@ebp/eventing';
import {
  evolveSurveyCampaign,
  hasBallot,
  initialSurveyCampaignState,
  type SurveyCampaignState,
  type SurveyEvent,
} from './survey-campaign';

export class SurveyCampaignAlreadyLaunched extends DomainError {
  readonly code = 'SURVEY_CAMPAIGN_ALREADY_LAUNCHED';
}
export class SurveyCampaignNotFound extends DomainError {
  readonly code = 'SURVEY_CAMPAIGN_NOT_FOUND';
}
export class SurveyCampaignNotOpen extends DomainError {
  readonly code = 'SURVEY_CAMPAIGN_NOT_OPEN';
}
/**
 * A campaign closes on its last day or later, never sooner: closing at will, just after one
 * more answer came in, would let whoever closes it isolate that answer (decision 0038).
 */
export class SurveyCampaignNotDueToClose extends DomainError {
  readonly code = 'SURVEY_CAMPAIGN_NOT_DUE_TO_CLOSE';
}
export class SurveyAlreadyAnswered extends DomainError {
  readonly code = 'SURVEY_ALREADY_ANSWERED';
}
export class QuestionSetNotFound extends DomainError {
  readonly code = 'QUESTION_SET_NOT_FOUND';
}
export class InvalidSurveyInput extends DomainError {
  readonly code = 'INVALID_SURVEY_INPUT';
}

/**
 * An answer names no person: the ballot is a keyed hash of the campaign and the person (made by
 * the application with a secret no store holds), and the attributes are the coarse ones the
 * application chose to record (`community.recordedAttributes`).
 */
export type SurveyCommand =
  | { type: 'launch'; campaignId: string; campaign: unknown; by: string }
  | {
      type: 'answer';
      ballot: string;
      attributes: community.CoarseAttributes;
      answers: unknown;
      today: string;
    }
  | { type: 'close'; by: string; today: string };

const parse = <Schema extends Parameters<typeof parseOrThrow>[0]>(
  schema: Schema,
  input: unknown,
  what: string,
) => parseOrThrow(schema, input, what, InvalidSurveyInput);

export function decideSurveyCampaign(
  command: SurveyCommand,
  state: SurveyCampaignState,
): SurveyEvent[] {
  if (command.type === 'launch') {
    if (state.status !== 'none')
      throw new SurveyCampaignAlreadyLaunched(
        `Campaign ${command.campaignId} was already launched`,
      );
    const campaign = parse(community.SurveyCampaignSchema, command.campaign, 'campaign');
    const questionSet = community.questionSetOf(
      campaign.questionSetId,
      campaign.questionSetVersion,
    );
    if (!questionSet)
      throw new QuestionSetNotFound(
        `No question set ${campaign.questionSetId} version ${campaign.questionSetVersion}`,
      );
    return [
      {
        type: 'community.survey.launched',
        data: {
          campaignId: command.campaignId,
          campaign: {
            ...campaign,
            minimumCellSize: campaign.minimumCellSize ?? community.DEFAULT_MINIMUM_CELL_SIZE,
          },
          questionSet,
          launchedBy: command.by,
        },
      },
    ];
  }
  if (state.status === 'none') throw new SurveyCampaignNotFound('No such survey campaign');
  if (command.type === 'close') {
    if (state.status === 'closed')
      throw new SurveyCampaignNotOpen('The campaign is already closed');
    if (command.today < state.campaign.closesOn)
      throw new SurveyCampaignNotDueToClose(
        `The campaign takes answers until ${state.campaign.closesOn}: it can be closed from that day on`,
      );
    return [
      {
        type: 'community.survey.closed',
        data: { campaignId: state.campaignId, closedBy: command.by },
      },
    ];
  }
  const { campaign, questionSet } = state;
  if (
    state.status === 'closed' ||
    command.today < campaign.opensOn ||
    command.today > campaign.closesOn
  )
    throw new SurveyCampaignNotOpen(
      `The campaign takes answers from ${campaign.opensOn} to ${campaign.closesOn}, while it is open`,
    );
  if (hasBallot(state.ballots, command.ballot))
    throw new SurveyAlreadyAnswered('You have already answered this survey');
  const answers = parse(community.SurveyAnswerSchema.array().min(1), command.answers, 'answers');
  const problems: string[] = [];
  for (const question of questionSet.questions) {
    const given = answers.filter((answer) => answer.questionId === question.questionId);
    if (given.length !== 1) problems.push(`${question.questionId} must be answered once`);
    else if (!question.options.some((option) => option.optionId === given[0]!.optionId))
      problems.push(`${question.questionId} has no option ${given[0]!.optionId}`);
  }
  for (const answer of answers)
    if (!questionSet.questions.some((question) => question.questionId === answer.questionId))
      problems.push(`No such question: ${answer.questionId}`);
  if (problems.length > 0) throw new InvalidSurveyInput(problems.join('; '));
  return [
    {
      type: 'community.survey.answered',
      data: {
        campaignId: state.campaignId,
        ballot: command.ballot,
        rankBand: command.attributes.rankBand,
        businessArea: command.attributes.businessArea,
        // In the question set's order, so the order typed tells nothing of the person.
        answers: questionSet.questions.map((question) =>
          answers.find((answer) => answer.questionId === question.questionId)!,
        ),
      },
    },
  ];
}

export const surveyCampaignDecider: Decider<SurveyCommand, SurveyEvent, SurveyCampaignState> = {
  decide: decideSurveyCampaign,
  evolve: evolveSurveyCampaign,
  initialState: initialSurveyCampaignState,
};
