import type { DistributedConfig } from '@ebp/platform';
import { KafkaBus } from './bus/kafka-bus';
import { MongoDocumentStore } from './documents/mongo-document-store';
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
      await sql.close();
    },
  };
}
