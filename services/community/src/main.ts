// The community as its own process (distributed mode): PostgreSQL event and key stores, MongoDB
// read models, Kafka for the events it publishes (sealed) and those it reacts to.
import { runDistributedService } from '@ebp/eventing';
import { loadConfig } from '@ebp/platform';
import { busFeeds, startCommunityServer } from './server/community-server';

const { community } = loadConfig();
runDistributedService('community', (settings) =>
  startCommunityServer({ ...settings, ...busFeeds(settings.bus), ...community }),
);
