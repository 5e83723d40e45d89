import { deciderSpecification } from '@ebp/eventing';
import {
  AgendaItemAlreadyListed,
  AgendaItemNotFound,
  IllegalMeetingTransition,
  InvalidMeetingInput,
  MeetingActionNotFound,
  MeetingAlreadyExists,
  MeetingNotFound,
  MinutesNotApprovable,
  meetingDecider,
  requireDecisionInSession,
  type ApprovingMeeting,
  type MeetingEvent,
} from './meeting.decider';

const spec = deciderSpecification(meetingDecider);
const meetingId = 'm-1';
const by = 'person-ada';
const proposal = { kind: 'proposal' as const, projectId: 'p-1' };
const plan = { kind: 'plan' as const, year: 2027 };
const scheduled: MeetingEvent = {
  type: 'register.meeting.scheduled',
  data: {
    meetingId,
    body: 'ebp_committee',
    title: 'EBP Committee, March',
    heldOn: '2027-03-01',
    agenda: [
      { agendaItemId: 'proposal:p-1', item: proposal },
      { agendaItemId: 'plan:2027', item: plan },
    ],
    by,
  },
};
const OPENED_AT = '2027-03-01T09:00:00.000Z';
const CLOSED_AT = '2027-03-01T12:00:00.000Z';
const opened: MeetingEvent = {
  type: 'register.meeting.opened',
  data: { meetingId, by, at: OPENED_AT },
};
const closed: MeetingEvent = {
  type: 'register.meeting.closed',
  data: { meetingId, by, at: CLOSED_AT },
};
const open = { type: 'open' as const, now: OPENED_AT, by };
const close = { type: 'close' as const, now: CLOSED_AT, by };
const minutes = {
  summary: 'The committee approved one proposal and deferred the plan.',
  notes: [{ agendaItemId: 'proposal:p-1', note: 'Approved with the reviewers’ conditions.' }],
};
const drafted: MeetingEvent = {
  type: 'register.meeting.minutes-drafted',
  data: { meetingId, minutes, by },
};
const action = { description: 'Write to the lead', ownerId: 'person-rob', dueOn: '2027-03-15' };
const recorded: MeetingEvent = {
  type: 'register.meeting.action-recorded',
  data: { meetingId, actionId: 'a-1', agendaItemId: 'proposal:p-1', action, by },
};

