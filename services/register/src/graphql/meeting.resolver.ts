import {
  identityOf,
  inputFromGraph,
  loaderKind,
  requestLoader,
  type Identity,
  type RequestContext,
} from '@ebp/platform';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { parseOrThrow, register } from '@ebp/contracts';
import { RegisterApplication } from '../application/register-application';
import { MeetingsApplication, type MeetingView } from '../meetings/meetings-application';
import { InvalidMeetingInput, MeetingNotFound } from '../meetings/meeting.decider';
import type {
  ActionEntry,
  AgendaEntry,
  MeetingDecisionEntry,
} from '../meetings/projections/meetings.projection';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import { toGraphProject } from './graph-mapping';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** The projects one request's meetings name, read together under the need-to-know rule. */
const PROJECTS = loaderKind<string, ProjectSummary | undefined>('register.meeting-projects');

const DaySchema = register.MeetingActionSchema.shape.dueOn;

const toAction = (action: ActionEntry, today: string) => ({
  ...action,
  id: action.actionId,
  overdue: action.completed === null && action.dueOn < today,
  completedAt: action.completed?.at ?? null,
  completionNote: action.completed?.note ?? null,
});

/** The graph's shape of an agenda item (the AgendaItem type resolves its project). */
const toAgendaItem = (entry: AgendaEntry) => {
  const { item } = entry;
  return {
    id: entry.agendaItemId,
    kind: item.kind.toUpperCase(),
    projectId: item.kind === 'proposal' ? item.projectId : null,
    planYear: item.kind === 'plan' ? item.year : null,
    workstreamId: item.kind === 'milestone' ? item.workstreamId : null,
    milestoneId: item.kind === 'milestone' ? item.milestoneId : null,
    title: item.kind === 'other' ? item.title : null,
    papers: entry.papers.map((paper) => ({ ...paper, id: paper.paperId })),
  };
};

const toMeeting = (meeting: MeetingView, today: string) => ({
  ...meeting,
  id: meeting.meetingId,
  agenda: meeting.agenda.map(toAgendaItem),
  actions: meeting.actions.map((action) => toAction(action, today)),
  minutes: meeting.minutes && {
    ...meeting.minutes,
    approved: meeting.minutesApprovedIn !== null,
    approvedIn: meeting.minutesApprovedIn,
    approvedAt: meeting.minutesApprovedAt,
  },
});

const isGiven = (value: unknown) => value !== undefined && value !== null;

/** One item of business as a client sends it (exactly one of its fields) in the contract's shape. */
function agendaItemOf(input: {
  projectId?: string | null;
  planYear?: number | null;
  workstreamId?: string | null;
  milestoneId?: string | null;
  otherBusiness?: string | null;
}): unknown {
  const given = [
    isGiven(input.projectId) && { kind: 'proposal', projectId: input.projectId },
    isGiven(input.planYear) && { kind: 'plan', year: input.planYear },
    (isGiven(input.workstreamId) || isGiven(input.milestoneId)) && {
      kind: 'milestone',
      workstreamId: input.workstreamId,
      milestoneId: input.milestoneId,
    },
    isGiven(input.otherBusiness) && { kind: 'other', title: input.otherBusiness },
  ].filter(Boolean);
  if (given.length !== 1)
    throw new InvalidMeetingInput(
      'Give exactly one of a proposal, a plan’s year, a milestone, or other business',
      { issues: [] },
    );
  return given[0];
}

