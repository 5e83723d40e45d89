import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { identityOf, type RequestContext } from '@ebp/platform';
import { CommunityApplication, type SkillsAuditFilter } from '../application/community-application';
import type { SkillsAuditEntry } from '../audits/projections/skills-audits.projection';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';

interface GraphAuditFilter {
  readonly status?: string | null;
  readonly unit?: string | null;
}

/** A skills audit for the graph, from the list's read model. */
export const toGraphAudit = (entry: SkillsAuditEntry) => ({
  ...entry,
  id: entry.auditId,
});

/** The list of skills audits; who may read it is the application's rule. */
@Resolver('SkillsAudit')
export class SkillsAuditResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
  ) {}

  @Query('skillsAudits')
  async skillsAudits(
    @Context() context: RequestContext,
    @Args('filter') filter: GraphAuditFilter | null | undefined,
    @Args('limit') limit: number | null | undefined,
    @Args('offset') offset: number | null | undefined,
  ) {
    const page = await this.community.skillsAudits(await identityOf(this.runtime, context), {
      filter: {
        ...(filter?.status
          ? { status: filter.status as NonNullable<SkillsAuditFilter['status']> }
          : {}),
        ...(filter?.unit ? { unit: filter.unit } : {}),
      },
      ...(typeof limit === 'number' ? { limit } : {}),
      ...(typeof offset === 'number' ? { offset } : {}),
    });
    return { items: page.items.map(toGraphAudit), total: page.total };
  }

  /** The open audits asking the caller's unit; which ones and for whom is the application's rule. */
  @Query('skillsAuditsToAnswer')
  async skillsAuditsToAnswer(@Context() context: RequestContext) {
    const toAnswer = await this.community.skillsAuditsToAnswer(
      await identityOf(this.runtime, context),
    );
    return toAnswer.map(({ audit, answers }) => ({ audit: toGraphAudit(audit), answers }));
  }
}
