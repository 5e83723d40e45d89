import type { register } from '@ebp/contracts';
import { byText } from '../shared/ordering';
import type { MeetingEntry } from '../meetings/projections/meetings.projection';

/** Committee business as it stood at the end of the report's day (decision 0036). */
export interface MeetingsSection {
  /** Meetings opened by the day (in session or held), by the day they were held. */
  readonly held: readonly {
    readonly meetingId: string;
    readonly body: register.MeetingBody;
    readonly title: string;
    readonly heldOn: string;
    readonly status: register.MeetingStatus;
    /** Decisions on proposals taken in it (of the projects the report covers). */
    readonly decisions: number;
    readonly actions: number;
    readonly actionsDone: number;
    readonly minutes: 'none' | 'drafted' | 'approved';
  }[];
  /** Meetings cancelled by the day. */
  readonly cancelled: number;
  /** Actions open and due before the day, by due date. */
  readonly overdueActions: readonly {
    readonly meetingId: string;
    readonly actionId: string;
    readonly description: string;
    readonly ownerId: string;
    readonly dueOn: string;
  }[];
}

const SAT: ReadonlySet<register.MeetingStatus> = new Set(['in_session', 'held']);

/** The meetings section, pure and ordered: the same inputs give the same section. */
export function meetingsSection(meetings: readonly MeetingEntry[], asOf: string): MeetingsSection {
  const ordered = [...meetings].sort(
    (a, b) => byText(a.heldOn, b.heldOn) || byText(a.meetingId, b.meetingId),
  );
  const held = ordered.filter((meeting) => SAT.has(meeting.status));
  return {
    held: held.map((meeting) => ({
      meetingId: meeting.meetingId,
      body: meeting.body,
      title: meeting.title,
      heldOn: meeting.heldOn,
      status: meeting.status,
      decisions: meeting.decisions.length,
      actions: meeting.actions.length,
      actionsDone: meeting.actions.filter((action) => action.completed !== null).length,
      minutes:
        meeting.minutesApprovedIn !== null ? 'approved' : meeting.minutes ? 'drafted' : 'none',
    })),
    cancelled: ordered.filter((meeting) => meeting.status === 'cancelled').length,
    overdueActions: held
      .flatMap((meeting) =>
        meeting.actions
          .filter((action) => action.completed === null && action.dueOn < asOf)
          .map((action) => ({
            meetingId: meeting.meetingId,
            actionId: action.actionId,
            description: action.description,
            ownerId: action.ownerId,
            dueOn: action.dueOn,
          })),
      )
      .sort((a, b) => byText(a.dueOn, b.dueOn) || byText(a.actionId, b.actionId)),
  };
}
