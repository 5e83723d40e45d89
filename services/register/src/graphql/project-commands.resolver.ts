import { identityOf, inputFromGraph, type Identity, type RequestContext } from '@ebp/platform';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { register } from '@ebp/contracts';
import { RegisterApplication, type ProjectRequest } from '../application/register-application';
import { MeetingsApplication } from '../meetings/meetings-application';
import { toGraphProject } from './graph-mapping';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/**
 * Mutations run commands; the decider owns the rules, the application the authorisation. Each
 * answers with the project as the caller may now read it (the application has caught the read
 * models up) and its stream version.
 */
@Resolver()
export class ProjectCommandsResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
    @Inject(MeetingsApplication) private readonly meetings: MeetingsApplication,
  ) {}

  /** The project after a change, read as the query reads it; null if the caller may not now. */
  private async changed(identity: Identity, id: string) {
    const project = await this.register.project(identity, id);
    return project ? toGraphProject(project, () => this.register.record(identity, id)) : null;
  }

  private async act(
    context: RequestContext,
    id: string,
    request: ProjectRequest,
    expectedVersion: number | null | undefined,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.register.act(identity, id, request, expectedVersion ?? undefined);
    return { project: await this.changed(identity, id), version: outcome.version };
  }

  @Mutation('proposeProject')
  async proposeProject(
    @Context() context: RequestContext,
    @Args('proposal') proposal: unknown,
    @Args('idempotencyKey') idempotencyKey?: string | null,
  ) {
    const identity = await identityOf(this.runtime, context);
    const result = await this.register.propose(
      identity,
      inputFromGraph(proposal),
      idempotencyKey ?? undefined,
    );
    const id = result.projectId;
    return {
      projectId: id,
      project: await this.changed(identity, id),
      version: result.streamVersion,
      similar: result.similar,
    };
  }

  @Mutation('submitProject')
  submit(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'submit' }, expectedVersion);
  }

  @Mutation('recordReview')
  recordReview(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('verdict') verdict: register.ReviewVerdict,
    @Args('checklist') checklist: register.QaChecklist,
    @Args('comments') comments: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(
      context,
      id,
      {
        type: 'record-review',
        verdict,
        checklist: inputFromGraph(checklist) as register.QaChecklist,
        comments,
      },
      expectedVersion,
    );
  }

  @Mutation('decideProject')
  decide(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('decision') decision: register.CommitteeDecision,
    @Args('reasons') reasons: string,
    @Args('meetingId') meetingId?: string | null,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    if (meetingId === undefined || meetingId === null)
      return this.act(context, id, { type: 'decide', decision, reasons }, expectedVersion);
    return this.decideInMeeting(context, id, meetingId, { decision, reasons }, expectedVersion);
  }

  private async decideInMeeting(
    context: RequestContext,
    id: string,
    meetingId: string,
    decision: { decision: register.CommitteeDecision; reasons: string },
    expectedVersion: number | undefined,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.meetings.decideInMeeting(
      identity,
      meetingId,
      id,
      decision,
      expectedVersion,
    );
    return { project: await this.changed(identity, id), version: outcome.version };
  }

  @Mutation('startProject')
  start(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'start' }, expectedVersion);
  }

  @Mutation('reportProgress')
  reportProgress(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('summary') summary: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'report-progress', summary }, expectedVersion);
  }

  @Mutation('suspendProject')
  suspend(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'suspend', reason }, expectedVersion);
  }

  @Mutation('resumeProject')
  resume(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'resume' }, expectedVersion);
  }

  @Mutation('stopProject')
  stop(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'stop', reason }, expectedVersion);
  }

  @Mutation('completeProject')
  complete(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('findings') findings: register.Findings,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(
      context,
      id,
      { type: 'complete', findings: inputFromGraph(findings) as register.Findings },
      expectedVersion,
    );
  }

  @Mutation('withdrawProject')
  withdraw(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'withdraw', reason }, expectedVersion);
  }

  @Mutation('amendProject')
  amend(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('changes') changes: register.ProjectProposalChanges,
    @Args('justification') justification: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(
      context,
      id,
      {
        type: 'amend',
        changes: inputFromGraph(changes) as register.ProjectProposalChanges,
        justification,
      },
      expectedVersion,
    );
  }
}
