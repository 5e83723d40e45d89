import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { parseContract } from '@ebp/contracts';
import { identityOf, loaderKind, requestLoader, type RequestContext } from '@ebp/platform';
import type { ReadPurpose } from '../access/person-access';
import { reachedPersonPurpose } from '../access/read-purposes';
import { CommunityApplication } from '../application/community-application';
import type { ProjectBrief } from '../expertise/expertise';
import type { InvolvementEntry } from '../involvements/projections/involvement.projection';
import { entryOf } from './community-loaders';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';
import { PersonResolver, toGraphInvolvement } from './person.resolver';

interface ProjectReference {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** The register's fields suggestedTeam requires, as the gateway hands them over. */
const RequiredFieldsSchema = z.object({
  title: z.string(),
  summary: z.string(),
  methods: z.array(z.string()),
  owningUnit: z.string(),
  proposal: z.object({ design: z.string().optional() }).passthrough(),
});

const briefOf = (project: z.infer<typeof RequiredFieldsSchema>): ProjectBrief => ({
  methods: project.methods,
  owningUnit: project.owningUnit,
  text: [project.title, project.summary, project.proposal.design ?? ''].join('\n'),
});

/** The teams of the projects one request asks about, read together. */
const TEAMS = loaderKind<string, InvolvementEntry[]>('community.teams');

/** The community's part of the register's entity: ResearchProject.team and suggestedTeam. */
@Resolver('ResearchProject')
export class ResearchProjectResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
    @Inject(PersonResolver) private readonly people: PersonResolver,
  ) {}

  /** The representation carries the register's fields that suggestedTeam requires, when asked. */
  @ResolveReference()
  async resolveReference(reference: ProjectReference, context: RequestContext) {
    await identityOf(this.runtime, context);
    return reference;
  }

  @ResolveField('team')
  async team(@Parent() project: { id: string }, @Context() context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    const team = await requestLoader(context, TEAMS, async (projectIds) => {
      const teams = await this.community.teams(identity, projectIds);
      return projectIds.map((id) => teams.get(id) ?? []);
    }).load(project.id);
    return team.map(toGraphInvolvement);
  }

  @ResolveField('suggestedTeam')
  async suggestedTeam(
    @Parent() project: ProjectReference,
    @Context() context: RequestContext,
    @Args('size') size?: number | null,
  ) {
    const identity = await identityOf(this.runtime, context);
    const suggested = await this.community.suggestTeamFor(
      identity,
      briefOf(parseContract('ResearchProject (required fields)', RequiredFieldsSchema, project)),
      size ?? undefined,
    );
    return suggested.map(({ member, entry }) => ({
      ...member,
      person: this.people.graphPerson(identity, entry, 'team_building', context),
    }));
  }
}

/** An involvement's person, from the directory, with team-building as the purpose of any personal read. */
@Resolver('Involvement')
export class InvolvementResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
    @Inject(PersonResolver) private readonly people: PersonResolver,
  ) {}

  @ResolveField('person')
  async person(
    @Parent() involvement: { personId: string; readPurpose?: ReadPurpose | null },
    @Context() context: RequestContext,
  ) {
    const intended =
      involvement.readPurpose === undefined ? 'team_building' : involvement.readPurpose;
    if (intended === null) return null;
    const identity = await identityOf(this.runtime, context);
    const purpose = reachedPersonPurpose(identity, intended, involvement.personId);
    const entry = await entryOf(this.community, identity, context, involvement.personId);
    return entry ? this.people.graphPerson(identity, entry, purpose, context) : null;
  }
}
