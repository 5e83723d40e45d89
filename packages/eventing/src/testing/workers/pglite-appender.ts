// An appender process for the PGlite crash test: appends batches of 10 events to a PGlite data
// directory and prints "ack <batch>" after each append returned, until it is killed.
import { SqlEventStore } from '../../event-store/sql-event-store';
import { createPgliteClient } from '../../sql/pglite-client';
import { testEvent } from '../../testing/events';
import { required, runForever } from './worker-env';

runForever(async () => {
  const sql = await createPgliteClient({ dataDir: required('WORKER_DATA_DIR') });
  const store = await SqlEventStore.open(sql);
  const run = required('WORKER_RUN');
  console.log('appender started');
  for (let batch = 0; ; batch += 1) {
    const batchId = `${run}-${batch}`;
    const events = Array.from({ length: 10 }, (_, index) =>
      testEvent({ type: 'test.crash.appended', data: { batchId, index } }),
    );
    await store.append(`crash-${batch % 7}`, events, { expectedVersion: 'any' });
    process.stdout.write(`ack ${batchId}\n`);
  }
});
