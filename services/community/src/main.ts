// The community as its own process (distributed mode): PostgreSQL event and key stores, MongoDB
// read models, Kafka for the events it publishes (sealed) and those it reacts to.
import { connectServiceEngines } from '@ebp/eventing';
import { createLogger, loadConfig, requireSettings, runUntilStopped } from '@ebp/platform';
import { busFeeds, startCommunityServer } from './server/community-server';

const config = loadConfig();
const logger = createLogger({ service: 'community', level: config.logLevel });

runUntilStopped(logger, async () => {
  if (config.mode !== 'distributed')
    throw new Error(
      'The community runs on its own only with EBP_MODE=distributed; use `npm start`',
    );
  const { EBP_IDENTITY_SECRET } = requireSettings(['EBP_IDENTITY_SECRET']);
  const engines = await connectServiceEngines(config, 'community');
  const server = await startCommunityServer({
    sql: engines.sql,
    documents: engines.documents,
    bus: engines.bus,
    ...busFeeds(engines.bus),
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
