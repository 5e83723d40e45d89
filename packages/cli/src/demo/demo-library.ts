import { seededLibrary } from '@ebp/dissemination';
import type { GraphClient } from '../graph-client';
import { demoProjectId } from './demo-projects';

/** How many seeded evidence items the demo library publishes besides the completed projects. */
const SEEDED_ITEMS = 60;

const DAY = 24 * 60 * 60 * 1000;

/** Polls until `ready` holds (the library drafts completed projects in the background). */
async function until<T>(
  what: string,
  read: () => Promise<T>,
  ready: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`Demo data: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The demo library: the drafts the completed projects became, published by the EBP Delivery
 * Team; a seeded body of evidence for 'What Works'; two upcoming master classes and two Local
 * Learning Networks with shared learning.
 */
export async function loadDemoLibrary(
  editor: GraphClient,
  committee: GraphClient,
  completedProjects: number,
  now: Date = new Date(),
): Promise<{ items: number; masterClasses: number; networks: number }> {
  const drafts = await until(
    'the completed projects to become drafts',
    async () =>
      (
        await committee.must<{ libraryItems: { id: string; source: { kind: string } }[] }>(
          '{ libraryItems(status: draft) { id source { kind } } }',
        )
      ).libraryItems.filter((item) => item.source.kind === 'project'),
    (found) => found.length >= completedProjects,
  );
  const PUBLISH = 'mutation($id: ID!) { publishLibraryItem(id: $id) { version } }';
  for (const draft of drafts) await committee.must(PUBLISH, { id: draft.id });
  for (const { itemId, content } of seededLibrary(SEEDED_ITEMS)) {
    await editor.must(
      'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
      { id: `demo-${itemId}`, c: content },
    );
    await editor.must(PUBLISH, { id: `demo-${itemId}` });
  }
  const SCHEDULE =
    'mutation($id: ID!, $m: MasterClassInput!) { scheduleMasterClass(id: $id, masterClass: $m) { masterClass { id } } }';
  const at = (days: number, hour: number) => {
    const day = new Date(now.getTime() + days * DAY);
    day.setUTCHours(hour, 0, 0, 0);
    return day.toISOString();
  };
  await editor.must(SCHEDULE, {
    id: 'demo-mc-rct',
    m: {
      title: 'Running a randomised trial in a BCU',
      kind: 'master_class',
      description:
        'From power calculation to analysis: how to test a tactic properly, with worked examples.',
      presenter: 'Cambridge Centre for Evidence-Based Policing',
      startsAt: at(14, 14),
      durationMinutes: 120,
      location: 'New Scotland Yard, room 4.12',
      capacity: 30,
      topics: ['randomised trials'],
    },
  });
  await editor.must(SCHEDULE, {
    id: 'demo-course-ebp-101',
    m: {
      title: 'Evidence-based policing: the first steps',
      kind: 'course',
      description:
        'Targeting, testing and tracking for supervisors new to evidence-based policing.',
      presenter: 'EBP Delivery Team',
      startsAt: at(21, 9),
      durationMinutes: 360,
      location: 'Hendon, Peel Centre',
      capacity: 20,
      topics: ['triple-t'],
    },
  });
  const NETWORK =
    'mutation($id: ID!, $n: LearningNetworkInput!) { createLearningNetwork(id: $id, network: $n) { network { id } } }';
  await committee.must(NETWORK, {
    id: 'demo-lln-south',
    n: {
      name: 'South BCU learning network',
      focus: 'area',
      area: 'South BCU',
      description:
        'Officers in Lambeth and Southwark sharing what they tried and what they learned.',
    },
  });
  await committee.must(NETWORK, {
    id: 'demo-lln-vawg',
    n: {
      name: 'Violence against women and girls',
      focus: 'theme',
      theme: 'violence against women and girls',
      description: 'Practitioners across the force comparing approaches to protecting victims.',
    },
  });
  await committee.must('mutation($id: ID!) { joinLearningNetwork(id: $id) { network { id } } }', {
    id: 'demo-lln-south',
  });
  await committee.must(
    'mutation($id: ID!, $p: LearningPostInput!) { shareLearning(networkId: $id, post: $p) { postId } }',
    {
      id: 'demo-lln-south',
      p: {
        title: 'Hot spots patrols: what the Lambeth trial changed for us',
        body: 'Fifteen-minute visits at random times kept robbery down without moving it next door.',
        itemIds: [`project-${demoProjectId('demo-hot-spots')}`],
      },
    },
  );
  return { items: drafts.length + SEEDED_ITEMS, masterClasses: 2, networks: 2 };
}
