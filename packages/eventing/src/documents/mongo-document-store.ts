// Types only: the driver is loaded when a store connects, so a process without MongoDB never
// loads it.
import type * as MongoDriver from 'mongodb';
import type { Collection, Db, Filter as MongoFilter, MongoClient, Sort } from 'mongodb';
import { assertLogPosition, type LogPosition } from '../event-store/log-position';
import { AliasCache, DEFAULT_ALIAS_TTL_MS } from './alias-cache';
import {
  assertCollectionName,
  fieldPath,
  isOperatorCondition,
  type DocumentBody,
  type DocumentCollection,
  type DocumentState,
  type DocumentStore,
  type Filter,
  type GuardedWrite,
  type FindOptions,
  type FindResult,
  type FindWithoutTotal,
  type FoundDocuments,
  type StoredDocument,
  type WriteOutcome,
} from './document-store';

/** How a read-model document is kept in MongoDB: the body under `body`, beside its guard fields. */
interface MongoDocument {
  _id: string;
  position: string;
  deleted: boolean;
  body: DocumentBody | null;
}

const DUPLICATE_KEY = 11000;

let driver: typeof MongoDriver | undefined;

async function loadDriver(): Promise<typeof MongoDriver> {
  driver ??= await import('mongodb');
  return driver;
}

// Only a connected store (which loaded the driver) can see the driver's errors.
function isDuplicateKey(error: unknown): boolean {
  return (
    driver !== undefined && error instanceof driver.MongoServerError && error.code === DUPLICATE_KEY
  );
}

function isBulkWriteError(error: unknown): error is MongoDriver.MongoBulkWriteError {
  return driver !== undefined && error instanceof driver.MongoBulkWriteError;
}

