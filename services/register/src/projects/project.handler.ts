import {
  CommandHandler,
  auditTrail,
  loadState,
  type AuditEntry,
  type CommandContext,
  type CommandResult,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import { streamNames } from '@ebp/eventing';
import { mostSimilar, type SimilarProject } from '../register-reads/similarity';
import type { ProjectState } from './project';
import { projectDecider, type ProjectCommand } from './project.decider';
import type { ProjectSummary } from './projections/project-summary.projection';

const projectStreams = streamNames('project:');
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

  async propose(
    projectId: string,
    proposal: unknown,
    context: CommandContext,
  ): Promise<ProposeResult> {
    const result = await this.handler.handle(
      projectStreamId(projectId),
      { type: 'propose', projectId, proposal, by: context.actor.id },
      context,
    );
    const collection = await this.projects();
    const existing = await collection.find({ filter: { projectId: { $ne: projectId } } });
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

/** Every event of a project with who, when and why, oldest first. */
export function projectHistory(store: EventStore, projectId: string): Promise<AuditEntry[]> {
  return auditTrail(store, projectStreamId(projectId));
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
