// The 'What Works' forum end to end through the gateway, against either run mode (issue 20): a
// researcher starts a thread on a term of the shared vocabularies, pointing to a project and a
// published library item; another member of staff replies; a reply is reported, hidden by a
// moderator and restored, every step in its audit trail; threads are found by any spelling of
// their topic; and a project the author may not see is refused as one that does not exist.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@ebp/eventing/testing';
import type { GraphClient, GraphResponse } from '../graph-client';
import { DRAFT, PUBLISH } from './dissemination-scenario';
import { callers, type PlatformUnderTest } from './platform-under-test';
import { proposal, proposeProject } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

interface Post {
  id: string;
  author: { id: string };
  body: string;
  items: { id: string }[];
  projects: { id: string; title: string }[];
  hidden: boolean;
  openReports: number | null;
  moderation: { action: string; by: { id: string }; reason: string }[] | null;
}
interface Thread {
  id: string;
  title: string;
  topic: { vocabulary: string; termId: string; label: string };
  opening: Post;
  replies: Post[];
}

const POST = `id author { id } body items { id } projects { id title } hidden openReports
  moderation { action by { id } reason }`;
const THREAD = `id title topic { vocabulary termId label } opening { ${POST} } replies { ${POST} }`;
const START = `mutation($t: ForumThreadInput!) { startForumThread(thread: $t) { thread { ${THREAD} } } }`;
const REPLY = `mutation($id: ID!, $r: ForumReplyInput!) { replyToForumThread(threadId: $id, reply: $r) {
  replyId thread { ${THREAD} } } }`;
const MODERATE = (action: 'report' | 'hide' | 'restore') =>
  `mutation($t: ID!, $p: ID!, $why: String!) { ${action}ForumPost(threadId: $t, postId: $p, reason: $why) {
  thread { ${THREAD} } } }`;
const ONE = `query($id: ID!) { forumThread(id: $id) { ${THREAD} } }`;
const ON_TOPIC = `query($topic: String!) { forumThreads(topic: $topic) { id } }`;
const QUEUE = `query { forumModerationQueue { id replies { id openReports } } }`;

/**
 * Starts a thread naming a project just proposed: distributed, the library learns of the project
 * from the register's topic, and until it has, the project is one it does not know.
 */
async function startOn(client: GraphClient, variables: Record<string, unknown>): Promise<Thread> {
  const started = await waitFor(
    'the library to learn of the project',
    () => client.request(START, variables),
    (response) => !codes(response).includes('PROJECT_NOT_FOUND'),
    60_000,
  );
  if (started.errors?.length) throw new Error(JSON.stringify(started.errors));
  return (started.data as { startForumThread: { thread: Thread } }).startForumThread.thread;
}