function toMongoFilter(filter: Filter = {}): MongoFilter<MongoDocument> {
  const translated: Record<string, unknown> = { deleted: false };
  const clauses: Record<string, unknown>[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const path = `body.${fieldPath(field).join('.')}`;
    const conditions = isOperatorCondition(condition) ? condition : { $eq: condition };
    for (const [operator, value] of Object.entries(conditions) as [string, unknown][]) {
      switch (operator) {
        case '$contains':
          clauses.push({ [path]: { $elemMatch: { $eq: value } } });
          break;
        case '$containsAny':
          clauses.push({ [path]: { $elemMatch: { $in: value } } });
          break;
        case '$includes':
          clauses.push({
            [path]: { $regex: String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' },
          });
          break;
        case '$eq':
        case '$ne':
        case '$in':
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          clauses.push({ [path]: { [operator]: value } });
          break;
        default:
          throw new Error(`Unsupported filter operator ${operator}`);
      }
    }
  }
  if (clauses.length) translated.$and = clauses;
  return translated;
}

class MongoDocumentCollection<Body extends DocumentBody> implements DocumentCollection<Body> {
  private readonly documents: Collection<MongoDocument>;

  constructor(
    db: Db,
    readonly name: string,
  ) {
    this.documents = db.collection<MongoDocument>(name);
  }

  async get(id: string): Promise<StoredDocument<Body> | undefined> {
    const found = await this.documents.findOne({ _id: id });
    return found && !found.deleted ? toDocument<Body>(found) : undefined;
  }

  find(options: FindWithoutTotal): Promise<FoundDocuments<Body>>;
  find(options?: FindOptions): Promise<FindResult<Body>>;
  async find(options: FindOptions = {}): Promise<FoundDocuments<Body> & { total?: number }> {
    const filter = toMongoFilter(options.filter);
    const sort: Sort = Object.fromEntries([
      ...(options.sort ?? []).map((field) => [
        `body.${fieldPath(field.field).join('.')}`,
        field.direction === 'asc' ? 1 : -1,
      ]),
      ['_id', 1],
    ]) as Sort;
    let cursor = this.documents.find(filter).sort(sort);
    if (options.offset) cursor = cursor.skip(Math.max(0, Math.floor(options.offset)));
    if (options.limit !== undefined) cursor = cursor.limit(Math.max(0, Math.floor(options.limit)));
    const [found, total] = await Promise.all([
      options.limit === 0 ? Promise.resolve([]) : cursor.toArray(),
      options.total === false ? undefined : this.documents.countDocuments(filter),
    ]);
    const items = found.map((item) => toDocument<Body>(item));
    return total === undefined ? { items } : { items, total };
  }

  async applyAt(id: string, position: LogPosition, body: Body | null): Promise<WriteOutcome> {
    assertLogPosition(position);
    try {
      // Matches only an older version of the document; when none matches, the upsert tries to
      // insert and the unique _id refuses it if a same-or-newer version exists.
      const result = await this.documents.updateOne(
        { _id: id, position: { $lt: position } },
        { $set: { position, deleted: body === null, body } },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount === 1 ? 'applied' : 'skipped';
    } catch (error) {
      if (isDuplicateKey(error)) return 'skipped';
      throw error;
    }
  }

  async evolveAt(
    id: string,
    position: LogPosition,
    evolve: (current: Body | null) => Body | null,
  ): Promise<WriteOutcome> {
    assertLogPosition(position);
    for (;;) {
      const current = await this.documents.findOne({ _id: id });
      if (current && current.position >= position) return 'skipped';
      const next = evolve(current && !current.deleted ? (current.body as Body) : null);
      const replacement = { position, deleted: next === null, body: next };
      if (current) {
        const result = await this.documents.updateOne(
          { _id: id, position: current.position },
          { $set: replacement },
        );
        if (result.matchedCount === 1) return 'applied';
      } else {
        try {
          await this.documents.insertOne({ _id: id, ...replacement });
          return 'applied';
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      // Another writer changed the document between our read and write: read again.
    }
  }

  async getMany(ids: readonly string[]): Promise<Map<string, DocumentState<Body>>> {
    if (ids.length === 0) return new Map();
    const found = await this.documents.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(
      found.map((document) => [
        document._id,
        {
          body: document.deleted ? null : (document.body as Body),
          position: document.position as LogPosition,
        },
      ]),
    );
  }

  async writeMany(writes: readonly GuardedWrite<Body>[]): Promise<{ conflicts: string[] }> {
    if (writes.length === 0) return { conflicts: [] };
    const inserts = writes.filter((write) => write.expected === undefined).length;
    try {
      const result = await this.documents.bulkWrite(
        writes.map((write) => {
          const fields = {
            position: write.position,
            deleted: write.body === null,
            body: write.body,
          };
          return write.expected === undefined
            ? { insertOne: { document: { _id: write.id, ...fields } } }
            : {
                updateOne: {
                  filter: { _id: write.id, position: write.expected },
                  update: { $set: fields },
                },
              };
        }),
        { ordered: false },
      );
      // Every insert made and every guard matched, one write per document: nothing to look up.
      // (MongoDB applies a guarded update atomically. FerretDB 1.x matches, then writes: there,
      // as for evolveAt, one writer per projection rests on the processor's lease.)
      if (
        result.insertedCount === inserts &&
        result.matchedCount === writes.length - inserts &&
        new Set(writes.map((write) => write.id)).size === writes.length
      ) {
        return { conflicts: [] };
      }
    } catch (error) {
      // Duplicate ids on insert are conflicts, found below; anything else is a real failure.
      if (
        !isBulkWriteError(error) ||
        [error.writeErrors].flat().some((entry) => entry.code !== DUPLICATE_KEY)
      ) {
        throw error;
      }
    }
    // Counts fell short (or a write failed): they do not say which write, so a write took effect
    // when its position is stored.
    const stored = await this.getMany(writes.map((write) => write.id));
    return {
      conflicts: writes
        .filter((write) => stored.get(write.id)?.position !== write.position)
        .map((write) => write.id),
    };
  }

  async drop(): Promise<void> {
    await this.documents.deleteMany({});
  }
}

function toDocument<Body extends DocumentBody>(document: MongoDocument): StoredDocument<Body> {
  return {
    id: document._id,
    body: (document.body ?? {}) as Body,
    position: document.position as LogPosition,
  };
}

interface AliasDocument {
  _id: string;
  target: string;
}

/**
 * Read models in MongoDB through the official driver. Tested on FerretDB, which has no
 * multi-document transactions: every write here is idempotent on its own (position guards), and
 * nothing relies on `$text` search.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly aliases: AliasCache;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    aliasTtlMs: number,
  ) {
    this.aliases = new AliasCache((alias) => this.readAlias(alias), aliasTtlMs);
  }

  static async connect(
    url: string,
    database: string,
    options: { readonly aliasTtlMs?: number } = {},
  ): Promise<MongoDocumentStore> {
    const { MongoClient } = await loadDriver();
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    return new MongoDocumentStore(
      client,
      client.db(database),
      options.aliasTtlMs ?? DEFAULT_ALIAS_TTL_MS,
    );
  }

  collection<Body extends DocumentBody = DocumentBody>(name: string): DocumentCollection<Body> {
    assertCollectionName(name);
    return new MongoDocumentCollection<Body>(this.db, name);
  }

  resolveAlias(alias: string): Promise<string | undefined> {
    return this.aliases.resolve(alias);
  }

  private async readAlias(alias: string): Promise<string | undefined> {
    const found = await this.db.collection<AliasDocument>('ebp_aliases').findOne({ _id: alias });
    return found?.target;
  }

  async setAlias(alias: string, target: string): Promise<void> {
    assertCollectionName(target);
    await this.db
      .collection<AliasDocument>('ebp_aliases')
      .updateOne({ _id: alias }, { $set: { target } }, { upsert: true });
    this.aliases.switched(alias, target);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
