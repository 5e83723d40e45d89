import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, ResolveReference, Resolver } from '@nestjs/graphql';
import type { CommandContext } from '@ebp/eventing';
import type { ProjectStatus } from '../projects/project';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import { listProjects, type RegisterFilter } from '../register-reads/register-queries';
import type { Identity } from '@ebp/platform';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

interface RequestContext {
  readonly req: { readonly headers: Record<string, string | string[] | undefined> };
}

const toGraphStatus = (status: ProjectStatus) => status.replace('-', '_');
const fromGraphStatus = (status: string) => status.replace('_', '-') as ProjectStatus;

function toGraph(project: ProjectSummary) {
  return { ...project, id: project.projectId, status: toGraphStatus(project.status) };
}

/** GraphQL for research projects: queries read the read model, mutations run commands. No rules here. */
@Resolver('ResearchProject')
export class ProjectResolver {
  constructor(@Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime) {}

  private async commandContext(
    context: RequestContext,
  ): Promise<{ identity: Identity; command: CommandContext }> {
    const identity = await this.runtime.identify(context.req);
    return {
      identity,
      command: {
        commandId: randomUUID(),
        actor: identity.actor,
        now: this.runtime.now(),
        classification: 'OFFICIAL',
      },
    };
  }

  @Query('researchProjects')
  async researchProjects(
    @Context() context: RequestContext,
    @Args('filter') filter: (Omit<RegisterFilter, 'status'> & { status?: string[] }) | undefined,
    @Args('limit') limit: number | undefined,
    @Args('offset') offset: number | undefined,
  ) {
    await this.runtime.identify(context.req);
    const { status, ...rest } = filter ?? {};
    const page = await listProjects(await this.runtime.projects(), {
      filter: { ...rest, ...(status ? { status: status.map(fromGraphStatus) } : {}) },
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
    return { items: page.items.map((item) => toGraph(item.body)), total: page.total };
  }

  @Query('researchProject')
  async researchProject(@Context() context: RequestContext, @Args('id') id: string) {
    await this.runtime.identify(context.req);
    const found = await (await this.runtime.projects()).get(id);
    return found ? toGraph(found.body) : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }) {
    const found = await (await this.runtime.projects()).get(reference.id);
    return found ? toGraph(found.body) : null;
  }

  @Mutation('proposeProject')
  async proposeProject(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('proposal') proposal: unknown,
  ) {
    const { command } = await this.commandContext(context);
    const result = await this.runtime.commands.propose(id, proposal, command);
    await this.runtime.catchUp();
    const project = await (await this.runtime.projects()).get(id);
    return {
      project: project ? toGraph(project.body) : null,
      version: result.streamVersion,
      similar: result.similar,
    };
  }

  @Mutation('submitProject')
  async submitProject(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('expectedVersion') expectedVersion: number | undefined,
  ) {
    const { command } = await this.commandContext(context);
    const result = await this.runtime.commands.execute(
      id,
      { type: 'submit', by: command.actor.id },
      command,
      expectedVersion ?? undefined,
    );
    await this.runtime.catchUp();
    return {
      id,
      version: result.streamVersion,
      status: result.state.status === 'none' ? null : toGraphStatus(result.state.status),
    };
  }
}
