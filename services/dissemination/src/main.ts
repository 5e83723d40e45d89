// The dissemination service as its own process (distributed mode): PostgreSQL event store and
// search index, MongoDB read models, Kafka for its events and the register's and partners' topics.
import { runDistributedService } from '@ebp/eventing';
import { loadConfig, requireSettings } from '@ebp/platform';
import { parseDeliveryTargets } from './pipeline/targets';
import { busFeeds, startDisseminationServer } from './server/dissemination-server';

const { dissemination, digests } = loadConfig();
runDistributedService('dissemination', (settings) =>
  startDisseminationServer({
    ...settings,
    ...busFeeds(settings.bus),
    targets: parseDeliveryTargets(dissemination.targets),
    // Links in the feed and in deliveries: only the deployment knows its public origin.
    publicUrl: requireSettings(['EBP_PUBLIC_URL']).EBP_PUBLIC_URL,
    retryPolicy: dissemination.retryPolicy,
    ...(digests.mail ? { digestMail: digests.mail } : {}),
    digestPeriodSeconds: digests.periodSeconds,
  }),
);
