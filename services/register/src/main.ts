// The register as its own process (distributed mode): PostgreSQL event store, MongoDB read
// models, Kafka for its published events. Started by `ebp start --distributed` or a container.
import { connectServiceEngines } from '@ebp/eventing';
import { createLogger, loadConfig, requireSettings, runUntilStopped } from '@ebp/platform';
import { startRegisterServer } from './server/register-server';

const config = loadConfig();
const logger = createLogger({ service: 'register', level: config.logLevel });

runUntilStopped(logger, async () => {
  if (config.mode !== 'distributed')
    throw new Error('The register runs on its own only with EBP_MODE=distributed; use `npm start`');
  const { EBP_IDENTITY_SECRET } = requireSettings(['EBP_IDENTITY_SECRET']);
  const engines = await connectServiceEngines(config, 'register');
  const server = await startRegisterServer({
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
