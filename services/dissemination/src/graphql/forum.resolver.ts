import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { identityOf, inputFromGraph, type RequestContext } from '@ebp/platform';
import {
  ForumApplication,
  type ForumPostView,
  type ForumThreadView,
} from '../forum/forum-application';
import { DISSEMINATION_RUNTIME, type DisseminationRuntime } from './dissemination-runtime';
import { DisseminationApplication } from '../application/dissemination-application';
import { itemsLoader } from './library.resolver';
import { toLibraryItem } from './library-item.view';

const toPost = (post: ForumPostView) => ({
  ...post,
  id: post.postId,
  author: { id: post.personId },
  projects: post.projectIds.map((id) => ({ id })),
  moderation: post.moderation?.map((entry) => ({ ...entry, by: { id: entry.by } })) ?? null,
});

const toThread = (thread: ForumThreadView) => ({
  ...thread,
  id: thread.threadId,
  topic: { ...thread.topic, vocabulary: thread.topic.vocabularyId },
  opening: toPost(thread.opening),
  replies: thread.replies.map(toPost),
});

/** The forum's questions and changes; the forum application decides who sees and may do what. */
@Resolver('ForumThread')
export class ForumThreadResolver {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) private readonly runtime: DisseminationRuntime,
    @Inject(ForumApplication) private readonly forum: ForumApplication,
  ) {}

  private identity(context: RequestContext) {
    return identityOf(this.runtime, context);
  }

  @Query('forumThreads')
  async threads(
    @Context() context: RequestContext,
    @Args('topic') topic?: string | null,
    @Args('limit') limit?: number | null,
  ) {
    const views = await this.forum.threads(await this.identity(context), {
      ...(topic === undefined || topic === null ? {} : { topic }),
      ...(limit === undefined || limit === null ? {} : { limit }),
    });
    return views.map(toThread);
  }

  @Query('forumThread')
  async thread(@Context() context: RequestContext, @Args('id') id: string) {
    const view = await this.forum.thread(await this.identity(context), id);
    return view ? toThread(view) : null;
  }

  @Query('forumModerationQueue')
  async queue(@Context() context: RequestContext, @Args('limit') limit?: number | null) {
    const views = await this.forum.threads(await this.identity(context), {
      awaitingModeration: true,
      ...(limit === undefined || limit === null ? {} : { limit }),
    });
    return views.map(toThread);
  }

  /** The thread after a change the caller just made (read after the projections caught up). */
  private async changed(context: RequestContext, id: string) {
    const thread = await this.thread(context, id);
    if (!thread) throw new Error(`forum thread ${id} is missing after a change to it`);
    return thread;
  }

  @Mutation('startForumThread')
  async start(@Context() context: RequestContext, @Args('thread') thread: unknown) {
    const identity = await this.identity(context);
    const threadId = await this.forum.startThread(identity, inputFromGraph(thread));
    return { thread: await this.changed(context, threadId) };
  }

  @Mutation('replyToForumThread')
  async reply(
    @Context() context: RequestContext,
    @Args('threadId') threadId: string,
    @Args('reply') reply: unknown,
  ) {
    const identity = await this.identity(context);
    const replyId = await this.forum.reply(identity, threadId, inputFromGraph(reply));
    return { replyId, thread: await this.changed(context, threadId) };
  }

  @Mutation('reportForumPost')
  async report(
    @Context() context: RequestContext,
    @Args('threadId') threadId: string,
    @Args('postId') postId: string,
    @Args('reason') reason: string,
  ) {
    await this.forum.report(await this.identity(context), threadId, postId, reason);
    return { thread: await this.changed(context, threadId) };
  }

  @Mutation('hideForumPost')
  async hide(
    @Context() context: RequestContext,
    @Args('threadId') threadId: string,
    @Args('postId') postId: string,
    @Args('reason') reason: string,
  ) {
    await this.forum.moderate(await this.identity(context), 'hide', threadId, postId, reason);
    return { thread: await this.changed(context, threadId) };
  }

  @Mutation('restoreForumPost')
  async restore(
    @Context() context: RequestContext,
    @Args('threadId') threadId: string,
    @Args('postId') postId: string,
    @Args('reason') reason: string,
  ) {
    await this.forum.moderate(await this.identity(context), 'restore', threadId, postId, reason);
    return { thread: await this.changed(context, threadId) };
  }
}

@Resolver('ForumPost')
export class ForumPostResolver {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) private readonly runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) private readonly library: DisseminationApplication,
  ) {}

  /** The items a post points to that the caller may read (one read for all posts of a request). */
  @ResolveField('items')
  async items(@Parent() post: { itemIds: string[] }, @Context() context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    const seen = await itemsLoader(context, identity, this.library).loadMany(post.itemIds);
    return seen.flatMap((item) => {
      if (item instanceof Error) throw item;
      return item ? [toLibraryItem(item)] : [];
    });
  }
}
