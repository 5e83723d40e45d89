import {
  CommandHandler,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@ebp/eventing';
import type { InvolvementEvent, InvolvementState } from './involvement';
import { involvementDecider, type InvolvementCommand } from './involvement.decider';

/** One stream per person and project, so that people joining one project never contend. */
export const involvementStreamId = (personId: string, projectId: string): string =>
  `involvement:${personId}:${projectId}`;

export class InvolvementCommands {
  private readonly handler: CommandHandler<InvolvementCommand, InvolvementEvent, InvolvementState>;

  constructor(store: EventStore) {
    this.handler = new CommandHandler(store, involvementDecider);
  }

  execute(
    command: InvolvementCommand,
    context: CommandContext,
  ): Promise<CommandResult<InvolvementState>> {
    return this.handler.handle(
      involvementStreamId(command.personId, command.projectId),
      command,
      context,
    );
  }
}
