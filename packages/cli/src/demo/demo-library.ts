import { seededLibrary } from '@ebp/dissemination';
import type { GraphClient } from '../graph-client';
import type { DemoCalendar, DemoDay } from './demo-calendar';
import { PROJECTS, demoProjectId, type DemoProject } from './demo-projects';
import type { At, Track } from './demo-schedule';
import { until } from './demo-wait';

/** How many seeded evidence items the demo library publishes besides the completed projects. */
const SEEDED_ITEMS = 60;

const PUBLISH = 'mutation($id: ID!) { publishLibraryItem(id: $id) { version } }';
const SCHEDULE =
  'mutation($id: ID!, $m: MasterClassInput!) { scheduleMasterClass(id: $id, masterClass: $m) { masterClass { id } } }';
const NETWORK =
  'mutation($id: ID!, $n: LearningNetworkInput!) { createLearningNetwork(id: $id, network: $n) { network { id } } }';

/** How long after a project completes the EBP Delivery Team publishes its report. */
const PUBLISHED_AFTER_DAYS = 7;

/** What the library's history is loaded by. */
export interface LibraryClients {
  /** Drafts the seeded evidence and organises master classes (the EBP Delivery Team). */
  readonly editor: GraphClient;
  /** Publishes, and runs the learning networks (the EBP Committee). */
  readonly committee: GraphClient;
  /** Staff who book places at a master class. */
  readonly attendees: readonly GraphClient[];
}

export interface LibraryHistory {
  /**
   * Whether the platform's clock follows the demo's history. Without it every step happens
   * today, and a master class held fourteen months ago can be neither booked nor attended: it is
   * left out.
   */
  readonly clockFollows: boolean;
}

/** The completed projects, and the day each completed. */
function completions(): { project: DemoProject; day: DemoDay }[] {
  return PROJECTS.flatMap((project) =>
    project.path
      .filter(([step]) => step === 'complete' || step === 'complete-switched')
      .map(([, day]) => ({ project, day })),
  );
}

export const DEMO_COMPLETED_PROJECTS = completions().length;

/**
 * Each completed project's report, drafted by the library when the project completed and
 * published by the committee a week later.
 */
async function publishProjectReports(
  committee: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  const reports = completions().sort(
    (a, b) => calendar.at(a.day).getTime() - calendar.at(b.day).getTime(),
  );
  for (const { project, day } of reports) {
    await at(new Date(calendar.at(day).getTime() + PUBLISHED_AFTER_DAYS * 86_400_000));
    const itemId = `project-${demoProjectId(project.id)}`;
    await until(
      `the library to draft ${itemId}`,
      async () =>
        (
          await committee.must<{ libraryItems: { id: string }[] }>(
            '{ libraryItems(status: draft) { id } }',
          )
        ).libraryItems,
      (drafts) => drafts.some((draft) => draft.id === itemId),
    );
    await committee.must(PUBLISH, { id: itemId });
  }
}

/** The seeded body of evidence for 'What Works', published over the two years. */
async function publishSeededEvidence(
  editor: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  const seeds = seededLibrary(SEEDED_ITEMS);
  const days = calendar.spread(seeds.length, 20);
  for (const [index, { itemId, content }] of seeds.entries()) {
    await at(days[index] ?? calendar.today);
    await editor.must(
      'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
      { id: `demo-${itemId}`, c: content },
    );
    await editor.must(PUBLISH, { id: `demo-${itemId}` });
  }
}

const startsAt = (date: Date, hour: number) => {
  const day = new Date(date.getTime());
  day.setUTCHours(hour, 0, 0, 0);
  return day.toISOString();
};

/**
 * A master class held fourteen months ago, which two colleagues booked and attended (the
 * community records it as their training).
 */
async function holdPastMasterClass(
  clients: LibraryClients,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  const { editor } = clients;
  await at(calendar.at([15, 4]));
  await editor.must(SCHEDULE, {
    id: 'demo-mc-hot-spots',
    m: {
      title: 'Hot-spot policing: what the evidence says',
      kind: 'master_class',
      description:
        'The trials behind hot-spot patrols, and how to plan dosage and measure displacement in a BCU.',
      presenter: 'Cambridge Centre for Evidence-Based Policing',
      startsAt: startsAt(calendar.at([14, 10]), 14),
      durationMinutes: 90,
      location: 'New Scotland Yard, room 4.12',
      capacity: 25,
      topics: ['hot-spot policing'],
    },
  });
  await at(calendar.at([15, 6]));
  for (const attendee of clients.attendees)
    await attendee.must(
      'mutation($id: ID!) { registerForMasterClass(id: $id) { masterClass { id } } }',
      {
        id: 'demo-mc-hot-spots',
      },
    );
  await at(calendar.at([14, 12]));
  await editor.must(
    'mutation($id: ID!, $people: [ID!]!) { recordAttendance(id: $id, personIds: $people) { masterClass { id } } }',
    { id: 'demo-mc-hot-spots', people: ['person-rae', 'person-rob'] },
  );
}

