import { identityOf, inputFromGraph, type RequestContext } from '@ebp/platform';
import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { register } from '@ebp/contracts';
import { RegisterApplication, type CommandOutcome } from '../application/register-application';
import { toGraphPriority, toGraphProject } from './graph-mapping';
import { priorityById } from './register-loaders';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** The Research Plan in the graph: priorities, their projects, and coverage. */
@Resolver('ResearchPriority')
export class PriorityResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  @Query('researchPriorities')
  async researchPriorities(
    @Context() context: RequestContext,
    @Args('includeRetired') includeRetired: boolean | undefined,
  ) {
    const identity = await identityOf(this.runtime, context);
    const priorities = await this.register.priorities(identity, includeRetired ?? false);
    return priorities.map(toGraphPriority);
  }

  @Query('researchPlanCoverage')
  async researchPlanCoverage(@Context() context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    const [priorities, coverage] = await Promise.all([
      this.register.priorities(identity),
      this.register.coverage(identity),
    ]);
    const byId = new Map(
      priorities.map((priority) => [priority.priorityId, toGraphPriority(priority)]),
    );
    return {
      priorities: coverage.priorities.map((row) => ({
        priority: byId.get(row.priorityId),
        projects: row.projects,
        // In lifecycle order, statuses with no projects left out.
        byStatus: register.ProjectStatusSchema.options.flatMap((status) => {
          const count = row.byStatus[status];
          return count ? [{ status, count }] : [];
        }),
      })),
      uncovered: coverage.uncovered.map((id) => byId.get(id)),
    };
  }

  @Query('overdueProjects')
  async overdueProjects(@Context() context: RequestContext, @Args('today') today?: string) {
    const identity = await identityOf(this.runtime, context);
    const deadlines = await this.register.overdue(identity, today ?? undefined);
    return deadlines.map((deadline) => ({
      kind: deadline.kind,
      due: deadline.due,
      project: toGraphProject(deadline.project, () =>
        this.register.record(identity, deadline.projectId),
      ),
    }));
  }

  /** A nested path to projects: the same need-to-know filter as the register list. */
  @ResolveField('projects')
  async projects(@Context() context: RequestContext, @Parent() priority: { id: string }) {
    const identity = await identityOf(this.runtime, context);
    const page = await this.register.listProjects(identity, {
      filter: { priorityId: priority.id },
      limit: 200,
    });
    return page.items.map((item) =>
      toGraphProject(item.body, () => this.register.record(identity, item.id)),
    );
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    await identityOf(this.runtime, context);
    const priority = await priorityById(this.register, context, reference.id);
    return priority ? toGraphPriority(priority) : null;
  }

  /** The priority after a change the caller just made (the read model has caught up). */
  private async changed(outcome: CommandOutcome) {
    // The Research Plan is OFFICIAL: whoever may change a priority may read it.
    const priority = await this.register.priority(outcome.id);
    if (!priority) throw new Error(`research priority ${outcome.id} is missing after a change`);
    return { priority: toGraphPriority(priority), version: outcome.version };
  }

  @Mutation('setResearchPriority')
  async setPriority(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('priority') priority: unknown,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.register.changePriority(identity, id, {
      type: 'set',
      priorityId: id,
      priority: inputFromGraph(priority),
    });
    return this.changed(outcome);
  }

  @Mutation('reviseResearchPriority')
  async revisePriority(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('changes') changes: register.PriorityChanges,
    @Args('justification') justification: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.register.changePriority(
      identity,
      id,
      {
        type: 'revise',
        changes: inputFromGraph(changes) as register.PriorityChanges,
        justification,
      },
      expectedVersion ?? undefined,
    );
    return this.changed(outcome);
  }

  @Mutation('retireResearchPriority')
  async retirePriority(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.register.changePriority(
      identity,
      id,
      { type: 'retire', reason },
      expectedVersion ?? undefined,
    );
    return this.changed(outcome);
  }
}
