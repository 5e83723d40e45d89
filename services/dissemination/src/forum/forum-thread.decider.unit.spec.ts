import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
} from '../dissemination-errors';
import { MAX_REPLIES, forumThreadDecider, type ForumThreadEvent } from './forum-thread.decider';

const spec = deciderSpecification(forumThreadDecider);
const threadId = 'thread-1';
const thread = {
  title: 'Do knife arches at stations work?',
  topic: 'Knife crime',
  body: 'We tried arches at three stations; has anyone measured the effect?',
  itemIds: ['item-arches'],
  projectIds: ['project-arches'],
};
const started: ForumThreadEvent = {
  type: 'dissemination.forum.thread-started',
  data: {
    threadId,
    personId: 'p-rae',
    thread: {
      ...thread,
      topic: { vocabularyId: 'crime_problems', termId: 'knife_crime', label: 'Knife crime' },
    },
  },
};
const reply = {
  body: 'The review in the library found no lasting effect.',
  itemIds: [],
  projectIds: [],
};
const replied: ForumThreadEvent = {
  type: 'dissemination.forum.replied',
  data: { threadId, replyId: 'reply-1', personId: 'p-vic', reply },
};
const reason = 'Names a victim of crime.';
const reported = (by: string, postId = 'reply-1'): ForumThreadEvent => ({
  type: 'dissemination.forum.post-reported',
  data: { threadId, postId, by, reason },
});
const hidden = (postId = 'reply-1'): ForumThreadEvent => ({
  type: 'dissemination.forum.post-hidden',
  data: { threadId, postId, by: 'p-rob', reason },
});
const restored: ForumThreadEvent = {
  type: 'dissemination.forum.post-restored',
  data: { threadId, postId: 'reply-1', by: 'p-rob', reason: 'The name was a fictional example.' },
};

describe('forum thread decider', () => {
  const start = { type: 'start' as const, threadId, personId: 'p-rae', thread };

  it('starts a thread once, its topic matched to a term of the shared vocabularies', () => {
    spec.given([]).when(start).then([started]);
    spec
      .given([])
      .when({ ...start, thread: { ...thread, topic: 'knives crimes' } })
      .then([started]);
    spec.given([started]).when(start).thenThrows(AlreadyExists);
  });

  it('refuses a topic no shared vocabulary lists, and a thread that breaks the contract', () => {
    spec
      .given([])
      .when({ ...start, thread: { ...thread, topic: 'office parties' } })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([])
      .when({ ...start, thread: { ...thread, body: 'x' } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('takes replies to a thread that exists, each reply once', () => {
    const answer = {
      type: 'reply' as const,
      threadId,
      replyId: 'reply-1',
      personId: 'p-vic',
      reply,
    };
    spec.given([started]).when(answer).then([replied]);
    spec.given([started, replied]).when(answer).thenNothing();
    spec.given([]).when(answer).thenThrows(NotFound);
    spec
      .given([started])
      .when({ ...answer, reply: { body: '' } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('takes at most MAX_REPLIES replies, so that a thread stays one small document', () => {
    const replies = Array.from({ length: MAX_REPLIES }, (_, index): ForumThreadEvent => ({
      type: 'dissemination.forum.replied',
      data: { threadId, replyId: `reply-${index}`, personId: 'p-vic', reply },
    }));
    const answer = {
      type: 'reply' as const,
      threadId,
      replyId: 'one-more',
      personId: 'p-vic',
      reply,
    };
    spec
      .given([started, ...replies.slice(1)])
      .when(answer)
      .then([{ ...replied, data: { ...replied.data, replyId: 'one-more' } }]);
    spec
      .given([started, ...replies])
      .when(answer)
      .thenThrows(IllegalDisseminationTransition);
  });

  it('takes no replies while the opening post is hidden', () => {
    const answer = {
      type: 'reply' as const,
      threadId,
      replyId: 'reply-2',
      personId: 'p-vic',
      reply,
    };
    spec
      .given([started, hidden(threadId)])
      .when(answer)
      .thenThrows(IllegalDisseminationTransition);
  });

  it('counts a report once per person, with its reason, and only of a post that stands', () => {
    const report = {
      type: 'report' as const,
      threadId,
      postId: 'reply-1',
      personId: 'p-sam',
      reason,
    };
    spec
      .given([started, replied])
      .when(report)
      .then([reported('p-sam')]);
    spec
      .given([started, replied, reported('p-sam')])
      .when(report)
      .thenNothing();
    spec
      .given([started, replied, reported('p-sam')])
      .when({ ...report, personId: 'p-cat' })
      .then([reported('p-cat')]);
    spec
      .given([started, replied, hidden()])
      .when(report)
      .thenThrows(IllegalDisseminationTransition);
    spec.given([started]).when(report).thenThrows(NotFound);
    spec
      .given([started, replied])
      .when({ ...report, reason: 'bad' })
      .thenThrows(InvalidDisseminationInput);
  });

  it('hides a post that stands and restores a hidden one, each with a reason', () => {
    const hide = { type: 'hide' as const, threadId, postId: 'reply-1', by: 'p-rob', reason };
    spec
      .given([started, replied, reported('p-sam')])
      .when(hide)
      .then([hidden()]);
    spec.given([started, replied, hidden()]).when(hide).thenThrows(IllegalDisseminationTransition);
    spec
      .given([started, replied])
      .when({ ...hide, reason: '' })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([started, replied])
      .when({ ...hide, postId: 'reply-9' })
      .thenThrows(NotFound);
    const restore = {
      type: 'restore' as const,
      threadId,
      postId: 'reply-1',
      by: 'p-rob',
      reason: 'The name was a fictional example.',
    };
    spec.given([started, replied, hidden()]).when(restore).then([restored]);
    spec.given([started, replied]).when(restore).thenThrows(IllegalDisseminationTransition);
  });

  it('after a post is restored, those who reported it before may report it again', () => {
    const report = {
      type: 'report' as const,
      threadId,
      postId: 'reply-1',
      personId: 'p-sam',
      reason,
    };
    spec
      .given([started, replied, reported('p-sam'), hidden(), restored])
      .when(report)
      .then([reported('p-sam')]);
  });

  it('labels every event as personal data: each names its author or reporter', () => {
    expect(forumThreadDecider.classificationOf?.(forumThreadDecider.initialState())).toBe(
      'OFFICIAL_SENSITIVE',
    );
  });
});
