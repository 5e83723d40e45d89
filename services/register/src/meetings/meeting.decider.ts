import { parseOrThrow, register } from '@ebp/contracts';
import { DomainError, type Decider, type DomainEvent } from '@ebp/eventing';
import { requireText } from '../shared/revision';

export class MeetingAlreadyExists extends DomainError {
  readonly code = 'MEETING_ALREADY_EXISTS';
}
export class MeetingNotFound extends DomainError {
  readonly code = 'MEETING_NOT_FOUND';
}
export class IllegalMeetingTransition extends DomainError {
  readonly code = 'ILLEGAL_MEETING_TRANSITION';
}
export class AgendaItemNotFound extends DomainError {
  readonly code = 'AGENDA_ITEM_NOT_FOUND';
}
export class AgendaItemAlreadyListed extends DomainError {
  readonly code = 'AGENDA_ITEM_ALREADY_LISTED';
}
export class MeetingActionNotFound extends DomainError {
  readonly code = 'MEETING_ACTION_NOT_FOUND';
}
export class MinutesNotApprovable extends DomainError {
  readonly code = 'MINUTES_NOT_APPROVABLE';
}
export class InvalidMeetingInput extends DomainError {
  readonly code = 'INVALID_MEETING_INPUT';
}

type MeetingEventType = register.MeetingEventType;
export type MeetingEvent = {
  [Type in MeetingEventType]: DomainEvent<Type, register.MeetingEventData<Type>>;
}[MeetingEventType];

export type MeetingState =
  | { readonly scheduled: false }
  | {
      readonly scheduled: true;
      readonly meetingId: string;
      readonly body: register.MeetingBody;
      readonly heldOn: string;
      readonly status: register.MeetingStatus;
      readonly agenda: Readonly<Record<string, register.AgendaItem>>;
      readonly papers: number;
      readonly actions: Readonly<Record<string, { readonly open: boolean }>>;
      readonly minutes: 'none' | 'drafted' | 'approved';
      readonly openedAt: string | null;
      readonly closedAt: string | null;
    };
type Scheduled = Extract<MeetingState, { scheduled: true }>;

/** What the meeting that approves another's minutes is, as its own stream says. */
export interface ApprovingMeeting {
  readonly meetingId: string;
  readonly body: register.MeetingBody;
  readonly status: register.MeetingStatus;
  /** When it opened (ISO 8601); null while scheduled. */
  readonly openedAt: string | null;
}

export type MeetingCommand =
  | {
      type: 'schedule';
      meetingId: string;
      body: unknown;
      title: unknown;
      heldOn: unknown;
      agenda: readonly register.AgendaItem[];
      /** The day it is scheduled on (YYYY-MM-DD): a meeting is held on it or later. */
      today: string;
      by: string;
    }
  | { type: 'add-agenda-item'; item: unknown; by: string }
  | { type: 'attach-paper'; agendaItemId: string; paperId: string; paper: unknown; by: string }
  | { type: 'open'; now: string; by: string }
  | {
      type: 'record-action';
      actionId: string;
      agendaItemId?: string;
      action: unknown;
      by: string;
    }
  | { type: 'complete-action'; actionId: string; note: unknown; by: string }
  | { type: 'close'; now: string; by: string }
  | { type: 'cancel'; reason: unknown; by: string }
  | { type: 'draft-minutes'; minutes: unknown; by: string }
  | { type: 'approve-minutes'; approvingMeeting: ApprovingMeeting; by: string };

const scheduleSchema = register.meetingEventData['register.meeting.scheduled'].pick({
  body: true,
  title: true,
  heldOn: true,
});

function requireStatus(
  state: Scheduled,
  what: string,
  allowed: readonly register.MeetingStatus[],
): void {
  if (!allowed.includes(state.status))
    throw new IllegalMeetingTransition(
      `A meeting ${state.status.replace('_', ' ')} cannot ${what} (only one ${allowed
        .map((status) => status.replace('_', ' '))
        .join(' or ')})`,
    );
}

/** Each agenda item's id: what it is about, or the next number for other business. */
function keyed(
  agenda: Readonly<Record<string, register.AgendaItem>>,
  items: readonly register.AgendaItem[],
): { agendaItemId: string; item: register.AgendaItem }[] {
  const keys = new Set(Object.keys(agenda));
  let others = Object.values(agenda).filter((item) => item.kind === 'other').length;
  return items.map((item) => {
    const agendaItemId = register.agendaItemKey(item, item.kind === 'other' ? ++others : undefined);
    if (keys.has(agendaItemId))
      throw new AgendaItemAlreadyListed(`The agenda lists ${agendaItemId} already`);
    keys.add(agendaItemId);
    return { agendaItemId, item };
  });
}

