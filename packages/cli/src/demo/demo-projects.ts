import { DEMO_USERS } from '@ebp/platform';
import { newProjectId } from '@ebp/register';
import type { DemoDay } from './demo-calendar';

/** The demo users who load the demo data through the graph. */
export const DEMO_LOADERS = ['rae', 'sam', 'rob', 'rex', 'cat', 'ada'] as const;
export type DemoUser = (typeof DEMO_LOADERS)[number];

export interface DemoProject {
  /** The demo's name for it: the idempotency key it is proposed with (see demoProjectId). */
  readonly id: string;
  readonly by: DemoUser;
  readonly title: string;
  readonly summary: string;
  readonly priorityIds: string[];
  readonly unit: string;
  readonly sms: number;
  readonly level: 'tactical' | 'organisational' | 'strategic';
  readonly methods: string[];
  readonly classification?: 'OFFICIAL' | 'OFFICIAL_SENSITIVE';
  readonly primary: string;
  /** When it was proposed. */
  readonly proposed: DemoDay;
  /** How far along the lifecycle it goes, and when each step was taken (in time order). */
  readonly path: readonly DatedStep[];
}

/** A step of a project's lifecycle and the day it was taken. */
export type DatedStep = readonly [Step, DemoDay];

export type Step =
  | 'submit'
  | 'review'
  | 'second-review'
  | 'review-revisions'
  | 'approve'
  | 'reject'
  | 'defer'
  | 'start'
  | 'progress'
  | 'suspend'
  | 'stop'
  | 'complete'
  | 'complete-switched'
  | 'withdraw'
  | 'amend';

