import { identityOf, inputFromGraph, type RequestContext } from '@ebp/platform';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { parseOrThrow, register } from '@ebp/contracts';
import { RegisterApplication } from '../application/register-application';
import {
  ProgrammeApplication,
  type MilestoneView,
  type ResearchPlanView,
  type WorkstreamView,
} from '../programme/programme-application';
import { InvalidWorkstreamInput } from '../programme/workstream.decider';
import { toGraphPriority } from './graph-mapping';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

const DaySchema = register.MilestoneSchema.shape.due;

/** The day a question is asked about: YYYY-MM-DD, or today when not given. */
function dayOf(today: string | null | undefined): string | undefined {
  if (today === undefined || today === null) return undefined;
  return parseOrThrow(DaySchema, today, 'today', InvalidWorkstreamInput);
}

const toMilestone = (milestone: MilestoneView) => ({ ...milestone, id: milestone.milestoneId });

const toWorkstream = (workstream: WorkstreamView) => {
  const count = (status: register.MilestoneStatus) =>
    workstream.milestones.filter((milestone) => milestone.status === status).length;
  return {
    ...workstream,
    id: workstream.workstreamId,
    milestones: workstream.milestones.map(toMilestone),
    progress: {
      planned: count('planned'),
      inProgress: count('in_progress'),
      done: count('done'),
      dropped: count('dropped'),
      overdue: workstream.milestones.filter((milestone) => milestone.overdue).length,
    },
  };
};

/** The Research Plan for each year. */
@Resolver('ResearchPlan')
export class ResearchPlanResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(ProgrammeApplication) private readonly programme: ProgrammeApplication,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  @Query('researchPlans')
  async plans(@Context() context: RequestContext) {
    await identityOf(this.runtime, context);
    return this.programme.researchPlans();
  }

  @Query('researchPlan')
  async plan(@Context() context: RequestContext, @Args('year') year: number) {
    await identityOf(this.runtime, context);
    return this.programme.researchPlan(year);
  }

  @Query('currentResearchPlan')
  async current(@Context() context: RequestContext) {
    await identityOf(this.runtime, context);
    return this.programme.currentResearchPlan();
  }

  /** The plan's priorities, in the plan's order (all OFFICIAL: read together). */
  @ResolveField('priorities')
  async priorities(@Parent() plan: ResearchPlanView) {
    const found = await this.register.prioritiesByIds(plan.priorityIds);
    return plan.priorityIds.flatMap((id) => {
      const priority = found.get(id);
      return priority ? [toGraphPriority(priority)] : [];
    });
  }

  /** The plan after a change the caller just made (the read model has caught up). */
  private async changed(year: number) {
    const plan = await this.programme.researchPlan(year);
    if (!plan) throw new Error(`the Research Plan for ${year} is missing after a change to it`);
    return { plan };
  }

  @Mutation('draftResearchPlan')
  async draft(
    @Context() context: RequestContext,
    @Args('year') year: number,
    @Args('plan') plan: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.draftPlan(identity, year, inputFromGraph(plan));
    return this.changed(year);
  }

  @Mutation('reviseResearchPlan')
  async revise(
    @Context() context: RequestContext,
    @Args('year') year: number,
    @Args('changes') changes: unknown,
    @Args('justification') justification: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.revisePlan(identity, year, inputFromGraph(changes), justification);
    return this.changed(year);
  }

  @Mutation('agreeResearchPlan')
  async agree(
    @Context() context: RequestContext,
    @Args('year') year: number,
    @Args('decision') decision: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.agreePlan(identity, year, decision);
    return this.changed(year);
  }
}

/** The EBP Programme: work streams and their milestones. */
@Resolver('Workstream')
export class WorkstreamResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(ProgrammeApplication) private readonly programme: ProgrammeApplication,
  ) {}

  @Query('ebpProgramme')
  async ebpProgramme(@Context() context: RequestContext, @Args('today') today?: string | null) {
    await identityOf(this.runtime, context);
    return (await this.programme.programme(dayOf(today))).map(toWorkstream);
  }

  @Query('overdueMilestones')
  async overdue(@Context() context: RequestContext, @Args('today') today?: string | null) {
    await identityOf(this.runtime, context);
    return (await this.programme.overdueMilestones(dayOf(today))).map((overdue) => ({
      workstream: toWorkstream(overdue.workstream),
      milestone: toMilestone(overdue.milestone),
    }));
  }

  private async changed(id: string) {
    const workstream = await this.programme.workstream(id);
    if (!workstream) throw new Error(`work stream ${id} is missing after a change to it`);
    return { workstream: toWorkstream(workstream) };
  }

  @Mutation('defineWorkstream')
  async define(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('workstream') workstream: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.defineWorkstream(identity, id, inputFromGraph(workstream));
    return this.changed(id);
  }

  @Mutation('reviseWorkstream')
  async revise(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('changes') changes: unknown,
    @Args('justification') justification: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.reviseWorkstream(identity, id, inputFromGraph(changes), justification);
    return this.changed(id);
  }

  @Mutation('addMilestone')
  async addMilestone(
    @Context() context: RequestContext,
    @Args('workstreamId') workstreamId: string,
    @Args('milestoneId') milestoneId: string,
    @Args('milestone') milestone: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.addMilestone(
      identity,
      workstreamId,
      milestoneId,
      inputFromGraph(milestone),
    );
    return this.changed(workstreamId);
  }

  @Mutation('rescheduleMilestone')
  async rescheduleMilestone(
    @Context() context: RequestContext,
    @Args('workstreamId') workstreamId: string,
    @Args('milestoneId') milestoneId: string,
    @Args('due') due: string,
    @Args('justification') justification: string,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.rescheduleMilestone(
      identity,
      workstreamId,
      milestoneId,
      due,
      justification,
    );
    return this.changed(workstreamId);
  }

  @Mutation('progressMilestone')
  async progressMilestone(
    @Context() context: RequestContext,
    @Args('workstreamId') workstreamId: string,
    @Args('milestoneId') milestoneId: string,
    @Args('status') status: register.MilestoneStatus,
    @Args('note') note?: string | null,
  ) {
    const identity = await identityOf(this.runtime, context);
    await this.programme.progressMilestone(
      identity,
      workstreamId,
      milestoneId,
      status,
      note ?? undefined,
    );
    return this.changed(workstreamId);
  }
}
