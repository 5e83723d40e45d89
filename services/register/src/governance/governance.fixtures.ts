import { randomUUID } from 'node:crypto';
import { CommandHandler, loadState, type CommandContext, type EventStore } from '@ebp/eventing';
import {
  meetingDecider,
  meetingStreamId,
  type ApprovingMeeting,
  type MeetingCommand,
} from '../meetings/meeting.decider';
import { priorityDecider } from '../priorities/priority.decider';
import { priorityStreamId } from '../priorities/priority.handler';
import { projectDecider, type ProjectCommand } from '../projects/project.decider';
import {
  COMMITTEE,
  LEAD,
  REVIEWER_A,
  REVIEWER_B,
  aProposal,
  allMet,
  findings,
  withUnmet,
} from '../projects/project.fixtures';
import { projectStreamId } from '../projects/project.handler';
import {
  researchPlanDecider,
  researchPlanStreamId,
  type ResearchPlanCommand,
} from '../programme/research-plan.decider';
import {
  workstreamDecider,
  workstreamStreamId,
  type WorkstreamCommand,
} from '../programme/workstream.decider';

/** An instant: a day at noon UTC, or an exact ISO time. */
const at = (when: string) => new Date(when.length === 10 ? `${when}T12:00:00Z` : when);

const context = (when: string, by: string): CommandContext => ({
  commandId: randomUUID(),
  actor: { kind: 'person', id: by },
  now: at(when),
  classification: 'OFFICIAL',
});

type Step = readonly [when: string, projectId: string, command: ProjectCommand];

const review = (verdict: 'meets_standards' | 'does_not_meet_standards', by: string = REVIEWER_A) =>
  ({
    type: 'record-review',
    by,
    verdict,
    checklist: verdict === 'meets_standards' ? allMet : withUnmet('comparison_appropriate'),
    comments: 'Reviewed against the national standards.',
  }) as const;
const decide = (decision: 'approve' | 'reject' | 'defer', meetingId?: string) =>
  ({
    type: 'decide',
    decision,
    by: COMMITTEE,
    reasons: 'Decided by the EBP Committee.',
    ...(meetingId === undefined ? {} : { meetingId }),
  }) as const;
const propose = (projectId: string, overrides: Parameters<typeof aProposal>[0] = {}) =>
  ({
    type: 'propose',
    projectId,
    proposal: aProposal({
      ethics: {
        status: 'not_required',
        reason: 'Uses only recorded crime counts, no participants.',
      },
      ...overrides,
    }),
    by: LEAD,
  }) as const;

