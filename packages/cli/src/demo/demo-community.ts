import type { GraphClient } from '../graph-client';
import { isoDay, type DemoCalendar, type DemoDay } from './demo-calendar';
import { demoProjectId } from './demo-projects';
import type { At, Track } from './demo-schedule';

/**
 * The demo talent pool: the demo users and a few colleagues, with skills, credentials, topics and
 * consent choices, two EBP champions, and the team of the hot-spots project, each on its own day
 * of the demo's history. Registered by the administrator through the gateway, like any client
 * would.
 */
/** In the order they joined (the schedule never goes back in time). */
const PEOPLE = [
  {
    id: 'person-rae',
    joined: [23, 5],
    name: 'Rae Researcher',
    rankOrGrade: 'Detective Sergeant',
    unit: 'Central West BCU',
    skills: [
      { method: 'quasi-experiment', selfAssessed: 3 },
      { method: 'crime-analysis', selfAssessed: 3 },
    ],
    topics: ['violence with injury', 'hot-spot policing'],
    degree: 'Applied Criminology',
  },
  {
    id: 'person-sam',
    joined: [23, 5],
    name: 'Sam Scholar',
    rankOrGrade: 'Inspector',
    unit: 'Public Protection',
    skills: [
      { method: 'randomised-controlled-trial', selfAssessed: 4 },
      { method: 'systematic-review', selfAssessed: 3 },
    ],
    topics: ['violence against women and girls', 'stalking'],
    degree: 'Evidence-Based Policing',
  },
  {
    id: 'person-rob',
    joined: [23, 5],
    name: 'Rob Reviewer',
    rankOrGrade: 'Band C analyst',
    unit: 'Strategy and Insight',
    skills: [
      { method: 'crime-analysis', selfAssessed: 4 },
      { method: 'randomised-controlled-trial', selfAssessed: 2 },
    ],
    topics: ['public trust and confidence'],
    degree: 'Statistics',
  },
  {
    id: 'person-kit',
    joined: [23, 5],
    name: 'Kit Knowles',
    rankOrGrade: 'Chief Inspector',
    unit: 'Central West BCU',
    skills: [{ method: 'process-evaluation', selfAssessed: 3 }],
    topics: ['night-time economy'],
    degree: 'Public Policy',
  },
  {
    id: 'person-lee',
    joined: [16, 8],
    name: 'Lee Learner',
    rankOrGrade: 'Police Constable',
    unit: 'North BCU',
    skills: [{ method: 'survey', selfAssessed: 2 }],
    topics: ['knife crime', 'schools'],
    degree: 'Policing',
  },
  {
    id: 'person-rex',
    joined: [12, 3],
    name: 'Rex Referee',
    rankOrGrade: 'Band B statistician',
    unit: 'Strategy and Insight',
    skills: [
      { method: 'randomised-controlled-trial', selfAssessed: 4 },
      { method: 'systematic-review', selfAssessed: 4 },
    ],
    topics: ['violence against women and girls', 'trial design'],
    degree: 'Medical Statistics',
  },
] as const;

const CHAMPIONS = [
  { id: 'person-kit', area: 'Central West BCU', from: [22, 10] },
  { id: 'person-lee', area: 'North BCU', from: [15, 1] },
] as const;

/** The hot-spots project's team forms once the project has started. */
const TEAM_FORMED: DemoDay = [20, 5];

const TEAM = [
  { id: 'person-rae', role: 'lead' },
  { id: 'person-rob', role: 'analyst' },
  { id: 'person-kit', role: 'champion' },
] as const;

export const DEMO_PEOPLE_COUNT = PEOPLE.length;

const REGISTER =
  'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';

async function registerPeople(admin: GraphClient, calendar: DemoCalendar, at: At): Promise<void> {
  for (const person of PEOPLE) {
    await at(calendar.at(person.joined));
    await admin.must(REGISTER, {
      id: person.id,
      p: {
        name: person.name,
        rankOrGrade: person.rankOrGrade,
        unit: person.unit,
        contact: { email: `${person.name.toLowerCase().replace(' ', '.')}@met.example` },
        credentials: [
          {
            level: 'master',
            subject: person.degree,
            institution: 'University of Cambridge',
            year: 2021,
          },
        ],
        skills: person.skills,
        topics: person.topics,
        availability: { willing: true, hoursPerMonth: 8 },
        consent: {
          listedInExpertiseFinder: true,
          contactableByResearchers: person.id !== 'person-lee',
        },
      },
    });
  }
}

async function appointChampions(admin: GraphClient, calendar: DemoCalendar, at: At): Promise<void> {
  for (const champion of CHAMPIONS) {
    const from = await at(calendar.at(champion.from));
    await admin.must(
      'mutation($id: ID!, $area: String!, $from: String!) { appointChampion(id: $id, area: $area, from: $from) { personId } }',
      { id: champion.id, area: champion.area, from: isoDay(from) },
    );
  }
}

async function formHotSpotsTeam(admin: GraphClient, calendar: DemoCalendar, at: At): Promise<void> {
  await at(calendar.at(TEAM_FORMED));
  for (const member of TEAM)
    await admin.must(
      'mutation($id: ID!, $projectId: ID!, $role: InvolvementRole!) { joinProject(personId: $id, projectId: $projectId, role: $role) { personId } }',
      { ...member, projectId: demoProjectId('demo-hot-spots') },
    );
}

/**
 * The talent pool's history as tracks of the demo's schedule (people joining, champions
 * appointed, the hot-spots team formed), unless the pool is there already. Tells `registered`
 * how many people it registers.
 */
export function demoCommunityTracks(
  admin: GraphClient,
  calendar: DemoCalendar,
  registered: (people: number) => void,
): Track[] {
  // Settled by the first track before the others start (the schedule starts them in turn).
  let present = false;
  return [
    async (at) => {
      const existing = await admin.must<{ person: { id: string } | null }>(
        'query { person(id: "person-rae", purpose: governance) { id } }',
      );
      present = existing.person !== null;
      if (!present) await registerPeople(admin, calendar, at);
      registered(present ? 0 : PEOPLE.length);
    },
    async (at) => {
      if (!present) await appointChampions(admin, calendar, at);
    },
    async (at) => {
      if (!present) await formHotSpotsTeam(admin, calendar, at);
    },
  ];
}
