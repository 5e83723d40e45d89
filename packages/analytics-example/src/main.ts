// The example analytics consumer as a process: EBP_KAFKA_BROKERS, EBP_ANALYTICS_DUCKDB (the file)
// and optionally EBP_ANALYTICS_TOPICS and EBP_ANALYTICS_GROUP. Stops cleanly on SIGTERM or SIGINT.
import { community, dissemination, partners, register } from '@ebp/contracts';
import { AnalyticsStore } from './analytics-store';
import { startAnalyticsConsumer } from './analytics-consumer';

const brokers = (process.env.EBP_KAFKA_BROKERS ?? '127.0.0.1:59092').split(',');
const path = process.env.EBP_ANALYTICS_DUCKDB ?? 'analytics.duckdb';
const topics = process.env.EBP_ANALYTICS_TOPICS?.split(',') ?? [
  register.REGISTER_TOPIC,
  community.COMMUNITY_TOPIC,
  partners.PARTNERS_TOPIC,
  dissemination.DISSEMINATION_TOPIC,
];

async function main(): Promise<void> {
  const store = await AnalyticsStore.open(path);
  let total = await store.count();
  const consumer = await startAnalyticsConsumer({
    brokers,
    topics,
    groupId: process.env.EBP_ANALYTICS_GROUP ?? 'ebp-analytics-example',
    store,
    onBatch: ({ added }) => {
      total += added;
      process.stdout.write(`${JSON.stringify({ loaded: total })}\n`);
    },
    onInvalid: (reason) => process.stderr.write(`skipped ${reason}\n`),
  });
  process.stdout.write(`${JSON.stringify({ started: true, loaded: total, path })}\n`);
  const stop = () => {
    void consumer.stop().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
