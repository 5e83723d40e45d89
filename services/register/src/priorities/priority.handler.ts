import {
  CommandHandler,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@ebp/eventing';
import { streamNames } from '@ebp/eventing';
import type { PriorityEvent, PriorityState } from './priority';
import { priorityDecider, type PriorityCommand } from './priority.decider';

const priorityStreams = streamNames('priority:');
export const priorityStreamId = priorityStreams.streamIdOf;
export const priorityIdOf = priorityStreams.idOf;

/** The Research Plan's commands, run through the kit's command handler. No business rules here. */
export class PriorityCommands {
  private readonly handler: CommandHandler<PriorityCommand, PriorityEvent, PriorityState>;

  constructor(store: EventStore) {
    this.handler = new CommandHandler(store, priorityDecider);
  }

  execute(
    priorityId: string,
    command: PriorityCommand,
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<CommandResult<PriorityState>> {
    return this.handler.handle(
      priorityStreamId(priorityId),
      command,
      context,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
  }
}
