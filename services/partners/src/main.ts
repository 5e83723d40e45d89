// The partners service as its own process (distributed mode): PostgreSQL event store, idempotency
// keys and secrets, MongoDB read models, Kafka for its events, the inbound outcome topic and the
// register's events (who may see each project).
import { runDistributedService } from '@ebp/eventing';
import { busFeeds, startPartnersServer } from './server/partners-server';

runDistributedService('partners', (settings) =>
  startPartnersServer({ ...settings, ...busFeeds(settings.bus) }),
);
