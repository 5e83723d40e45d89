// The partners service as its own process (distributed mode): PostgreSQL event store, idempotency
// keys and secrets, MongoDB read models, Kafka for its events and the inbound outcome topic.
import { runDistributedService } from '@ebp/eventing';
import { startPartnersServer } from './server/partners-server';

runDistributedService('partners', (settings) => startPartnersServer(settings));
