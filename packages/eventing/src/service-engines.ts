import {
  createLogger,
  loadConfig,
  requireSettings,
  runUntilStopped,
  type DistributedConfig,
  type Logger,
} from '@ebp/platform';
import { KafkaBus } from './bus/kafka-bus';
import { MongoDocumentStore } from './documents/mongo-document-store';
import { wakeUpsThroughPostgres } from './processors/postgres-wake-ups';
import { createPostgresClient } from './sql/pg-client';
import type { SqlClient } from './sql/sql-client';

/** A service's connections in distributed mode: its own PostgreSQL schema, MongoDB and Kafka. */
export interface ServiceEngines {
  readonly sql: SqlClient;
  readonly documents: MongoDocumentStore;
  readonly bus: KafkaBus;
  close(): Promise<void>;
}

/**
 * Connects a service to the engines: the schema named after the service (its events, keys and
 * checkpoints are its own), the shared read-model database, and Kafka under a client id of its own.
 */
export async function connectServiceEngines(
  config: DistributedConfig,
  service: string,
): Promise<ServiceEngines> {
  const sql = await createPostgresClient({
    url: config.postgres.url,
    schema: service,
    applicationName: `ebp-${service}`,
  });
  // The service's instances wake each other's processors after an append (decision 0027).
  const wakeUps = await wakeUpsThroughPostgres(sql, {
    url: config.postgres.url,
    channel: `ebp_appended_${service}`,
  });
  const documents = await MongoDocumentStore.connect(config.mongo.url, config.mongo.database);
  const bus = await KafkaBus.connect({
    brokers: config.kafka.brokers,
    clientId: `${config.kafka.clientId}-${service}`,
  });
  return {
    sql,
    documents,
    bus,
    async close() {
      await bus.close();
      await documents.close();
      await wakeUps.close();
      await sql.close();
    },
  };
}

/** What every service's server takes in distributed mode, from the environment. */
export interface DistributedServiceSettings {
  readonly sql: SqlClient;
  readonly documents: MongoDocumentStore;
  readonly bus: KafkaBus;
  readonly identitySecret: string;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly logger: Logger;
}

/**
 * A service's `main` in distributed mode: reads the configuration, connects to its engines, starts
 * the server with them and stops both in order on SIGINT or SIGTERM.
 */
export function runDistributedService(
  service: string,
  start: (settings: DistributedServiceSettings) => Promise<{ stop(): Promise<void> }>,
): void {
  const config = loadConfig();
  const logger = createLogger({ service, level: config.logLevel });
  runUntilStopped(logger, async () => {
    if (config.mode !== 'distributed')
      throw new Error(
        `The ${service} runs on its own only with EBP_MODE=distributed; use \`npm start\``,
      );
    const { EBP_IDENTITY_SECRET } = requireSettings(['EBP_IDENTITY_SECRET']);
    const engines = await connectServiceEngines(config, service);
    const server = await start({
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
}
