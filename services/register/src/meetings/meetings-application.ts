import { randomUUID } from 'node:crypto';
import { NO_SUCH_PROJECT, STAFF_ROLES } from '@ebp/access';
import { parseOrThrow, register, type Classification } from '@ebp/contracts';
import {
  CommandHandler,
  bodiesOf,
  commandContextFor,
  loadState,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import { ForbiddenError, hasRole, requireRole, type Identity, type Role } from '@ebp/platform';
import { canRead } from '../access/register-access';
import type { CommandOutcome, RegisterApplication } from '../application/register-application';
import { ProjectNotFound } from '../projects/project.errors';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type {
  ResearchPlanEntry,
  WorkstreamEntry,
} from '../programme/projections/programme.projections';
import { byText } from '../shared/ordering';
import {
  AgendaItemNotFound,
  InvalidMeetingInput,
  MeetingActionNotFound,
  MeetingNotFound,
  meetingDecider,
  meetingStreamId,
  requireDecisionInSession,
  type MeetingCommand,
  type MeetingState,
} from './meeting.decider';
import type { ActionEntry, MeetingEntry } from './projections/meetings.projection';

/** Who keeps the committee's business (the EBP Delivery Team as secretariat, and the committee). */
const SECRETARIAT: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who approves minutes: the members of the body that meets. */
const MINUTES_APPROVERS: readonly Role[] = ['committee', 'admin'];
/** Proposals waiting for the committee's decision. */
const AWAITING_DECISION: ReadonlySet<register.ProjectStatus> = new Set([
  'submitted',
  'under_review',
]);

export interface MeetingStores {
  readonly store: EventStore;
  readonly meetings: () => Promise<DocumentCollection<MeetingEntry>>;
  readonly projects: () => Promise<DocumentCollection<ProjectSummary>>;
  readonly researchPlans: () => Promise<DocumentCollection<ResearchPlanEntry>>;
  readonly workstreams: () => Promise<DocumentCollection<WorkstreamEntry>>;
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** A meeting as one reader may see it: business on projects they may not see is left out. */
export interface MeetingView extends MeetingEntry {
  /** False for staff outside the committee's business: they read approved minutes only. */
  readonly member: boolean;
}

/**
 * Committee business (issue 20, decision 0036): meetings of the EBP Committee and the Steering
 * Group. The secretariat schedules a meeting with an agenda built from the proposals awaiting
 * decision, the draft plans and the overdue milestones; the committee decides proposals in it;
 * actions are recorded while it sits; minutes are approved at a later meeting and then published
 * to every member of staff. Business about an OFFICIAL-SENSITIVE project follows its need-to-know
 * rule for every reader, members included, and the meeting's events are labelled as sensitive as
 * the most sensitive project on its agenda.
 */
export class MeetingsApplication {
  private readonly handler;

  constructor(
    private readonly stores: MeetingStores,
    private readonly register: RegisterApplication,
  ) {
    this.handler = new CommandHandler(stores.store, meetingDecider);
  }

  private today(): string {
    return this.stores.now().toISOString().slice(0, 10);
  }

  /** The most sensitive project named on the agenda; one not found counts as sensitive. */
  private async classificationOf(projectIds: readonly string[]): Promise<Classification> {
    if (projectIds.length === 0) return 'OFFICIAL';
    const found = await (await this.stores.projects()).getMany([...new Set(projectIds)]);
    return projectIds.every((id) => found.get(id)?.body?.classification === 'OFFICIAL')
      ? 'OFFICIAL'
      : 'OFFICIAL_SENSITIVE';
  }

  private async change(identity: Identity, meetingId: string, command: MeetingCommand) {
    await this.handler.handle(
      meetingStreamId(meetingId),
      command,
      commandContextFor(identity.actor, this.stores.now(), 'OFFICIAL'),
      { classifiedBy: (after) => this.classificationOf(proposalsOn(after)) },
    );
    await this.stores.catchUp();
  }

  private async state(meetingId: string): Promise<MeetingState> {
    return (await loadState(this.stores.store, meetingDecider, meetingStreamId(meetingId))).state;
  }

  /** The business waiting on a day: proposals awaiting decision, draft plans, overdue milestones. */
  private async waitingBusiness(heldOn: string): Promise<register.AgendaItem[]> {
    const proposals = (
      await bodiesOf(this.stores.projects(), {
        filter: { status: { $in: [...AWAITING_DECISION] } },
      })
    )
      .sort((a, b) => byText(a.projectId, b.projectId))
      .map((project) => ({ kind: 'proposal' as const, projectId: project.projectId }));
    const plans = (await bodiesOf(this.stores.researchPlans()))
      .filter((plan) => plan.status === 'draft')
      .sort((a, b) => a.year - b.year)
      .map((plan) => ({ kind: 'plan' as const, year: plan.year }));
    const milestones = (await bodiesOf(this.stores.workstreams()))
      .sort((a, b) => byText(a.workstreamId, b.workstreamId))
      .flatMap((workstream) =>
        workstream.milestones
          .filter((m) => (m.status === 'planned' || m.status === 'in_progress') && m.due < heldOn)
          .map((m) => ({
            kind: 'milestone' as const,
            workstreamId: workstream.workstreamId,
            milestoneId: m.milestoneId,
          })),
      );
    return [...proposals, ...plans, ...milestones];
  }

  /** Schedules a meeting under an id the server makes, with the business waiting for it. */
  async schedule(
    identity: Identity,
    meeting: { body: unknown; title: unknown; heldOn: unknown },
  ): Promise<string> {
    requireRole(identity, SECRETARIAT, 'schedule a meeting');
    const meetingId = `meeting-${randomUUID().replaceAll('-', '')}`;
    const heldOn = typeof meeting.heldOn === 'string' ? meeting.heldOn : this.today();
    const agenda = await this.waitingBusiness(heldOn);
    await this.change(identity, meetingId, {
      type: 'schedule',
      meetingId,
      ...meeting,
      agenda,
      today: this.today(),
      by: identity.actor.id,
    });
    return meetingId;
  }

  /** A proposal's item may be added only by someone who may see the project. */
  async addAgendaItem(identity: Identity, meetingId: string, item: unknown): Promise<void> {
    requireRole(identity, SECRETARIAT, 'add to a meeting’s agenda');
    const parsed = register.AgendaItemSchema.safeParse(item);
    if (parsed.success && parsed.data.kind === 'proposal') {
      const project = await this.register.project(identity, parsed.data.projectId);
      if (!project) throw new ProjectNotFound(NO_SUCH_PROJECT);
    }
    await this.change(identity, meetingId, {
      type: 'add-agenda-item',
      item,
      by: identity.actor.id,
    });
  }

  /** Business on an item of the agenda needs the item to be one the caller may see. */
  private async requireVisibleItem(identity: Identity, meetingId: string, agendaItemId: string) {
    const meeting = await this.meeting(identity, meetingId);
    if (!meeting?.member) throw new MeetingNotFound('There is no such meeting');
    if (!meeting.agenda.some((entry) => entry.agendaItemId === agendaItemId))
      throw new AgendaItemNotFound(`No item ${agendaItemId} on this meeting’s agenda`);
  }

  async attachPaper(
    identity: Identity,
    meetingId: string,
    agendaItemId: string,
    paper: unknown,
  ): Promise<void> {
    requireRole(identity, SECRETARIAT, 'attach a paper');
    await this.requireVisibleItem(identity, meetingId, agendaItemId);
    const paperId = `paper-${randomUUID().replaceAll('-', '')}`;
    await this.change(identity, meetingId, {
      type: 'attach-paper',
      agendaItemId,
      paperId,
      paper,
      by: identity.actor.id,
    });
  }

  async open(identity: Identity, meetingId: string): Promise<void> {
    requireRole(identity, SECRETARIAT, 'open a meeting');
    await this.requireMeeting(identity, meetingId);
    await this.change(identity, meetingId, {
      type: 'open',
      now: this.stores.now().toISOString(),
      by: identity.actor.id,
    });
  }

  async close(identity: Identity, meetingId: string): Promise<void> {
    requireRole(identity, SECRETARIAT, 'close a meeting');
    await this.requireMeeting(identity, meetingId);
    await this.change(identity, meetingId, {
      type: 'close',
      now: this.stores.now().toISOString(),
      by: identity.actor.id,
    });
  }

  async cancel(identity: Identity, meetingId: string, reason: unknown): Promise<void> {
    requireRole(identity, SECRETARIAT, 'cancel a meeting');
    await this.requireMeeting(identity, meetingId);
    await this.change(identity, meetingId, { type: 'cancel', reason, by: identity.actor.id });
  }

  async recordAction(
    identity: Identity,
    meetingId: string,
    action: unknown,
    agendaItemId?: string,
  ): Promise<string> {
    requireRole(identity, SECRETARIAT, 'record an action');
    if (agendaItemId === undefined) await this.requireMeeting(identity, meetingId);
    else await this.requireVisibleItem(identity, meetingId, agendaItemId);
    const actionId = `action-${randomUUID().replaceAll('-', '')}`;
    await this.change(identity, meetingId, {
      type: 'record-action',
      actionId,
      ...(agendaItemId === undefined ? {} : { agendaItemId }),
      action,
      by: identity.actor.id,
    });
    return actionId;
  }

  /** An action is completed by its owner or the secretariat. */
  async completeAction(
    identity: Identity,
    meetingId: string,
    actionId: string,
    note: unknown,
  ): Promise<ActionEntry> {
    // Its owner may complete it without being of the secretariat: the action is looked up as a
    // member would see it, under the need-to-know rule only.
    const stored = (await (await this.stores.meetings()).getMany([meetingId])).get(meetingId)?.body;
    const [asMember] = stored ? await this.viewFor(identity, [stored], { asMember: true }) : [];
    const action = asMember?.actions.find((candidate) => candidate.actionId === actionId);
    if (!action) throw new MeetingActionNotFound(`No action ${actionId} in this meeting`);
    if (action.ownerId !== identity.actor.id && !hasRole(identity, SECRETARIAT))
      throw new ForbiddenError('Only the action’s owner or the secretariat may complete it');
    await this.change(identity, meetingId, {
      type: 'complete-action',
      actionId,
      note,
      by: identity.actor.id,
    });
    const after = (await (await this.stores.meetings()).getMany([meetingId])).get(meetingId)?.body;
    const completed = after?.actions.find((candidate) => candidate.actionId === actionId);
    if (!completed) throw new Error(`action ${actionId} is missing after its completion`);
    return completed;
  }

  /**
   * Drafts (or redrafts) the minutes. A note may be written only on an item the caller may see;
   * notes already written on items hidden from them are kept as they are, so that a redraft by
   * someone without need-to-know neither reads nor loses them.
   */
  async draftMinutes(identity: Identity, meetingId: string, minutes: unknown): Promise<void> {
    requireRole(identity, SECRETARIAT, 'draft minutes');
    const meeting = await this.requireMeeting(identity, meetingId);
    const visible = new Set(meeting.agenda.map((entry) => entry.agendaItemId));
    // What the caller wrote is judged on its own before anything hidden is added to it, so that
    // no rule counts notes the caller may not see.
    const written = parseOrThrow(register.MinutesSchema, minutes, 'minutes', InvalidMeetingInput);
    for (const { agendaItemId } of written.notes)
      if (!visible.has(agendaItemId))
        throw new AgendaItemNotFound(`No item ${agendaItemId} on this meeting’s agenda`);
    const stored = (await (await this.stores.meetings()).getMany([meetingId])).get(meetingId);
    const kept = (stored?.body?.minutes?.notes ?? []).filter(
      (note) => !visible.has(note.agendaItemId),
    );
    return this.change(
      identity,
      meetingId,
      draft({ ...written, notes: [...written.notes, ...kept] }),
    );

    function draft(content: unknown): MeetingCommand {
      return { type: 'draft-minutes', minutes: content, by: identity.actor.id };
    }
  }

  /** Approves a held meeting's minutes in a later meeting of the same body, while it sits. */
  async approveMinutes(identity: Identity, meetingId: string, inMeetingId: string): Promise<void> {
    requireRole(identity, MINUTES_APPROVERS, 'approve minutes');
    await this.requireMeeting(identity, meetingId);
    const approving = await this.state(inMeetingId);
    if (!approving.scheduled) throw new MeetingNotFound(`There is no meeting ${inMeetingId}`);
    const { body, status, openedAt } = approving;
    await this.change(identity, meetingId, {
      type: 'approve-minutes',
      approvingMeeting: { meetingId: inMeetingId, body, status, openedAt },
      by: identity.actor.id,
    });
  }

  /**
   * The committee decides a proposal in a meeting: the project must be one the caller may see
   * (asked first, so that nothing about a hidden project's place on the agenda shows), the
   * meeting must sit and list it; the project's own rules then decide, and its decision event
   * names the meeting.
   */
  async decideInMeeting(
    identity: Identity,
    meetingId: string,
    projectId: string,
    decision: { decision: register.CommitteeDecision; reasons: string },
    expectedVersion?: number,
  ): Promise<CommandOutcome> {
    if (!(await this.register.project(identity, projectId)))
      throw new ProjectNotFound(NO_SUCH_PROJECT);
    await this.requireMeeting(identity, meetingId);
    requireDecisionInSession(await this.state(meetingId), projectId);
    return this.register.act(
      identity,
      projectId,
      { type: 'decide', ...decision, meetingId },
      expectedVersion,
    );
  }

  private async requireMeeting(identity: Identity, meetingId: string): Promise<MeetingView> {
    const meeting = await this.meeting(identity, meetingId);
    if (!meeting?.member) throw new MeetingNotFound('There is no such meeting');
    return meeting;
  }

  /** Reads ----------------------------------------------------------------------------------- */

  private isMember(identity: Identity): boolean {
    return hasRole(identity, SECRETARIAT);
  }

  /** The meeting as this reader may see it, or undefined when they may not see it at all. */
  private async viewFor(
    identity: Identity,
    entries: readonly MeetingEntry[],
    options: { readonly asMember?: boolean } = {},
  ): Promise<MeetingView[]> {
    if (!identity.roles.some((role) => STAFF_ROLES.includes(role))) return [];
    const member = options.asMember === true || this.isMember(identity);
    const shown = member ? entries : entries.filter((entry) => entry.minutesApprovedIn !== null);
    const projectIds = shown.flatMap((entry) => [
      ...entry.decisions.map((d) => d.projectId),
      ...entry.agenda.flatMap((a) => (a.item.kind === 'proposal' ? [a.item.projectId] : [])),
    ]);
    const found = await (await this.stores.projects()).getMany([...new Set(projectIds)]);
    const readable = (projectId: string) => {
      const body = found.get(projectId)?.body;
      return body !== undefined && body !== null && canRead(identity, body.readers);
    };
    return shown.map((entry) => visibleMeeting(entry, member, readable));
  }

  async meeting(identity: Identity, meetingId: string): Promise<MeetingView | undefined> {
    const found = await (await this.stores.meetings()).getMany([meetingId]);
    const body = found.get(meetingId)?.body;
    if (!body) return undefined;
    return (await this.viewFor(identity, [body]))[0];
  }

  /** Meetings, the latest first; staff outside the committee's business see approved minutes. */
  async meetings(identity: Identity): Promise<MeetingView[]> {
    const all = await bodiesOf(this.stores.meetings());
    // The latest day first; meetings of one day in the order they were called.
    all.sort(
      (a, b) =>
        byText(b.heldOn, a.heldOn) ||
        byText(a.scheduledAt, b.scheduledAt) ||
        byText(a.meetingId, b.meetingId),
    );
    return this.viewFor(identity, all);
  }

  /** Open actions due before the day, for the caller's meetings. */
  async overdueActions(identity: Identity, today = this.today()) {
    return (await this.meetings(identity))
      .filter((meeting) => meeting.member)
      .flatMap((meeting) =>
        meeting.actions
          .filter((action) => action.completed === null && action.dueOn < today)
          .map((action) => ({ meeting, action })),
      )
      .sort((a, b) => byText(a.action.dueOn, b.action.dueOn));
  }
}

/**
 * What one reader sees of a meeting: items about projects they may not see are left out with
 * their papers, actions and notes, and so are the decisions on them. Staff outside the
 * committee's business see no agenda, papers or actions, and the minutes only once approved.
 */
export function visibleMeeting(
  entry: MeetingEntry,
  member: boolean,
  readable: (projectId: string) => boolean,
): MeetingView {
  const hidden = new Set(
    entry.agenda
      .filter((a) => a.item.kind === 'proposal' && !readable(a.item.projectId))
      .map((a) => a.agendaItemId),
  );
  const minutes =
    entry.minutes && (member || entry.minutesApprovedIn !== null)
      ? {
          ...entry.minutes,
          notes: entry.minutes.notes.filter((note) => !hidden.has(note.agendaItemId)),
        }
      : null;
  return {
    ...entry,
    member,
    agenda: member ? entry.agenda.filter((a) => !hidden.has(a.agendaItemId)) : [],
    actions: member
      ? entry.actions.filter((a) => a.agendaItemId === null || !hidden.has(a.agendaItemId))
      : [],
    decisions: entry.decisions.filter((d) => readable(d.projectId)),
    minutes,
  };
}

/** The projects whose proposals are on a meeting's agenda. */
function proposalsOn(state: MeetingState): string[] {
  if (!state.scheduled) return [];
  return Object.values(state.agenda).flatMap((item) =>
    item.kind === 'proposal' ? [item.projectId] : [],
  );
}