/** Meetings of the EBP Committee and the Steering Group (decision 0036). */
@Resolver('Meeting')
export class MeetingResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(MeetingsApplication) private readonly meetings: MeetingsApplication,
  ) {}

  private today(): string {
    return this.runtime.now().toISOString().slice(0, 10);
  }

  @Query('meetings')
  async list(@Context() context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    return (await this.meetings.meetings(identity)).map((m) => toMeeting(m, this.today()));
  }

  @Query('meeting')
  async one(@Context() context: RequestContext, @Args('id') id: string) {
    const identity = await identityOf(this.runtime, context);
    const meeting = await this.meetings.meeting(identity, id);
    return meeting ? toMeeting(meeting, this.today()) : null;
  }

  @Query('overdueMeetingActions')
  async overdue(@Context() context: RequestContext, @Args('today') today?: string | null) {
    const identity = await identityOf(this.runtime, context);
    const day =
      today === undefined || today === null
        ? this.today()
        : parseOrThrow(DaySchema, today, 'today', InvalidMeetingInput);
    return (await this.meetings.overdueActions(identity, day)).map(({ action }) =>
      toAction(action, day),
    );
  }

  /** The meeting after a change the caller just made. */
  private async changed(identity: Identity, meetingId: string) {
    const meeting = await this.meetings.meeting(identity, meetingId);
    if (!meeting) throw new MeetingNotFound('There is no such meeting');
    return { meeting: toMeeting(meeting, this.today()) };
  }

  @Mutation('scheduleMeeting')
  async schedule(
    @Context() context: RequestContext,
    @Args('body') body: string,
    @Args('title') title: string,
    @Args('heldOn') heldOn: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    const meetingId = await this.meetings.schedule(identity, { body, title, heldOn });
    return this.changed(identity, meetingId);
  }

  @Mutation('addAgendaItem')
  async addAgendaItem(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('item') item: Parameters<typeof agendaItemOf>[0],
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.addAgendaItem(identity, meetingId, agendaItemOf(item));
    return this.changed(identity, meetingId);
  }

  @Mutation('attachMeetingPaper')
  async attachPaper(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('agendaItemId') agendaItemId: string,
    @Args('paper') paper: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.attachPaper(identity, meetingId, agendaItemId, inputFromGraph(paper));
    return this.changed(identity, meetingId);
  }

  @Mutation('openMeeting')
  async open(@Context() context: RequestContext, @Args('meetingId') meetingId: string) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.open(identity, meetingId);
    return this.changed(identity, meetingId);
  }

  @Mutation('closeMeeting')
  async close(@Context() context: RequestContext, @Args('meetingId') meetingId: string) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.close(identity, meetingId);
    return this.changed(identity, meetingId);
  }

  @Mutation('cancelMeeting')
  async cancel(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('reason') reason: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.cancel(identity, meetingId, reason);
    return this.changed(identity, meetingId);
  }

  @Mutation('recordMeetingAction')
  async recordAction(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('action') action: unknown,
    @Args('agendaItemId') agendaItemId?: string | null,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.recordAction(
      identity,
      meetingId,
      inputFromGraph(action),
      agendaItemId ?? undefined,
    );
    return this.changed(identity, meetingId);
  }

  @Mutation('completeMeetingAction')
  async completeAction(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('actionId') actionId: string,
    @Args('note') note: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    const action = await this.meetings.completeAction(identity, meetingId, actionId, note);
    return { action: toAction(action, this.today()) };
  }

  @Mutation('draftMinutes')
  async draftMinutes(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('minutes') minutes: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.draftMinutes(identity, meetingId, inputFromGraph(minutes));
    return this.changed(identity, meetingId);
  }

  @Mutation('approveMinutes')
  async approveMinutes(
    @Context() context: RequestContext,
    @Args('meetingId') meetingId: string,
    @Args('inMeetingId') inMeetingId: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.meetings.approveMinutes(identity, meetingId, inMeetingId);
    return this.changed(identity, meetingId);
  }
}

/** A project named in a meeting, through the request's loader, under the need-to-know rule. */
async function projectFor(
  register: RegisterApplication,
  runtime: RegisterRuntime,
  context: RequestContext,
  projectId: string,
) {
  const identity = await identityOf(runtime, context);
  const project = await requestLoader(context, PROJECTS, async (ids) => {
    const found = await register.projectsByIds(identity, ids);
    return ids.map((id) => found.get(id));
  }).load(projectId);
  return project ? toGraphProject(project, () => register.record(identity, projectId)) : null;
}

@Resolver('AgendaItem')
export class AgendaItemResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  @ResolveField('project')
  project(@Context() context: RequestContext, @Parent() item: { projectId: string | null }) {
    if (item.projectId === null) return null;
    return projectFor(this.register, this.runtime, context, item.projectId);
  }
}

@Resolver('MeetingDecision')
export class MeetingDecisionResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  /** The meeting's view has left out decisions on projects the reader may not see. */
  @ResolveField('project')
  project(@Context() context: RequestContext, @Parent() decision: MeetingDecisionEntry) {
    return projectFor(this.register, this.runtime, context, decision.projectId);
  }
}
