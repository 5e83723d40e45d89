// The community as its own process (distributed mode): PostgreSQL event and key stores, MongoDB
// read models, Kafka for the events it publishes (sealed) and those it reacts to.
import { runDistributedService } from '@ebp/eventing';
import { busFeeds, startCommunityServer } from './server/community-server';

runDistributedService('community', (settings) =>
  startCommunityServer({ ...settings, ...busFeeds(settings.bus) }),
);
