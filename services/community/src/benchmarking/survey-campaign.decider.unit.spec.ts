import { community } from '@ebp/contracts';
import { deciderSpecification } from '@ebp/eventing';
import {
  InvalidSurveyInput,
  QuestionSetNotFound,
  SurveyAlreadyAnswered,
  SurveyCampaignAlreadyLaunched,
  SurveyCampaignNotDueToClose,
  SurveyCampaignNotFound,
  SurveyCampaignNotOpen,
  surveyCampaignDecider,
  type SurveyCommand,
} from './survey-campaign.decider';

const spec = deciderSpecification(surveyCampaignDecider);
const questionSet = community.EBP_SURVEY_2012_13;
const campaign = {
  title: 'EBP survey of staff 2026',
  questionSetId: 'ebp-survey-2012-13',
  questionSetVersion: 1,
  opensOn: '2026-05-01',
  closesOn: '2026-06-30',
};
const launched = {
  type: 'community.survey.launched',
  data: {
    campaignId: 'survey-2026',
    campaign: { ...campaign, minimumCellSize: community.DEFAULT_MINIMUM_CELL_SIZE },
    questionSet,
    launchedBy: 'person-admin',
  },
} as const;
const closed = {
  type: 'community.survey.closed',
  data: { campaignId: 'survey-2026', closedBy: 'person-admin' },
} as const;
const BALLOT = 'a'.repeat(64);
const attributes = { rankBand: 'constable_sergeant', businessArea: 'frontline_policing' } as const;
const everyQuestion = questionSet.questions.map((question) => ({
  questionId: question.questionId,
  optionId: question.options[0]!.optionId,
}));
const answer = (overrides: Partial<Extract<SurveyCommand, { type: 'answer' }>> = {}) =>
  ({
    type: 'answer',
    ballot: BALLOT,
    attributes,
    answers: everyQuestion,
    today: '2026-05-15',
    ...overrides,
  }) as const;
const answered = {
  type: 'community.survey.answered',
  data: { campaignId: 'survey-2026', ballot: BALLOT, ...attributes, answers: everyQuestion },
} as const;

describe('survey campaign decider', () => {
  it('launches a campaign of a known question set once, with the set as it stands recorded', () => {
    spec
      .given([])
      .when({ type: 'launch', campaignId: 'survey-2026', campaign, by: 'person-admin' })
      .then([launched]);
    spec
      .given([launched])
      .when({ type: 'launch', campaignId: 'survey-2026', campaign, by: 'person-admin' })
      .thenThrows(SurveyCampaignAlreadyLaunched);
    spec
      .given([])
      .when({
        type: 'launch',
        campaignId: 'survey-2026',
        campaign: { ...campaign, questionSetVersion: 99 },
        by: 'person-admin',
      })
      .thenThrows(QuestionSetNotFound);
  });

  it('keeps every campaign at or above the minimum cell size floor', () => {
    spec
      .given([])
      .when({
        type: 'launch',
        campaignId: 'survey-2026',
        campaign: { ...campaign, minimumCellSize: community.MINIMUM_CELL_FLOOR },
        by: 'person-admin',
      })
      .then([
        {
          ...launched,
          data: {
            ...launched.data,
            campaign: { ...campaign, minimumCellSize: community.MINIMUM_CELL_FLOOR },
          },
        },
      ]);
    for (const invalid of [
      { ...campaign, minimumCellSize: community.MINIMUM_CELL_FLOOR - 1 },
      { ...campaign, minimumCellSize: 1 },
      { ...campaign, closesOn: '2026-04-01' },
    ])
      spec
        .given([])
        .when({ type: 'launch', campaignId: 'survey-2026', campaign: invalid, by: 'person-admin' })
        .thenThrows(InvalidSurveyInput);
  });

  it('records an answer with its ballot and coarse attributes only: no person, nothing typed beyond the options', () => {
    spec.given([launched]).when(answer()).then([answered]);
    // Answers in any order are recorded in the question set's order.
    spec
      .given([launched])
      .when(answer({ answers: [...everyQuestion].reverse() }))
      .then([answered]);
    const state = surveyCampaignDecider.evolve(surveyCampaignDecider.initialState(), launched);
    const [event] = surveyCampaignDecider.decide(answer(), state);
    expect(Object.keys(event!.data).sort()).toEqual([
      'answers',
      'ballot',
      'businessArea',
      'campaignId',
      'rankBand',
    ]);
  });

  it('takes one answer per ballot: the same person answers once', () => {
    spec.given([launched, answered]).when(answer()).thenThrows(SurveyAlreadyAnswered);
    spec
      .given([launched, answered])
      .when(answer({ ballot: 'b'.repeat(64) }))
      .then([{ ...answered, data: { ...answered.data, ballot: 'b'.repeat(64) } }]);
  });

  it('takes answers only while open, between its dates', () => {
    spec.given([]).when(answer()).thenThrows(SurveyCampaignNotFound);
    spec.given([launched, closed]).when(answer()).thenThrows(SurveyCampaignNotOpen);
    spec
      .given([launched])
      .when(answer({ today: '2026-04-30' }))
      .thenThrows(SurveyCampaignNotOpen);
    spec
      .given([launched])
      .when(answer({ today: '2026-07-01' }))
      .thenThrows(SurveyCampaignNotOpen);
  });

  it('wants every question answered once with one of its options', () => {
    for (const answers of [
      everyQuestion.slice(1),
      [...everyQuestion, everyQuestion[0]],
      everyQuestion.map((given, index) => (index === 0 ? { ...given, optionId: 'often' } : given)),
      [...everyQuestion, { questionId: 'favourite_colour', optionId: 'blue' }],
      [],
      'yes',
    ])
      spec.given([launched]).when(answer({ answers })).thenThrows(InvalidSurveyInput);
  });

  it('closes an open campaign once, on its last day or later', () => {
    const close = (today: string) => ({ type: 'close', by: 'person-admin', today }) as const;
    spec.given([launched]).when(close('2026-06-30')).then([closed]);
    spec.given([launched]).when(close('2026-07-02')).then([closed]);
    spec.given([launched, closed]).when(close('2026-07-01')).thenThrows(SurveyCampaignNotOpen);
    spec.given([]).when(close('2026-07-01')).thenThrows(SurveyCampaignNotFound);
  });

  it('refuses to close a campaign before its last day, when closing would isolate the latest answer', () => {
    for (const today of ['2026-05-15', '2026-06-29', '2026-04-01'])
      spec
        .given([launched, answered])
        .when({ type: 'close', by: 'person-admin', today })
        .thenThrows(SurveyCampaignNotDueToClose);
  });
});
