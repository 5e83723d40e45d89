import type { register } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { projectIdOf } from '../../projects/project.handler';
import type { MeetingEvent } from '../meeting.decider';

export interface PaperEntry extends register.MeetingPaper {
  paperId: string;
}

export interface AgendaEntry {
  agendaItemId: string;
  item: register.AgendaItem;
  papers: PaperEntry[];
}

export interface ActionEntry extends register.MeetingAction {
  actionId: string;
  agendaItemId: string | null;
  recordedBy: string;
  completed: { at: string; by: string; note: string } | null;
}

/** A committee decision on a proposal taken in the meeting (the project's own event says so). */
export interface MeetingDecisionEntry {
  projectId: string;
  decision: register.CommitteeDecision;
  reasons: string;
  decidedBy: string;
  at: string;
}

/** A meeting with its business, as the graph reads it. */
export interface MeetingEntry {
  meetingId: string;
  body: register.MeetingBody;
  title: string;
  heldOn: string;
  status: register.MeetingStatus;
  scheduledBy: string;
  scheduledAt: string;
  openedAt: string | null;
  closedAt: string | null;
  agenda: AgendaEntry[];
  actions: ActionEntry[];
  decisions: MeetingDecisionEntry[];
  cancelledFor: string | null;
  minutes: register.Minutes | null;
  minutesApprovedIn: string | null;
  minutesApprovedAt: string | null;
}

const DECISIONS = {
  'register.project.approved': 'approve',
  'register.project.rejected': 'reject',
  'register.project.deferred': 'defer',
} as const satisfies Record<string, register.CommitteeDecision>;
type DecisionType = keyof typeof DECISIONS;
interface DecisionEvent {
  type: DecisionType;
  data: register.ProjectEventData<DecisionType>;
}
const isDecision = (event: { type: string }): event is DecisionEvent => event.type in DECISIONS;

/** Folds one meeting event into its entry (also used by the governance replay). */
export function evolveMeeting(
  current: MeetingEntry | null,
  event: MeetingEvent,
  at: string,
): MeetingEntry | null {
  if (event.type === 'register.meeting.scheduled') {
    const { meetingId, body, title, heldOn, agenda, by } = event.data;
    return {
      meetingId,
      body,
      title,
      heldOn,
      status: 'scheduled',
      scheduledBy: by,
      scheduledAt: at,
      openedAt: null,
      closedAt: null,
      agenda: agenda.map((entry) => ({ ...entry, papers: [] })),
      actions: [],
      decisions: [],
      cancelledFor: null,
      minutes: null,
      minutesApprovedIn: null,
      minutesApprovedAt: null,
    };
  }
  if (!current) return null;
  switch (event.type) {
    case 'register.meeting.agenda-item-added': {
      const { agendaItemId, item } = event.data;
      return { ...current, agenda: [...current.agenda, { agendaItemId, item, papers: [] }] };
    }
    case 'register.meeting.paper-attached': {
      const { agendaItemId, paperId, paper } = event.data;
      return {
        ...current,
        agenda: current.agenda.map((entry) =>
          entry.agendaItemId === agendaItemId
            ? { ...entry, papers: [...entry.papers, { ...paper, paperId }] }
            : entry,
        ),
      };
    }
    case 'register.meeting.opened':
      return { ...current, status: 'in_session', openedAt: event.data.at };
    case 'register.meeting.closed':
      return { ...current, status: 'held', closedAt: event.data.at };
    case 'register.meeting.cancelled':
      return { ...current, status: 'cancelled', cancelledFor: event.data.reason };
    case 'register.meeting.action-recorded': {
      const { actionId, agendaItemId, action, by } = event.data;
      return {
        ...current,
        actions: [
          ...current.actions,
          {
            ...action,
            actionId,
            agendaItemId: agendaItemId ?? null,
            recordedBy: by,
            completed: null,
          },
        ],
      };
    }
    case 'register.meeting.action-completed': {
      const { actionId, note, by } = event.data;
      return {
        ...current,
        actions: current.actions.map((action) =>
          action.actionId === actionId ? { ...action, completed: { at, by, note } } : action,
        ),
      };
    }
    case 'register.meeting.minutes-drafted':
      return { ...current, minutes: event.data.minutes };
    case 'register.meeting.minutes-approved':
      return { ...current, minutesApprovedIn: event.data.approvedIn, minutesApprovedAt: at };
  }
}

/** Adds a decision taken in the meeting, from the project's own decision event. */
export function withDecision(
  current: MeetingEntry | null,
  projectId: string,
  event: DecisionEvent,
  at: string,
): MeetingEntry | null {
  if (!current) return null;
  const { decidedBy, reasons } = event.data;
  return {
    ...current,
    decisions: [
      ...current.decisions,
      { projectId, decision: DECISIONS[event.type], reasons, decidedBy, at },
    ],
  };
}

export const meetings: ProjectionDefinition<MeetingEntry> = {
  name: 'register-meetings',
  version: 1,
  handles: [
    'register.meeting.scheduled',
    'register.meeting.agenda-item-added',
    'register.meeting.paper-attached',
    'register.meeting.opened',
    'register.meeting.action-recorded',
    'register.meeting.action-completed',
    'register.meeting.closed',
    'register.meeting.cancelled',
    'register.meeting.minutes-drafted',
    'register.meeting.minutes-approved',
    ...(Object.keys(DECISIONS) as DecisionType[]),
  ],
  documentId: (stored) => {
    const event = stored as unknown as MeetingEvent | DecisionEvent;
    return event.data.meetingId;
  },
  evolve: (current, stored: StoredEvent) => {
    const event = stored as unknown as MeetingEvent | DecisionEvent;
    const at = stored.metadata.recordedAt;
    if (!isDecision(event)) return evolveMeeting(current, event, at);
    const projectId = projectIdOf(stored.streamId);
    return projectId === undefined ? current : withDecision(current, projectId, event, at);
  },
};
