// A projector process for the kill -9 test: projects published events from Kafka into MongoDB.
import { loadEngineSettings } from '@ebp/platform';
import { KafkaBus } from '../../bus/kafka-bus';
import { MongoDocumentStore } from '../../documents/mongo-document-store';
import { subscribeProjection } from '../../projections/bus-projection';
import { streamTally } from './stream-tally';
import { required, runForever } from './worker-env';

runForever(async () => {
  const settings = loadEngineSettings();
  const documents = await MongoDocumentStore.connect(
    settings.mongo.url,
    required('WORKER_DATABASE'),
  );
  const bus = await KafkaBus.connect({
    brokers: settings.kafka.brokers,
    clientId: 'projector-worker',
  });
  await subscribeProjection(bus, documents, streamTally, {
    groupId: required('WORKER_GROUP'),
    topics: [required('WORKER_TOPIC')],
    retryDelayMs: 10,
  });
  console.log('projector started');
});