/** The register's history up to the end of the first quarter of 2026 (the report's date, A). */
export const HISTORY_TO_A: readonly Step[] = [
  [
    '2025-05-01',
    'p-patrol',
    propose('p-patrol', {
      title: 'Foot patrol in town centres',
      plannedStart: '2024-06-01',
      plannedEnd: '2025-01-31',
      methods: ['rct'],
      plannedSmsLevel: 5,
      ebpLevel: 'tactical',
    }),
  ],
  ['2025-05-10', 'p-patrol', { type: 'submit', by: LEAD }],
  ['2025-05-20', 'p-patrol', review('meets_standards')],
  // SMS 5: a second reviewer.
  ['2025-05-21', 'p-patrol', review('meets_standards', REVIEWER_B)],
  ['2025-06-30', 'p-patrol', decide('approve', 'm-2025-06')],
  ['2025-08-01', 'p-patrol', { type: 'start', by: LEAD, today: '2025-08-01' }],
  [
    '2025-10-01',
    'p-patrol',
    { type: 'report-progress', by: LEAD, summary: 'Half the sites randomised.' },
  ],
  [
    '2025-09-01',
    'p-switch',
    propose('p-switch', {
      title: 'Street lighting and burglary',
      priorityIds: ['priority-violence', 'priority-trust'],
      ebpLevel: 'strategic',
    }),
  ],
  ['2025-09-05', 'p-switch', { type: 'submit', by: LEAD }],
  ['2025-09-15', 'p-switch', review('meets_standards')],
  ['2025-10-15', 'p-switch', decide('approve', 'm-2025-10')],
  ['2025-11-01', 'p-switch', { type: 'start', by: LEAD, today: '2025-11-01' }],
  [
    '2026-03-20',
    'p-switch',
    { type: 'complete', by: LEAD, findings: findings(['Calls for service']) },
  ],
  ['2026-01-10', 'p-hotspot', propose('p-hotspot')],
  ['2026-01-20', 'p-hotspot', { type: 'submit', by: LEAD }],
  ['2026-02-01', 'p-hotspot', review('meets_standards')],
  ['2026-02-15', 'p-hotspot', decide('approve')],
  [
    '2026-01-15',
    'p-reject',
    propose('p-reject', { title: 'Mentoring for first-time offenders', priorityIds: [] }),
  ],
  ['2026-01-16', 'p-reject', { type: 'submit', by: LEAD }],
  ['2026-01-30', 'p-reject', review('does_not_meet_standards')],
  ['2026-02-20', 'p-reject', decide('reject')],
  [
    '2026-02-10',
    'p-defer',
    propose('p-defer', {
      title: 'Drones for missing people',
      methods: ['case-study'],
      plannedSmsLevel: 1,
    }),
  ],
  ['2026-02-11', 'p-defer', { type: 'submit', by: LEAD }],
  ['2026-02-25', 'p-defer', review('meets_standards')],
  ['2026-03-10', 'p-defer', decide('defer')],
  [
    '2026-03-01',
    'p-knife',
    propose('p-knife', { title: 'Knife arches at stations', plannedSmsLevel: 4 }),
  ],
  ['2026-03-05', 'p-knife', { type: 'withdraw', by: LEAD, reason: 'Duplicates a national study.' }],
  [
    '2026-03-15',
    'p-secret',
    propose('p-secret', {
      title: 'Covert tactics evaluation',
      classification: 'OFFICIAL_SENSITIVE',
    }),
  ],
  // The last instant of the report's day counts.
  ['2026-03-31T23:59:59.999Z', 'p-hotspot', { type: 'start', by: LEAD, today: '2026-03-31' }],
];

/** What happened after A: none of it may change the report as of A. */
export const HISTORY_AFTER_A: readonly Step[] = [
  [
    '2026-04-01T00:00:00.000Z',
    'p-patrol',
    { type: 'complete', by: LEAD, findings: findings(['Violence with injury']) },
  ],
  [
    '2026-04-02',
    'p-new',
    propose('p-new', { title: 'Domestic abuse: a follow-up call', priorityIds: ['priority-vawg'] }),
  ],
  ['2026-04-03', 'p-new', { type: 'submit', by: LEAD }],
  ['2026-04-10', 'p-defer', { type: 'submit', by: LEAD }],
  ['2026-04-20', 'p-defer', review('meets_standards')],
  ['2026-05-01', 'p-defer', decide('approve')],
  [
    '2026-05-02',
    'p-secret',
    { type: 'withdraw', by: LEAD, reason: 'The operation it served has ended.' },
  ],
];

export const PRIORITIES_TO_A = [
  ['2025-04-01', 'priority-violence', 'Reduce violence with injury in the night-time economy'],
  ['2025-04-01', 'priority-trust', 'Build public trust and confidence'],
  ['2026-01-05', 'priority-vawg', 'Tackle violence against women and girls'],
] as const;

