import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { dissemination } from '@ebp/contracts';
import {
  identityOf,
  inputFromGraph,
  loaderKind,
  requestLoader,
  toGraphAuditEntry,
  type Identity,
  type RequestContext,
} from '@ebp/platform';
import type { VisibleLibraryItem } from '../access/item-visibility';
import {
  DisseminationApplication,
  type LibraryItemStatus,
} from '../application/dissemination-application';
import type { SearchFilters, SearchHit } from '../search/search-index';
import { DISSEMINATION_RUNTIME, type DisseminationRuntime } from './dissemination-runtime';
import { toDelivery, toLibraryItem } from './library-item.view';

/** What one request reads in batches: every key asked for in a tick is read together. */
const ITEMS = loaderKind<string, VisibleLibraryItem | null>('dissemination.items');
const PUBLICATIONS_OF = loaderKind<string, VisibleLibraryItem[]>('dissemination.publicationsOf');

/** The library items of one request, read together as the caller may see them (null if not). */
export function itemsLoader(
  context: RequestContext,
  identity: Identity,
  library: DisseminationApplication,
) {
  return requestLoader(context, ITEMS, async (itemIds) => {
    const found = await library.items(identity, itemIds);
    const byId = new Map(found.map((item) => [item.entry.itemId, item]));
    return itemIds.map((id) => byId.get(id) ?? null);
  });
}

export abstract class DisseminationResolverBase {
  constructor(
    protected readonly runtime: DisseminationRuntime,
    protected readonly library: DisseminationApplication,
  ) {}

  protected identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  protected async trail(
    context: RequestContext,
    kind: Parameters<DisseminationApplication['auditTrailOf']>[1],
    id: string,
  ) {
    const entries = await this.library.auditTrailOf(await this.identity(context), kind, id);
    return entries.map(toGraphAuditEntry);
  }

  protected view(seen: VisibleLibraryItem | null) {
    return seen ? toLibraryItem(seen) : null;
  }
}

@Resolver('LibraryItem')
export class LibraryItemResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @Query('libraryItem')
  async libraryItem(@Context() context: RequestContext, @Args('id') id: string) {
    return this.view(await this.library.item(await this.identity(context), id));
  }

  @Query('libraryItems')
  async libraryItems(
    @Context() context: RequestContext,
    @Args('status') status: LibraryItemStatus,
  ) {
    const identity = await this.identity(context);
    const found = await this.library.itemsByStatus(identity, status);
    return found.map(toLibraryItem);
  }

  @Query('recentlyPublished')
  async recentlyPublished(
    @Context() context: RequestContext,
    @Args('limit') limit?: number | null,
  ) {
    const identity = await this.identity(context);
    return (await this.library.recentlyPublished(identity, limit ?? 20)).map(toLibraryItem);
  }

  /** `_entities`: the items of one request read together, under the same rule as `libraryItem`. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    const identity = await this.identity(context);
    return this.view(await itemsLoader(context, identity, this.library).load(reference.id));
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() item: { id: string }, @Context() context: RequestContext) {
    return this.trail(context, 'library-item', item.id);
  }

  @ResolveField('deliveries')
  async deliveries(@Parent() item: { id: string }, @Context() context: RequestContext) {
    return (await this.library.deliveriesOf(await this.identity(context), item.id)).map(toDelivery);
  }
}

@Resolver('SearchHit')
export class SearchResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @Query('search')
  async search(
    @Context() context: RequestContext,
    @Args('text') text?: string | null,
    @Args('filters') filters?: SearchFilters | null,
    @Args('limit') limit?: number | null,
    @Args('offset') offset?: number | null,
  ) {
    return this.library.search(await this.identity(context), {
      ...(text ? { text } : {}),
      ...(filters ? { filters } : {}),
      ...(limit ? { limit } : {}),
      ...(offset ? { offset } : {}),
    });
  }

  @Query('whatWorks')
  async whatWorks(@Context() context: RequestContext, @Args('crimeProblem') crimeProblem: string) {
    return this.library.whatWorks(await this.identity(context), crimeProblem);
  }

  @Query('disseminationTargets')
  disseminationTargets() {
    const configured = new Set(this.library.targets().map((target) => target.id));
    return Object.entries(dissemination.NATIONAL_BODIES).map(([id, body]) => ({
      id,
      ...body,
      configured: configured.has(id as dissemination.TargetId),
    }));
  }

  @ResolveField('item')
  async item(@Parent() hit: SearchHit, @Context() context: RequestContext) {
    return this.view(await this.library.item(await this.identity(context), hit.itemId));
  }
}

/** The library's and the pipeline's mutations; the rules live in the application and deciders. */
@Resolver()
export class LibraryCommandsResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  /**
   * The item after a change the caller just made, read as they may read it (the application
   * caught the read models up after the write): null if the change took it out of their sight.
   */
  private async changed(context: RequestContext, id: string, version?: number) {
    const seen = await this.library.item(await this.identity(context), id);
    return {
      id,
      item: this.view(seen),
      version: version ?? seen?.entry.published?.version ?? null,
    };
  }

  @Mutation('draftLibraryItem')
  async draft(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('content') content: unknown,
  ) {
    await this.library.draftItem(await this.identity(context), id, inputFromGraph(content));
    return this.changed(context, id);
  }

  @Mutation('reviseLibraryItem')
  async revise(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('content') content: unknown,
  ) {
    await this.library.reviseItem(await this.identity(context), id, inputFromGraph(content));
    return this.changed(context, id);
  }

  @Mutation('publishLibraryItem')
  async publish(@Context() context: RequestContext, @Args('id') id: string) {
    const version = await this.library.publishItem(await this.identity(context), id);
    return this.changed(context, id, version);
  }

  @Mutation('withdrawLibraryItem')
  async withdraw(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
  ) {
    await this.library.withdrawItem(await this.identity(context), id, reason);
    return this.changed(context, id);
  }

  @Mutation('releaseLibraryItem')
  async release(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('version') version: number,
    @Args('targetIds') targetIds: string[],
    @Args('justification') justification: string,
  ) {
    await this.library.releaseItem(
      await this.identity(context),
      id,
      version,
      targetIds,
      justification,
    );
    return this.changed(context, id);
  }

  @Mutation('retryDelivery')
  async retryDelivery(@Context() context: RequestContext, @Args('id') id: string) {
    const identity = await this.identity(context);
    await this.library.retryDelivery(identity, id);
    const delivery = await this.library.delivery(identity, id);
    if (!delivery) throw new Error(`delivery ${id} is missing after a change to it`);
    return { delivery: toDelivery(delivery) };
  }
}

/** The library's part of the register's entity. */
@Resolver('ResearchProject')
export class ResearchProjectPublicationsResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    await this.identity(context);
    return { id: reference.id };
  }

  @ResolveField('publications')
  async publications(@Parent() project: { id: string }, @Context() context: RequestContext) {
    const identity = await this.identity(context);
    const found = await requestLoader(context, PUBLICATIONS_OF, async (projectIds) => {
      const publications = await this.library.publicationsOfMany(identity, projectIds);
      return projectIds.map((id) => publications.get(id) ?? []);
    }).load(project.id);
    return found.map(toLibraryItem);
  }
}
