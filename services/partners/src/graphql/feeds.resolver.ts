import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { identityOf, type Identity, type RequestContext } from '@ebp/platform';
import { PartnersApplication } from '../application/partners-application';
import { PARTNERS_RUNTIME, type PartnersRuntime } from './partners-runtime';

/** Agreements, moderation, the quarantine and the network's mutations; rules live below. */
@Resolver()
export class PartnersCommandsResolver {
  constructor(
    @Inject(PARTNERS_RUNTIME) private readonly runtime: PartnersRuntime,
    @Inject(PartnersApplication) private readonly partners: PartnersApplication,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  @Query('expiringAgreements')
  async expiringAgreements(
    @Context() context: RequestContext,
    @Args('withinDays') withinDays: number,
  ) {
    return this.partners.expiring(await this.identity(context), withinDays);
  }

  @Query('engagements')
  async engagements(
    @Context() context: RequestContext,
    @Args('organisationId') organisationId?: string | null,
    @Args('academicId') academicId?: string | null,
  ) {
    return this.partners.engagementLog(await this.identity(context), {
      ...(organisationId ? { organisationId } : {}),
      ...(academicId ? { academicId } : {}),
    });
  }

  @Query('moderationQueue')
  async moderationQueue(@Context() context: RequestContext) {
    return this.partners.moderationQueue(await this.identity(context));
  }

  @Query('quarantine')
  async quarantine(@Context() context: RequestContext) {
    return this.partners.quarantined(await this.identity(context));
  }

  @Query('mySubmissions')
  async mySubmissions(@Context() context: RequestContext) {
    return this.partners.mySubmissions(await this.identity(context));
  }

  @Mutation('registerOrganisation')
  async registerOrganisation(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('organisation') organisation: unknown,
  ) {
    await this.partners.registerOrganisation(await this.identity(context), id, organisation);
    return true;
  }

  @Mutation('updateOrganisation')
  async updateOrganisation(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('organisation') organisation: unknown,
  ) {
    await this.partners.updateOrganisation(await this.identity(context), id, organisation);
    return true;
  }

  @Mutation('registerAcademic')
  async registerAcademic(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('academic') academic: unknown,
  ) {
    await this.partners.registerAcademic(await this.identity(context), id, academic);
    return true;
  }

  @Mutation('signAgreement')
  async signAgreement(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('agreement') agreement: unknown,
  ) {
    await this.partners.signAgreement(await this.identity(context), id, agreement);
    return true;
  }

  @Mutation('startCollaboration')
  async startCollaboration(
    @Context() context: RequestContext,
    @Args('collaboration') collaboration: unknown,
  ) {
    await this.partners.startCollaboration(await this.identity(context), collaboration);
    return true;
  }

  @Mutation('recordEngagement')
  async recordEngagement(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('engagement') engagement: unknown,
  ) {
    await this.partners.recordEngagement(await this.identity(context), id, engagement);
    return true;
  }

  @Mutation('issueWebhookSecret')
  async issueWebhookSecret(
    @Context() context: RequestContext,
    @Args('organisationId') organisationId: string,
  ) {
    return this.partners.issueWebhookSecret(await this.identity(context), organisationId);
  }

  @Mutation('acceptOutcome')
  async acceptOutcome(@Context() context: RequestContext, @Args('submissionId') id: string) {
    await this.partners.acceptOutcome(await this.identity(context), id);
    return true;
  }

  @Mutation('rejectOutcome')
  async rejectOutcome(
    @Context() context: RequestContext,
    @Args('submissionId') id: string,
    @Args('reason') reason: string,
  ) {
    await this.partners.rejectOutcome(await this.identity(context), id, reason);
    return true;
  }

  @Mutation('resubmitQuarantined')
  async resubmitQuarantined(
    @Context() context: RequestContext,
    @Args('itemId') itemId: string,
    @Args('outcome') outcome: unknown,
  ) {
    return this.partners.resubmit(await this.identity(context), itemId, outcome);
  }

  @Mutation('discardQuarantined')
  async discardQuarantined(
    @Context() context: RequestContext,
    @Args('itemId') itemId: string,
    @Args('reason') reason: string,
  ) {
    await this.partners.discard(await this.identity(context), itemId, reason);
    return true;
  }
}
