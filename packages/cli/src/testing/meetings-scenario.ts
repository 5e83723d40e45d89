// Committee business end to end through the gateway, against either run mode (issue 20): the
// secretariat schedules an EBP Committee meeting whose agenda lists the proposals awaiting
// decision; the committee decides two of them in it and records an action; the minutes are
// drafted, refused approval in the same meeting, and approved at the next meeting, after which
// every member of staff reads them. A proposal under need-to-know stays hidden from readers
// without it, members of the secretariat included.
import { randomUUID } from 'node:crypto';
import type { GraphResponse } from '../graph-client';
import { callers, staffMember, type PlatformUnderTest } from './platform-under-test';
import { allMet, proposal, proposeProject } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

interface Meeting {
  id: string;
  status: string;
  agenda: {
    id: string;
    kind: string;
    project: { id: string } | null;
    papers: { title: string }[];
  }[];
  decisions: { project: { id: string }; decision: string }[];
  actions: { id: string; ownerId: string; description: string; overdue: boolean }[];
  minutes: { summary: string; notes: { agendaItemId: string }[]; approved: boolean } | null;
}

const MEETING = `id status agenda { id kind project { id } papers { title } }
  decisions { project { id } decision } actions { id ownerId description overdue }
  minutes { summary notes { agendaItemId } approved }`;
const SCHEDULE = `mutation($t: String!, $d: String!) {
  scheduleMeeting(body: ebp_committee, title: $t, heldOn: $d) { meeting { ${MEETING} } } }`;
const ONE = `query($id: ID!) { meeting(id: $id) { ${MEETING} } }`;
const LIST = `query { meetings { id minutes { approved } } }`;
const OPEN = `mutation($m: ID!) { openMeeting(meetingId: $m) { meeting { status } } }`;
const CLOSE = `mutation($m: ID!) { closeMeeting(meetingId: $m) { meeting { status } } }`;
const DECIDE = `mutation($id: ID!, $d: CommitteeDecision!, $m: ID) {
  decideProject(id: $id, decision: $d, reasons: "Decided by the committee in session.", meetingId: $m) {
    project { status } } }`;
const PAPER = `mutation($m: ID!, $i: ID!, $p: MeetingPaperInput!) {
  attachMeetingPaper(meetingId: $m, agendaItemId: $i, paper: $p) { meeting { id } } }`;
const ACTION = `mutation($m: ID!, $i: ID, $a: MeetingActionInput!) {
  recordMeetingAction(meetingId: $m, agendaItemId: $i, action: $a) { meeting { ${MEETING} } } }`;
