// Wake-ups between two instances of a service through PostgreSQL LISTEN/NOTIFY (decision 0027):
// the reading instance's processor has a safety poll longer than the test, so only the
// notification can wake it.
import { loadEngineSettings } from '@ebp/platform';
import type { StoredEvent } from '../event-store/event-store';
import { SqlEventStore } from '../event-store/sql-event-store';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import { EventProcessor } from '../processors/event-processor';
import { wakeUpsThroughPostgres } from '../processors/postgres-wake-ups';
import { withWakeUps } from '../processors/wake-signal';
import { createPostgresClient } from '../sql/pg-client';
import { testEvent, uniqueName } from '../testing/events';
import { waitFor } from '../testing/wait';

// Long enough that nothing in this test can be explained by the safety poll.
const NEVER_MS = 120_000;

describe('Wake-ups between processes through PostgreSQL LISTEN/NOTIFY', () => {
  it('wakes a processor of another instance after an append, and not through its safety poll', async () => {
    const url = loadEngineSettings().postgres.url;
    const schema = uniqueName('wake');
    const channel = `ebp_appended_${schema}`;
    // Two pools on one schema: two instances of a service, each with its own in-process signal.
    const writing = await createPostgresClient({ url, schema });
    const reading = await createPostgresClient({ url, schema });
    const writerWakeUps = await wakeUpsThroughPostgres(writing, { url, channel });
    const readerWakeUps = await wakeUpsThroughPostgres(reading, { url, channel });
    try {
      const writer = withWakeUps(await SqlEventStore.open(writing), writing);
      const store = withWakeUps(await SqlEventStore.open(reading), reading);
      const seen: string[] = [];
      const processor = new EventProcessor(store, await SqlCheckpointStore.open(reading), {
        name: 'across',
        pollIntervalMs: NEVER_MS,
        maxIdleMs: NEVER_MS,
        handle: async (events: readonly StoredEvent[]) =>
          void seen.push(...events.map((e) => e.id)),
      });
      processor.start();
      try {
        for (let round = 0; round < 3; round += 1) {
          const event = testEvent();
          await writer.append('stream-across', [event], { expectedVersion: 'any' });
          await waitFor(
            'the other instance to handle the event',
            () => seen,
            (ids) => ids.includes(event.id),
            20_000,
          );
        }
      } finally {
        await processor.stop();
      }
    } finally {
      await writerWakeUps.close();
      await readerWakeUps.close();
      await writing.close();
      await reading.close();
    }
  });
});
