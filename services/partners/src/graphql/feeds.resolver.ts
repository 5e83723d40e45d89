import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { identityOf, inputFromGraph, type Identity, type RequestContext } from '@ebp/platform';
import { PartnersApplication } from '../application/partners-application';
import { toGraphAgreement } from './agreement.resolver';
import { toAcademic, toCollaboration, toOrganisation } from './network.resolver';
import { PARTNERS_RUNTIME, type PartnersRuntime } from './partners-runtime';

/** What startCollaboration's answer needs of its input (GraphQL checked its shape). */
interface CollaborationArgument {
  readonly projectId: string;
  readonly partner: { readonly id: string };
}

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

  /** The organisation after a change the caller just made (the read models caught up). */
  private async organisation(identity: Identity, id: string) {
    const entry = await this.partners.organisation(identity, id);
    if (!entry) throw new Error(`organisation ${id} is missing after a change to it`);
    return toOrganisation(entry);
  }

  @Mutation('registerOrganisation')
  async registerOrganisation(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('organisation') organisation: unknown,
  ) {
    const identity = await this.identity(context);
    await this.partners.registerOrganisation(identity, id, inputFromGraph(organisation));
    return { organisation: await this.organisation(identity, id) };
  }

  @Mutation('updateOrganisation')
  async updateOrganisation(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('organisation') organisation: unknown,
  ) {
    const identity = await this.identity(context);
    await this.partners.updateOrganisation(identity, id, inputFromGraph(organisation));
    return { organisation: await this.organisation(identity, id) };
  }

  @Mutation('registerAcademic')
  async registerAcademic(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('academic') academic: unknown,
  ) {
    const identity = await this.identity(context);
    await this.partners.registerAcademic(identity, id, inputFromGraph(academic));
    const entry = await this.partners.academic(identity, id);
    if (!entry) throw new Error(`academic ${id} is missing after a change to it`);
    return { academic: toAcademic(entry) };
  }

  @Mutation('signAgreement')
  async signAgreement(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('agreement') agreement: unknown,
  ) {
    const identity = await this.identity(context);
    await this.partners.signAgreement(identity, id, inputFromGraph(agreement));
    const view = await this.partners.agreement(identity, id);
    if (!view) throw new Error(`agreement ${id} is missing after a change to it`);
    return { agreement: toGraphAgreement(view) };
  }

  @Mutation('startCollaboration')
  async startCollaboration(
    @Context() context: RequestContext,
    @Args('collaboration') collaboration: CollaborationArgument,
  ) {
    const identity = await this.identity(context);
    await this.partners.startCollaboration(identity, inputFromGraph(collaboration));
    // The application parsed the input: these are what the collaboration was started with.
    const { projectId } = collaboration;
    const partnerId = collaboration.partner.id;
    const entry = await this.partners.collaboration(identity, projectId, partnerId);
    return { projectId, partnerId, collaboration: entry ? toCollaboration(entry) : null };
  }

  @Mutation('recordEngagement')
  async recordEngagement(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('engagement') engagement: unknown,
  ) {
    const identity = await this.identity(context);
    await this.partners.recordEngagement(identity, id, inputFromGraph(engagement));
    const entry = await this.partners.engagement(identity, id);
    if (!entry) throw new Error(`engagement ${id} is missing after a change to it`);
    return { engagement: entry };
  }

  /** The secret is in this answer only: no field of the graph reads it back. */
  @Mutation('issueWebhookSecret')
  async issueWebhookSecret(
    @Context() context: RequestContext,
    @Args('organisationId') organisationId: string,
  ) {
    const identity = await this.identity(context);
    const secret = await this.partners.issueWebhookSecret(identity, organisationId);
    return {
      organisationId,
      secret,
      organisation: await this.organisation(identity, organisationId),
    };
  }

  /** A submission after a moderator's decision, as the caller may see it. */
  private async moderated(identity: Identity, submissionId: string) {
    return {
      submissionId,
      outcome: (await this.partners.submission(identity, submissionId)) ?? null,
    };
  }

  @Mutation('acceptOutcome')
  async acceptOutcome(@Context() context: RequestContext, @Args('submissionId') id: string) {
    const identity = await this.identity(context);
    await this.partners.acceptOutcome(identity, id);
    return this.moderated(identity, id);
  }

  @Mutation('rejectOutcome')
  async rejectOutcome(
    @Context() context: RequestContext,
    @Args('submissionId') id: string,
    @Args('reason') reason: string,
  ) {
    const identity = await this.identity(context);
    await this.partners.rejectOutcome(identity, id, reason);
    return this.moderated(identity, id);
  }

  /** A quarantined item after a change the caller just made. */
  private async quarantined(identity: Identity, itemId: string) {
    const item = await this.partners.quarantinedItem(identity, itemId);
    if (!item) throw new Error(`quarantined item ${itemId} is missing after a change to it`);
    return item;
  }

  @Mutation('resubmitQuarantined')
  async resubmitQuarantined(
    @Context() context: RequestContext,
    @Args('itemId') itemId: string,
    @Args('outcome') outcome: unknown,
  ) {
    const identity = await this.identity(context);
    const submissionId = await this.partners.resubmit(identity, itemId, inputFromGraph(outcome));
    return {
      submissionId,
      outcome: (await this.partners.submission(identity, submissionId)) ?? null,
      item: await this.quarantined(identity, itemId),
    };
  }

  @Mutation('discardQuarantined')
  async discardQuarantined(
    @Context() context: RequestContext,
    @Args('itemId') itemId: string,
    @Args('reason') reason: string,
  ) {
    const identity = await this.identity(context);
    await this.partners.discard(identity, itemId, reason);
    return { item: await this.quarantined(identity, itemId) };
  }
}