/** Writes priorities and projects through the deciders, each command at its own instant. */
export async function recordHistory(
  store: EventStore,
  steps: readonly Step[],
  priorities: readonly (readonly [string, string, string])[] = [],
): Promise<void> {
  const priorityCommands = new CommandHandler(store, priorityDecider);
  for (const [when, priorityId, title] of priorities)
    await priorityCommands.handle(
      priorityStreamId(priorityId),
      {
        type: 'set',
        priorityId,
        priority: {
          title,
          rationale: 'Set by the EBP Committee in the Research Plan for the period.',
          periodStart: '2025-04-01',
          periodEnd: '2028-03-31',
          ownerId: COMMITTEE,
        },
        by: COMMITTEE,
      },
      context(when, COMMITTEE),
    );
  const projects = new CommandHandler(store, projectDecider);
  for (const [when, projectId, command] of steps)
    await projects.handle(
      projectStreamId(projectId),
      command,
      context(when, 'by' in command ? command.by : LEAD),
    );
}

type ProgrammeStep =
  | readonly [when: string, by: string, plan: number, command: ResearchPlanCommand]
  | readonly [when: string, by: string, workstream: string, command: WorkstreamCommand];

const capability = {
  name: 'Build capability in the Met',
  objective: 'Officers and staff able to find, judge and use research.',
  approach: ['Master classes for supervisors', 'An EBP champion in every BCU'],
  outcomes: ['A champion in every BCU'],
  ownerId: REVIEWER_A,
};
const sharing = {
  name: 'Share what works',
  objective: 'Findings reach the people who can use them, inside and outside the force.',
  approach: ['The Research and Learning Library', 'Local Learning Networks'],
  outcomes: ['Every completed project in the library'],
  ownerId: REVIEWER_B,
};
const milestone = (title: string, due: string) => ({ title, due, ownerId: REVIEWER_A });
const plan = (year: number, priorityIds: string[]) => ({
  title: `MPS Research Plan ${year}`,
  summary: 'The research the force wants this year, drawn up with the business areas.',
  priorityIds,
});

/** The Research Plan and the EBP Programme up to A: two plans agreed, two work streams. */
export const PROGRAMME_TO_A: readonly ProgrammeStep[] = [
  [
    '2025-03-20',
    REVIEWER_A,
    2025,
    {
      type: 'draft',
      year: 2025,
      plan: plan(2025, ['priority-violence', 'priority-trust']),
      by: REVIEWER_A,
    },
  ],
  [
    '2025-04-01',
    COMMITTEE,
    2025,
    { type: 'agree', decision: 'Agreed at the April committee.', by: COMMITTEE },
  ],
  [
    '2025-05-01',
    REVIEWER_A,
    'capability',
    { type: 'define', workstreamId: 'capability', workstream: capability, by: REVIEWER_A },
  ],
  [
    '2025-05-01',
    REVIEWER_B,
    'sharing',
    { type: 'define', workstreamId: 'sharing', workstream: sharing, by: REVIEWER_B },
  ],
  [
    '2025-05-02',
    REVIEWER_A,
    'capability',
    {
      type: 'add-milestone',
      milestoneId: 'champions',
      milestone: milestone('Champions named', '2025-12-31'),
      by: REVIEWER_A,
    },
  ],
  [
    '2025-05-02',
    REVIEWER_A,
    'capability',
    {
      type: 'add-milestone',
      milestoneId: 'classes',
      milestone: milestone('Six master classes held', '2026-03-01'),
      by: REVIEWER_A,
    },
  ],
  [
    '2025-05-02',
    REVIEWER_A,
    'capability',
    {
      type: 'add-milestone',
      milestoneId: 'survey',
      milestone: milestone('Survey of senior staff run again', '2026-06-30'),
      by: REVIEWER_A,
    },
  ],
  [
    '2025-05-03',
    REVIEWER_B,
    'sharing',
    {
      type: 'add-milestone',
      milestoneId: 'library',
      milestone: milestone('Every completed project in the library', '2026-02-28'),
      by: REVIEWER_B,
    },
  ],
  [
    '2025-12-15',
    REVIEWER_A,
    'capability',
    { type: 'progress-milestone', milestoneId: 'champions', status: 'done', by: REVIEWER_A },
  ],
  [
    '2026-01-10',
    REVIEWER_A,
    2026,
    {
      type: 'draft',
      year: 2026,
      plan: plan(2026, ['priority-violence', 'priority-trust', 'priority-vawg']),
      by: REVIEWER_A,
    },
  ],
  [
    '2026-01-20',
    COMMITTEE,
    2026,
    { type: 'agree', decision: 'Agreed at the January committee.', by: COMMITTEE },
  ],
  [
    '2026-02-01',
    REVIEWER_A,
    'capability',
    { type: 'progress-milestone', milestoneId: 'classes', status: 'in_progress', by: REVIEWER_A },
  ],
];

