import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { identityOf, type Identity, type RequestContext } from '@ebp/platform';
import { CommunityApplication } from '../application/community-application';
import { InvalidPersonInput } from '../people/person.errors';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';

const ERASURE_REASONS = ['subject_request', 'left_the_force', 'retention_expired'] as const;

/** Mutations run the application's use cases; rules live in the deciders and the access module. */
@Resolver()
export class CommunityCommandsResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  @Mutation('registerPerson')
  async registerPerson(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('profile') profile: unknown,
  ) {
    await this.community.registerPerson(await this.identity(context), id, profile);
    return true;
  }

  @Mutation('updateProfile')
  async updateProfile(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('changes') changes: unknown,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    await this.community.updateProfile(
      await this.identity(context),
      id,
      changes,
      expectedVersion ?? undefined,
    );
    return true;
  }

  @Mutation('verifySkill')
  async verifySkill(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('method') method: string,
    @Args('level') level: number,
  ) {
    await this.community.verifySkill(await this.identity(context), id, method, level);
    return true;
  }

  @Mutation('appointChampion')
  async appointChampion(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('area') area: string,
    @Args('from') from: string,
    @Args('until') until?: string,
  ) {
    await this.community.appointChampion(
      await this.identity(context),
      id,
      area,
      from,
      until ?? undefined,
    );
    return true;
  }

  @Mutation('erasePerson')
  async erasePerson(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
  ) {
    const known = ERASURE_REASONS.find((candidate) => candidate === reason);
    if (!known)
      throw new InvalidPersonInput(`The reason must be one of: ${ERASURE_REASONS.join(', ')}`);
    await this.community.erase(await this.identity(context), id, known);
    return true;
  }

  @Mutation('joinProject')
  async joinProject(
    @Context() context: RequestContext,
    @Args('personId') personId: string,
    @Args('projectId') projectId: string,
    @Args('role') role: string,
  ) {
    await this.community.joinProject(await this.identity(context), personId, projectId, role);
    return true;
  }

  @Mutation('launchSkillsAudit')
  async launchSkillsAudit(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('audit') audit: unknown,
  ) {
    await this.community.launchAudit(await this.identity(context), id, audit);
    return true;
  }

  @Mutation('answerSkillsAudit')
  async answerSkillsAudit(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('answers') answers: unknown,
  ) {
    await this.community.answerAudit(await this.identity(context), id, answers);
    return true;
  }

  @Mutation('closeSkillsAudit')
  async closeSkillsAudit(@Context() context: RequestContext, @Args('id') id: string) {
    await this.community.closeAudit(await this.identity(context), id);
    return true;
  }
}