export const PROJECTS: readonly DemoProject[] = [
  {
    id: 'demo-hot-spots',
    by: 'rae',
    title: 'Hot-spot patrols in the night-time economy',
    summary:
      'Do 15-minute visible patrols at the busiest late-night hot spots reduce violence with injury?',
    priorityIds: ['priority-violence'],
    unit: 'Central West BCU',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment', 'crime-analysis'],
    primary: 'Violence with injury',
    proposed: [22, 4],
    path: [
      ['submit', [22, 11]],
      ['review', [21, 6]],
      ['approve', [21, 19]],
      ['start', [20, 3]],
      ['progress', [16, 8]],
      ['complete', [9, 14]],
    ],
  },
  {
    id: 'demo-body-worn-video',
    by: 'rae',
    title: 'Body-worn video and complaints against officers',
    summary:
      'Does switching on body-worn video at the start of every encounter reduce complaints and use of force?',
    priorityIds: ['priority-trust'],
    unit: 'North East BCU',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment'],
    primary: 'Complaints per 1,000 encounters',
    proposed: [20, 2],
    path: [
      ['submit', [20, 9]],
      ['review', [19, 12]],
      ['approve', [19, 18]],
      ['start', [18, 2]],
      ['progress', [14, 5]],
      ['complete-switched', [7, 10]],
    ],
  },
  {
    id: 'demo-procedural-justice',
    by: 'rae',
    title: 'Procedural justice training for response officers',
    summary:
      'Does a one-day procedural justice course change how members of the public rate their encounters with response officers?',
    priorityIds: ['priority-trust'],
    unit: 'South BCU',
    sms: 3,
    level: 'tactical',
    methods: ['survey', 'quasi-experiment'],
    primary: 'Encounter satisfaction score',
    proposed: [17, 6],
    path: [
      ['submit', [17, 13]],
      ['review', [16, 10]],
      ['approve', [16, 17]],
      ['start', [15, 1]],
      ['progress', [11, 3]],
      ['amend', [4, 14]],
    ],
  },
  {
    id: 'demo-street-lighting',
    by: 'rae',
    title: 'Improved street lighting on estates',
    summary:
      'Does brighter LED street lighting on three housing estates reduce burglary and robbery after dark?',
    priorityIds: ['priority-violence'],
    unit: 'East Area BCU',
    sms: 2,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'Burglary and robbery after dark',
    proposed: [14, 3],
    path: [
      ['submit', [14, 10]],
      ['review', [13, 7]],
      ['approve', [13, 15]],
      ['start', [12, 1]],
      ['suspend', [3, 9]],
    ],
  },
  {
    id: 'demo-knife-arches',
    by: 'rae',
    title: 'Knife arches at transport hubs',
    summary:
      'Do walk-through knife arches at two busy stations deter carrying, as measured by weapon finds and offences nearby?',
    priorityIds: ['priority-violence'],
    unit: 'Roads and Transport Policing Command',
    sms: 2,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'Possession of weapon offences',
    proposed: [13, 2],
    path: [
      ['submit', [13, 9]],
      ['review', [12, 4]],
      ['approve', [12, 16]],
      ['start', [11, 1]],
      ['stop', [2, 11]],
    ],
  },
  {
    id: 'demo-walk-and-talk',
    by: 'rae',
    title: 'Walk and Talk: women officers on night patrols',
    summary:
      'Do guided walks with women officers improve how safe women feel in the night-time economy and what they report?',
    priorityIds: ['priority-vawg'],
    unit: 'Central West BCU',
    sms: 1,
    level: 'tactical',
    methods: ['survey', 'interviews'],
    primary: 'Perceived safety at night',
    proposed: [8, 3],
    path: [
      ['submit', [8, 10]],
      ['review', [7, 6]],
      ['approve', [4, 16]],
    ],
  },
  {
    id: 'demo-stalking-clinic',
    by: 'rae',
    title: 'Multi-agency stalking intervention clinic',
    summary:
      'Does a weekly clinic with probation and health reduce repeat stalking by known perpetrators compared with usual management?',
    priorityIds: ['priority-vawg'],
    unit: 'Public Protection',
    sms: 5,
    level: 'strategic',
    methods: ['randomised-controlled-trial'],
    primary: 'Repeat stalking reports',
    proposed: [6, 3],
    path: [
      ['submit', [6, 10]],
      ['review', [5, 5]],
      ['second-review', [3, 18]],
      ['approve', [1, 14]],
    ],
  },
  {
    id: 'demo-predictive-mapping',
    by: 'rae',
    title: 'Predictive mapping for burglary patrols',
    summary:
      'Can a near-repeat prediction model direct patrols better than analysts’ weekly hot-spot maps?',
    priorityIds: [],
    unit: 'Met Intelligence',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment', 'crime-analysis'],
    primary: 'Burglaries in predicted cells',
    proposed: [10, 1],
    path: [
      ['submit', [10, 8]],
      ['review-revisions', [9, 5]],
      ['defer', [8, 19]],
    ],
  },
  {
    id: 'demo-cctv-upgrade',
    by: 'rae',
    title: 'CCTV upgrade in a town centre',
    summary:
      'Evaluate whether a town-centre CCTV upgrade reduced crime, using recorded crime before and after installation.',
    priorityIds: ['priority-violence'],
    unit: 'South East BCU',
    sms: 1,
    level: 'tactical',
    methods: ['before-after'],
    primary: 'All recorded crime',
    proposed: [16, 2],
    path: [
      ['submit', [16, 9]],
      ['review-revisions', [15, 5]],
      ['reject', [14, 20]],
    ],
  },
  {
    id: 'demo-schools-officers',
    by: 'rae',
    title: 'Safer Schools officers and exclusions',
    summary:
      'Do Safer Schools officers change exclusion rates and young people’s contact with the justice system?',
    priorityIds: ['priority-exploitation'],
    unit: 'Youth Engagement',
    sms: 3,
    level: 'organisational',
    methods: ['quasi-experiment'],
    primary: 'First-time entrants to the justice system',
    proposed: [2, 4],
    path: [['submit', [0, 2]]],
  },
  {
    id: 'demo-drones',
    by: 'rae',
    title: 'Drones for missing person searches',
    summary:
      'Do drones shorten the time to find high-risk missing people in parks and open land compared with ground searches?',
    priorityIds: [],
    unit: 'Specialist Operations',
    sms: 2,
    level: 'organisational',
    methods: ['case-study'],
    primary: 'Time to locate',
    proposed: [0, 1],
    path: [],
  },
  {
    id: 'demo-mentoring',
    by: 'rae',
    title: 'Mentoring young people at risk of exploitation',
    summary:
      'Does a six-month mentoring scheme reduce going-missing episodes among young people flagged at risk of exploitation?',
    priorityIds: ['priority-exploitation'],
    unit: 'Youth Engagement',
    sms: 3,
    level: 'tactical',
    methods: ['quasi-experiment'],
    primary: 'Missing episodes',
    proposed: [5, 2],
    path: [['withdraw', [4, 3]]],
  },
  {
    // SMS 4 needs two reviews: one is in, the second is awaited.
    id: 'demo-perpetrator-programme',
    by: 'sam',
    title: 'Domestic abuse perpetrator programme across four boroughs',
    summary:
      'Does a structured behaviour-change programme for domestic abuse perpetrators reduce repeat victimisation, compared across four boroughs with and without it?',
    priorityIds: ['priority-vawg'],
    unit: 'Public Protection',
    sms: 4,
    level: 'strategic',
    methods: ['quasi-experiment', 'multi-site-comparison'],
    primary: 'Repeat domestic abuse victimisation',
    proposed: [3, 2],
    path: [
      ['submit', [3, 10]],
      ['second-review', [2, 3]],
    ],
  },
  {
    id: 'demo-county-lines-disruption',
    by: 'sam',
    title: 'Covert disruption of county lines networks',
    summary:
      'Which disruption tactics against county lines networks most reduce the exploitation of children, measured across partner forces?',
    priorityIds: ['priority-exploitation'],
    unit: 'Specialist Crime',
    sms: 3,
    level: 'strategic',
    methods: ['quasi-experiment', 'network-analysis'],
    classification: 'OFFICIAL_SENSITIVE',
    primary: 'Children exploited by disrupted lines',
    proposed: [18, 5],
    path: [
      ['submit', [18, 12]],
      ['review', [17, 9]],
      ['approve', [17, 16]],
      ['start', [16, 1]],
    ],
  },
];

/**
 * A demo project's id. The server makes project ids; the demo proposes each project with its demo
 * name as the idempotency key, so the id follows from the proposer and the name, the same at
 * every load.
 */
export function demoProjectId(name: string): string {
  const project = PROJECTS.find((candidate) => candidate.id === name);
  if (!project) throw new Error(`No demo project ${name}`);
  return newProjectId(DEMO_USERS[project.by]!.actor.id, name);
}
