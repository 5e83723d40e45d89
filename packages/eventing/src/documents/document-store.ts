import type { LogPosition } from '../event-store/log-position';

/** Any JSON object; interfaces are welcome (no index signature needed). */
export type DocumentBody = object;

export interface StoredDocument<Body extends DocumentBody = DocumentBody> {
  readonly id: string;
  readonly body: Body;
  /** The log position of the last event applied to this document. */
  readonly position: LogPosition;
}

type Scalar = string | number | boolean | null;

/** Conditions on one field (a dotted path into the document). Equality is exact; use $contains for arrays. */
export type FieldCondition =
  | Scalar
  | {
      readonly $eq?: Scalar;
      readonly $ne?: Scalar;
      readonly $in?: readonly Scalar[];
      readonly $gt?: string | number;
      readonly $gte?: string | number;
      readonly $lt?: string | number;
      readonly $lte?: string | number;
      /** The field is an array that holds this value. */
      readonly $contains?: Scalar;
      /** The field is an array that holds at least one of these values. */
      readonly $containsAny?: readonly Scalar[];
      /** The field is a string containing this text, ignoring case (simple search on any store). */
      readonly $includes?: string;
    };

export type Filter = Readonly<Record<string, FieldCondition>>;

export interface SortField {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface FindOptions {
  readonly filter?: Filter;
  /** Ties, and then everything, are ordered by id, so pages never overlap. */
  readonly sort?: readonly SortField[];
  readonly limit?: number;
  readonly offset?: number;
  /**
   * Whether to count the matches over all pages (a second query); default true. Pass false when
   * nobody reads `total` (a list whose total was not selected, a fan-out read).
   */
  readonly total?: boolean;
}

/** The documents found, without a count. */
export interface FoundDocuments<Body extends DocumentBody> {
  readonly items: StoredDocument<Body>[];
}

export interface FindResult<Body extends DocumentBody> extends FoundDocuments<Body> {
  /** Matching documents over all pages. */
  readonly total: number;
}

/** Find options that leave the count out. */
export type FindWithoutTotal = FindOptions & { readonly total: false };

export type WriteOutcome = 'applied' | 'skipped';

/** A document's stored state for a read-modify-write, tombstones included (body null). */
export interface DocumentState<Body extends DocumentBody> {
  readonly body: Body | null;
  readonly position: LogPosition;
}

/** One write of a batch: applied only if the document is still at `expected` (absent when undefined). */
export interface GuardedWrite<Body extends DocumentBody> {
  readonly id: string;
  readonly position: LogPosition;
  readonly body: Body | null;
  readonly expected: LogPosition | undefined;
}

/**
 * One read-model collection. Writes are guarded by the log position of the event that causes
 * them: a write at or below the position the document already reflects changes nothing, so
 * applying an event twice (redelivery, replay) is harmless. Deletions leave a tombstone that
 * keeps its position, so an older event cannot bring a deleted document back.
 */
export interface DocumentCollection<Body extends DocumentBody = DocumentBody> {
  readonly name: string;
  get(id: string): Promise<StoredDocument<Body> | undefined>;
  find(options: FindWithoutTotal): Promise<FoundDocuments<Body>>;
  find(options?: FindOptions): Promise<FindResult<Body>>;
  /** Stores `body` (or deletes, for null) unless the document already reflects `position` or later. */
  applyAt(id: string, position: LogPosition, body: Body | null): Promise<WriteOutcome>;
  /** Read-modify-write of one document, guarded the same way; retried when a concurrent write wins. */
  evolveAt(
    id: string,
    position: LogPosition,
    evolve: (current: Body | null) => Body | null,
  ): Promise<WriteOutcome>;
  /** The stored states of several documents in one round trip (for batched projections). */
  getMany(ids: readonly string[]): Promise<Map<string, DocumentState<Body>>>;
  /** Compare-and-set writes of several documents; returns the ids whose document had moved on. */
  writeMany(writes: readonly GuardedWrite<Body>[]): Promise<{ conflicts: string[] }>;
  drop(): Promise<void>;
}

/** Read models for one service, in MongoDB (distributed) or PostgreSQL/PGlite JSONB. */
export interface DocumentStore {
  collection<Body extends DocumentBody = DocumentBody>(name: string): DocumentCollection<Body>;
  /**
   * The collection an alias points at (blue/green rebuilds switch it), if set. Stores may serve
   * it from a short-lived cache: a switch through the same store is seen at once, one made by
   * another process within the store's alias time-to-live.
   */
  resolveAlias(alias: string): Promise<string | undefined>;
  setAlias(alias: string, target: string): Promise<void>;
  close(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9_.-]{0,100}$/;

export function assertCollectionName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(
      `Invalid collection name ${JSON.stringify(name)}: lower case letters, digits, _ . - (up to 101)`,
    );
  }
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field paths are dotted identifiers; anything else is refused before it reaches a query. */
export function fieldPath(field: string): string[] {
  if (!PATH.test(field)) throw new Error(`Invalid field path ${JSON.stringify(field)}`);
  return field.split('.');
}

export function isOperatorCondition(
  condition: FieldCondition,
): condition is Exclude<FieldCondition, Scalar> {
  return typeof condition === 'object' && condition !== null;
}

/** The bodies of the documents found (up to 1000 unless a limit is given), for use-case lists. */
export async function bodiesOf<Body extends DocumentBody>(
  collection: DocumentCollection<Body> | Promise<DocumentCollection<Body>>,
  options: FindOptions = {},
): Promise<Body[]> {
  const found = await (await collection).find({ limit: 1000, ...options, total: false });
  return found.items.map((item) => item.body);
}

/**
 * Documents for many keys in one read (a batch of references): those whose `field` holds one
 * of `keys` (`match: 'value'`) or, for an array field, contains one (`match: 'element'`), grouped
 * by key in the order found. Every key is in the map, with no documents when none matched.
 */
export async function bodiesByKey<Body extends DocumentBody>(
  collection: DocumentCollection<Body> | Promise<DocumentCollection<Body>>,
  keys: readonly string[],
  by: {
    readonly field: string;
    readonly match: 'value' | 'element';
    readonly keysOf: (body: Body) => readonly string[];
  },
  options: Omit<FindOptions, 'total'> = {},
): Promise<Map<string, Body[]>> {
  const wanted = [...new Set(keys)];
  const grouped = new Map<string, Body[]>(wanted.map((key) => [key, []]));
  if (wanted.length === 0) return grouped;
  const condition = by.match === 'value' ? { $in: wanted } : { $containsAny: wanted };
  const found = await (
    await collection
  ).find({
    ...options,
    filter: { ...options.filter, [by.field]: condition },
    total: false,
  });
  for (const { body } of found.items) {
    for (const key of new Set(by.keysOf(body))) grouped.get(key)?.push(body);
  }
  return grouped;
}