/** After A: one milestone done, one dropped, and next year's plan drafted. */
export const PROGRAMME_AFTER_A: readonly ProgrammeStep[] = [
  [
    '2026-04-15',
    REVIEWER_A,
    'capability',
    { type: 'progress-milestone', milestoneId: 'classes', status: 'done', by: REVIEWER_A },
  ],
  [
    '2026-05-10',
    REVIEWER_B,
    'sharing',
    {
      type: 'progress-milestone',
      milestoneId: 'library',
      status: 'dropped',
      note: 'Partner outcomes now reach the library on their own.',
      by: REVIEWER_B,
    },
  ],
  [
    '2026-05-20',
    REVIEWER_A,
    2027,
    { type: 'draft', year: 2027, plan: plan(2027, ['priority-vawg']), by: REVIEWER_A },
  ],
];

/** Writes plans and work streams through their deciders, each command at its own instant. */
export async function recordProgramme(
  store: EventStore,
  steps: readonly ProgrammeStep[],
): Promise<void> {
  const plans = new CommandHandler(store, researchPlanDecider);
  const streams = new CommandHandler(store, workstreamDecider);
  for (const [when, by, subject, command] of steps)
    if (typeof subject === 'number')
      await plans.handle(
        researchPlanStreamId(subject),
        command as ResearchPlanCommand,
        context(when, by),
      );
    else
      await streams.handle(
        workstreamStreamId(subject),
        command as WorkstreamCommand,
        context(when, by),
      );
}

/**
 * A meeting command without what recordMeetings fills in: the day or instant of the step, and
 * the meeting of the body that sits then, for approving minutes.
 */
type MeetingFixtureCommand = MeetingCommand extends infer Command
  ? Command extends MeetingCommand
    ? Omit<Command, 'today' | 'now' | 'approvingMeeting'>
    : never
  : never;
type MeetingStep = readonly [
  when: string,
  by: string,
  meetingId: string,
  command: MeetingFixtureCommand,
];

/**
 * Committee business up to A: the June meeting decides the patrol proposal and records an action
 * (still open at A); the October meeting approves June's minutes and decides the street lighting
 * proposal; a Steering Group meeting is cancelled. Recorded before the projects' history, as in
 * service a meeting exists before the decisions taken in it.
 */