export function forumScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);

  it('starts a thread on a vocabulary term, takes a reply, and lets moderators hide and restore it with an audit trail', async () => {
    const rae = await as('rae');
    const projectId = await proposeProject(
      rae,
      `forum-${run}`,
      proposal(`Hot spots patrols in the forum ${run}`, 'person-rae'),
    );
    const itemId = `e2e-forum-${run}`;
    const rob = await as('rob');
    await rob.must(DRAFT, {
      id: itemId,
      c: {
        kind: 'evidence_summary',
        title: `Hot spots policing ${run}`,
        summary: 'What the evidence says about short, frequent patrols in small places.',
        year: 2026,
        classification: 'OFFICIAL',
      },
    });
    await rob.must(PUBLISH, { id: itemId });

    const thread = await startOn(rae, {
      t: {
        title: `How long should a hot spot patrol last? ${run}`,
        topic: 'hot-spot policing',
        body: 'The Koper curve says about fifteen minutes; has anyone tried it here?',
        itemIds: [itemId],
        projectIds: [projectId],
      },
    });
    expect(thread.topic).toEqual({
      vocabulary: 'interventions',
      termId: 'hot_spots_policing',
      label: expect.any(String) as string,
    });
    expect(thread.opening).toMatchObject({
      id: thread.id,
      author: { id: 'person-rae' },
      items: [{ id: itemId }],
      projects: [{ id: projectId, title: `Hot spots patrols in the forum ${run}` }],
      hidden: false,
      // Not a moderator: no reports and no audit trail.
      openReports: null,
      moderation: null,
    });

    const vic = await as('vic');
    const { replyToForumThread } = await vic.must<{
      replyToForumThread: { replyId: string; thread: Thread };
    }>(REPLY, {
      id: thread.id,
      r: { body: 'We tried twelve minutes in Brixton; the library item has the figures.' },
    });
    const { replyId } = replyToForumThread;
    expect(replyToForumThread.thread.replies.map((reply) => reply.id)).toEqual([replyId]);

    // Another spelling of the term finds the thread.
    const found = await vic.must<{ forumThreads: { id: string }[] }>(ON_TOPIC, {
      topic: 'Hot Spot Policing',
    });
    expect(found.forumThreads.map((each) => each.id)).toContain(thread.id);

    const why = 'Names a street and a time: could identify a victim.';
    await (await as('sam')).must(MODERATE('report'), { t: thread.id, p: replyId, why });
    const queue = await rob.must<{ forumModerationQueue: { id: string; replies: Post[] }[] }>(
      QUEUE,
    );
    expect(queue.forumModerationQueue.find((each) => each.id === thread.id)?.replies).toEqual([
      { id: replyId, openReports: 1 },
    ]);
    expect(codes(await vic.request(QUEUE))).toEqual(['FORBIDDEN']);
    expect(codes(await vic.request(MODERATE('hide'), { t: thread.id, p: replyId, why }))).toEqual([
      'FORBIDDEN',
    ]);

    await rob.must(MODERATE('hide'), { t: thread.id, p: replyId, why });
    const seenBy = async (user: string) =>
      (await (await as(user)).must<{ forumThread: Thread | null }>(ONE, { id: thread.id }))
        .forumThread;
    expect((await seenBy('vic'))?.replies).toEqual([]);
    expect((await seenBy('rae'))?.replies).toEqual([]);
    expect((await seenBy('rob'))?.replies).toMatchObject([{ id: replyId, hidden: true }]);
    expect(codes(await vic.request(REPLY, { id: thread.id, r: { body: 'Still here?' } }))).toEqual(
      [],
    );
    expect(
      (await rob.request(MODERATE('report'), { t: thread.id, p: replyId, why })).errors?.[0]
        ?.extensions?.code,
    ).toBe('ILLEGAL_TRANSITION');

    const restoredWhy = 'The street is public knowledge; nobody can be identified.';
    await rob.must(MODERATE('restore'), { t: thread.id, p: replyId, why: restoredWhy });
    const reply = (await seenBy('rae'))?.replies.find((each) => each.id === replyId);
    expect(reply).toMatchObject({ hidden: false, author: { id: 'person-vic' } });
    const audited = (await seenBy('cat'))?.replies.find((each) => each.id === replyId);
    expect(audited?.moderation).toEqual([
      { action: 'reported', by: { id: 'person-sam' }, reason: why },
      { action: 'hidden', by: { id: 'person-rob' }, reason: why },
      { action: 'restored', by: { id: 'person-rob' }, reason: restoredWhy },
    ]);
    expect(audited?.openReports).toBe(0);
  });

  it('refuses a topic no vocabulary lists, and a project the author may not see as one that does not exist', async () => {
    const sam = await as('sam');
    const hiddenId = await proposeProject(
      sam,
      `forum-hidden-${run}`,
      proposal(`Covert forum project ${run}`, 'person-sam', {
        classification: 'OFFICIAL_SENSITIVE',
        needToKnow: ['person-sam'],
      }),
    );
    const rae = await as('rae');
    const thread = (projectIds: string[], topic = 'burglary') => ({
      t: {
        title: `Burglary ${run}`,
        topic,
        body: 'What works against repeat burglary?',
        projectIds,
      },
    });
    // Sam may name it (once the library knows it); those who may not see it may not name it, and
    // do not see the thread at all.
    const threadId = (await startOn(sam, thread([hiddenId]))).id;
    const hidden = await rae.request(START, thread([hiddenId]));
    const missing = await rae.request(START, thread([`${hiddenId}-missing`]));
    expect(codes(hidden)).toEqual(['PROJECT_NOT_FOUND']);
    expect(codes(missing)).toEqual(codes(hidden));
    expect(codes(await rae.request(START, thread([], 'office parties')))).toEqual([
      'INVALID_DISSEMINATION_INPUT',
    ]);
    const vic = await as('vic');
    expect(
      (await vic.must<{ forumThread: Thread | null }>(ONE, { id: threadId })).forumThread,
    ).toBeNull();
    const listed = await vic.must<{ forumThreads: { id: string }[] }>(ON_TOPIC, {
      topic: 'burglary',
    });
    expect(listed.forumThreads.map((each) => each.id)).not.toContain(threadId);
    expect(
      codes(await vic.request(REPLY, { id: threadId, r: { body: 'Is anyone there?' } })),
    ).toEqual(['NOT_FOUND']);

    // A reply naming the project, in a thread everyone sees, is Sam's alone: not even its time shows.
    const open = await startOn(rae, thread([]));
    await sam.must(REPLY, {
      id: open.id,
      r: { body: 'The covert operation found the same.', projectIds: [hiddenId] },
    });
    const seen = await vic.must<{
      forumThread: { lastPostAt: string; opening: { postedAt: string }; replies: unknown[] };
    }>(
      `query($id: ID!) { forumThread(id: $id) { lastPostAt opening { postedAt } replies { id } } }`,
      {
        id: open.id,
      },
    );
    expect(seen.forumThread.replies).toEqual([]);
    expect(seen.forumThread.lastPostAt).toBe(seen.forumThread.opening.postedAt);
    const samSees = await sam.must<{ forumThread: { replies: { projects: { id: string }[] }[] } }>(
      `query($id: ID!) { forumThread(id: $id) { replies { projects { id } } } }`,
      { id: open.id },
    );
    expect(samSees.forumThread.replies).toEqual([{ projects: [{ id: hiddenId }] }]);
  });
}