describe('meeting decider', () => {
  it('is scheduled once, for today or later, with its agenda keyed by what each item is about', () => {
    const schedule = {
      type: 'schedule' as const,
      meetingId,
      body: 'ebp_committee',
      title: 'EBP Committee, March',
      heldOn: '2027-03-01',
      agenda: [proposal, plan],
      today: '2027-02-10',
      by,
    };
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).thenThrows(MeetingAlreadyExists);
    spec
      .given([])
      .when({ ...schedule, agenda: [proposal, proposal] })
      .thenThrows(AgendaItemAlreadyListed);
    spec
      .given([])
      .when({ ...schedule, body: 'board' })
      .thenThrows(InvalidMeetingInput);
    spec
      .given([])
      .when({ ...schedule, heldOn: '01/03/2027' })
      .thenThrows(InvalidMeetingInput);
    spec
      .given([])
      .when({ ...schedule, today: '2027-03-01' })
      .then([scheduled]);
    spec
      .given([])
      .when({ ...schedule, today: '2027-03-02' })
      .thenThrows(InvalidMeetingInput);
    spec.given([]).when(open).thenThrows(MeetingNotFound);
  });

  it('takes new business before and while it sits, each item once; other business is numbered', () => {
    const add = (item: unknown) => ({ type: 'add-agenda-item' as const, item, by });
    const other = { kind: 'other', title: 'Any other business' };
    const addedOther = (n: number): MeetingEvent => ({
      type: 'register.meeting.agenda-item-added',
      data: {
        meetingId,
        agendaItemId: `other:${n}`,
        item: { kind: 'other', title: 'Any other business' },
        by,
      },
    });
    spec
      .given([scheduled])
      .when(add(other))
      .then([addedOther(1)]);
    spec
      .given([scheduled, opened, addedOther(1)])
      .when(add(other))
      .then([addedOther(2)]);
    spec.given([scheduled]).when(add(proposal)).thenThrows(AgendaItemAlreadyListed);
    const others = Array.from({ length: 200 }, (_, n) => addedOther(n + 1));
    spec
      .given([scheduled, ...others])
      .when(add(other))
      .thenThrows(InvalidMeetingInput);
    spec.given([scheduled, opened, closed]).when(add(other)).thenThrows(IllegalMeetingTransition);
    spec
      .given([scheduled])
      .when(add({ kind: 'other', title: '' }))
      .thenThrows(InvalidMeetingInput);
  });

  it('takes papers, by reference, for items on its agenda before it closes', () => {
    const attach = {
      type: 'attach-paper' as const,
      agendaItemId: 'proposal:p-1',
      paperId: 'paper-1',
      paper: { title: 'Reviewers’ report', href: '/library/item-7' },
      by,
    };
    spec
      .given([scheduled])
      .when(attach)
      .then([
        {
          type: 'register.meeting.paper-attached',
          data: {
            meetingId,
            agendaItemId: 'proposal:p-1',
            paperId: 'paper-1',
            paper: attach.paper,
            by,
          },
        },
      ]);
    spec
      .given([scheduled])
      .when({ ...attach, paper: { title: 'A script', href: 'javascript:alert(1)' } })
      .thenThrows(InvalidMeetingInput);
    spec
      .given([scheduled])
      .when({ ...attach, paper: { title: 'Plain web', href: 'http://example.org/paper' } })
      .thenThrows(InvalidMeetingInput);
    spec
      .given([scheduled])
      .when({ ...attach, agendaItemId: 'proposal:p-9' })
      .thenThrows(AgendaItemNotFound);
    spec.given([scheduled, opened, closed]).when(attach).thenThrows(IllegalMeetingTransition);
  });

  it('opens once, on its day or later, is closed only while it sits, and is cancelled only before it opens, with a reason', () => {
    spec.given([scheduled]).when(open).then([opened]);
    spec
      .given([scheduled])
      .when({ ...open, now: '2027-02-28T23:59:59.000Z' })
      .thenThrows(IllegalMeetingTransition);
    spec.given([scheduled, opened]).when(open).thenThrows(IllegalMeetingTransition);
    spec.given([scheduled]).when(close).thenThrows(IllegalMeetingTransition);
    spec.given([scheduled, opened]).when(close).then([closed]);
    const cancel = { type: 'cancel' as const, reason: 'Not quorate: moved to April.', by };
    spec
      .given([scheduled])
      .when(cancel)
      .then([
        { type: 'register.meeting.cancelled', data: { meetingId, reason: cancel.reason, by } },
      ]);
    spec
      .given([scheduled])
      .when({ ...cancel, reason: 'no' })
      .thenThrows(InvalidMeetingInput);
    spec.given([scheduled, opened]).when(cancel).thenThrows(IllegalMeetingTransition);
  });

  it('records actions while it sits, and completes each once', () => {
    const record = {
      type: 'record-action' as const,
      actionId: 'a-1',
      agendaItemId: 'proposal:p-1',
      action,
      by,
    };
    spec.given([scheduled, opened]).when(record).then([recorded]);
    spec.given([scheduled]).when(record).thenThrows(IllegalMeetingTransition);
    spec
      .given([scheduled, opened])
      .when({ ...record, agendaItemId: 'plan:2031' })
      .thenThrows(AgendaItemNotFound);
    spec
      .given([scheduled, opened])
      .when({ ...record, action: { ...action, dueOn: 'soon' } })
      .thenThrows(InvalidMeetingInput);
    const complete = {
      type: 'complete-action' as const,
      actionId: 'a-1',
      note: 'Letter sent.',
      by,
    };
    const completed: MeetingEvent = {
      type: 'register.meeting.action-completed',
      data: { meetingId, actionId: 'a-1', note: 'Letter sent.', by },
    };
    spec.given([scheduled, opened, recorded, closed]).when(complete).then([completed]);
    spec
      .given([scheduled, opened, recorded, closed, completed])
      .when(complete)
      .thenThrows(IllegalMeetingTransition);
    spec
      .given([scheduled, opened])
      .when({ ...complete, actionId: 'a-9' })
      .thenThrows(MeetingActionNotFound);
  });

  it('has minutes drafted once held, on items of its agenda, until they are approved', () => {
    const draft = { type: 'draft-minutes' as const, minutes, by };
    spec.given([scheduled, opened, closed]).when(draft).then([drafted]);
    spec.given([scheduled, opened]).when(draft).thenThrows(IllegalMeetingTransition);
    spec
      .given([scheduled, opened, closed])
      .when({
        ...draft,
        minutes: { ...minutes, notes: [{ agendaItemId: 'other:4', note: 'Hm.' }] },
      })
      .thenThrows(AgendaItemNotFound);
    const approved: MeetingEvent = {
      type: 'register.meeting.minutes-approved',
      data: { meetingId, approvedIn: 'm-2', by },
    };
    spec
      .given([scheduled, opened, closed, drafted, approved])
      .when(draft)
      .thenThrows(IllegalMeetingTransition);
  });

  it('has its minutes approved once, by a meeting of the same body opened after it closed, while it sits', () => {
    const next: ApprovingMeeting = {
      meetingId: 'm-2',
      body: 'ebp_committee',
      status: 'in_session',
      openedAt: '2027-04-05T09:00:00.000Z',
    };
    const approve = (approvingMeeting: ApprovingMeeting) => ({
      type: 'approve-minutes' as const,
      approvingMeeting,
      by,
    });
    const approved: MeetingEvent = {
      type: 'register.meeting.minutes-approved',
      data: { meetingId, approvedIn: 'm-2', by },
    };
    const held = [scheduled, opened, closed, drafted];
    spec.given(held).when(approve(next)).then([approved]);
    spec
      .given([...held, approved])
      .when(approve(next))
      .thenThrows(MinutesNotApprovable);
    spec.given([scheduled, opened, closed]).when(approve(next)).thenThrows(MinutesNotApprovable);
    spec.given([scheduled, opened]).when(approve(next)).thenThrows(IllegalMeetingTransition);
    for (const refused of [
      { ...next, meetingId },
      { ...next, body: 'steering_group' as const },
      { ...next, openedAt: CLOSED_AT },
      { ...next, openedAt: '2027-03-01T10:00:00.000Z' },
      { ...next, openedAt: null },
      { ...next, status: 'scheduled' as const },
      { ...next, status: 'held' as const },
    ])
      spec.given(held).when(approve(refused)).thenThrows(MinutesNotApprovable);
  });

  it('lets a decision on a proposal be taken only while it sits and only on its agenda', () => {
    const state = (events: MeetingEvent[]) =>
      events.reduce(meetingDecider.evolve, meetingDecider.initialState());
    expect(() => requireDecisionInSession(state([scheduled, opened]), 'p-1')).not.toThrow();
    expect(() => requireDecisionInSession(state([scheduled]), 'p-1')).toThrow(
      IllegalMeetingTransition,
    );
    expect(() => requireDecisionInSession(state([scheduled, opened, closed]), 'p-1')).toThrow(
      IllegalMeetingTransition,
    );
    expect(() => requireDecisionInSession(state([scheduled, opened]), 'p-2')).toThrow(
      AgendaItemNotFound,
    );
    expect(() => requireDecisionInSession(state([]), 'p-1')).toThrow(MeetingNotFound);
  });
});
