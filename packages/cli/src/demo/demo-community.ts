import type { GraphClient } from '../graph-client';
import { demoProjectId } from './demo-projects';

/**
 * The demo talent pool: the demo users and a few colleagues, with skills, credentials, topics and
 * consent choices, two EBP champions, and the team of the hot-spots project. Registered by the
 * administrator through the gateway, like any client would.
 */
const PEOPLE = [
  {
    id: 'person-rae',
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
    id: 'person-lee',
    name: 'Lee Learner',
    rankOrGrade: 'Police Constable',
    unit: 'North BCU',
    skills: [{ method: 'survey', selfAssessed: 2 }],
    topics: ['knife crime', 'schools'],
    degree: 'Policing',
  },
  {
    id: 'person-kit',
    name: 'Kit Knowles',
    rankOrGrade: 'Chief Inspector',
    unit: 'Central West BCU',
    skills: [{ method: 'process-evaluation', selfAssessed: 3 }],
    topics: ['night-time economy'],
    degree: 'Public Policy',
  },
] as const;

const CHAMPIONS = [
  { id: 'person-kit', area: 'Central West BCU' },
  { id: 'person-lee', area: 'North BCU' },
] as const;

const TEAM = [
  { id: 'person-rae', role: 'lead' },
  { id: 'person-rob', role: 'analyst' },
  { id: 'person-kit', role: 'champion' },
] as const;

export const DEMO_PEOPLE_COUNT = PEOPLE.length;

/** Registers the demo talent pool unless it is there; returns how many people it registered. */
const REGISTER =
  'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';

export async function loadDemoCommunity(admin: GraphClient): Promise<number> {
  const existing = await admin.must<{ person: { id: string } | null }>(
    'query { person(id: "person-rae", purpose: governance) { id } }',
  );
  if (existing.person) return 0;
  for (const person of PEOPLE)
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
  for (const champion of CHAMPIONS)
    await admin.must(
      'mutation($id: ID!, $area: String!) { appointChampion(id: $id, area: $area, from: "2026-04-01") { personId } }',
      champion,
    );
  for (const member of TEAM)
    await admin.must(
      'mutation($id: ID!, $projectId: ID!, $role: InvolvementRole!) { joinProject(personId: $id, projectId: $projectId, role: $role) { personId } }',
      { ...member, projectId: demoProjectId('demo-hot-spots') },
    );
  return PEOPLE.length;
}
