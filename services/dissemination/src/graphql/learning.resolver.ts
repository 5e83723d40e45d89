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
import { inputFromGraph, type RequestContext } from '@ebp/platform';
import {
  DisseminationApplication,
  type MasterClassView,
} from '../application/dissemination-application';
import type { LearningNetworkEntry } from '../projections/dissemination-read-models';
import { DISSEMINATION_RUNTIME, type DisseminationRuntime } from './dissemination-runtime';
import { DisseminationResolverBase } from './library.resolver';
import { toLibraryItem } from './library-item.view';

const people = (ids: readonly string[] | null) => ids?.map((id) => ({ id })) ?? null;

const toMasterClass = (view: MasterClassView) => ({
  ...view,
  id: view.masterClassId,
  registered: people(view.registered),
  waiting: people(view.waiting),
  attended: people(view.attended),
});

const toNetwork = (entry: LearningNetworkEntry) => ({
  ...entry,
  id: entry.networkId,
  members: entry.members.map((id) => ({ id })),
  posts: entry.posts.map((post) => ({
    ...post,
    id: post.postId,
    author: { id: post.personId },
  })),
});

@Resolver('MasterClass')
export class MasterClassResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @Query('masterClass')
  async masterClass(@Context() context: RequestContext, @Args('id') id: string) {
    const view = await this.library.masterClass(await this.identity(context), id);
    return view ? toMasterClass(view) : null;
  }

  @Query('upcomingMasterClasses')
  async upcoming(@Context() context: RequestContext) {
    return (await this.library.upcomingMasterClasses(await this.identity(context))).map(
      toMasterClass,
    );
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    return this.masterClass(context, reference.id);
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() masterClass: { id: string }, @Context() context: RequestContext) {
    return this.trail(context, 'master_class', masterClass.id);
  }

  /** The master class after a change the caller just made (read after the projections caught up). */
  private async changed(context: RequestContext, id: string) {
    const masterClass = await this.masterClass(context, id);
    if (!masterClass) throw new Error(`master class ${id} is missing after a change to it`);
    return { masterClass };
  }

  @Mutation('scheduleMasterClass')
  async schedule(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('masterClass') masterClass: unknown,
  ) {
    const identity = await this.identity(context);
    await this.library.scheduleMasterClass(identity, id, inputFromGraph(masterClass));
    return this.changed(context, id);
  }

  @Mutation('registerForMasterClass')
  async register(@Context() context: RequestContext, @Args('id') id: string) {
    await this.library.registerForMasterClass(await this.identity(context), id);
    return this.changed(context, id);
  }

  @Mutation('cancelMasterClassRegistration')
  async cancelRegistration(@Context() context: RequestContext, @Args('id') id: string) {
    await this.library.cancelRegistration(await this.identity(context), id);
    return this.changed(context, id);
  }

  @Mutation('recordAttendance')
  async recordAttendance(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('personIds') personIds: string[],
  ) {
    await this.library.recordAttendance(await this.identity(context), id, personIds);
    return this.changed(context, id);
  }

  @Mutation('recordPartnerAttendance')
  async recordPartnerAttendance(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('organisationIds') organisationIds: string[],
  ) {
    await this.library.recordPartnerAttendance(await this.identity(context), id, organisationIds);
    return this.changed(context, id);
  }

  @Mutation('cancelMasterClass')
  async cancel(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
  ) {
    await this.library.cancelMasterClass(await this.identity(context), id, reason);
    return this.changed(context, id);
  }
}

@Resolver('LearningNetwork')
export class LearningNetworkResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @Query('learningNetworks')
  async networks(@Context() context: RequestContext) {
    return (await this.library.networks(await this.identity(context))).map(toNetwork);
  }

  @Query('learningNetwork')
  async network(@Context() context: RequestContext, @Args('id') id: string) {
    const entry = await this.library.network(await this.identity(context), id);
    return entry ? toNetwork(entry) : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    return this.network(context, reference.id);
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() network: { id: string }, @Context() context: RequestContext) {
    return this.trail(context, 'network', network.id);
  }

  /** The network after a change the caller just made (read after the projections caught up). */
  private async changed(context: RequestContext, id: string) {
    const network = await this.network(context, id);
    if (!network) throw new Error(`learning network ${id} is missing after a change to it`);
    return network;
  }

  @Mutation('createLearningNetwork')
  async create(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('network') network: unknown,
  ) {
    await this.library.createNetwork(await this.identity(context), id, inputFromGraph(network));
    return { network: await this.changed(context, id) };
  }

  @Mutation('joinLearningNetwork')
  async join(@Context() context: RequestContext, @Args('id') id: string) {
    await this.library.joinNetwork(await this.identity(context), id, true);
    return { network: await this.changed(context, id) };
  }

  @Mutation('leaveLearningNetwork')
  async leave(@Context() context: RequestContext, @Args('id') id: string) {
    await this.library.joinNetwork(await this.identity(context), id, false);
    return { network: await this.changed(context, id) };
  }

  @Mutation('shareLearning')
  async share(
    @Context() context: RequestContext,
    @Args('networkId') networkId: string,
    @Args('post') post: unknown,
  ) {
    const identity = await this.identity(context);
    const postId = await this.library.shareLearning(identity, networkId, inputFromGraph(post));
    return { postId, network: await this.changed(context, networkId) };
  }
}

@Resolver('LearningPost')
export class LearningPostResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  /** The items a post links to that the caller may read (one read for the post). */
  @ResolveField('items')
  async items(@Parent() post: { itemIds: string[] }, @Context() context: RequestContext) {
    return (await this.library.items(await this.identity(context), post.itemIds)).map(
      toLibraryItem,
    );
  }
}

@Resolver()
export class SubscriptionResolver extends DisseminationResolverBase {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @Query('mySubscription')
  async mySubscription(@Context() context: RequestContext) {
    return this.library.mySubscription(await this.identity(context));
  }

  @Query('myDigest')
  async myDigest(@Context() context: RequestContext, @Args('since') since: string) {
    return (await this.library.digest(await this.identity(context), since)).map(toLibraryItem);
  }

  @Mutation('subscribe')
  async subscribe(@Context() context: RequestContext, @Args('subscription') subscription: unknown) {
    const identity = await this.identity(context);
    await this.library.subscribe(identity, inputFromGraph(subscription));
    return { subscription: await this.library.mySubscription(identity) };
  }

  @Mutation('startDigestEmails')
  async startDigestEmails(@Context() context: RequestContext, @Args('email') email: unknown) {
    const identity = await this.identity(context);
    await this.library.startDigestEmails(identity, inputFromGraph(email));
    return { subscription: await this.library.mySubscription(identity) };
  }

  @Mutation('stopDigestEmails')
  async stopDigestEmails(@Context() context: RequestContext) {
    const identity = await this.identity(context);
    await this.library.stopDigestEmails(identity);
    return { subscription: await this.library.mySubscription(identity) };
  }
}
