import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  auditTrail,
  loadState,
  type AuditEntry,
  type CommandContext,
  type CommandResult,
  type DocumentCollection,
  type EventStore,
  type Filter,
} from '@ebp/eventing';
import { streamNames } from '@ebp/eventing';
import { PROJECT_AUDIENCE_EVENT } from '@ebp/access';
import { mostSimilar, type SimilarProject } from '../register-reads/similarity';
import type { ProjectState } from './project';
import { projectDecider, type ProjectCommand } from './project.decider';
import { IdempotencyKeyReused, ProjectAlreadyExists } from './project.errors';
import { isDeepStrictEqual } from 'node:util';
import { register } from '@ebp/contracts';
import type { ProjectSummary } from './projections/project-summary.projection';

const projectStreams = streamNames('project:');

/** The proposal as the decider stored it (parsed), or as sent when it does not parse. */
const parseProposalOrKeep = (proposal: unknown) => {
  const parsed = register.ProjectProposalSchema.safeParse(proposal);
  return parsed.success ? parsed.data : proposal;
};
export const projectStreamId = projectStreams.streamIdOf;
export const projectIdOf = projectStreams.idOf;

export interface ProposeResult extends CommandResult<ProjectState> {
  /** Existing projects most like the new one: the duplicate warning. */
  readonly similar: readonly SimilarProject[];
}

/** The register's project commands, run through the kit's command handler. No business rules here. */
export class ProjectCommands {
  private readonly handler: CommandHandler<
    ProjectCommand,
    Parameters<typeof projectDecider.evolve>[1],
    ProjectState
  >;

  constructor(
    private readonly store: EventStore,
    private readonly projects: () => Promise<DocumentCollection<ProjectSummary>>,
  ) {
    this.handler = new CommandHandler(store, projectDecider);
  }

  /**
   * Proposes a project and warns of similar ones among those the proposer may read (`readable`,
   * a document-store condition): hidden projects are left out before the closest are chosen, so
   * the warning's length tells nothing of them.
   */
  async propose(
    projectId: string,
    proposal: unknown,
    context: CommandContext,
    readable: Filter = {},
  ): Promise<ProposeResult> {
    const result = await this.handler
      .handle(
        projectStreamId(projectId),
        { type: 'propose', projectId, proposal, by: context.actor.id },
        context,
      )
      .catch((error: unknown) => this.retried(error, projectId, proposal, context));
    const collection = await this.projects();
    const existing = await collection.find({
      filter: { ...readable, projectId: { $ne: projectId } },
      limit: 10_000,
    });
    const proposed = result.state.status === 'none' ? undefined : result.state.proposal;
    const similar = proposed
      ? mostSimilar(
          proposed,
          existing.items.map((item) => ({
            projectId: item.id,
            title: item.body.title,
            summary: item.body.summary,
          })),
        )
      : [];
    return { ...result, similar };
  }

  /**
   * A proposal sent again under the same idempotency key (the same id, made from the caller and
   * the key) is answered with the project its first attempt created; the same key with another
   * proposal is refused.
   */
  private async retried(
    error: unknown,
    projectId: string,
    proposal: unknown,
    context: CommandContext,
  ): Promise<CommandResult<ProjectState>> {
    if (!(error instanceof ProjectAlreadyExists)) throw error;
    const { state, version, events } = await loadState(
      this.store,
      projectDecider,
      projectStreamId(projectId),
    );
    const first = events[0]?.data as { proposal?: unknown; proposedBy?: string } | undefined;
    if (state.status === 'none' || first?.proposedBy !== context.actor.id) throw error;
    if (!isDeepStrictEqual(first.proposal, parseProposalOrKeep(proposal)))
      throw new IdempotencyKeyReused(
        'This idempotency key was used for another proposal: send a new key for a new proposal',
      );
    return { state, streamVersion: version, events: [], alreadyHandled: true };
  }

  /** Any other command; `expectedVersion` makes a concurrent change an error rather than a retry. */
  execute(
    projectId: string,
    command: Exclude<ProjectCommand, { type: 'propose' }>,
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<CommandResult<ProjectState>> {
    return this.handler.handle(
      projectStreamId(projectId),
      command,
      context,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
  }
}

/**
 * Publishes the audience of every project recorded before the register published audiences
 * (decision 0019), so that the other services learn of it; once each, however often it runs.
 */
export async function publishMissingAudiences(
  commands: ProjectCommands,
  projects: DocumentCollection<ProjectSummary>,
  now: () => Date,
): Promise<number> {
  const { items: missing } = await projects.find({
    filter: { audienceRevision: { $eq: null } },
    limit: 100_000,
  });
  for (const { body } of missing)
    await commands.execute(
      body.projectId,
      { type: 'publish-audience' },
      {
        commandId: randomUUID(),
        actor: { kind: 'system', id: 'register' },
        now: now(),
        classification: body.classification,
      },
    );
  return missing.length;
}

/**
 * Every event of a project with who, when and why, oldest first. The audience events are left
 * out: they restate, for other services, who may read the project after the changes listed.
 */
export async function projectHistory(store: EventStore, projectId: string): Promise<AuditEntry[]> {
  const entries = await auditTrail(store, projectStreamId(projectId));
  return entries.filter((entry) => entry.type !== PROJECT_AUDIENCE_EVENT);
}

/** A project as it stood at the end of an instant (time travel); version 0 when it did not exist yet. */
export async function projectAsOf(
  store: EventStore,
  projectId: string,
  asOf: Date,
): Promise<{ state: ProjectState; version: number }> {
  const { state, version } = await loadState(store, projectDecider, projectStreamId(projectId), {
    asOf,
  });
  return { state, version };
}
