import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { identityOf, inputFromGraph, type Identity, type RequestContext } from '@ebp/platform';
import type { community } from '@ebp/contracts';
import {
  CommunityBenchmarking,
  type Comparand,
  type SurveyCampaignView,
} from '../benchmarking/benchmarking-use-cases';
import type { SurveyCampaignEntry } from '../benchmarking/projections/survey-campaigns.projection';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';

/** A campaign for the graph: as staff read it, without the tally and the question set. */
export const toGraphCampaign = ({
  tally: _tally,
  questionSet: _set,
  ...entry
}: SurveyCampaignView) => ({
  ...entry,
  id: entry.campaignId,
});

const toGraphQuestionSet = (set: community.QuestionSet) => ({ ...set, id: set.questionSetId });

/** Surveys benchmarking the use of evidence (decision 0038); the rules are the use cases'. */
@Resolver()
export class SurveyResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityBenchmarking) private readonly benchmarking: CommunityBenchmarking,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  @Query('surveyQuestionSets')
  async surveyQuestionSets(@Context() context: RequestContext) {
    return this.benchmarking.questionSets(await this.identity(context)).map(toGraphQuestionSet);
  }

  @Query('surveyCampaigns')
  async surveyCampaigns(
    @Context() context: RequestContext,
    @Args('status') status: SurveyCampaignEntry['status'] | null | undefined,
    @Args('limit') limit: number | null | undefined,
    @Args('offset') offset: number | null | undefined,
  ) {
    const page = await this.benchmarking.campaignList(await this.identity(context), {
      ...(status ? { status } : {}),
      ...(typeof limit === 'number' ? { limit } : {}),
      ...(typeof offset === 'number' ? { offset } : {}),
    });
    return { items: page.items.map(toGraphCampaign), total: page.total };
  }

  @Query('surveyCampaign')
  async surveyCampaign(@Context() context: RequestContext, @Args('id') id: string) {
    const entry = await this.benchmarking.campaign(await this.identity(context), id);
    return entry ? toGraphCampaign(entry) : null;
  }

  @Query('surveyResults')
  async surveyResults(@Context() context: RequestContext, @Args('campaignId') campaignId: string) {
    const { campaign, results } = await this.benchmarking.results(
      await this.identity(context),
      campaignId,
    );
    return { ...results, campaign: toGraphCampaign(campaign) };
  }

  @Query('surveyComparison')
  async surveyComparison(
    @Context() context: RequestContext,
    @Args('before') before: Comparand,
    @Args('after') after: Comparand,
  ) {
    return this.benchmarking.comparison(
      await this.identity(context),
      { kind: before.kind, id: before.id },
      { kind: after.kind, id: after.id },
    );
  }

  @Mutation('launchSurveyCampaign')
  async launchSurveyCampaign(
    @Context() context: RequestContext,
    @Args('campaign') campaign: unknown,
  ) {
    const entry = await this.benchmarking.launch(
      await this.identity(context),
      inputFromGraph(campaign),
    );
    return { campaign: toGraphCampaign(entry) };
  }

  @Mutation('answerSurvey')
  async answerSurvey(
    @Context() context: RequestContext,
    @Args('campaignId') campaignId: string,
    @Args('answers') answers: unknown,
  ) {
    const { campaign, recordedAs } = await this.benchmarking.answer(
      await this.identity(context),
      campaignId,
      inputFromGraph(answers),
    );
    return { campaign: toGraphCampaign(campaign), recordedAs };
  }

  @Mutation('closeSurveyCampaign')
  async closeSurveyCampaign(
    @Context() context: RequestContext,
    @Args('campaignId') campaignId: string,
  ) {
    const entry = await this.benchmarking.close(await this.identity(context), campaignId);
    return { campaign: toGraphCampaign(entry) };
  }
}
