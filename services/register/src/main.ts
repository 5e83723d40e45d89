// The register as its own process (distributed mode): PostgreSQL event store, MongoDB read
// models, Kafka for its published events. Started by `ebp start --distributed` or a container.
import { KafkaBus, MongoDocumentStore, createPostgresClient } from '@ebp/eventing';
import { createLogger, loadConfig, requireSettings, runUntilStopped } from '@ebp/platform';
import { startRegisterServer } from './server/register-server';

const config = loadConfig();
const logger = createLogger({ service: 'register', level: config.logLevel });

runUntilStopped(logger, async () => {
  if (config.mode !== 'distributed')
    throw new Error('The register runs on its own only with EBP_MODE=distributed; use `npm start`');
  const { EBP_IDENTITY_SECRET } = requireSettings(['EBP_IDENTITY_SECRET']);
  const sql = await createPostgresClient({
    url: config.postgres.url,
    schema: 'register',
    applicationName: 'ebp-register',
  });
  const documents = await MongoDocumentStore.connect(config.mongo.url, config.mongo.database);
  const bus = await KafkaBus.connect({
    brokers: config.kafka.brokers,
    clientId: `${config.kafka.clientId}-register`,
  });
  const server = await startRegisterServer({
    sql,
    documents,
    bus,
    identitySecret: EBP_IDENTITY_SECRET,
    host: config.http.host,
    port: config.http.port,
    production: config.nodeEnv === 'production',
    logger,
  });
  return {
    async stop() {
      await server.stop();
      await bus.close();
      await documents.close();
      await sql.close();
    },
  };
});
