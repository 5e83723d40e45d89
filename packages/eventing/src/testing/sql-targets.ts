import { loadEngineSettings, onRealEngines } from '@ebp/platform';
import { createPgliteClient } from '../sql/pglite-client';
import { createPostgresClient } from '../sql/pg-client';
import type { SqlClient } from '../sql/sql-client';
import { uniqueName } from './events';

export interface SqlTarget {
  readonly name: string;
  /** A fresh, empty database (PGlite) or schema (PostgreSQL) for one suite. */
  readonly create: () => Promise<SqlClient>;
}

export const pgliteTarget: SqlTarget = {
  name: 'PGlite',
  create: () => createPgliteClient(),
};

export const postgresTarget: SqlTarget = {
  name: 'PostgreSQL',
  create: () =>
    createPostgresClient({
      url: loadEngineSettings().postgres.url,
      schema: uniqueName('test'),
      maxConnections: 20,
    }),
};

/** The SQL engines a contract suite runs on: PGlite in `npm test`, PostgreSQL in `test:engines`. */
export function sqlTargets(): SqlTarget[] {
  return onRealEngines() ? [postgresTarget] : [pgliteTarget];
}