function requireItem(state: Scheduled, agendaItemId: string): void {
  if (!state.agenda[agendaItemId])
    throw new AgendaItemNotFound(`No item ${agendaItemId} on this meeting’s agenda`);
}

function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  if (command.type === 'schedule') {
    if (state.scheduled)
      throw new MeetingAlreadyExists(`Meeting ${state.meetingId} exists already`);
    const { body, title, heldOn } = parseOrThrow(
      scheduleSchema,
      { body: command.body, title: command.title, heldOn: command.heldOn },
      'meeting',
      InvalidMeetingInput,
    );
    if (heldOn < command.today)
      throw new InvalidMeetingInput('A meeting is held today or later', {
        issues: [{ path: 'heldOn', message: 'Give today or a later day' }],
      });
    const agenda = keyed({}, command.agenda);
    const { meetingId, by } = command;
    return [
      {
        type: 'register.meeting.scheduled',
        data: { meetingId, body, title, heldOn, agenda, by },
      },
    ];
  }
  if (!state.scheduled) throw new MeetingNotFound('There is no such meeting');
  const { meetingId } = state;
  const { by } = command;
  switch (command.type) {
    case 'add-agenda-item': {
      requireStatus(state, 'take new business', ['scheduled', 'in_session']);
      const item = parseOrThrow(
        register.AgendaItemSchema,
        command.item,
        'agenda item',
        InvalidMeetingInput,
      );
      if (
        item.kind === 'other' &&
        Object.values(state.agenda).filter((listed) => listed.kind === 'other').length >=
          register.MAX_OTHER_BUSINESS
      )
        throw new InvalidMeetingInput(
          `A meeting takes at most ${register.MAX_OTHER_BUSINESS} items of other business`,
          { issues: [] },
        );
      const [entry] = keyed(state.agenda, [item]);
      return [
        {
          type: 'register.meeting.agenda-item-added',
          data: { meetingId, agendaItemId: entry!.agendaItemId, item, by },
        },
      ];
    }
    case 'attach-paper': {
      requireStatus(state, 'take papers', ['scheduled', 'in_session']);
      requireItem(state, command.agendaItemId);
      const paper = parseOrThrow(
        register.MeetingPaperSchema,
        command.paper,
        'paper',
        InvalidMeetingInput,
      );
      const { agendaItemId, paperId } = command;
      return [
        {
          type: 'register.meeting.paper-attached',
          data: { meetingId, agendaItemId, paperId, paper, by },
        },
      ];
    }
    case 'open':
      requireStatus(state, 'open', ['scheduled']);
      if (command.now.slice(0, 10) < state.heldOn)
        throw new IllegalMeetingTransition(
          `A meeting opens on the day it is held (${state.heldOn}) or later`,
        );
      return [{ type: 'register.meeting.opened', data: { meetingId, by, at: command.now } }];
    case 'record-action': {
      requireStatus(state, 'record an action', ['in_session']);
      if (command.agendaItemId !== undefined) requireItem(state, command.agendaItemId);
      const action = parseOrThrow(
        register.MeetingActionSchema,
        command.action,
        'action',
        InvalidMeetingInput,
      );
      const { actionId, agendaItemId } = command;
      return [
        {
          type: 'register.meeting.action-recorded',
          data: {
            meetingId,
            actionId,
            ...(agendaItemId === undefined ? {} : { agendaItemId }),
            action,
            by,
          },
        },
      ];
    }
    case 'complete-action': {
      requireStatus(state, 'complete an action', ['in_session', 'held']);
      const action = state.actions[command.actionId];
      if (!action) throw new MeetingActionNotFound(`No action ${command.actionId} in this meeting`);
      if (!action.open)
        throw new IllegalMeetingTransition(`Action ${command.actionId} is complete already`);
      const note = parseOrThrow(
        register.meetingEventData['register.meeting.action-completed'].shape.note,
        command.note,
        'note',
        InvalidMeetingInput,
      );
      return [
        {
          type: 'register.meeting.action-completed',
          data: { meetingId, actionId: command.actionId, note, by },
        },
      ];
    }
    case 'close':
      requireStatus(state, 'close', ['in_session']);
      return [{ type: 'register.meeting.closed', data: { meetingId, by, at: command.now } }];
    case 'cancel': {
      requireStatus(state, 'be cancelled', ['scheduled']);
      const reason = requireText(command.reason, 'reason', InvalidMeetingInput);
      return [{ type: 'register.meeting.cancelled', data: { meetingId, reason, by } }];
    }
    case 'draft-minutes': {
      requireStatus(state, 'have minutes drafted', ['held']);
      if (state.minutes === 'approved')
        throw new IllegalMeetingTransition('Approved minutes are final');
      const minutes = parseOrThrow(
        register.MinutesSchema,
        command.minutes,
        'minutes',
        InvalidMeetingInput,
      );
      for (const { agendaItemId } of minutes.notes) requireItem(state, agendaItemId);
      return [{ type: 'register.meeting.minutes-drafted', data: { meetingId, minutes, by } }];
    }
    case 'approve-minutes': {
      requireStatus(state, 'have its minutes approved', ['held']);
      if (state.minutes === 'none')
        throw new MinutesNotApprovable('There are no minutes to approve yet');
      if (state.minutes === 'approved')
        throw new MinutesNotApprovable('The minutes are approved already');
      const approving = command.approvingMeeting;
      refuseApprovalUnlessLater(state, approving);
      return [
        {
          type: 'register.meeting.minutes-approved',
          data: { meetingId, approvedIn: approving.meetingId, by },
        },
      ];
    }
  }
}