export const MEETINGS_TO_A: readonly MeetingStep[] = [
  [
    '2025-06-20',
    REVIEWER_A,
    'm-2025-06',
    {
      type: 'schedule',
      meetingId: 'm-2025-06',
      body: 'ebp_committee',
      title: 'EBP Committee, June 2025',
      heldOn: '2025-06-30',
      agenda: [{ kind: 'proposal', projectId: 'p-patrol' }],
      by: REVIEWER_A,
    },
  ],
  ['2025-06-30T09:00:00Z', REVIEWER_A, 'm-2025-06', { type: 'open', by: REVIEWER_A }],
  [
    '2025-06-30T15:00:00Z',
    REVIEWER_A,
    'm-2025-06',
    {
      type: 'record-action',
      actionId: 'a-briefing',
      agendaItemId: 'proposal:p-patrol',
      action: { description: 'Brief the BCU commanders', ownerId: LEAD, dueOn: '2025-07-31' },
      by: REVIEWER_A,
    },
  ],
  ['2025-06-30T16:00:00Z', REVIEWER_A, 'm-2025-06', { type: 'close', by: REVIEWER_A }],
  [
    '2025-07-05',
    REVIEWER_A,
    'm-2025-06',
    {
      type: 'draft-minutes',
      minutes: {
        summary: 'The committee approved the foot patrol trial.',
        notes: [{ agendaItemId: 'proposal:p-patrol', note: 'Approved: randomise by site.' }],
      },
      by: REVIEWER_A,
    },
  ],
  [
    '2025-10-01',
    REVIEWER_A,
    'm-2025-10',
    {
      type: 'schedule',
      meetingId: 'm-2025-10',
      body: 'ebp_committee',
      title: 'EBP Committee, October 2025',
      heldOn: '2025-10-15',
      agenda: [
        { kind: 'proposal', projectId: 'p-switch' },
        { kind: 'other', title: 'The EBP Programme: progress' },
      ],
      by: REVIEWER_A,
    },
  ],
  ['2025-10-15T09:00:00Z', REVIEWER_A, 'm-2025-10', { type: 'open', by: REVIEWER_A }],
  ['2025-10-15T10:00:00Z', COMMITTEE, 'm-2025-06', { type: 'approve-minutes', by: COMMITTEE }],
  ['2025-10-15T16:00:00Z', REVIEWER_A, 'm-2025-10', { type: 'close', by: REVIEWER_A }],
  [
    '2025-11-01',
    REVIEWER_A,
    'm-2025-12',
    {
      type: 'schedule',
      meetingId: 'm-2025-12',
      body: 'steering_group',
      title: 'Steering Group, December 2025',
      heldOn: '2025-12-10',
      agenda: [],
      by: REVIEWER_A,
    },
  ],
  [
    '2025-12-01',
    REVIEWER_A,
    'm-2025-12',
    { type: 'cancel', reason: 'Not quorate: business moved to January.', by: REVIEWER_A },
  ],
];

/** After A: the June action is done and October's minutes are drafted. */
export const MEETINGS_AFTER_A: readonly MeetingStep[] = [
  [
    '2026-04-10',
    LEAD,
    'm-2025-06',
    { type: 'complete-action', actionId: 'a-briefing', note: 'Briefed in April.', by: LEAD },
  ],
  [
    '2026-04-20',
    REVIEWER_A,
    'm-2025-10',
    {
      type: 'draft-minutes',
      minutes: { summary: 'The committee approved the street lighting study.', notes: [] },
      by: REVIEWER_A,
    },
  ],
];

/**
 * Writes meetings through their decider, each command at its own instant. Minutes are approved
 * in the latest meeting of the same body in session, as the application would be told.
 */
export async function recordMeetings(
  store: EventStore,
  steps: readonly MeetingStep[],
): Promise<void> {
  const handler = new CommandHandler(store, meetingDecider);
  const sitting = new Map<string, ApprovingMeeting>();
  for (const [when, by, meetingId, step] of steps) {
    const now = at(when).toISOString();
    let command: MeetingCommand;
    if (step.type === 'schedule') command = { ...step, today: now.slice(0, 10) };
    else if (step.type === 'open' || step.type === 'close') command = { ...step, now };
    else if (step.type === 'approve-minutes') {
      const { state } = await loadState(store, meetingDecider, meetingStreamId(meetingId));
      const approving = [...sitting.values()].find(
        (meeting) => state.scheduled && meeting.body === state.body,
      );
      if (!approving) throw new Error(`no meeting sits to approve ${meetingId}'s minutes`);
      command = { ...step, approvingMeeting: approving };
    } else command = step;
    const { state } = await handler.handle(meetingStreamId(meetingId), command, context(when, by));
    if (state.scheduled && state.status === 'in_session')
      sitting.set(meetingId, {
        meetingId,
        body: state.body,
        status: state.status,
        openedAt: state.openedAt,
      });
    else sitting.delete(meetingId);
  }
}
