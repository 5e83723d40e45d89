import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { community, parseOrThrow } from '@ebp/contracts';
import { identityOf, inputFromGraph, type Identity, type RequestContext } from '@ebp/platform';
import { mayEditProfile, type ReadPurpose } from '../access/person-access';
import { readBackPurpose } from '../access/read-purposes';
import { CommunityApplication } from '../application/community-application';
import { InvalidPersonInput } from '../people/person.errors';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';
import { PersonResolver, toGraphInvolvement } from './person.resolver';
import { toGraphAudit } from './skills-audit.resolver';

/**
 * The purposes a writer reads a person back under, in order of preference: one's own profile is
 * self-service, an administrator's write is profile maintenance, the committee's and reviewers'
 * (skills, championships) governance.
 */
const PROFILE_READ_BACK: readonly ReadPurpose[] = [
  'self_service',
  'profile_maintenance',
  'governance',
];
/** A person joining a project is read as the team shows them: by themselves, or to build teams. */
const TEAM_READ_BACK: readonly ReadPurpose[] = ['self_service', 'team_building'];

/**
 * Mutations run the application's use cases and answer with what changed, read back as the
 * caller may read it; rules live in the deciders and the access module.
 */
@Resolver()
export class CommunityCommandsResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
    @Inject(PersonResolver) private readonly people: PersonResolver,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  /** The person after a write, and their version for those who may change the profile. */
  private async personPayload(identity: Identity, personId: string, version: number) {
    return {
      personId,
      person: await this.people.readBack(identity, personId, PROFILE_READ_BACK),
      version: mayEditProfile(identity, personId) ? version : null,
    };
  }

  /** The audit after a write, as the list of audits shows it. */
  private async audit(identity: Identity, auditId: string) {
    const entry = await this.community.skillsAudit(identity, auditId);
    return entry ? toGraphAudit(entry) : null;
  }

  @Mutation('registerPerson')
  async registerPerson(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('profile') profile: unknown,
  ) {
    const identity = await this.identity(context);
    const version = await this.community.registerPerson(identity, id, inputFromGraph(profile));
    return this.personPayload(identity, id, version);
  }

  @Mutation('updateProfile')
  async updateProfile(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('changes') changes: unknown,
    @Args('expectedVersion') expectedVersion?: number | null,
  ) {
    const identity = await this.identity(context);
    const version = await this.community.updateProfile(
      identity,
      id,
      inputFromGraph(changes),
      expectedVersion ?? undefined,
    );
    return this.personPayload(identity, id, version);
  }

  @Mutation('verifySkill')
  async verifySkill(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('method') method: string,
    @Args('level') level: number,
  ) {
    const identity = await this.identity(context);
    const version = await this.community.verifySkill(identity, id, method, level);
    return this.personPayload(identity, id, version);
  }

  @Mutation('appointChampion')
  async appointChampion(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('area') area: string,
    @Args('from') from: string,
    @Args('until') until?: string | null,
  ) {
    const identity = await this.identity(context);
    const version = await this.community.appointChampion(
      identity,
      id,
      area,
      from,
      until ?? undefined,
    );
    return this.personPayload(identity, id, version);
  }

  /** Nothing about the person is read back: only that they are erased. */
  @Mutation('erasePerson')
  async erasePerson(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
  ) {
    const known = parseOrThrow(community.ErasureReasonSchema, reason, 'reason', InvalidPersonInput);
    await this.community.erase(await this.identity(context), id, known);
    return { personId: id, erased: true };
  }

  /** The involvement as Person.projects shows it to the caller (the project need-to-know applied). */
  @Mutation('joinProject')
  async joinProject(
    @Context() context: RequestContext,
    @Args('personId') personId: string,
    @Args('projectId') projectId: string,
    @Args('role') role: string,
  ) {
    const identity = await this.identity(context);
    await this.community.joinProject(identity, personId, projectId, role);
    const involvement = (await this.community.projectsOf(identity, personId)).find(
      (entry) => entry.projectId === projectId,
    );
    return {
      personId,
      projectId,
      involvement: involvement
        ? {
            ...toGraphInvolvement(involvement),
            readPurpose: readBackPurpose(identity, personId, TEAM_READ_BACK) ?? null,
          }
        : null,
    };
  }

  @Mutation('launchSkillsAudit')
  async launchSkillsAudit(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('audit') audit: unknown,
  ) {
    const identity = await this.identity(context);
    await this.community.launchAudit(identity, id, inputFromGraph(audit));
    return { audit: await this.audit(identity, id) };
  }

  /** The caller's own answers; the audit only for those who read skills audits. */
  @Mutation('answerSkillsAudit')
  async answerSkillsAudit(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('answers') answers: unknown,
  ) {
    const identity = await this.identity(context);
    const recorded = await this.community.answerAudit(identity, id, inputFromGraph(answers));
    return {
      auditId: id,
      answers: recorded,
      audit: this.community.mayReadSkillsAudits(identity) ? await this.audit(identity, id) : null,
    };
  }

  @Mutation('closeSkillsAudit')
  async closeSkillsAudit(@Context() context: RequestContext, @Args('id') id: string) {
    const identity = await this.identity(context);
    await this.community.closeAudit(identity, id);
    return { audit: await this.audit(identity, id) };
  }
}
