import {
  identityOf,
  loaderKind,
  requestLoader,
  selectsField,
  type RequestContext,
} from '@ebp/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Info,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { EbpError } from '@ebp/contracts';
import { RegisterApplication } from '../application/register-application';
import type { ProjectStatus } from '../projects/project';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type { RegisterFilter, RegisterQuery } from '../register-reads/register-queries';
import { toGraphPriority, toGraphProject, type GraphProject } from './graph-mapping';
import { priorityById } from './register-loaders';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

class InvalidQueryInput extends EbpError {
  readonly code = 'BAD_USER_INPUT';
}

interface GraphFilter extends Omit<RegisterFilter, 'status' | 'classification'> {
  readonly status?: string[];
  readonly classification?: string;
}

function toFilter(filter: GraphFilter | undefined | null): RegisterFilter {
  const { status, classification, ...rest } = filter ?? {};
  return {
    ...rest,
    ...(status ? { status: status.map((value) => value as ProjectStatus) } : {}),
    ...(classification
      ? { classification: classification as ProjectSummary['classification'] }
      : {}),
  };
}

function parseInstant(value: string): Date {
  // A bare date means the end of that day: the register as it stood when the day closed.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = new Date(day ? `${value}T23:59:59.999Z` : value);
  // Date rolls 2026-02-30 into March; a day that does not exist is refused.
  if (Number.isNaN(instant.getTime()) || (day && instant.toISOString().slice(0, 10) !== value))
    throw new InvalidQueryInput(
      `asOf must be a date or an ISO 8601 instant, not ${JSON.stringify(value)}`,
    );
  return instant;
}

/** What one request reads in batches: every key asked for in a tick is read together. */
const PROJECTS = loaderKind<string, ProjectSummary | undefined>('register.projects');

/** Research projects in the graph: every read goes through the application's need-to-know rules. */
@Resolver('ResearchProject')
export class ProjectResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  private async graphProject(context: RequestContext, summary: ProjectSummary, asOf?: Date) {
    const identity = await identityOf(this.runtime, context);
    return toGraphProject(summary, () => this.register.record(identity, summary.projectId, asOf));
  }

  @Query('researchProjects')
  async researchProjects(
    @Context() context: RequestContext,
    @Args('filter') filter: GraphFilter | undefined,
    @Args('sort') sort: RegisterQuery['sort'] | undefined,
    @Args('limit') limit: number | undefined,
    @Args('offset') offset: number | undefined,
    @Args('asOf') asOf: string | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    const identity = await identityOf(this.runtime, context);
    if (asOf) {
      const instant = parseInstant(asOf);
      const all = await this.register.registerAsOf(identity, instant, toFilter(filter));
      const start = Math.max(offset ?? 0, 0);
      const page = all.slice(start, start + Math.min(Math.max(limit ?? 50, 0), 200));
      return {
        items: await Promise.all(page.map((item) => this.graphProject(context, item, instant))),
        total: all.length,
      };
    }
    const page = await this.register.listProjects(identity, {
      filter: toFilter(filter),
      ...(sort ? { sort } : {}),
      ...(limit === undefined || limit === null ? {} : { limit }),
      ...(offset === undefined || offset === null ? {} : { offset }),
      // Counting is a second read: only when the query selects the total.
      total: selectsField(info, 'total'),
    });
    return {
      items: await Promise.all(page.items.map((item) => this.graphProject(context, item.body))),
      total: page.total,
    };
  }

  @Query('researchProject')
  async researchProject(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('asOf') asOf: string | undefined,
  ) {
    const identity = await identityOf(this.runtime, context);
    if (asOf) {
      const instant = parseInstant(asOf);
      const record = await this.register.record(identity, id, instant);
      return record ? toGraphProject(record.summary, () => Promise.resolve(record)) : null;
    }
    const found = await this.register.project(identity, id);
    return found ? this.graphProject(context, found) : null;
  }

  /** `_entities`: the same need-to-know rule as the root fields; an unreadable project is null. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    const found = await requestLoader(context, PROJECTS, async (ids) => {
      const readable = await this.register.projectsByIds(identity, ids);
      return ids.map((id) => readable.get(id));
    }).load(reference.id);
    return found ? this.graphProject(context, found) : null;
  }

  @ResolveField('priorities')
  async priorities(@Parent() project: GraphProject, @Context() context: RequestContext) {
    const ids = (project.priorityIds as string[] | undefined) ?? [];
    const found = await Promise.all(ids.map((id) => priorityById(this.register, context, id)));
    return found.flatMap((priority) => (priority ? [toGraphPriority(priority)] : []));
  }

  @ResolveField('version')
  async version(@Parent() project: GraphProject) {
    return (await project.record())?.version ?? 0;
  }

  @ResolveField('proposal')
  async proposal(@Parent() project: GraphProject) {
    return (await project.record())?.proposal ?? null;
  }

  @ResolveField('reviews')
  async reviews(@Parent() project: GraphProject) {
    const reviews = (await project.record())?.reviews ?? [];
    return reviews;
  }

  @ResolveField('findings')
  async findings(@Parent() project: GraphProject) {
    return (await project.record())?.findings ?? null;
  }

  @ResolveField('outcomeSwitchingDetail')
  async outcomeSwitchingDetail(@Parent() project: GraphProject) {
    return (await project.record())?.outcomeSwitching ?? null;
  }

  @ResolveField('history')
  async history(@Parent() project: GraphProject) {
    return (await project.record())?.history ?? [];
  }
}
