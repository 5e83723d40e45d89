import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { communityEventStore } from '@ebp/community';
import {
  SqlEventStore,
  createPostgresClient,
  type EventStore,
  type SqlClient,
} from '@ebp/eventing';
import type { PlatformConfig } from '@ebp/platform';
import { lockDataDirectory } from './data-dir-lock';
import {
  EMBEDDED_SERVICES,
  assertCurrentLayout,
  embeddedDatabaseDirectory,
  openEmbeddedDatabase,
} from './data-directory';

export const SERVICES = EMBEDDED_SERVICES;
export type ServiceName = (typeof SERVICES)[number];

export function parseServiceName(value: string | undefined): ServiceName {
  if (!value || !(SERVICES as readonly string[]).includes(value))
    throw new Error(`--service must be one of ${SERVICES.join(', ')}, not ${value ?? 'nothing'}`);
  return value as ServiceName;
}

/** A service's log opened for reading by a command: its store, and how to let it go. */
export interface OpenedLog {
  readonly store: EventStore;
  /** The service's database: its checkpoints, and in embedded mode its read models. */
  readonly sql: SqlClient;
  readonly close: () => Promise<void>;
}

/**
 * A service's event store, read directly by the `ebp` tools: PostgreSQL (the service's schema)
 * in distributed mode; its schema of the embedded database when embedded (decision 0028), which
 * one process may open at a time, so the platform must be stopped (while it runs, ask the graph).
 * The community's log opens personal fields as the service does, and shows redaction markers once
 * a person is erased.
 */
export async function openServiceLog(
  config: PlatformConfig,
  service: ServiceName,
  options: { readonly sealed?: boolean } = {},
): Promise<OpenedLog> {
  let sql: SqlClient;
  let release = (): Promise<void> => Promise.resolve();
  if (config.mode === 'distributed') {
    sql = await createPostgresClient({
      url: config.postgres.url,
      schema: service,
      applicationName: `ebp-tools-${service}`,
    });
  } else {
    assertCurrentLayout(config.dataDir);
    if (!existsSync(join(embeddedDatabaseDirectory(config.dataDir), 'PG_VERSION')))
      throw new Error(
        `No ${service} data in ${config.dataDir}: start the platform (npm start) first`,
      );
    const unlock = lockDataDirectory(config.dataDir);
    try {
      const database = await openEmbeddedDatabase(config.dataDir);
      release = async () => {
        await database.close();
        unlock();
      };
      sql = await database.schemaClient(service);
    } catch (error) {
      await release();
      unlock();
      throw error;
    }
  }
  try {
    const store =
      service === 'community' && !options.sealed
        ? await communityEventStore(sql)
        : await SqlEventStore.open(sql);
    return {
      store,
      sql,
      close: async () => {
        await sql.close();
        await release();
      },
    };
  } catch (error) {
    await sql.close();
    await release();
    throw error;
  }
}