const DRAFT = `mutation($m: ID!, $n: MinutesInput!) { draftMinutes(meetingId: $m, minutes: $n) { meeting { id } } }`;
const APPROVE = `mutation($m: ID!, $in: ID!) {
  approveMinutes(meetingId: $m, inMeetingId: $in) { meeting { minutes { approved } } } }`;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export function meetingsScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  /** A member of the EBP Delivery Team without OFFICIAL-SENSITIVE clearance. */
  const unclearedSecretary = staffMember(`person-secretary-${run}`, ['reviewer']);

  async function submitted(title: string, lead: string, overrides: Record<string, unknown> = {}) {
    const client = await as(lead);
    const projectId = await proposeProject(
      client,
      `meeting-${run}-${title.replaceAll(' ', '-')}`,
      proposal(`${title} ${run}`, `person-${lead}`, overrides),
    );
    await client.must('mutation($id: ID!) { submitProject(id: $id) { version } }', {
      id: projectId,
    });
    return projectId;
  }

  it('holds a committee meeting on the waiting proposals, decides two in it, and has its minutes approved at the next', async () => {
    const rob = await as('rob');
    const cat = await as('cat');
    const vic = await as('vic');
    const approved = await submitted('Hot spots patrols', 'rae');
    const deferred = await submitted('Knife crime diversion', 'rae');
    const covert = await submitted('Covert source handling', 'sam', {
      classification: 'OFFICIAL_SENSITIVE',
    });
    await rob.must(
      'mutation($id: ID!, $c: QaChecklistInput!) { recordReview(id: $id, verdict: meets_standards, checklist: $c, comments: "Sound design.") { version } }',
      { id: approved, c: allMet },
    );

    // Not a member of the secretariat: refused.
    expect(codes(await vic.request(SCHEDULE, { t: 'EBP Committee', d: day(0) }))).toEqual([
      'FORBIDDEN',
    ]);
    // A meeting is held today or later.
    expect(codes(await rob.request(SCHEDULE, { t: 'EBP Committee', d: day(-1) }))).toEqual([
      'INVALID_MEETING_INPUT',
    ]);
    const { scheduleMeeting } = await rob.must<{ scheduleMeeting: { meeting: Meeting } }>(
      SCHEDULE,
      { t: `EBP Committee ${run}`, d: day(0) },
    );
    const first = scheduleMeeting.meeting;
    expect(first.status).toBe('scheduled');
    const listed = first.agenda.flatMap((item) => (item.project ? [item.project.id] : []));
    // The agenda lists every proposal awaiting decision, the one under need-to-know too for a
    // reader cleared to see it.
    expect(listed).toEqual(expect.arrayContaining([approved, deferred, covert]));
    const itemOf = (projectId: string) =>
      first.agenda.find((item) => item.project?.id === projectId)!.id;

    // A secretary without clearance sees the agenda without the covert proposal.
    const uncleared = await as(unclearedSecretary);
    const { meeting: seenUncleared } = await uncleared.must<{ meeting: Meeting }>(ONE, {
      id: first.id,
    });
    const seenProjects = seenUncleared.agenda.flatMap((item) =>
      item.project ? [item.project.id] : [],
    );
    expect(seenProjects).toEqual(expect.arrayContaining([approved, deferred]));
    expect(seenProjects).not.toContain(covert);
    expect(JSON.stringify(seenUncleared)).not.toContain(covert);
    // ... and cannot attach a paper to its item: it is not on the agenda as far as they know.
    expect(
      codes(
        await uncleared.request(PAPER, {
          m: first.id,
          i: itemOf(covert),
          p: { title: 'Source handling review', href: 'https://intranet.example/paper' },
        }),
      ),
    ).toEqual(
      codes(
        await uncleared.request(PAPER, {
          m: first.id,
          i: 'proposal:project-none',
          p: { title: 'Source handling review', href: 'https://intranet.example/paper' },
        }),
      ),
    );

    await rob.must(PAPER, {
      m: first.id,
      i: itemOf(approved),
      p: { title: 'Reviewers’ report', href: '/library/reviewers-report' },
    });
    expect(
      codes(
        await rob.request(PAPER, {
          m: first.id,
          i: itemOf(approved),
          p: { title: 'A script', href: 'javascript:alert(1)' },
        }),
      ),
    ).toEqual(['INVALID_MEETING_INPUT']);

    // No decision in a meeting before it sits.
    expect(codes(await cat.request(DECIDE, { id: approved, d: 'approve', m: first.id }))).toEqual([
      'ILLEGAL_MEETING_TRANSITION',
    ]);
    await rob.must(OPEN, { m: first.id });
    await cat.must(DECIDE, { id: approved, d: 'approve', m: first.id });
    await cat.must(DECIDE, { id: deferred, d: 'defer', m: first.id });
    // A proposal that is not on the agenda cannot be decided in the meeting.
    const late = await submitted('Late proposal', 'rae');
    expect(codes(await cat.request(DECIDE, { id: late, d: 'reject', m: first.id }))).toEqual([
      'AGENDA_ITEM_NOT_FOUND',
    ]);
    // A hidden project is missing, whether on the agenda or not.
    for (const caller of [vic, await as(unclearedSecretary)])
      expect(codes(await caller.request(DECIDE, { id: covert, d: 'reject', m: first.id }))).toEqual(
        codes(await caller.request(DECIDE, { id: 'project-none', d: 'reject', m: first.id })),
      );
    expect(codes(await vic.request(DECIDE, { id: covert, d: 'reject', m: first.id }))).toEqual([
      'PROJECT_NOT_FOUND',
    ]);

    const { recordMeetingAction } = await rob.must<{ recordMeetingAction: { meeting: Meeting } }>(
      ACTION,
      {
        m: first.id,
        i: itemOf(approved),
        a: { description: 'Tell the lead of the conditions', ownerId: 'person-rae', dueOn: day(7) },
      },
    );
    expect(recordMeetingAction.meeting.actions).toEqual([
      expect.objectContaining({ ownerId: 'person-rae', overdue: false }),
    ]);
    // Its owner completes it, without being of the secretariat.
    const rae = await as('rae');
    await rae.must(
      'mutation($m: ID!, $a: ID!) { completeMeetingAction(meetingId: $m, actionId: $a, note: "Wrote to the team.") { action { completedAt } } }',
      { m: first.id, a: recordMeetingAction.meeting.actions[0]!.id },
    );
    const { meeting: inSession } = await rob.must<{ meeting: Meeting }>(ONE, { id: first.id });
    expect(inSession.decisions).toEqual(
      expect.arrayContaining([
        { project: { id: approved }, decision: 'approve' },
        { project: { id: deferred }, decision: 'defer' },
      ]),
    );
    expect(inSession.decisions).toHaveLength(2);

    await rob.must(CLOSE, { m: first.id });
    await rob.must(DRAFT, {
      m: first.id,
      n: {
        summary:
          'The committee approved the hot spots proposal and deferred knife crime diversion.',
        notes: [
          { agendaItemId: itemOf(approved), note: 'Approved with the reviewers’ conditions.' },
          { agendaItemId: itemOf(covert), note: 'Not reached: carried to the next meeting.' },
        ],
      },
    });
    // Draft minutes are the committee's business only.
    expect((await vic.must<{ meetings: { id: string }[] }>(LIST)).meetings).not.toContainEqual(
      expect.objectContaining({ id: first.id }),
    );
    // A meeting cannot approve its own minutes; the next one, before it sits, cannot either.
    expect(codes(await cat.request(APPROVE, { m: first.id, in: first.id }))).toEqual([
      'MINUTES_NOT_APPROVABLE',
    ]);
    const { scheduleMeeting: next } = await rob.must<{ scheduleMeeting: { meeting: Meeting } }>(
      SCHEDULE,
      { t: `EBP Committee ${run}, next`, d: day(0) },
    );
    expect(codes(await cat.request(APPROVE, { m: first.id, in: next.meeting.id }))).toEqual([
      'MINUTES_NOT_APPROVABLE',
    ]);
    await rob.must(OPEN, { m: next.meeting.id });
    // The Delivery Team records the minutes; only the committee approves them.
    expect(codes(await rob.request(APPROVE, { m: first.id, in: next.meeting.id }))).toEqual([
      'FORBIDDEN',
    ]);
    const { approveMinutes } = await cat.must<{
      approveMinutes: { meeting: { minutes: { approved: boolean } } };
    }>(APPROVE, { m: first.id, in: next.meeting.id });
    expect(approveMinutes.meeting.minutes.approved).toBe(true);
    expect(codes(await cat.request(APPROVE, { m: first.id, in: next.meeting.id }))).toEqual([
      'MINUTES_NOT_APPROVABLE',
    ]);

    // Published: every member of staff reads the minutes and decisions, not the agenda or
    // actions, and nothing of the covert proposal.
    const { meeting: published } = await vic.must<{ meeting: Meeting }>(ONE, { id: first.id });
    expect(published.minutes).toEqual(
      expect.objectContaining({ approved: true, notes: [{ agendaItemId: itemOf(approved) }] }),
    );
    expect(published.agenda).toEqual([]);
    expect(published.actions).toEqual([]);
    expect(published.decisions).toHaveLength(2);
    expect(JSON.stringify(published)).not.toContain(covert);
    // A cleared committee member reads the note on the covert proposal.
    const { meeting: full } = await cat.must<{ meeting: Meeting }>(ONE, { id: first.id });
    expect(full.minutes?.notes.map((note) => note.agendaItemId)).toEqual([
      itemOf(approved),
      itemOf(covert),
    ]);
  });

  it('keeps a redraft by a secretary without need-to-know from losing the notes they cannot see', async () => {
    const rob = await as('rob');
    const cat = await as('cat');
    const covert = await submitted('Covert redraft', 'sam', {
      classification: 'OFFICIAL_SENSITIVE',
    });
    const { scheduleMeeting } = await rob.must<{ scheduleMeeting: { meeting: Meeting } }>(
      SCHEDULE,
      { t: `Steering ${run}`, d: day(0) },
    );
    const meeting = scheduleMeeting.meeting;
    const covertItem = meeting.agenda.find((item) => item.project?.id === covert)!.id;
    await rob.must(OPEN, { m: meeting.id });
    await rob.must(CLOSE, { m: meeting.id });
    await cat.must(DRAFT, {
      m: meeting.id,
      n: {
        summary: 'The committee heard the covert proposal.',
        notes: [{ agendaItemId: covertItem, note: 'Heard in closed session.' }],
      },
    });
    const uncleared = await as(unclearedSecretary);
    await uncleared.must(DRAFT, {
      m: meeting.id,
      n: { summary: 'The committee heard one proposal in closed session.', notes: [] },
    });
    const { meeting: after } = await cat.must<{ meeting: Meeting }>(ONE, { id: meeting.id });
    expect(after.minutes).toEqual(
      expect.objectContaining({
        summary: 'The committee heard one proposal in closed session.',
        notes: [{ agendaItemId: covertItem }],
      }),
    );
  });
}
