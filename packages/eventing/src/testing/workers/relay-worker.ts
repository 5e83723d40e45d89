// A relay process for the kill -9 test: publishes a PostgreSQL event store's events to Kafka.
import { loadEngineSettings } from '@ebp/platform';
import { KafkaBus } from '../../bus/kafka-bus';
import { SqlEventStore } from '../../event-store/sql-event-store';
import { createOutboxRelay } from '../../outbox/outbox-relay';
import { SqlCheckpointStore } from '../../processors/checkpoint-store';
import { createPostgresClient } from '../../sql/pg-client';
import { required, runForever } from './worker-env';

runForever(async () => {
  const settings = loadEngineSettings();
  const sql = await createPostgresClient({
    url: settings.postgres.url,
    schema: required('WORKER_SCHEMA'),
  });
  const store = await SqlEventStore.open(sql, { validate: false });
  const checkpoints = await SqlCheckpointStore.open(sql);
  const bus = await KafkaBus.connect({ brokers: settings.kafka.brokers, clientId: 'relay-worker' });
  const topic = required('WORKER_TOPIC');
  const relay = createOutboxRelay(store, checkpoints, bus, {
    topicFor: () => topic,
    batchSize: 2_000,
    pollIntervalMs: 20,
    leaseMs: Number(process.env.WORKER_LEASE_MS ?? 2_000),
    onError: (error) => console.error('relay error:', error),
    onProgress: ({ handled }) => console.log(`published ${handled}`),
  });
  relay.start();
  console.log('relay started');
});
