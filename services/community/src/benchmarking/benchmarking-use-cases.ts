import { randomUUID } from 'node:crypto';
import { community } from '@ebp/contracts';
import {
  CommandHandler,
  DomainError,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import {
  ForbiddenError,
  pageWindow,
  type Identity,
  type Page,
  type PageRequest,
  type Role,
} from '@ebp/platform';
import { COMMUNITY_CLASSIFICATION } from '../access/community-classification';
import { requireStaff } from '../application/partner-reach';
import type { PersonEntry } from '../people/projections/person-directory.projection';
import type { SurveyBallots } from './ballots';
import type { SurveyCampaignEntry } from './projections/survey-campaigns.projection';
import { SurveyCampaignNotFound, surveyCampaignDecider } from './survey-campaign.decider';

/** Who launches and closes campaigns: the EBP Delivery Team (reviewers) and administrators. */
const CAMPAIGN_RUNNERS: readonly Role[] = ['reviewer', 'admin'];
/** Who answers and reads results above the minimum cell size: any member of staff. */
const STAFF: readonly Role[] = ['viewer', 'researcher', 'reviewer', 'committee', 'admin'];

/**
 * The actor every answer is recorded under: the same for all, so an envelope names nobody
 * (decision 0038).
 */
export const ANONYMOUS_RESPONDENT = { kind: 'system', id: 'anonymous-survey-respondent' } as const;

export class SurveyResultsNotReady extends DomainError {
  readonly code = 'SURVEY_RESULTS_NOT_READY';
}
export class SurveyNotConfigured extends DomainError {
  readonly code = 'SURVEY_NOT_CONFIGURED';
}

export interface BenchmarkingStores {
  readonly store: EventStore;
  readonly people: () => Promise<DocumentCollection<PersonEntry>>;
  readonly surveyCampaigns: () => Promise<DocumentCollection<SurveyCampaignEntry>>;
  /** None: answers are refused (production without a configured secret). */
  readonly surveyBallots: SurveyBallots | undefined;
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** One side of a comparison: a campaign, or the published baseline of a question set. */
export interface Comparand {
  readonly kind: 'campaign' | 'published_baseline';
  readonly id: string;
}

const streamOf = (campaignId: string) => `survey:${campaignId}`;

/**
 * A campaign as staff read it: no count of answers while it takes them. A count that moves with
 * each answer, watched by someone who knows who else answered and can close the campaign, would
 * single out the next answer (decision 0038); a closed campaign shows its count.
 */
export type SurveyCampaignView = Omit<SurveyCampaignEntry, 'responses'> & {
  readonly responses: number | null;
};

export const viewOfCampaign = (entry: SurveyCampaignEntry): SurveyCampaignView => ({
  ...entry,
  responses: entry.status === 'closed' ? entry.responses : null,
});

/**
 * Benchmarking the use of evidence: campaigns of versioned question sets, answered anonymously,
 * results shown above a minimum cell size, comparisons with each other and the 2012/13 baseline.
 */
export class CommunityBenchmarking {
  private readonly campaigns: CommandHandler<
    Parameters<typeof surveyCampaignDecider.decide>[0],
    Parameters<typeof surveyCampaignDecider.evolve>[1],
    ReturnType<typeof surveyCampaignDecider.initialState>
  >;

  constructor(private readonly stores: BenchmarkingStores) {
    // Many people answer one campaign: appends race on its stream and are retried.
    this.campaigns = new CommandHandler(stores.store, surveyCampaignDecider, { maxRetries: 20 });
  }

  private context(identity: Identity): CommandContext {
    return {
      commandId: randomUUID(),
      actor: identity.actor,
      now: this.stores.now(),
      classification: COMMUNITY_CLASSIFICATION,
      correlationId: randomUUID(),
    };
  }

  questionSets(identity: Identity): readonly community.QuestionSet[] {
    requireStaff(identity, STAFF, 'read survey question sets');
    return community.QUESTION_SETS;
  }

  async campaignList(
    identity: Identity,
    query: { readonly status?: SurveyCampaignEntry['status'] } & PageRequest = {},
  ): Promise<Page<SurveyCampaignView>> {
    requireStaff(identity, STAFF, 'read survey campaigns');
    const found = await (
      await this.stores.surveyCampaigns()
    ).find({
      filter: query.status ? { status: query.status } : {},
      sort: [
        { field: 'opensOn', direction: 'desc' },
        { field: 'campaignId', direction: 'asc' },
      ],
      ...pageWindow(query),
    });
    return { items: found.items.map((item) => viewOfCampaign(item.body)), total: found.total };
  }

  async campaign(identity: Identity, campaignId: string): Promise<SurveyCampaignView | undefined> {
    requireStaff(identity, STAFF, 'read survey campaigns');
    const entry = (await (await this.stores.surveyCampaigns()).get(campaignId))?.body;
    return entry && viewOfCampaign(entry);
  }

  async launch(identity: Identity, campaign: unknown): Promise<SurveyCampaignView> {
    requireStaff(identity, CAMPAIGN_RUNNERS, 'launch a survey campaign');
    const campaignId = `survey-${randomUUID()}`;
    await this.campaigns.handle(
      streamOf(campaignId),
      { type: 'launch', campaignId, campaign, by: identity.actor.id },
      this.context(identity),
    );
    return this.after(identity, campaignId);
  }

  /** Closes a campaign on its last day or later (the decider refuses sooner). */
  async close(identity: Identity, campaignId: string): Promise<SurveyCampaignView> {
    requireStaff(identity, CAMPAIGN_RUNNERS, 'close a survey campaign');
    const context = this.context(identity);
    await this.campaigns.handle(
      streamOf(campaignId),
      { type: 'close', by: identity.actor.id, today: context.now.toISOString().slice(0, 10) },
      context,
    );
    return this.after(identity, campaignId);
  }

  /**
   * A member of staff answers once. The answer is recorded with no trace of who gave it: a
   * ballot (keyed hash), the coarse band and area only when enough known people share them,
   * the shared anonymous actor, a fresh correlation id and no causation or trace, and the day
   * only as its time. Nothing else is written, anywhere, about the person answering.
   */
  async answer(
    identity: Identity,
    campaignId: string,
    answers: unknown,
  ): Promise<{ campaign: SurveyCampaignView; recordedAs: community.CoarseAttributes }> {
    requireStaff(identity, STAFF, 'answer a survey');
    if (identity.actor.kind !== 'person')
      throw new ForbiddenError('Only members of staff answer surveys');
    const ballots = this.stores.surveyBallots;
    if (!ballots)
      throw new SurveyNotConfigured(
        'Surveys take no answers until the service has a ballot secret configured',
      );
    const campaign = (await (await this.stores.surveyCampaigns()).get(campaignId))?.body;
    if (!campaign) throw new SurveyCampaignNotFound('No such survey campaign');
    const people = (
      await (await this.stores.people()).find({ filter: { status: 'active' } })
    ).items.map((item) => item.body);
    const attributesOf = (person: PersonEntry | undefined): community.CoarseAttributes => ({
      rankBand: community.rankBandOf(person?.rankOrGrade),
      businessArea: community.businessAreaOf(person?.unit),
    });
    const recordedAs = community.recordedAttributes(
      attributesOf(people.find((person) => person.personId === identity.actor.id)),
      people.map(attributesOf),
      campaign.minimumCellSize,
    );
    const now = this.stores.now();
    const today = now.toISOString().slice(0, 10);
    await this.campaigns.handle(
      streamOf(campaignId),
      {
        type: 'answer',
        ballot: ballots.ballotOf(campaignId, identity.actor.id),
        attributes: recordedAs,
        answers,
        today,
      },
      {
        commandId: randomUUID(),
        actor: ANONYMOUS_RESPONDENT,
        now: new Date(`${today}T00:00:00.000Z`),
        classification: COMMUNITY_CLASSIFICATION,
        correlationId: randomUUID(),
        causationId: null,
      },
    );
    return { campaign: await this.after(identity, campaignId), recordedAs };
  }

  private async after(identity: Identity, campaignId: string): Promise<SurveyCampaignView> {
    await this.stores.catchUp();
    const entry = await this.campaign(identity, campaignId);
    if (!entry) throw new SurveyCampaignNotFound('No such survey campaign');
    return entry;
  }

  /**
   * A closed campaign's results, above its minimum cell size. None while it is open: figures
   * that change with each answer would tell who answered what to anyone who saw one come in.
   */
  async results(
    identity: Identity,
    campaignId: string,
  ): Promise<{ campaign: SurveyCampaignView; results: community.CampaignResults }> {
    const campaign = await this.campaign(identity, campaignId);
    if (!campaign) throw new SurveyCampaignNotFound('No such survey campaign');
    if (campaign.status !== 'closed')
      throw new SurveyResultsNotReady('A campaign shows its results once it is closed');
    return {
      campaign,
      results: community.campaignResults(
        campaign.questionSet,
        campaign.tally,
        campaign.minimumCellSize,
      ),
    };
  }

  async comparison(
    identity: Identity,
    before: Comparand,
    after: Comparand,
  ): Promise<community.SurveyComparison> {
    return community.compareSurveys(
      await this.figures(identity, before),
      await this.figures(identity, after),
    );
  }

  private async figures(identity: Identity, side: Comparand): Promise<community.SurveyFigures> {
    requireStaff(identity, STAFF, 'compare surveys');
    if (side.kind === 'published_baseline') {
      const published = community.QUESTION_SETS.find(
        (set) => set.questionSetId === side.id && set.baseline,
      );
      const figures = published && community.baselineFigures(published);
      if (!figures) throw new SurveyCampaignNotFound(`No published baseline of ${side.id}`);
      return figures;
    }
    const { campaign, results } = await this.results(identity, side.id);
    return community.campaignFigures(
      campaign.campaignId,
      campaign.title,
      campaign.questionSet,
      results,
    );
  }
}
