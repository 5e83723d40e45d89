import { randomUUID } from 'node:crypto';
import { ProjectNotFound } from '@ebp/access';
import { PERSONAL_DATA_CLASSIFICATION, dissemination, vocabularies } from '@ebp/contracts';
import {
  CommandHandler,
  commandContextFor,
  type DocumentCollection,
  type Filter,
} from '@ebp/eventing';
import { hasRole, requireRole, type Identity } from '@ebp/platform';
import type { VisibleLibraryItem } from '../access/item-visibility';
import { MODERATORS, staffMemberOf } from '../access/library-access';
import type { DisseminationStores } from '../application/dissemination-application';
import { NotFound } from '../dissemination-errors';
import type { ForumPostEntry, ForumThreadEntry } from '../projections/forum-threads';
import {
  forumThreadDecider,
  forumThreadStreamId,
  type ForumThreadCommand,
} from './forum-thread.decider';

/** What the forum needs of the service: its stores, and the library items a caller may read. */
export interface ForumStores extends Pick<
  DisseminationStores,
  'store' | 'projects' | 'catchUp' | 'now'
> {
  readonly forumThreads: () => Promise<DocumentCollection<ForumThreadEntry>>;
  readonly readableItems: (
    identity: Identity,
    itemIds: readonly string[],
  ) => Promise<VisibleLibraryItem[]>;
  /** Refuses, as one that does not exist, any item named that the caller may not read. */
  readonly requireReadableItems: (identity: Identity, itemIds: readonly string[]) => Promise<void>;
}

/** A post as the caller sees it: the items they may not read left out, moderation for moderators. */
export interface ForumPostView extends Omit<ForumPostEntry, 'moderation' | 'openReports'> {
  /** Moderators only; null for everyone else. */
  moderation: ForumPostEntry['moderation'] | null;
  /** Moderators only: reports since the post was last hidden or restored. */
  openReports: number | null;
}

export interface ForumThreadView extends Omit<ForumThreadEntry, 'posts' | 'awaitingModeration'> {
  opening: ForumPostView;
  replies: ForumPostView[];
}

/** How many threads a page lists unless asked for another number, and at most. */
const DEFAULT_THREADS = 20;
const MAX_THREADS = 100;
/** Threads read from the read model at a time while filling a page with those the caller may see. */
const BATCH = 200;

/**
 * The 'What Works' forum (issue 20): threads on terms of the shared vocabularies, replies, and
 * moderation. A post that names a research project is that project's data: only those who may see
 * every project a post names see the post (a thread goes with its opening post), and nobody may
 * name a project they may not see, which is refused exactly as a project that does not exist.
 * Library items a post points to are shown only to those who may read them. Hidden posts are
 * shown to moderators only.
 */
export class ForumApplication {
  private readonly commands;

  constructor(private readonly stores: ForumStores) {
    this.commands = new CommandHandler(stores.store, forumThreadDecider);
  }

  async startThread(identity: Identity, thread: unknown): Promise<string> {
    const personId = staffMemberOf(identity, 'start forum threads');
    await this.requireReferences(identity, dissemination.ForumThreadSchema.safeParse(thread).data);
    const threadId = `thread-${randomUUID()}`;
    await this.handle(identity, threadId, { type: 'start', threadId, personId, thread });
    return threadId;
  }

  async reply(identity: Identity, threadId: string, reply: unknown): Promise<string> {
    const personId = staffMemberOf(identity, 'reply in the forum');
    await this.requireThread(identity, threadId);
    await this.requireReferences(identity, dissemination.ForumReplySchema.safeParse(reply).data);
    const replyId = `reply-${randomUUID()}`;
    await this.handle(identity, threadId, { type: 'reply', threadId, replyId, personId, reply });
    return replyId;
  }

  async report(identity: Identity, threadId: string, postId: string, reason: unknown) {
    const personId = staffMemberOf(identity, 'report forum posts');
    await this.requirePost(identity, threadId, postId);
    await this.handle(identity, threadId, { type: 'report', threadId, postId, personId, reason });
  }

  async moderate(
    identity: Identity,
    action: 'hide' | 'restore',
    threadId: string,
    postId: string,
    reason: unknown,
  ) {
    staffMemberOf(identity, `${action} forum posts`);
    requireRole(identity, MODERATORS, `${action} forum posts`);
    await this.requirePost(identity, threadId, postId);
    const by = identity.actor.id;
    await this.handle(identity, threadId, { type: action, threadId, postId, by, reason });
  }

  /** A thread as the caller sees it; null when it does not exist or they may not see it. */
  async thread(identity: Identity, threadId: string): Promise<ForumThreadView | null> {
    staffMemberOf(identity, 'read the forum');
    const entry = (await (await this.stores.forumThreads()).get(threadId))?.body;
    return entry ? ((await this.viewsFor(identity, [entry]))[0] ?? null) : null;
  }

