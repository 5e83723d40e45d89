import { Inject, Injectable } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { identityOf, inputFromGraph, type Identity, type RequestContext } from '@ebp/platform';
import { CommunityApplication } from '../application/community-application';
import { CommunityAwards, type AwardRoundView } from '../awards/award-use-cases';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';
import { PersonResolver } from './person.resolver';

type Nomination = AwardRoundView['nominations'][number];
type Application = AwardRoundView['applications'][number];
type RoundStatus = AwardRoundView['status'];

interface GraphRoundFilter {
  readonly status?: string | null;
  readonly hasFund?: boolean | null;
}

/** A round for the graph: an application's fields beside its decision. */
function toGraphRound<Citation>(round: AwardRoundView<Citation>) {
  return {
    ...round,
    applications: round.applications.map((application) => ({
      ...application,
      ...application.application,
    })),
  };
}

/** A person named in an award round, with governance as the purpose of any personal read. */
@Injectable()
export class AwardPeople {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
    @Inject(PersonResolver) private readonly people: PersonResolver,
  ) {}

  async person(context: RequestContext, personId: string) {
    const identity = await identityOf(this.runtime, context);
    const entry = await this.community.entry(identity, personId);
    return entry ? this.people.graphPerson(identity, entry, 'governance') : null;
  }
}

@Resolver('AwardNomination')
export class AwardNominationResolver {
  constructor(@Inject(AwardPeople) private readonly people: AwardPeople) {}

  @ResolveField('nominee')
  nominee(@Parent() nomination: Nomination, @Context() context: RequestContext) {
    return this.people.person(context, nomination.nomineeId);
  }
}

@Resolver('FundApplication')
export class FundApplicationResolver {
  constructor(@Inject(AwardPeople) private readonly people: AwardPeople) {}

  @ResolveField('applicant')
  applicant(@Parent() application: Application, @Context() context: RequestContext) {
    return this.people.person(context, application.applicantId);
  }
}

/** The Commissioner's EBP award and fund; rules live in the decider and the award access module. */
@Resolver()
export class AwardResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityAwards) private readonly awards: CommunityAwards,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  @Query('awardRound')
  async awardRound(@Context() context: RequestContext, @Args('id') id: string) {
    const round = await this.awards.round(await this.identity(context), id);
    return round ? toGraphRound(round) : null;
  }

  @Query('awardRounds')
  async awardRounds(
    @Context() context: RequestContext,
    @Args('filter') filter: GraphRoundFilter | null | undefined,
    @Args('limit') limit: number | null | undefined,
    @Args('offset') offset: number | null | undefined,
  ) {
    const page = await this.awards.rounds(await this.identity(context), {
      filter: {
        ...(filter?.status ? { status: filter.status as RoundStatus } : {}),
        ...(typeof filter?.hasFund === 'boolean' ? { hasFund: filter.hasFund } : {}),
      },
      ...(typeof limit === 'number' ? { limit } : {}),
      ...(typeof offset === 'number' ? { offset } : {}),
    });
    // A nomination's citation is a function: the panel's read of it is opened (and logged) only
    // when a query selects it.
    return { items: page.items.map(toGraphRound), total: page.total };
  }

  /**
   * The round after a write, as awardRound shows it to the caller (the same read, the same
   * rules and the same logged citation reads), read only if the client selects it.
   */
  private payload(identity: Identity, roundId: string) {
    return {
      round: async () => {
        const round = await this.awards.round(identity, roundId);
        return round ? toGraphRound(round) : null;
      },
    };
  }

  @Mutation('openAwardRound')
  async openAwardRound(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('round') round: unknown,
  ) {
    const identity = await this.identity(context);
    await this.awards.open(identity, id, inputFromGraph(round));
    return this.payload(identity, id);
  }

  @Mutation('nominateForAward')
  async nominateForAward(
    @Context() context: RequestContext,
    @Args('roundId') roundId: string,
    @Args('nominationId') nominationId: string,
    @Args('nomineeId') nomineeId: string,
    @Args('citation') citation: string,
    @Args('projectIds') projectIds?: string[] | null,
  ) {
    const identity = await this.identity(context);
    await this.awards.nominate(identity, roundId, nominationId, {
      nomineeId,
      citation,
      ...(projectIds ? { projectIds } : {}),
    });
    return this.payload(identity, roundId);
  }

  @Mutation('applyToFund')
  async applyToFund(
    @Context() context: RequestContext,
    @Args('roundId') roundId: string,
    @Args('applicationId') applicationId: string,
    @Args('application') application: unknown,
  ) {
    const identity = await this.identity(context);
    await this.awards.apply(identity, roundId, applicationId, inputFromGraph(application));
    return this.payload(identity, roundId);
  }

  @Mutation('closeAwardRound')
  async closeAwardRound(@Context() context: RequestContext, @Args('id') id: string) {
    const identity = await this.identity(context);
    await this.awards.close(identity, id);
    return this.payload(identity, id);
  }

  @Mutation('decideNomination')
  async decideNomination(
    @Context() context: RequestContext,
    @Args('roundId') roundId: string,
    @Args('nominationId') nominationId: string,
    @Args('outcome') outcome: string,
    @Args('reason') reason: string,
  ) {
    const identity = await this.identity(context);
    await this.awards.decideNomination(identity, roundId, nominationId, outcome, reason);
    return this.payload(identity, roundId);
  }

  @Mutation('decideFundApplication')
  async decideFundApplication(
    @Context() context: RequestContext,
    @Args('roundId') roundId: string,
    @Args('applicationId') applicationId: string,
    @Args('outcome') outcome: string,
    @Args('reason') reason: string,
    @Args('amountAwarded') amountAwarded?: number | null,
  ) {
    const identity = await this.identity(context);
    await this.awards.decideApplication(
      identity,
      roundId,
      applicationId,
      outcome,
      reason,
      amountAwarded ?? undefined,
    );
    return this.payload(identity, roundId);
  }
}