/** Minutes are approved by a later meeting of the same body, while it sits. */
function refuseApprovalUnlessLater(state: Scheduled, approving: ApprovingMeeting): void {
  if (approving.meetingId === state.meetingId)
    throw new MinutesNotApprovable('A meeting cannot approve its own minutes');
  if (approving.body !== state.body)
    throw new MinutesNotApprovable('Only a meeting of the same body approves its minutes');
  if (approving.status !== 'in_session')
    throw new MinutesNotApprovable('Minutes are approved by a meeting in session');
  // Later in fact, not only by the days given: it opened after this meeting closed.
  if (
    approving.openedAt === null ||
    state.closedAt === null ||
    approving.openedAt <= state.closedAt
  )
    throw new MinutesNotApprovable(
      'Only a meeting opened after this one closed approves the minutes',
    );
}

/**
 * A committee decision on a proposal may be taken in a meeting only while it sits and only on a
 * proposal on its agenda (the project's own rules then decide whether the decision stands).
 */
export function requireDecisionInSession(state: MeetingState, projectId: string): void {
  if (!state.scheduled) throw new MeetingNotFound('There is no such meeting');
  requireStatus(state, 'take a decision', ['in_session']);
  requireItem(state, register.agendaItemKey({ kind: 'proposal', projectId }));
}

function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'register.meeting.scheduled') {
    const { meetingId, body, heldOn, agenda } = event.data;
    return {
      scheduled: true,
      meetingId,
      body,
      heldOn,
      status: 'scheduled',
      agenda: Object.fromEntries(agenda.map(({ agendaItemId, item }) => [agendaItemId, item])),
      papers: 0,
      actions: {},
      minutes: 'none',
      openedAt: null,
      closedAt: null,
    };
  }
  if (!state.scheduled) return state;
  switch (event.type) {
    case 'register.meeting.agenda-item-added':
      return { ...state, agenda: { ...state.agenda, [event.data.agendaItemId]: event.data.item } };
    case 'register.meeting.paper-attached':
      return { ...state, papers: state.papers + 1 };
    case 'register.meeting.opened':
      return { ...state, status: 'in_session', openedAt: event.data.at };
    case 'register.meeting.action-recorded':
      return { ...state, actions: { ...state.actions, [event.data.actionId]: { open: true } } };
    case 'register.meeting.action-completed':
      return { ...state, actions: { ...state.actions, [event.data.actionId]: { open: false } } };
    case 'register.meeting.closed':
      return { ...state, status: 'held', closedAt: event.data.at };
    case 'register.meeting.cancelled':
      return { ...state, status: 'cancelled' };
    case 'register.meeting.minutes-drafted':
      return { ...state, minutes: 'drafted' };
    case 'register.meeting.minutes-approved':
      return { ...state, minutes: 'approved' };
  }
}

/**
 * A meeting of the EBP Committee or the Steering Group: scheduled for today or later with an
 * agenda, opened on its day or later, closed (held), or cancelled before it opens; papers go with
 * items of business before or during it; actions are recorded while it sits; minutes are drafted
 * once it is held, and approved, once, by a meeting of the same body that opened after it closed
 * and sits.
 */
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide,
  evolve,
  initialState: () => ({ scheduled: false }),
};

export const meetingStreamId = (meetingId: string) => `meeting:${meetingId}`;