  /**
   * Threads the caller may see, newest first: on one term (in any spelling or synonym the
   * vocabularies know) when a topic is given; for moderators, only those waiting for them.
   */
  async threads(
    identity: Identity,
    options: { topic?: string; limit?: number; awaitingModeration?: boolean } = {},
  ): Promise<ForumThreadView[]> {
    staffMemberOf(identity, 'read the forum');
    if (options.awaitingModeration) requireRole(identity, MODERATORS, 'see reported forum posts');
    const limit = Math.min(Math.max(options.limit ?? DEFAULT_THREADS, 1), MAX_THREADS);
    const filter = this.filterFor(options);
    if (filter === null) return [];
    const collection = await this.stores.forumThreads();
    const shown: ForumThreadView[] = [];
    for (let offset = 0; shown.length < limit; offset += BATCH) {
      const found = await collection.find({
        filter,
        // By when the thread started: the time of a later post may be that of one the caller
        // may not see, and an order by it would tell them something was posted.
        sort: [{ field: 'startedAt', direction: 'desc' }],
        limit: BATCH,
        offset,
        total: false,
      });
      const views = await this.viewsFor(
        identity,
        found.items.map((item) => item.body),
      );
      shown.push(
        ...views.filter(
          (view) =>
            !options.awaitingModeration ||
            [view.opening, ...view.replies].some((post) => (post.openReports ?? 0) > 0),
        ),
      );
      if (found.items.length < BATCH) break;
    }
    return shown.slice(0, limit);
  }

  /** The read model's filter for the options; null when the topic names no term at all. */
  private filterFor(options: { topic?: string; awaitingModeration?: boolean }): Filter | null {
    const filter: Record<string, unknown> = {};
    if (options.awaitingModeration) filter.awaitingModeration = true;
    if (options.topic !== undefined) {
      const term = vocabularies.termOfIdentity(
        vocabularies.termIdentity(vocabularies.SUBJECT_VOCABULARIES, options.topic),
      );
      if (!term) return null;
      filter['topic.vocabularyId'] = term.vocabularyId;
      filter['topic.termId'] = term.termId;
    }
    return filter as Filter;
  }

  /**
   * The threads as the caller sees them, in order, those they may not see left out: one read of
   * the projects' audiences and one of the items for the whole batch.
   */
  private async viewsFor(
    identity: Identity,
    entries: readonly ForumThreadEntry[],
  ): Promise<ForumThreadView[]> {
    const posts = entries.flatMap((entry) => entry.posts);
    const [visibleProjects, readableItems] = await Promise.all([
      this.stores.projects.visibleIds(
        identity,
        posts.flatMap((post) => post.projectIds),
      ),
      this.stores
        .readableItems(identity, [...new Set(posts.flatMap((post) => post.itemIds))])
        .then((seen) => new Set(seen.map((each) => each.entry.itemId))),
    ]);
    const moderator = hasRole(identity, MODERATORS);
    const view = (post: ForumPostEntry): ForumPostView | null => {
      if (post.hidden && !moderator) return null;
      if (!post.projectIds.every((projectId) => visibleProjects.has(projectId))) return null;
      return {
        ...post,
        itemIds: post.itemIds.filter((itemId) => readableItems.has(itemId)),
        moderation: moderator ? post.moderation : null,
        openReports: moderator ? post.openReports : null,
      };
    };
    return entries.flatMap((entry) => {
      const [first, ...rest] = entry.posts;
      const opening = first ? view(first) : null;
      if (!opening) return [];
      const { posts: _posts, awaitingModeration: _awaiting, ...thread } = entry;
      const replies = rest.flatMap((reply) => {
        const seen = view(reply);
        return seen ? [seen] : [];
      });
      // The last post the caller may see, not the last one written.
      const lastPostAt = [opening, ...replies].reduce(
        (latest, post) => (post.postedAt > latest ? post.postedAt : latest),
        opening.postedAt,
      );
      return [{ ...thread, lastPostAt, opening, replies }];
    });
  }

  private async handle(identity: Identity, threadId: string, command: ForumThreadCommand) {
    await this.commands.handle(
      forumThreadStreamId(threadId),
      command,
      // Every forum event names its author, reporter or moderator: personal data.
      commandContextFor(identity.actor, this.stores.now(), PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  /**
   * Every project named must be one the author may see (else answered as a project that does not
   * exist) and every item one they may read (else as an item that does not exist). A post that
   * breaks the contract is left to the decider, which says why.
   */
  private async requireReferences(
    identity: Identity,
    post: { projectIds: string[]; itemIds: string[] } | undefined,
  ) {
    if (!post) return;
    await this.stores.projects.requireAllVisible(
      identity,
      post.projectIds,
      () => new ProjectNotFound(),
    );
    await this.stores.requireReadableItems(identity, post.itemIds);
  }

  /** The thread, if the caller may see it; otherwise NOT_FOUND, as for one that does not exist. */
  private async requireThread(identity: Identity, threadId: string): Promise<ForumThreadView> {
    const thread = await this.thread(identity, threadId);
    if (!thread) throw new NotFound(`No forum thread ${threadId}`);
    return thread;
  }

  private async requirePost(identity: Identity, threadId: string, postId: string) {
    const thread = await this.requireThread(identity, threadId);
    if (![thread.opening, ...thread.replies].some((post) => post.postId === postId))
      throw new NotFound(`No post ${postId} in forum thread ${threadId}`);
  }
}
