// The demo's clock and schedule: history is recorded in time order, never in the future.
import { DemoCalendar, demoHistoryStart } from './demo-calendar';
import { DemoClock } from './demo-clock';
import { PROJECTS } from './demo-projects';
import { inTimeOrder, type At } from './demo-schedule';

const REAL_NOW = new Date('2026-11-29T22:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('the demo clock', () => {
  it('is held at the instants it is moved to, then follows real time once released', () => {
    let real = REAL_NOW;
    const clock = new DemoClock(at('2024-12-01T00:00:00Z'), () => real);
    expect(clock.now()).toEqual(at('2024-12-01T00:00:00Z'));
    clock.advanceTo(at('2025-03-04T10:00:00Z'));
    clock.advanceTo(at('2025-03-04T10:00:00Z'));
    expect(clock.now()).toEqual(at('2025-03-04T10:00:00Z'));
    expect(clock.isHeld).toBe(true);
    clock.release();
    expect(clock.isHeld).toBe(false);
    expect(clock.now()).toEqual(REAL_NOW);
    real = new Date(REAL_NOW.getTime() + 5_000);
    expect(clock.now()).toEqual(real);
  });

  it('never goes backwards, never runs ahead of real time, and cannot be set once released', () => {
    const clock = new DemoClock(at('2025-01-01T00:00:00Z'), () => REAL_NOW);
    clock.advanceTo(at('2025-06-01T00:00:00Z'));
    expect(() => clock.advanceTo(at('2025-05-31T23:59:59Z'))).toThrow(/never goes backwards/);
    expect(() => clock.advanceTo(new Date(REAL_NOW.getTime() + 1))).toThrow(/ahead of real time/);
    expect(() => new DemoClock(new Date(REAL_NOW.getTime() + 1), () => REAL_NOW)).toThrow(
      /ahead of real time/,
    );
    clock.release();
    expect(() => clock.advanceTo(REAL_NOW)).toThrow(/follows real time/);
  });

  it('shows no earlier time when the system clock steps back after its release', () => {
    let real = REAL_NOW;
    const clock = new DemoClock(at('2025-01-01T00:00:00Z'), () => real);
    clock.release();
    expect(clock.now()).toEqual(REAL_NOW);
    real = new Date(REAL_NOW.getTime() - 60_000);
    expect(clock.now()).toEqual(REAL_NOW);
  });
});

describe('the demo calendar', () => {
  const calendar = new DemoCalendar(REAL_NOW);

  it('dates demo days in the months before today, never after today', () => {
    expect(calendar.at([23, 3])).toEqual(at('2024-12-03T10:00:00Z'));
    expect(calendar.at([1, 14])).toEqual(at('2026-10-14T10:00:00Z'));
    expect(calendar.at([0, 28])).toEqual(at('2026-11-28T10:00:00Z'));
    // The 1st of December is not yet: it is today.
    expect(new DemoCalendar(at('2026-12-01T08:00:00Z')).at([0, 2])).toEqual(
      at('2026-12-01T08:00:00Z'),
    );
    expect(calendar.dayAfter([23, 3], 365)).toBe('2025-12-03');
    expect(demoHistoryStart(REAL_NOW)).toEqual(at('2024-11-29T22:00:00.000Z'));
  });

  it('takes each demo project along its path in time order', () => {
    for (const project of PROJECTS) {
      const times = [project.proposed, ...project.path.map(([, day]) => day)].map((day) =>
        calendar.at(day).getTime(),
      );
      expect([project.id, [...times].sort((a, b) => a - b)]).toEqual([project.id, times]);
    }
  });

  it('spreads instants evenly over the history, earliest first', () => {
    const days = calendar.spread(5, 20);
    expect(days).toHaveLength(5);
    expect(days[0]! > demoHistoryStart(REAL_NOW)).toBe(true);
    expect(days[4]).toEqual(new Date(REAL_NOW.getTime() - 20 * 86_400_000));
    expect([...days].sort((a, b) => a.getTime() - b.getTime())).toEqual(days);
  });
});

describe('the demo schedule', () => {
  it('interleaves tracks by date, moving the clock forwards to each step', async () => {
    const clock = new DemoClock(at('2025-01-01T00:00:00Z'), () => REAL_NOW);
    const log: string[] = [];
    const track =
      (name: string, days: readonly string[]) =>
      async (wait: At): Promise<void> => {
        for (const day of days) {
          const when = await wait(at(`${day}T10:00:00Z`));
          // Another track could run while this one awaits something else: it must not.
          await new Promise((resolve) => setTimeout(resolve, 1));
          log.push(`${day} ${name} ${clock.now().toISOString().slice(0, 10)}`);
          expect(when).toEqual(at(`${day}T10:00:00Z`));
        }
      };
    await inTimeOrder(clock, [
      track('register', ['2025-02-01', '2025-05-01', '2025-05-01']),
      track('library', ['2025-01-15', '2025-05-01', '2025-09-01']),
      async () => undefined,
      track('community', ['2025-03-01']),
    ]);
    expect(log).toEqual([
      '2025-01-15 library 2025-01-15',
      '2025-02-01 register 2025-02-01',
      '2025-03-01 community 2025-03-01',
      // Equal dates keep the order they were asked for: the library asked first.
      '2025-05-01 library 2025-05-01',
      '2025-05-01 register 2025-05-01',
      '2025-05-01 register 2025-05-01',
      '2025-09-01 library 2025-09-01',
    ]);
  });

  it('fails on the first failing track, and on a track whose dates go backwards', async () => {
    const clock = new DemoClock(at('2025-01-01T00:00:00Z'), () => REAL_NOW);
    await expect(
      inTimeOrder(clock, [
        async (wait) => {
          await wait(at('2025-02-01T00:00:00Z'));
          throw new Error('the graph refused');
        },
        async (wait) => {
          await wait(at('2025-03-01T00:00:00Z'));
        },
      ]),
    ).rejects.toThrow('the graph refused');
    await expect(
      inTimeOrder(new DemoClock(at('2025-01-01T00:00:00Z'), () => REAL_NOW), [
        async (wait) => {
          await wait(at('2025-04-01T00:00:00Z'));
          await wait(at('2025-02-01T00:00:00Z'));
        },
      ]),
    ).rejects.toThrow(/never goes backwards/);
  });

  it('keeps the order without a clock (everything dated now)', async () => {
    const order: number[] = [];
    await inTimeOrder(undefined, [
      async (wait) => {
        await wait(at('2025-02-01T00:00:00Z'));
        order.push(2);
      },
      async (wait) => {
        await wait(at('2025-01-01T00:00:00Z'));
        order.push(1);
      },
    ]);
    expect(order).toEqual([1, 2]);
  });
});
