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
import {
  identityOf,
  loaderKind,
  type LoaderKind,
  requestLoader,
  toGraphAuditEntry,
  type Identity,
  type RequestContext,
} from '@ebp/platform';
import { PartnersApplication } from '../application/partners-application';
import type { CollaborationEntry } from '../collaborations/projections/collaborations.projection';
import type {
  AcademicEntry,
  OrganisationEntry,
  OutcomeEntry,
} from '../projections/partners-read-models';
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

/** What one request reads in batches: every key asked for in a tick is read together. */
const ORGANISATIONS = loaderKind<string, OrganisationEntry | undefined>('partners.organisations');
const ACADEMICS = loaderKind<string, AcademicEntry | undefined>('partners.academics');
const PARTNERS_OF = loaderKind<string, CollaborationEntry[]>('partners.partnersOf');
const COLLABORATIONS_OF = loaderKind<string, CollaborationEntry[]>('partners.collaborationsOf');
const OUTCOMES_OF = loaderKind<string, OutcomeEntry[]>('partners.publishedOutcomesOf');

abstract class PartnersResolverBase {
  constructor(
    protected readonly runtime: PartnersRuntime,
    protected readonly partners: PartnersApplication,
  ) {}

  protected identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  /** One value per key from a batch read that answers by key (absent keys get `missing`). */
  protected async batched<Value>(
    context: RequestContext,
    kind: LoaderKind<string, Value>,
    key: string,
    read: (identity: Identity, keys: readonly string[]) => Promise<ReadonlyMap<string, Value>>,
    missing: Value,
  ): Promise<Value> {
    const identity = await this.identity(context);
    return requestLoader(context, kind, async (keys) => {
      const found = await read(identity, keys);
      return keys.map((id) => (found.has(id) ? found.get(id)! : missing));
    }).load(key);
  }

  protected organisationById(context: RequestContext, id: string) {
    return this.batched(
      context,
      ORGANISATIONS,
      id,
      (identity, ids) => this.partners.organisationsByIds(identity, ids),
      undefined,
    );
  }

  protected academicById(context: RequestContext, id: string) {
    return this.batched(
      context,
      ACADEMICS,
      id,
      (identity, ids) => this.partners.academicsByIds(identity, ids),
      undefined,
    );
  }

  protected collaborationsOf(context: RequestContext, partnerId: string) {
    return this.batched(
      context,
      COLLABORATIONS_OF,
      partnerId,
      (identity, ids) => this.partners.collaborationsOfMany(identity, ids),
      [],
    );
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
    const entry = await this.organisationById(context, reference.id);
    return entry ? toOrganisation(entry) : null;
  }

  @ResolveField('collaborations')
  async collaborations(@Parent() organisation: { id: string }, @Context() context: RequestContext) {
    return (await this.collaborationsOf(context, organisation.id)).map(toCollaboration);
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
    const entry = await this.academicById(context, reference.id);
    return entry ? toAcademic(entry) : null;
  }

  @ResolveField('collaborations')
  async collaborations(@Parent() academic: { id: string }, @Context() context: RequestContext) {
    return (await this.collaborationsOf(context, academic.id)).map(toCollaboration);
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
    const found = await this.organisationById(context, entry.partnerId);
    return found ? toOrganisation(found) : null;
  }

  @ResolveField('academic')
  async academic(@Parent() entry: CollaborationEntry, @Context() context: RequestContext) {
    if (entry.partnerKind !== 'academic') return null;
    const found = await this.academicById(context, entry.partnerId);
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
    const found = await this.batched(
      context,
      PARTNERS_OF,
      project.id,
      (identity, ids) => this.partners.partnersOfMany(identity, ids),
      [],
    );
    return found.map(toCollaboration);
  }

  @ResolveField('partnerOutcomes')
  async partnerOutcomes(@Parent() project: { id: string }, @Context() context: RequestContext) {
    return this.batched(
      context,
      OUTCOMES_OF,
      project.id,
      (identity, ids) => this.partners.publishedOutcomesOfMany(identity, ids),
      [],
    );
  }
}