/** Two upcoming master classes, scheduled last month. */
async function scheduleUpcomingMasterClasses(
  editor: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  await at(calendar.at([1, 6]));
  await editor.must(SCHEDULE, {
    id: 'demo-mc-rct',
    m: {
      title: 'Running a randomised trial in a BCU',
      kind: 'master_class',
      description:
        'From power calculation to analysis: how to test a tactic properly, with worked examples.',
      presenter: 'Cambridge Centre for Evidence-Based Policing',
      startsAt: startsAt(calendar.fromToday(14), 14),
      durationMinutes: 120,
      location: 'New Scotland Yard, room 4.12',
      capacity: 30,
      topics: ['randomised trials'],
      // Presented by a partner: its colleagues may book too (decision 0039).
      openToPartners: true,
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
      startsAt: startsAt(calendar.fromToday(21), 9),
      durationMinutes: 360,
      location: 'Hendon, Peel Centre',
      capacity: 20,
      topics: ['triple-t'],
    },
  });
}

/** Two Local Learning Networks, one with a post about the hot-spots project's report. */
async function growLearningNetworks(
  committee: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  await at(calendar.at([10, 2]));
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
  await at(calendar.at([10, 3]));
  await committee.must('mutation($id: ID!) { joinLearningNetwork(id: $id) { network { id } } }', {
    id: 'demo-lln-south',
  });
  // After the hot-spots report is published (its project completed nine months ago).
  await at(calendar.at([8, 2]));
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
  await at(calendar.at([5, 6]));
  await committee.must(NETWORK, {
    id: 'demo-lln-vawg',
    n: {
      name: 'Violence against women and girls',
      focus: 'theme',
      theme: 'violence against women and girls',
      description: 'Practitioners across the force comparing approaches to protecting victims.',
    },
  });
}

const REGISTER_COURSE =
  'mutation($c: CourseInput!) { registerCourse(course: $c) { course { id } } }';
const CITE =
  'mutation($id: ID!, $e: CourseEvidenceInput!) { linkCourseEvidence(courseId: $id, evidence: $e) { course { id } } }';

/** The demo's courses: parts with the seeded evidence each cites (none for a gap). */
const DEMO_COURSES: readonly {
  title: string;
  provider: string;
  audience: string;
  parts: readonly { partId: string; title: string; cites: readonly number[] }[];
}[] = [
  {
    title: 'Stop and search: initial training',
    provider: 'Met Learning and Development',
    audience: 'Student officers',
    parts: [
      { partId: 'grounds', title: 'Reasonable grounds and the code of practice', cites: [] },
      { partId: 'encounter', title: 'Procedural justice in the encounter', cites: [45, 23] },
      { partId: 'body_worn_video', title: 'Recording the search on body-worn video', cites: [41] },
    ],
  },
  {
    title: 'Hot spots patrols for neighbourhood teams',
    provider: 'Frontline Policing training team',
    audience: 'Neighbourhood and response officers',
    parts: [
      { partId: 'dosage', title: 'How long to stay: short, unpredictable visits', cites: [44, 22] },
      { partId: 'problem_solving', title: 'Problem solving at the place', cites: [34] },
    ],
  },
  {
    title: 'Domestic abuse: the first response',
    provider: 'College of Policing',
    audience: 'Response officers',
    parts: [
      { partId: 'risk', title: 'Assessing risk at the scene', cites: [] },
      { partId: 'safeguarding', title: 'Safeguarding the victim', cites: [] },
    ],
  },
];

/**
 * Courses recorded ten days ago, after the seeded evidence was published, each part citing the
 * evidence behind it: the evidence map then shows gaps (a part and a whole course with none) and
 * strong evidence no course teaches.
 */
async function recordCourses(editor: GraphClient, calendar: DemoCalendar, at: At): Promise<void> {
  await at(calendar.fromToday(-10));
  for (const course of DEMO_COURSES) {
    const registered = await editor.must<{ registerCourse: { course: { id: string } } }>(
      REGISTER_COURSE,
      {
        c: {
          title: course.title,
          provider: course.provider,
          audience: course.audience,
          parts: course.parts.map(({ partId, title }) => ({ partId, title })),
        },
      },
    );
    for (const part of course.parts)
      for (const index of part.cites)
        await editor.must(CITE, {
          id: registered.registerCourse.course.id,
          e: { partId: part.partId, itemId: `demo-seed-${String(index).padStart(3, '0')}` },
        });
  }
}

/**
 * The demo library's history, as tracks of the demo's schedule: the completed projects' reports
 * published by the committee, a seeded body of evidence for 'What Works', master classes (one
 * past, two upcoming), two Local Learning Networks with shared learning, and courses citing the
 * evidence behind them.
 */
export function demoLibraryTracks(
  clients: LibraryClients,
  calendar: DemoCalendar,
  history: LibraryHistory,
): Track[] {
  return [
    (at) => publishProjectReports(clients.committee, calendar, at),
    (at) => publishSeededEvidence(clients.editor, calendar, at),
    ...(history.clockFollows ? [(at: At) => holdPastMasterClass(clients, calendar, at)] : []),
    (at) => scheduleUpcomingMasterClasses(clients.editor, calendar, at),
    (at) => growLearningNetworks(clients.committee, calendar, at),
    (at) => recordCourses(clients.editor, calendar, at),
  ];
}

/** How much the demo library holds: items published, master classes, learning networks. */
export function demoLibraryContents(history: LibraryHistory) {
  return {
    items: DEMO_COMPLETED_PROJECTS + SEEDED_ITEMS,
    masterClasses: history.clockFollows ? 3 : 2,
    networks: 2,
    courses: DEMO_COURSES.length,
  };
}
