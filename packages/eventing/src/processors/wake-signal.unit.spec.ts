import { WakeSignal, seenNow, waitForWake } from './wake-signal';

describe('WakeSignal', () => {
  it('does not wait when it was raised after it was seen (a raise during a poll is not lost)', async () => {
    const signal = new WakeSignal();
    const seen = seenNow([signal]);
    signal.raise();
    await expect(waitForWake(seen, 60_000)).resolves.toBe('signal');
  });

  it('wakes a waiter at the next raise, and times out without one', async () => {
    const signal = new WakeSignal();
    const waiting = waitForWake(seenNow([signal]), 60_000);
    signal.raise();
    await expect(waiting).resolves.toBe('signal');
    await expect(waitForWake(seenNow([signal]), 1)).resolves.toBe('timeout');
  });

  it('can be interrupted (stop) and then no longer listens', async () => {
    const signal = new WakeSignal();
    let interrupt: () => void = () => undefined;
    let heard = 0;
    signal.listen(() => (heard += 1));
    const waiting = waitForWake(seenNow([signal]), 60_000, (stop) => (interrupt = stop));
    interrupt();
    await expect(waiting).resolves.toBe('interrupted');
    signal.raise();
    expect(heard).toBe(1);
    expect(signal.raised).toBe(1);
  });
});
