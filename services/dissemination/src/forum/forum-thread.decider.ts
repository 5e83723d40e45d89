import {
  PERSONAL_DATA_CLASSIFICATION,
  dissemination,
  parseOrThrow,
  vocabularies,
} from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
} from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type ForumThreadEvent = DisseminationEvent<'forum.'>;

/** What the decider needs of one post: whether moderators hid it, and who reported it since. */
interface PostState {
  readonly hidden: boolean;
  /** Who reported the post since it was last hidden or restored (each counts once). */
  readonly reportedBy: readonly string[];
}

export interface ForumThreadState {
  readonly started: boolean;
  /** Every post by id; the opening post's id is the thread's. */
  readonly posts: Readonly<Record<string, PostState>>;
}

export type ForumThreadCommand =
  | { type: 'start'; threadId: string; personId: string; thread: unknown }
  | { type: 'reply'; threadId: string; replyId: string; personId: string; reply: unknown }
  | { type: 'report'; threadId: string; postId: string; personId: string; reason: unknown }
  | { type: 'hide'; threadId: string; postId: string; by: string; reason: unknown }
  | { type: 'restore'; threadId: string; postId: string; by: string; reason: unknown };

/** Replies a thread takes: its read model is one document, which must stay small. */
export const MAX_REPLIES = 500;

/** The vocabularies a thread's topic may come from, in the order a name is matched. */
const TOPIC_VOCABULARIES = [
  vocabularies.TOPICS,
  vocabularies.CRIME_PROBLEMS,
  vocabularies.INTERVENTIONS,
  vocabularies.RESEARCH_METHODS,
] as const;

/** The term of the shared vocabularies a thread's topic names, or INVALID_DISSEMINATION_INPUT. */
function topicOf(text: string): dissemination.ForumTopic {
  for (const vocabulary of TOPIC_VOCABULARIES) {
    const term = vocabularies.matchTerm(vocabulary, text);
    if (term)
      return dissemination.ForumTopicSchema.parse({
        vocabularyId: vocabulary.id,
        termId: term.id,
        label: term.label,
      });
  }
  const message =
    'is not a term of the shared vocabularies (topics, crime problems, interventions, research methods)';
  throw new InvalidDisseminationInput(`topic: ${JSON.stringify(text)} ${message}`, {
    issues: [{ path: 'topic', message }],
  });
}

const reasonOf = (reason: unknown) =>
  parseOrThrow(dissemination.ModerationReasonSchema, reason, 'reason', InvalidDisseminationInput);

function decide(command: ForumThreadCommand, state: ForumThreadState): ForumThreadEvent[] {
  const { threadId } = command;
  if (command.type === 'start') {
    if (state.started) throw new AlreadyExists(`Forum thread ${threadId} exists`);
    const thread = parseOrThrow(
      dissemination.ForumThreadSchema,
      command.thread,
      'forum thread',
      InvalidDisseminationInput,
    );
    return [
      {
        type: 'dissemination.forum.thread-started',
        data: {
          threadId,
          personId: command.personId,
          thread: { ...thread, topic: topicOf(thread.topic) },
        },
      },
    ];
  }
  if (!state.started) throw new NotFound(`No forum thread ${threadId}`);
  if (command.type === 'reply') {
    if (state.posts[command.replyId]) return [];
    if (Object.keys(state.posts).length > MAX_REPLIES)
      throw new IllegalDisseminationTransition(
        `Forum thread ${threadId} has ${MAX_REPLIES} replies, as many as a thread takes: start a new thread`,
      );
    if (state.posts[threadId]?.hidden)
      throw new IllegalDisseminationTransition(
        'A thread whose opening post is hidden takes no replies',
      );
    const reply = parseOrThrow(
      dissemination.ForumReplySchema,
      command.reply,
      'forum reply',
      InvalidDisseminationInput,
    );
    return [
      {
        type: 'dissemination.forum.replied',
        data: { threadId, replyId: command.replyId, personId: command.personId, reply },
      },
    ];
  }
  const { postId } = command;
  const post = state.posts[postId];
  if (!post) throw new NotFound(`No post ${postId} in forum thread ${threadId}`);
  const reason = reasonOf(command.reason);
  switch (command.type) {
    case 'report':
      if (post.hidden) throw new IllegalDisseminationTransition(`Post ${postId} is hidden already`);
      if (post.reportedBy.includes(command.personId)) return [];
      return [
        {
          type: 'dissemination.forum.post-reported',
          data: { threadId, postId, by: command.personId, reason },
        },
      ];
    case 'hide':
      if (post.hidden) throw new IllegalDisseminationTransition(`Post ${postId} is hidden already`);
      return [
        {
          type: 'dissemination.forum.post-hidden',
          data: { threadId, postId, by: command.by, reason },
        },
      ];
    case 'restore':
      if (!post.hidden) throw new IllegalDisseminationTransition(`Post ${postId} is not hidden`);
      return [
        {
          type: 'dissemination.forum.post-restored',
          data: { threadId, postId, by: command.by, reason },
        },
      ];
  }
}

const withPost = (state: ForumThreadState, postId: string, post: PostState): ForumThreadState => ({
  ...state,
  posts: { ...state.posts, [postId]: post },
});
const NEW_POST: PostState = { hidden: false, reportedBy: [] };

function evolve(state: ForumThreadState, event: ForumThreadEvent): ForumThreadState {
  switch (event.type) {
    case 'dissemination.forum.thread-started':
      return withPost({ ...state, started: true }, event.data.threadId, NEW_POST);
    case 'dissemination.forum.replied':
      return withPost(state, event.data.replyId, NEW_POST);
    case 'dissemination.forum.post-reported': {
      const post = state.posts[event.data.postId] ?? NEW_POST;
      return withPost(state, event.data.postId, {
        ...post,
        reportedBy: [...post.reportedBy, event.data.by],
      });
    }
    case 'dissemination.forum.post-hidden':
      return withPost(state, event.data.postId, { hidden: true, reportedBy: [] });
    case 'dissemination.forum.post-restored':
      return withPost(state, event.data.postId, { hidden: false, reportedBy: [] });
  }
}

/**
 * A thread of the 'What Works' forum: a member of staff starts it on a term of the shared
 * vocabularies, others reply while its opening post stands, anyone may report a post (once each),
 * and moderators hide and restore posts, every report and decision with its reason. Every event
 * names its author, so all of them are personal data.
 */
export const forumThreadDecider: Decider<ForumThreadCommand, ForumThreadEvent, ForumThreadState> = {
  decide,
  evolve,
  initialState: () => ({ started: false, posts: {} }),
  classificationOf: () => PERSONAL_DATA_CLASSIFICATION,
};

export const forumThreadStreamId = (threadId: string) => `forum-thread:${threadId}`;
