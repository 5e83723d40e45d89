/**
 * The demo's explicit clock (decision 0024). The graph never lets a caller say when something
 * happened: every event is recorded at the platform's `now`. To give the demo a past, the
 * all-in-one demo start (and tests) hand the services this clock instead of the real one; the
 * demo loader moves it to each step's date before the step's mutations, then lets it follow real
 * time again. It never goes backwards and never runs ahead of real time, so the log stays in time
 * order and nothing is ever dated in the future.
 */
export class DemoClock {
  /** The instant the clock is held at; none once it follows real time. */
  private held: Date | undefined;
  /** The latest instant it has shown: it never shows an earlier one. */
  private latest: number;

  /** Held at `start` (in the past) until moved on or released. */
  constructor(
    start: Date,
    private readonly realNow: () => Date = () => new Date(),
  ) {
    DemoClock.requireNotAhead(start, realNow());
    this.held = new Date(start.getTime());
    this.latest = start.getTime();
  }

  /** What the platform takes for now: the held instant, or real time once released. */
  now(): Date {
    if (this.held) return new Date(this.held.getTime());
    // Real time, unless the system clock stepped back below what was already shown.
    this.latest = Math.max(this.latest, this.realNow().getTime());
    return new Date(this.latest);
  }

  /** Whether the clock is still held at a chosen instant (the demo loading its history). */
  get isHeld(): boolean {
    return this.held !== undefined;
  }

  /**
   * Holds the clock at a later instant (or the same one). An earlier instant is refused: the log
   * would no longer be in time order. So is one after real time, and so is any once released.
   */
  advanceTo(instant: Date): void {
    if (!this.held)
      throw new RangeError('The demo clock follows real time now; it cannot be set again');
    if (instant.getTime() < this.latest)
      throw new RangeError(
        `The demo clock never goes backwards: it shows ${new Date(this.latest).toISOString()}, not ${instant.toISOString()}`,
      );
    DemoClock.requireNotAhead(instant, this.realNow());
    this.held = new Date(instant.getTime());
    this.latest = instant.getTime();
  }

  /** From now on the clock follows real time (which is never behind what it showed). */
  release(): void {
    this.held = undefined;
  }

  private static requireNotAhead(instant: Date, real: Date): void {
    if (Number.isNaN(instant.getTime()))
      throw new RangeError('The demo clock needs a valid instant');
    if (instant.getTime() > real.getTime())
      throw new RangeError(
        `The demo clock never runs ahead of real time: ${instant.toISOString()} is after ${real.toISOString()}`,
      );
  }
}
