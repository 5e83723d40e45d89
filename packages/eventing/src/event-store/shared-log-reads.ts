import { perClient } from '../sql/per-client';
import type { SqlClient } from '../sql/sql-client';
import { appendSignalFor } from '../processors/wake-signal';

interface InFlightRead {
  readonly generation: string;
  readonly rows: Promise<readonly unknown[]>;
}

/**
 * Reads of one event log (one SQL client) that several readers may share. An append wakes every
 * processor reading the log at once, and they all ask for the same page (the same position and
 * limit): the first asks the database, the others wait for its answer.
 *
 * A read is joined only while nothing that could change its answer has happened since it was
 * sent: no append committed through this process and no wake-up from elsewhere (the log's signal
 * counts both). A reader that appended, or was woken, after the read was sent starts its own, so
 * it always sees at least what a read of its own would have seen.
 */
export class SharedLogReads {
  private commits = 0;
  private readonly inFlight = new Map<string, InFlightRead>();

  constructor(private readonly sql: SqlClient) {}

  /** An append through this client committed: reads sent before it are not joined any more. */
  committed(): void {
    this.commits += 1;
  }

  /** The rows `read` returns for `key`, from a read in flight for the same key if one may be shared. */
  read<Row>(key: string, read: () => Promise<readonly Row[]>): Promise<readonly Row[]> {
    const generation = `${this.commits}:${appendSignalFor(this.sql).signal.raised}`;
    const current = this.inFlight.get(key);
    if (current?.generation === generation) return current.rows as Promise<readonly Row[]>;
    const rows = read();
    const entry: InFlightRead = { generation, rows };
    this.inFlight.set(key, entry);
    const forget = () => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    };
    rows.then(forget, forget);
    return rows;
  }
}

/** The shared reads of the event log behind `sql` (created on first use). */
export const sharedLogReadsOf: (sql: SqlClient) => SharedLogReads = perClient(
  (sql) => new SharedLogReads(sql),
);
