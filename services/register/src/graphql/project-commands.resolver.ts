import { identityOf, type RequestContext } from '@ebp/platform';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { register } from '@ebp/contracts';
import { RegisterApplication, type ProjectRequest } from '../application/register-application';
import { toGraphProject } from './graph-mapping';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** Mutations run commands; the decider owns the rules, the application the authorisation. */
@Resolver()
export class ProjectCommandsResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  private async act(
    context: RequestContext,
    id: string,
    request: ProjectRequest,
    expectedVersion: number | null | undefined,
  ) {
    const identity = await identityOf(this.runtime, context);
    const outcome = await this.register.act(identity, id, request, expectedVersion ?? undefined);
    return outcome;
  }

  @Mutation('proposeProject')
  async proposeProject(
    @Context() context: RequestContext,
    @Args('proposal') proposal: unknown,
    @Args('idempotencyKey') idempotencyKey?: string | null,
  ) {
    const identity = await identityOf(this.runtime, context);
    const result = await this.register.propose(identity, proposal, idempotencyKey ?? undefined);
    const id = result.projectId;
    const project = await this.register.project(identity, id);
    return {
      projectId: id,
      project: project ? toGraphProject(project, () => this.register.record(identity, id)) : null,
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
    @Args('verdict') verdict: string,
    @Args('checklist') checklist: register.QaChecklist,
    @Args('comments') comments: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(
      context,
      id,
      {
        type: 'record-review',
        verdict: verdict as register.ReviewVerdict,
        checklist,
        comments,
      },
      expectedVersion,
    );
  }

  @Mutation('decideProject')
  decide(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('decision') decision: 'approve' | 'reject' | 'defer',
    @Args('reasons') reasons: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'decide', decision, reasons }, expectedVersion);
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
    return this.act(context, id, { type: 'complete', findings }, expectedVersion);
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
    @Args('changes') changes: Partial<register.ProjectProposal>,
    @Args('justification') justification: string,
    @Args('expectedVersion') expectedVersion?: number,
  ) {
    return this.act(context, id, { type: 'amend', changes, justification }, expectedVersion);
  }
}
