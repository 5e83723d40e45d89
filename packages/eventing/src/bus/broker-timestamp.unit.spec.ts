import { brokerTimestamp } from './kafka-bus';

describe('the time a message carries on the broker', () => {
  const now = Date.parse('2026-11-30T18:58:47.055Z');

  it('is the event’s recorded time, so an answer recorded by the day is timed by the day', () => {
    const midnight = String(Date.parse('2026-11-30T00:00:00.000Z'));
    expect(brokerTimestamp(midnight, now)).toBe(midnight);
    const recorded = String(now - 250);
    expect(brokerTimestamp(recorded, now)).toBe(recorded);
  });

  it('is never more than a day before publishing, so retention does not drop a late relay', () => {
    const twoYearsAgo = String(Date.parse('2024-11-30T12:00:00.000Z'));
    expect(brokerTimestamp(twoYearsAgo, now)).toBe(String(now - 86_400_000));
  });
});
