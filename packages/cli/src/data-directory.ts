import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDatabase } from '@ebp/eventing';

/** The services of the all-in-one platform, each in its own schema of the one embedded database. */
export const EMBEDDED_SERVICES = ['register', 'community', 'partners', 'dissemination'] as const;

/** Where the one embedded database lives under an all-in-one data directory (decision 0028). */
export function embeddedDatabaseDirectory(dataDir: string): string {
  return join(dataDir, 'database');
}

export class EarlierDataLayout extends Error {
  readonly code = 'EARLIER_DATA_LAYOUT';
}

/** The per-service PGlite directories an earlier version left under `dataDir`, if any. */
export function earlierLayoutDirectories(dataDir: string): string[] {
  return EMBEDDED_SERVICES.map((service) => join(dataDir, service)).filter((directory) =>
    existsSync(join(directory, 'PG_VERSION')),
  );
}

/**
 * Refuses a data directory written by an earlier version (one database per service): this version
 * would start empty beside it, and the data would look lost. Decision 0028 says what to do.
 */
export function assertCurrentLayout(dataDir: string): void {
  const earlier = earlierLayoutDirectories(dataDir);
  if (earlier.length === 0) return;
  throw new EarlierDataLayout(
    `${dataDir} holds data in the earlier layout (one database per service: ${earlier.join(', ')}). ` +
      'This version keeps every service in one embedded database and does not read it. ' +
      'To keep that data, run the earlier version on it (its `ebp events export` and `ebp report` still work there); ' +
      'to start afresh, move that directory away or set EBP_DATA_DIR to a new one (`npm run demo` reloads the demo data). ' +
      'See docs/decisions/0028-one-embedded-database.md.',
  );
}

/** Whether nothing has been stored under `dataDir` yet, in either layout. */
export function freshDataDirectory(dataDir: string): boolean {
  return (
    !existsSync(join(embeddedDatabaseDirectory(dataDir), 'PG_VERSION')) &&
    earlierLayoutDirectories(dataDir).length === 0
  );
}

/** The one embedded database of an all-in-one data directory, or in memory without one (tests). */
export function openEmbeddedDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  if (dataDir === undefined) return EmbeddedDatabase.open({ label: 'embedded' });
  assertCurrentLayout(dataDir);
  return EmbeddedDatabase.open({ dataDir: embeddedDatabaseDirectory(dataDir), label: 'embedded' });
}
