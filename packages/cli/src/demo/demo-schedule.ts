/**
 * Waits until the demo's history has reached this instant (the clock is then held there), and
 * resolves with it.
 */
export type At = (instant: Date) => Promise<Date>;

/** One strand of the demo (the register's projects, the talent pool, the library…). */
export type Track = (at: At) => Promise<void>;

/** What the schedule moves on: the demo clock, or nothing (everything is then dated now). */
export interface ScheduleClock {
  advanceTo(instant: Date): void;
}

interface Waiting {
  readonly instant: Date;
  /** Who asked first, among equal instants. */
  readonly order: number;
  readonly go: () => void;
}

/**
 * Runs the demo's tracks as one history in time order. Each track is a plain script that says
 * when its next steps happen (`await at(instant)`); only one track runs at a time, and the one
 * whose next step is earliest goes next, after the clock has moved to its instant. So the
 * register's, the community's, the partners' and the library's steps interleave by date, a step
 * never runs before an earlier-dated one of another track, and the clock only moves forwards
 * (a track whose own dates go backwards fails on the clock). Equal instants keep the order in
 * which they were asked for. The first failure stops the schedule and is thrown.
 */
export async function inTimeOrder(
  clock: ScheduleClock | undefined,
  tracks: readonly Track[],
): Promise<void> {
  const waiting: Waiting[] = [];
  let asked = 0;
  let yielded: () => void = () => undefined;
  let failure: { readonly error: unknown } | undefined;
  const at: At = (instant) =>
    new Promise<Date>((resolve) => {
      waiting.push({ instant, order: asked++, go: () => resolve(instant) });
      yielded();
    });
  /** Lets one track run until it waits for its next instant, or ends. */
  const runUntilItYields = (begin: () => void) =>
    new Promise<void>((resolve) => {
      yielded = resolve;
      begin();
    });
  for (const track of tracks) {
    await runUntilItYields(() => {
      track(at).then(
        () => yielded(),
        (error: unknown) => {
          failure ??= { error };
          yielded();
        },
      );
    });
    if (failure) throw failure.error;
  }
  for (;;) {
    waiting.sort((a, b) => a.instant.getTime() - b.instant.getTime() || a.order - b.order);
    const next = waiting.shift();
    if (!next) return;
    clock?.advanceTo(next.instant);
    await runUntilItYields(next.go);
    if (failure) throw failure.error;
  }
}
