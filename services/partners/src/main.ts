// The partners service as its own process (distributed mode): PostgreSQL event store, idempotency
// keys and secrets, MongoDB read models, Kafka for its events and the inbound outcome topic.
import { connectServiceEngines } from '@ebp/eventing';
import { createLogger, loadConfig, requireSettings, runUntilStopped } from '@ebp/platform';
import { startPartnersServer } from './server/partners-server';

const config = loadConfig();
const logger = createLogger({ service: 'partners', level: config.logLevel });

runUntilStopped(logger, async () => {
  if (config.mode !== 'distributed')
    throw new Error('The partners runs on its own only with EBP_MODE=distributed; use `npm start`');
  const { EBP_IDENTITY_SECRET } = requireSettings(['EBP_IDENTITY_SECRET']);
  const engines = await connectServiceEngines(config, 'partners');
  const server = await startPartnersServer({
    sql: engines.sql,
    documents: engines.documents,
    bus: engines.bus,
    identitySecret: EBP_IDENTITY_SECRET,
    host: config.http.host,
    port: config.http.port,
    production: config.nodeEnv === 'production',
    logger,
  });
  return {
    async stop() {
      await server.stop();
      await engines.close();
    },
  };
});
