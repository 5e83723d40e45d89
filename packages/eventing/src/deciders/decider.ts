import { EbpError, type Classification } from '@ebp/contracts';

/** What a decider emits and evolves from: a type name and its data (the envelope comes later). */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
  /** The schema version the event is written at; 1 when omitted. */
  readonly schemaVersion?: number;
}

/**
 * One aggregate's rules, as pure functions (the Emmett decider pattern): `decide` turns a command
 * and the current state into new events or throws a DomainError; `evolve` folds an event into
 * the state. Time and ids come in with the command, so both stay pure and testable.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  /**
   * How sensitive the entity's data is in a state, when the entity carries its own
   * classification: its events are labelled at least so, as it stood before and after them, so
   * that a change that restricts the entity, and whatever another service's event adds to it,
   * carry the entity's label to the topics.
   */
  readonly classificationOf?: (state: State) => Classification | undefined;
  /**
   * The entity is as sensitive as its first event was labelled, for good: for an entity whose
   * sensitivity is fixed when it starts by what caused it (a delivery of one published version),
   * so that every later event of it is labelled at least so.
   */
  readonly classifiedAtStart?: boolean;
}

/** A business rule said no. Subclasses carry a stable code for clients (`extensions.code`). */
export abstract class DomainError extends EbpError {}

/** Folds events into a state from the decider's initial state. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
