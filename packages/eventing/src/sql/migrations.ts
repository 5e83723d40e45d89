import type { SqlClient } from './sql-client';

export interface Migration {
  /** Consecutive from 1 within a component; never renumbered or edited once released. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 4_217_001;

/**
 * Applies a component's migrations that this database has not seen, each in its own transaction,
 * under an advisory lock so that processes starting together migrate once.
 */
export async function migrate(
  client: SqlClient,
  component: string,
  migrations: readonly Migration[],
): Promise<number[]> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migrations of ${component} must be numbered 1, 2, 3…; found ${migration.version} at ${index + 1}`,
      );
    }
  });
  return client.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists ebp_schema_migrations (
      component text not null,
      version integer not null,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (component, version)
    )`);
    const { rows } = await tx.query<{ version: number }>(
      'select version from ebp_schema_migrations where component = $1',
      [component],
    );
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query(
        'insert into ebp_schema_migrations (component, version, name) values ($1, $2, $3)',
        [component, migration.version, migration.name],
      );
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
