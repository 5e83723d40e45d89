import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { identityOf, type RequestContext } from '@ebp/platform';
import { CommunityApplication } from '../application/community-application';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';
import { PersonResolver, toGraphInvolvement } from './person.resolver';

/** The community's part of the register's entity: ResearchProject.team. */
@Resolver('ResearchProject')
export class ResearchProjectResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
  ) {}

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    await identityOf(this.runtime, context);
    return { id: reference.id };
  }

  @ResolveField('team')
  async team(@Parent() project: { id: string }) {
    return (await this.community.team(project.id)).map(toGraphInvolvement);
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
  async person(@Parent() involvement: { personId: string }, @Context() context: RequestContext) {
    const identity = await identityOf(this.runtime, context);
    const entry = await this.community.entry(involvement.personId);
    return entry ? this.people.graphPerson(identity, entry, 'team-building') : null;
  }
}
