import type { Decider, DomainEvent } from '../deciders/decider';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given/when/then specifications for deciders:
 *
 *   const spec = deciderSpecification(projectDecider);
 *   spec.given([proposed]).when(submit).then([submitted]);
 *   spec.given([]).when(submit).thenThrows(ProjectNotFound);
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () =>
            decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            thenThrows<E extends ErrorClass>(
              errorClass: E,
              matching?: Partial<InstanceType<E>>,
            ): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (matching) expect(thrown).toMatchObject(matching);
            },
          };
        },
      };
    },
  };
}
