/**
 * Alias targets as one store instance last read them, for at most `ttlMs`. Readers resolve an
 * alias on every read-model access; without this, every list or reference costs a round trip
 * for a value that changes once per rebuild. A switch made through this store is seen at once
 * (it updates the cache); one made by another process is seen within the time-to-live, while
 * the previous collection is still kept (rebuilds leave it for the operator to drop).
 */
export class AliasCache {
  private readonly entries = new Map<
    string,
    { readonly target: Promise<string | undefined>; readonly until: number }
  >();

  constructor(
    private readonly read: (alias: string) => Promise<string | undefined>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached target, or one read shared by every concurrent caller. */
  resolve(alias: string): Promise<string | undefined> {
    const cached = this.entries.get(alias);
    if (cached && cached.until > this.now()) return cached.target;
    const target = this.read(alias);
    this.entries.set(alias, { target, until: this.now() + this.ttlMs });
    // A failed read is not remembered: the next caller asks again.
    target.catch(() => {
      if (this.entries.get(alias)?.target === target) this.entries.delete(alias);
    });
    return target;
  }

  /** Records a switch made through this store, so its own readers follow it immediately. */
  switched(alias: string, target: string): void {
    this.entries.set(alias, { target: Promise.resolve(target), until: this.now() + this.ttlMs });
  }
}

/** How long an alias read is trusted when the store's opener does not say (milliseconds). */
export const DEFAULT_ALIAS_TTL_MS = 1_000;
