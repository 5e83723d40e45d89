/**
 * How many statements this process has sent to its SQL engines, per client label (a service's
 * schema or database). Tests use it to catch N+1 queries and idle polling; it is always on because
 * counting is a map increment per round trip.
 */
export class SqlStatementCount {
  private readonly counts = new Map<string, number>();

  record(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  /** The counts so far, by label; subtract two snapshots to count what happened between them. */
  snapshot(): ReadonlyMap<string, number> {
    return new Map(this.counts);
  }

  /** Statements per label since `earlier` (a snapshot), and their total. */
  since(earlier: ReadonlyMap<string, number>): { byLabel: Map<string, number>; total: number } {
    const byLabel = new Map<string, number>();
    let total = 0;
    for (const [label, count] of this.counts) {
      const added = count - (earlier.get(label) ?? 0);
      if (added > 0) byLabel.set(label, added);
      total += added;
    }
    return { byLabel, total };
  }
}

/** The process's one count, shared by every SQL client it opens. */
export const sqlStatements = new SqlStatementCount();
