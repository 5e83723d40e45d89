import type { dissemination } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import type { DisseminationEvent } from '../dissemination-events';

/** One report, hiding or restoring of a post: the forum's audit trail, for moderators. */
export interface ModerationEntry {
  action: dissemination.ModerationAction;
  by: string;
  reason: string;
  at: string;
}

export interface ForumPostEntry {
  /** The opening post's id is its thread's. */
  postId: string;
  personId: string;
  body: string;
  itemIds: string[];
  projectIds: string[];
  postedAt: string;
  hidden: boolean;
  /** Reports since the post was last hidden or restored: the moderators' queue. */
  openReports: number;
  moderation: ModerationEntry[];
}

export interface ForumThreadEntry {
  threadId: string;
  title: string;
  topic: dissemination.ForumTopic;
  startedAt: string;
  /** When the last post was written (readers are shown the last post they may see). */
  lastPostAt: string;
  /** Whether any post waits for a moderator: a report since it was last hidden or restored. */
  awaitingModeration: boolean;
  posts: ForumPostEntry[];
}

const as = (stored: StoredEvent) => stored as unknown as DisseminationEvent<'forum.'>;

function post(
  postId: string,
  personId: string,
  content: dissemination.ForumReply,
  postedAt: string,
): ForumPostEntry {
  return {
    postId,
    personId,
    body: content.body,
    itemIds: content.itemIds,
    projectIds: content.projectIds,
    postedAt,
    hidden: false,
    openReports: 0,
    moderation: [],
  };
}

/** The thread with one post changed, and whether any post now waits for a moderator. */
function moderated(
  thread: ForumThreadEntry,
  postId: string,
  change: (post: ForumPostEntry) => ForumPostEntry,
): ForumThreadEntry {
  const posts = thread.posts.map((each) => (each.postId === postId ? change(each) : each));
  return { ...thread, posts, awaitingModeration: posts.some((each) => each.openReports > 0) };
}

/** Threads of the 'What Works' forum with their posts and each post's moderation. */
export const forumThreads: ProjectionDefinition<ForumThreadEntry> = {
  name: 'dissemination-forum-threads',
  version: 1,
  handles: [
    'dissemination.forum.thread-started',
    'dissemination.forum.replied',
    'dissemination.forum.post-reported',
    'dissemination.forum.post-hidden',
    'dissemination.forum.post-restored',
  ],
  documentId: (stored) => as(stored).data.threadId,
  evolve: (current, stored) => {
    const event = as(stored);
    const at = stored.metadata.recordedAt;
    if (event.type === 'dissemination.forum.thread-started') {
      const { threadId, personId, thread } = event.data;
      return {
        threadId,
        title: thread.title,
        topic: thread.topic,
        startedAt: at,
        lastPostAt: at,
        awaitingModeration: false,
        posts: [post(threadId, personId, thread, at)],
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.forum.replied':
        return {
          ...current,
          lastPostAt: at,
          posts: [
            ...current.posts,
            post(event.data.replyId, event.data.personId, event.data.reply, at),
          ],
        };
      case 'dissemination.forum.post-reported':
        return moderated(current, event.data.postId, (each) => ({
          ...each,
          openReports: each.openReports + 1,
          moderation: [...each.moderation, { action: 'reported', ...entryOf(event.data, at) }],
        }));
      case 'dissemination.forum.post-hidden':
      case 'dissemination.forum.post-restored': {
        const hidden = event.type === 'dissemination.forum.post-hidden';
        return moderated(current, event.data.postId, (each) => ({
          ...each,
          hidden,
          openReports: 0,
          moderation: [
            ...each.moderation,
            { action: hidden ? 'hidden' : 'restored', ...entryOf(event.data, at) },
          ],
        }));
      }
    }
  },
};

const entryOf = (data: { by: string; reason: string }, at: string) => ({
  by: data.by,
  reason: data.reason,
  at,
});
