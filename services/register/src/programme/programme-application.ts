import { z } from 'zod';
import type { register } from '@ebp/contracts';
import {
  CommandHandler,
  bodiesOf,
  commandContextFor,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import { ForbiddenError, hasRole, requireRole, type Identity, type Role } from '@ebp/platform';
import { PriorityNotFound, PriorityRetired } from '../priorities/priority.decider';
import { byText } from '../shared/ordering';
import { standingOf, yearInForce, type PlanStanding } from './plan-standing';
import type { PrioritySummary } from '../priorities/projections/priority-summary.projection';
import type {
  MilestoneEntry,
  ResearchPlanEntry,
  WorkstreamEntry,
} from './projections/programme.projections';
import {
  researchPlanDecider,
  researchPlanStreamId,
  type ResearchPlanCommand,
} from './research-plan.decider';
import {
  MilestoneNotFound,
  WorkstreamNotFound,
  workstreamDecider,
  workstreamStreamId,
  type WorkstreamCommand,
} from './workstream.decider';

/** Who drafts and revises the plan and the programme: the EBP Delivery Team and the committee. */
const PROGRAMME_EDITORS: readonly Role[] = ['reviewer', 'committee', 'admin'];
/** Who agrees a Research Plan: the EBP Committee. */
const PLAN_AGREERS: readonly Role[] = ['committee', 'admin'];

export interface ProgrammeStores {
  readonly store: EventStore;
  readonly researchPlans: () => Promise<DocumentCollection<ResearchPlanEntry>>;
  readonly workstreams: () => Promise<DocumentCollection<WorkstreamEntry>>;
  readonly priorities: () => Promise<DocumentCollection<PrioritySummary>>;
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** Where a Research Plan stands (see plan-standing.ts). */
export const ResearchPlanStatusSchema = z
  .enum(['draft', 'agreed', 'superseded'])
  .describe(
    'Where a Research Plan stands: a draft, agreed, or superseded once a later year’s agreed plan is in force.',
  );

/** A plan as read, with its standing this year. */
export interface ResearchPlanView extends Omit<ResearchPlanEntry, 'status'> {
  status: PlanStanding;
}

/** A milestone as read on a day: overdue when due before it and neither done nor dropped. */
export interface MilestoneView extends MilestoneEntry {
  overdue: boolean;
}

export interface WorkstreamView extends Omit<WorkstreamEntry, 'milestones'> {
  milestones: MilestoneView[];
}

/** An overdue milestone with its work stream: the programme's own deadlines. */
export interface OverdueMilestone {
  workstream: WorkstreamView;
  milestone: MilestoneView;
}

const OPEN_MILESTONE: ReadonlySet<register.MilestoneStatus> = new Set(['planned', 'in_progress']);

/**
 * The Research Plan for each year and the EBP Programme (issue 20). Both are OFFICIAL, read by
 * every signed-in caller like the priorities; the EBP Delivery Team and the committee draft and
 * revise them, the committee agrees a plan, and a milestone's owner may also move it on.
 */
export class ProgrammeApplication {
  private readonly plans;
  private readonly streams;

  constructor(private readonly stores: ProgrammeStores) {
    this.plans = new CommandHandler(stores.store, researchPlanDecider);
    this.streams = new CommandHandler(stores.store, workstreamDecider);
  }

  private today(): string {
    return this.stores.now().toISOString().slice(0, 10);
  }

  private async changePlan(identity: Identity, year: number, command: ResearchPlanCommand) {
    await this.plans.handle(
      researchPlanStreamId(year),
      command,
      commandContextFor(identity.actor, this.stores.now(), 'OFFICIAL'),
    );
    await this.stores.catchUp();
  }

  private async changeWorkstream(identity: Identity, id: string, command: WorkstreamCommand) {
    await this.streams.handle(
      workstreamStreamId(id),
      command,
      commandContextFor(identity.actor, this.stores.now(), 'OFFICIAL'),
    );
    await this.stores.catchUp();
  }

  /**
   * Every priority named must exist and not be retired (the Research Plan is OFFICIAL: no
   * need-to-know here).
   */
  private async requirePriorities(priorityIds: unknown) {
    if (!Array.isArray(priorityIds)) return; // the decider says what is wrong with the plan
    const ids = priorityIds.filter((id): id is string => typeof id === 'string');
    const found = await (await this.stores.priorities()).getMany([...new Set(ids)]);
    const missing = ids.find((id) => !found.get(id)?.body);
    if (missing !== undefined) throw new PriorityNotFound(`No research priority ${missing}`);
    const retired = ids.find((id) => found.get(id)?.body?.status === 'retired');
    if (retired !== undefined)
      throw new PriorityRetired(`Priority ${retired} has been retired: it cannot join a plan`);
  }

  async draftPlan(identity: Identity, year: number, plan: unknown) {
    requireRole(identity, PROGRAMME_EDITORS, 'draft a Research Plan');
    await this.requirePriorities((plan as { priorityIds?: unknown } | null)?.priorityIds);
    await this.changePlan(identity, year, { type: 'draft', year, plan, by: identity.actor.id });
  }

  async revisePlan(identity: Identity, year: number, changes: unknown, justification: string) {
    requireRole(identity, PROGRAMME_EDITORS, 'revise a Research Plan');
    await this.requirePriorities((changes as { priorityIds?: unknown } | null)?.priorityIds);
    await this.changePlan(identity, year, {
      type: 'revise',
      changes,
      justification,
      by: identity.actor.id,
    });
  }

  async agreePlan(identity: Identity, year: number, decision: string) {
    requireRole(identity, PLAN_AGREERS, 'agree a Research Plan');
    await this.changePlan(identity, year, { type: 'agree', decision, by: identity.actor.id });
  }

  /** Every year's plan, the latest year first, each as it stands this year. */
  async researchPlans(): Promise<ResearchPlanView[]> {
    const entries = await bodiesOf(this.stores.researchPlans(), {
      sort: [{ field: 'year', direction: 'desc' }],
    });
    return standingOf(entries, this.stores.now().getUTCFullYear());
  }

  async researchPlan(year: number): Promise<ResearchPlanView | null> {
    return (await this.researchPlans()).find((plan) => plan.year === year) ?? null;
  }

  /** The plan in force: the latest agreed plan for this year or before (not one still to come). */
  async currentResearchPlan(): Promise<ResearchPlanView | null> {
    const plans = await this.researchPlans();
    const year = yearInForce(
      plans.map((plan) => ({
        year: plan.year,
        status: plan.status === 'draft' ? 'draft' : 'agreed',
      })),
      this.stores.now().getUTCFullYear(),
    );
    return plans.find((plan) => plan.year === year) ?? null;
  }

  async defineWorkstream(identity: Identity, workstreamId: string, workstream: unknown) {
    requireRole(identity, PROGRAMME_EDITORS, 'define a work stream');
    await this.changeWorkstream(identity, workstreamId, {
      type: 'define',
      workstreamId,
      workstream,
      by: identity.actor.id,
    });
  }

  async reviseWorkstream(
    identity: Identity,
    workstreamId: string,
    changes: unknown,
    justification: string,
  ) {
    requireRole(identity, PROGRAMME_EDITORS, 'revise a work stream');
    await this.changeWorkstream(identity, workstreamId, {
      type: 'revise',
      changes,
      justification,
      by: identity.actor.id,
    });
  }

  async addMilestone(
    identity: Identity,
    workstreamId: string,
    milestoneId: string,
    milestone: unknown,
  ) {
    requireRole(identity, PROGRAMME_EDITORS, 'add milestones');
    await this.changeWorkstream(identity, workstreamId, {
      type: 'add-milestone',
      milestoneId,
      milestone,
      by: identity.actor.id,
    });
  }

  /** The programme's editors, and a milestone's own owner, may move it on or reschedule it. */
  private async requireMilestoneOwner(
    identity: Identity,
    workstreamId: string,
    milestoneId: string,
  ): Promise<void> {
    const entry = (await (await this.stores.workstreams()).get(workstreamId))?.body;
    if (!entry) throw new WorkstreamNotFound('There is no such work stream');
    const milestone = entry.milestones.find((each) => each.milestoneId === milestoneId);
    if (!milestone) throw new MilestoneNotFound(`No milestone ${milestoneId} in this work stream`);
    if (!hasRole(identity, PROGRAMME_EDITORS) && milestone.ownerId !== identity.actor.id)
      throw new ForbiddenError(
        'Only the EBP Delivery Team, the committee or its owner may change a milestone',
      );
  }

  async rescheduleMilestone(
    identity: Identity,
    workstreamId: string,
    milestoneId: string,
    due: string,
    justification: string,
  ) {
    await this.requireMilestoneOwner(identity, workstreamId, milestoneId);
    await this.changeWorkstream(identity, workstreamId, {
      type: 'reschedule-milestone',
      milestoneId,
      due,
      justification,
      by: identity.actor.id,
    });
  }

  async progressMilestone(
    identity: Identity,
    workstreamId: string,
    milestoneId: string,
    status: register.MilestoneStatus,
    note?: string,
  ) {
    await this.requireMilestoneOwner(identity, workstreamId, milestoneId);
    await this.changeWorkstream(identity, workstreamId, {
      type: 'progress-milestone',
      milestoneId,
      status,
      ...(note === undefined ? {} : { note }),
      by: identity.actor.id,
    });
  }

  /** The EBP Programme: its work streams by name, their milestones by due date, as of today. */
  async programme(today = this.today()): Promise<WorkstreamView[]> {
    const entries = await bodiesOf(this.stores.workstreams(), {
      sort: [{ field: 'name', direction: 'asc' }],
    });
    return entries.map((entry) => this.viewOf(entry, today));
  }

  async workstream(workstreamId: string): Promise<WorkstreamView | null> {
    const entry = (await (await this.stores.workstreams()).get(workstreamId))?.body;
    return entry ? this.viewOf(entry) : null;
  }

  /** Milestones due before the day (today unless given) and neither done nor dropped, oldest first. */
  async overdueMilestones(today = this.today()): Promise<OverdueMilestone[]> {
    const overdue = (await this.programme(today)).flatMap((workstream) =>
      workstream.milestones
        .filter((milestone) => isOverdue(milestone, today))
        .map((milestone) => ({ workstream, milestone: { ...milestone, overdue: true } })),
    );
    return overdue.sort(
      (a, b) =>
        byText(a.milestone.due, b.milestone.due) ||
        byText(a.workstream.workstreamId, b.workstream.workstreamId) ||
        byText(a.milestone.milestoneId, b.milestone.milestoneId),
    );
  }

  private viewOf(entry: WorkstreamEntry, today = this.today()): WorkstreamView {
    const milestones = [...entry.milestones]
      .sort((a, b) => byText(a.due, b.due) || byText(a.milestoneId, b.milestoneId))
      .map((milestone) => ({ ...milestone, overdue: isOverdue(milestone, today) }));
    return { ...entry, milestones };
  }
}

const isOverdue = (milestone: MilestoneEntry, today: string) =>
  OPEN_MILESTONE.has(milestone.status) && milestone.due < today;
