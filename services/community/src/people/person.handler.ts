import {
  CommandHandler,
  loadState,
  type CommandContext,
  type CommandResult,
  type EventStore,
  type SubjectKeyStore,
} from '@ebp/eventing';
import type { PersonEvent, PersonState } from './person';
import { personDecider, type PersonCommand } from './person.decider';
import { personStreamId } from './projections/person-directory.projection';

/**
 * People's commands through the kit's handler. `store` must be the sealing store (decision 0012),
 * so deciders see plain values and only sealed personal fields are written. Erasure records the
 * event first and then destroys the key: if the process dies in between, erasing again finishes it.
 */
export class PersonCommands {
  private readonly handler: CommandHandler<PersonCommand, PersonEvent, PersonState>;

  constructor(
    private readonly store: EventStore,
    private readonly keys: SubjectKeyStore,
  ) {
    this.handler = new CommandHandler(store, personDecider);
  }

  execute(
    personId: string,
    command: Exclude<PersonCommand, { type: 'erase' }>,
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<CommandResult<PersonState>> {
    return this.handler.handle(
      personStreamId(personId),
      command,
      context,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
  }

  async erase(
    personId: string,
    command: Extract<PersonCommand, { type: 'erase' }>,
    context: CommandContext,
  ): Promise<void> {
    if (!(await this.keys.isErased(personId))) {
      const current = await this.handler
        .handle(personStreamId(personId), command, context)
        .catch((error: unknown) => error);
      // Already erased in the log (a crash after the event, before the key): finish the job.
      if (current instanceof Error && !(await this.wasErasedInLog(personId))) throw current;
    }
    await this.keys.destroy(personId);
  }

  private async wasErasedInLog(personId: string): Promise<boolean> {
    const { state } = await loadState(this.store, personDecider, personStreamId(personId));
    return state.status === 'erased';
  }
}
