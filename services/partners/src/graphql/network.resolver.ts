import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { identityOf, toGraphAuditEntry, type Identity, type RequestContext } from '@ebp/platform';
import { PartnersApplication } from '../application/partners-application';
import type { CollaborationEntry } from '../collaborations/projections/collaborations.projection';
import type { AcademicEntry, OrganisationEntry } from '../projections/partners-read-models';
import { PARTNERS_RUNTIME, type PartnersRuntime } from './partners-runtime';

export const toOrganisation = (entry: OrganisationEntry) => ({
  ...entry,
  id: entry.organisationId,
});
export const toAcademic = (entry: AcademicEntry) => ({ ...entry, id: entry.academicId });
export const toCollaboration = (entry: CollaborationEntry) => ({
  ...entry,
  project: { id: entry.projectId },
});

abstract class PartnersResolverBase {
  constructor(
    protected readonly runtime: PartnersRuntime,
    protected readonly partners: PartnersApplication,
  ) {}

  protected identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }
}

@Resolver('Organisation')
export class OrganisationResolver extends PartnersResolverBase {
  constructor(
    @Inject(PARTNERS_RUNTIME) runtime: PartnersRuntime,
    @Inject(PartnersApplication) partners: PartnersApplication,
  ) {
    super(runtime, partners);
  }

  @Query('organisation')
  async organisation(@Context() context: RequestContext, @Args('id') id: string) {
    const entry = await this.partners.organisation(await this.identity(context), id);
    return entry ? toOrganisation(entry) : null;
  }

  @Query('organisations')
  async organisations(
    @Context() context: RequestContext,
    @Args('expertise') expertise?: string | null,
    @Args('kind') kind?: string | null,
  ) {
    const found = await this.partners.searchOrganisations(
      await this.identity(context),
      expertise ?? undefined,
      kind ?? undefined,
    );
    return found.map(toOrganisation);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    return this.organisation(context, reference.id);
  }

  @ResolveField('collaborations')
  async collaborations(@Parent() organisation: { id: string }, @Context() context: RequestContext) {
    const identity = await this.identity(context);
    return (await this.partners.collaborationsOf(identity, organisation.id)).map(toCollaboration);
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() organisation: { id: string }, @Context() context: RequestContext) {
    const entries = await this.partners.auditTrailOf(
      await this.identity(context),
      'organisation',
      organisation.id,
    );
    return entries.map(toGraphAuditEntry);
  }

  @ResolveField('engagements')
  async engagements(@Parent() organisation: { id: string }, @Context() context: RequestContext) {
    return this.partners.engagementLog(await this.identity(context), {
      organisationId: organisation.id,
    });
  }
}

@Resolver('Academic')
export class AcademicResolver extends PartnersResolverBase {
  constructor(
    @Inject(PARTNERS_RUNTIME) runtime: PartnersRuntime,
    @Inject(PartnersApplication) partners: PartnersApplication,
  ) {
    super(runtime, partners);
  }

  @Query('academic')
  async academic(@Context() context: RequestContext, @Args('id') id: string) {
    const entry = await this.partners.academic(await this.identity(context), id);
    return entry ? toAcademic(entry) : null;
  }

  @Query('academics')
  async academics(
    @Context() context: RequestContext,
    @Args('expertise') expertise?: string | null,
  ) {
    const found = await this.partners.searchAcademics(
      await this.identity(context),
      expertise ?? undefined,
    );
    return found.map(toAcademic);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    return this.academic(context, reference.id);
  }

  @ResolveField('collaborations')
  async collaborations(@Parent() academic: { id: string }, @Context() context: RequestContext) {
    const identity = await this.identity(context);
    return (await this.partners.collaborationsOf(identity, academic.id)).map(toCollaboration);
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() academic: { id: string }, @Context() context: RequestContext) {
    const entries = await this.partners.auditTrailOf(
      await this.identity(context),
      'academic',
      academic.id,
    );
    return entries.map(toGraphAuditEntry);
  }
}

@Resolver('Collaboration')
export class CollaborationResolver extends PartnersResolverBase {
  constructor(
    @Inject(PARTNERS_RUNTIME) runtime: PartnersRuntime,
    @Inject(PartnersApplication) partners: PartnersApplication,
  ) {
    super(runtime, partners);
  }

  @ResolveField('organisation')
  async organisation(@Parent() entry: CollaborationEntry, @Context() context: RequestContext) {
    if (entry.partnerKind !== 'organisation') return null;
    const found = await this.partners.organisation(await this.identity(context), entry.partnerId);
    return found ? toOrganisation(found) : null;
  }

  @ResolveField('academic')
  async academic(@Parent() entry: CollaborationEntry, @Context() context: RequestContext) {
    if (entry.partnerKind !== 'academic') return null;
    const found = await this.partners.academic(await this.identity(context), entry.partnerId);
    return found ? toAcademic(found) : null;
  }
}

/** The partners' part of the register's entity. */
@Resolver('ResearchProject')
export class ResearchProjectPartnersResolver extends PartnersResolverBase {
  constructor(
    @Inject(PARTNERS_RUNTIME) runtime: PartnersRuntime,
    @Inject(PartnersApplication) partners: PartnersApplication,
  ) {
    super(runtime, partners);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    await this.identity(context);
    return { id: reference.id };
  }

  @ResolveField('partners')
  async partnersOf(@Parent() project: { id: string }, @Context() context: RequestContext) {
    return (await this.partners.partnersOf(await this.identity(context), project.id)).map(
      toCollaboration,
    );
  }

  @ResolveField('partnerOutcomes')
  async partnerOutcomes(@Parent() project: { id: string }, @Context() context: RequestContext) {
    return this.partners.publishedOutcomesOf(await this.identity(context), project.id);
  }
}
