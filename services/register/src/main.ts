// The register as its own process (distributed mode): PostgreSQL event store, MongoDB read
// models, Kafka for its published events, the partners' published outcomes, and what governance
// reports need of the partners', the community's and the dissemination service's events.
import { community, dissemination, partners } from '@ebp/contracts';
import { runDistributedService } from '@ebp/eventing';
import { startRegisterServer } from './server/register-server';

runDistributedService('register', (settings) =>
  startRegisterServer({
    ...settings,
    partnersEvents: { kind: 'bus', bus: settings.bus, topic: partners.PARTNERS_TOPIC },
    communityEvents: { kind: 'bus', bus: settings.bus, topic: community.COMMUNITY_TOPIC },
    disseminationEvents: {
      kind: 'bus',
      bus: settings.bus,
      topic: dissemination.DISSEMINATION_TOPIC,
    },
  }),
);
