import { createHash, randomUUID } from 'node:crypto';
import {
  currentSchemaVersion,
  highestClassification,
  type Actor,
  type Classification,
  type EventEnvelope,
  type TraceContext,
} from '@ebp/contracts';
import { WrongExpectedVersionError } from '../event-store/errors';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import type { LogPosition } from '../event-store/log-position';
import { fold, type Decider, type DomainEvent } from './decider';

/** Who asks, when, and why: everything the envelope needs that the command itself does not say. */
export interface CommandContext {
  /** Unique per command; a retried command with the same id stores its events once. */
  readonly commandId: string;
  readonly actor: Actor;
  readonly now: Date;
  readonly classification: Classification;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly traceContext?: TraceContext;
}

export interface CommandResult<State> {
  readonly state: State;
  readonly streamVersion: number;
  readonly events: readonly EventEnvelope[];
  /** The command had been handled before (same command id): nothing new was stored. */
  readonly alreadyHandled: boolean;
}

export interface CommandHandlerOptions {
  /** Appends refused as stale are retried this many times, each on freshly loaded state. */
  readonly maxRetries?: number;
}

/**
 * Event ids derived from the command id, so that a command retried after a lost reply produces
 * the same ids and the store keeps its events once. Formatted as an RFC 9562 version 8 UUID.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Wraps decided events in envelopes carrying the command's context. */
export function toEnvelopes(
  events: readonly DomainEvent[],
  context: CommandContext,
): EventEnvelope[] {
  const correlationId = context.correlationId ?? randomUUID();
  return events.map((event, index) => ({
    id: eventIdFor(context.commandId, index),
    type: event.type,
    schemaVersion: event.schemaVersion ?? currentSchemaVersion(event.type),
    data: event.data,
    metadata: {
      correlationId,
      causationId: context.causationId ?? null,
      actor: context.actor,
      recordedAt: context.now.toISOString(),
      classification: context.classification,
      ...(context.traceContext ? { traceContext: context.traceContext } : {}),
    },
  }));
}

/**
 * Loads a stream, decides, and appends with the expected version; when another writer got there
 * first it reloads and decides again, a bounded number of times, then lets the conflict through.
 */
export class CommandHandler<Command, Event extends DomainEvent, State> {
  private readonly maxRetries: number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    options: CommandHandlerOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 3;
  }

  /**
   * Handles a command. With `expectedVersion` (the version the client saw, e.g. on an edit form)
   * the stream must still be at that version: a concurrent change is reported as a
   * WrongExpectedVersionError instead of being retried on the newer state.
   */
  async handle(
    streamId: string,
    command: Command,
    context: CommandContext,
    options: {
      readonly expectedVersion?: number;
      /**
       * How sensitive the entity is after the decision, by what only the service can look up
       * (the projects it names, through their owner's audience): asked on the state each attempt
       * decided on, so a label is never taken from a read model older than the decision.
       */
      readonly classifiedBy?: (after: State) => Promise<Classification>;
    } = {},
  ): Promise<CommandResult<State>> {
    for (let attempt = 0; ; attempt += 1) {
      const { state, version, events } = await loadState(this.store, this.decider, streamId);
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new WrongExpectedVersionError(streamId, options.expectedVersion, version);
      }
      const decided = this.decider.decide(command, state);
      if (decided.length === 0)
        return { state, streamVersion: version, events: [], alreadyHandled: false };
      const after = decided.reduce(this.decider.evolve, state);
      const start = this.decider.classifiedAtStart ? events[0]?.metadata.classification : undefined;
      const looked = await options.classifiedBy?.(after);
      const envelopes = toEnvelopes(decided, this.labelled(context, state, after, start, looked));
      try {
        const result = await this.store.append(streamId, envelopes, {
          expectedVersion: version === 0 ? 'no_stream' : version,
        });
        if (result.alreadyStored) {
          const reloaded = await loadState(this.store, this.decider, streamId);
          return {
            state: reloaded.state,
            streamVersion: reloaded.version,
            events: envelopes,
            alreadyHandled: true,
          };
        }
        return {
          state: after,
          streamVersion: result.streamVersion,
          events: envelopes,
          alreadyHandled: false,
        };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersionError && options.expectedVersion === undefined;
        if (!retry || attempt >= this.maxRetries) throw error;
      }
    }
  }

  /**
   * The context, labelled at least as sensitive as the entity was before and is after, and as
   * its first event when its sensitivity was fixed at its start.
   */
  private labelled(
    context: CommandContext,
    before: State,
    after: State,
    start: Classification | undefined,
    looked: Classification | undefined,
  ): CommandContext {
    const classificationOf = this.decider.classificationOf;
    const classification = highestClassification(
      context.classification,
      start,
      looked,
      classificationOf?.(before),
      classificationOf?.(after),
    );
    return classification === context.classification ? context : { ...context, classification };
  }
}

/** A stream's state now, or as it stood at a position or an instant (time travel). */
export async function loadState<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  streamId: string,
  asOf: { readonly upTo?: LogPosition; readonly asOf?: Date } = {},
): Promise<{ state: State; version: number; events: readonly StoredEvent[] }> {
  const events = await store.readStream(streamId, asOf);
  return {
    state: fold(decider, events as unknown as readonly Event[]),
    version: events.at(-1)?.streamVersion ?? 0,
    events,
  };
}
