import DataLoader from 'dataloader';

/**
 * One kind of batched read (e.g. "a project's team"): a name for the request's registry, and
 * the key and value types its loader has. Define it once per module, beside its resolver.
 */
export interface LoaderKind<Key, Value> {
  readonly name: string;
  /** Keys that are objects need a cache key (DataLoader compares keys by identity otherwise). */
  readonly cacheKey?: (key: Key) => string;
  /** Phantom members carry the types; they are never set. */
  readonly _key?: Key;
  readonly _value?: Value;
}

export function loaderKind<Key, Value>(
  name: string,
  cacheKey?: (key: Key) => string,
): LoaderKind<Key, Value> {
  return cacheKey ? { name, cacheKey } : { name };
}

/** What a GraphQL context holds for batched reads: one loader per kind, for this request only. */
export interface LoaderHolder {
  loaders?: Map<LoaderKind<never, unknown>, DataLoader<never, unknown>>;
}

/**
 * The request's loader of this kind, made on first use. Every key asked for in one tick of the
 * event loop (the siblings of a list, the representations of one `_entities` call) reaches `load`
 * together, so the read model is read once per batch and the access rule applied to the batch.
 * A loader lives with its request: answers are per caller and never shared across requests.
 * `load` returns one value per key, in the keys' order.
 */
export function requestLoader<Key, Value>(
  holder: LoaderHolder,
  kind: LoaderKind<Key, Value>,
  load: (keys: readonly Key[]) => Promise<readonly Value[]>,
): DataLoader<Key, Value> {
  holder.loaders ??= new Map();
  const registry = holder.loaders as unknown as Map<LoaderKind<Key, Value>, DataLoader<Key, Value>>;
  let loader = registry.get(kind);
  if (!loader) {
    loader = new DataLoader<Key, Value, string | Key>(
      async (keys) => {
        const values = await load(keys);
        if (values.length !== keys.length)
          throw new Error(`Loader ${kind.name} answered ${values.length} of ${keys.length} keys`);
        return values;
      },
      kind.cacheKey ? { cacheKeyFn: kind.cacheKey } : {},
    );
    registry.set(kind, loader);
  }
  return loader;
}

/** For each key, the value found under it in `found`, else `missing` (a batch read's answer). */
export function inKeyOrder<Key, Value>(
  keys: readonly Key[],
  found: ReadonlyMap<Key, Value>,
  missing: Value,
): Value[] {
  return keys.map((key) => (found.has(key) ? found.get(key)! : missing));
}
