// The register as its own process (distributed mode): PostgreSQL event store, MongoDB read
// models, Kafka for its published events and the partners' published outcomes.
import { partners } from '@ebp/contracts';
import { runDistributedService } from '@ebp/eventing';
import { startRegisterServer } from './server/register-server';

runDistributedService('register', (settings) =>
  startRegisterServer({
    ...settings,
    partnersEvents: { kind: 'bus', bus: settings.bus, topic: partners.PARTNERS_TOPIC },
  }),
);
