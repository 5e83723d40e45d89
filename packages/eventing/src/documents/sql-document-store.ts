import { assertLogPosition, type LogPosition } from '../event-store/log-position';
import { migrate, type Migration } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';
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

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and aliases',
    sql: `
      create table ebp_documents (
        collection text not null,
        id text not null,
        position text not null,
        deleted boolean not null default false,
        body jsonb,
        primary key (collection, id)
      );
      create table ebp_document_aliases (
        alias text primary key,
        target text not null
      );
    `,
  },
];

interface DocumentRow {
  id: string;
  position: string;
  deleted: boolean;
  body: DocumentBody | null;
}

/** Builds a parameterised WHERE clause over `body` from a filter. */
class WhereBuilder {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  constructor(firstParams: readonly unknown[]) {
    this.params.push(...firstParams);
  }

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  private json(value: unknown): string {
    return `${this.param(JSON.stringify(value))}::jsonb`;
  }

  add(filter: Filter = {}): this {
    for (const [field, condition] of Object.entries(filter)) {
      const target = `(body #> ${this.param(`{${fieldPath(field).join(',')}}`)}::text[])`;
      const conditions = isOperatorCondition(condition) ? condition : { $eq: condition };
      for (const [operator, value] of Object.entries(conditions) as [string, unknown][]) {
        this.clauses.push(this.clause(target, operator, value));
      }
    }
    return this;
  }

  private clause(target: string, operator: string, value: unknown): string {
    const range = (sign: string) => {
      const operand = this.json(value);
      // Like MongoDB, compare only values of the same JSON type.
      return `(jsonb_typeof(${target}) = jsonb_typeof(${operand}) and ${target} ${sign} ${operand})`;
    };
    switch (operator) {
      case '$eq':
        return value === null
          ? `(${target} is null or ${target} = 'null'::jsonb)`
          : `${target} = ${this.json(value)}`;
      case '$ne':
        return value === null
          ? `(${target} is not null and ${target} <> 'null'::jsonb)`
          : `(${target} is null or ${target} <> ${this.json(value)})`;
      case '$in':
        return `${target} in (select jsonb_array_elements(${this.json(value)}))`;
      case '$includes': {
        const escaped = String(value).replace(/[\\%_]/g, (character) => `\\${character}`);
        return `(jsonb_typeof(${target}) = 'string' and (${target} #>> '{}') ilike ${this.param(`%${escaped}%`)})`;
      }
      case '$contains':
        return `(jsonb_typeof(${target}) = 'array' and ${target} @> jsonb_build_array(${this.json(value)}))`;
      case '$containsAny':
        // For strings, `?|` tests every wanted value in one pass over the array (and one read of
        // the body per row); the general form reads the body once per wanted value.
        if (Array.isArray(value) && value.every((wanted) => typeof wanted === 'string'))
          return `(jsonb_typeof(${target}) = 'array' and ${target} ?| ${this.param(value)}::text[])`;
        return `(jsonb_typeof(${target}) = 'array' and exists (select 1 from jsonb_array_elements(${this.json(value)}) wanted where ${target} @> jsonb_build_array(wanted)))`;
      case '$gt':
        return range('>');
      case '$gte':
        return range('>=');
      case '$lt':
        return range('<');
      case '$lte':
        return range('<=');
      default:
        throw new Error(`Unsupported filter operator ${operator}`);
    }
  }

  sql(): string {
    return this.clauses.length ? ` and ${this.clauses.join(' and ')}` : '';
  }
}

class SqlDocumentCollection<Body extends DocumentBody> implements DocumentCollection<Body> {
  constructor(
    private readonly sql: SqlClient,
    readonly name: string,
  ) {}

  async get(id: string): Promise<StoredDocument<Body> | undefined> {
    const row = await this.row(id);
    return row && !row.deleted ? toDocument<Body>(row) : undefined;
  }

  private async row(id: string): Promise<DocumentRow | undefined> {
    const { rows } = await this.sql.query<DocumentRow>(
      'select id, position, deleted, body from ebp_documents where collection = $1 and id = $2',
      [this.name, id],
    );
    return rows[0];
  }

  find(options: FindWithoutTotal): Promise<FoundDocuments<Body>>;
  find(options?: FindOptions): Promise<FindResult<Body>>;
  async find(options: FindOptions = {}): Promise<FoundDocuments<Body> & { total?: number }> {
    const where = new WhereBuilder([this.name]).add(options.filter);
    const condition = `collection = $1 and not deleted${where.sql()}`;
    const order = (options.sort ?? []).map((sort) => {
      const path = `'{${fieldPath(sort.field).join(',')}}'`;
      return `body #> ${path} ${sort.direction === 'asc' ? 'asc nulls first' : 'desc nulls last'}`;
    });
    const limit =
      options.limit === undefined ? '' : ` limit ${Math.max(0, Math.floor(options.limit))}`;
    const offset = options.offset ? ` offset ${Math.max(0, Math.floor(options.offset))}` : '';
    const [{ rows }, counted] = await Promise.all([
      this.sql.query<DocumentRow>(
        `select id, position, deleted, body from ebp_documents where ${condition}
         order by ${[...order, 'id asc'].join(', ')}${limit}${offset}`,
        where.params,
      ),
      options.total === false
        ? undefined
        : this.sql.query<{ total: number }>(
            `select count(*)::integer as total from ebp_documents where ${condition}`,
            where.params,
          ),
    ]);
    const items = rows.map((row) => toDocument<Body>(row));
    return counted ? { items, total: Number(counted.rows[0]?.total ?? 0) } : { items };
  }

  async applyAt(id: string, position: LogPosition, body: Body | null): Promise<WriteOutcome> {
    assertLogPosition(position);
    const { affectedRows } = await this.sql.query(
      `insert into ebp_documents (collection, id, position, deleted, body) values ($1, $2, $3, $4, $5::jsonb)
       on conflict (collection, id) do update
         set position = excluded.position, deleted = excluded.deleted, body = excluded.body
         where ebp_documents.position < excluded.position`,
      [this.name, id, position, body === null, body === null ? null : JSON.stringify(body)],
    );
    return affectedRows === 1 ? 'applied' : 'skipped';
  }

  async evolveAt(
    id: string,
    position: LogPosition,
    evolve: (current: Body | null) => Body | null,
  ): Promise<WriteOutcome> {
    assertLogPosition(position);
    for (;;) {
      const current = await this.row(id);
      if (current && current.position >= position) return 'skipped';
      const next = evolve(current && !current.deleted ? (current.body as Body) : null);
      const params = [
        this.name,
        id,
        position,
        next === null,
        next === null ? null : JSON.stringify(next),
      ];
      const { affectedRows } = current
        ? await this.sql.query(
            `update ebp_documents set position = $3, deleted = $4, body = $5::jsonb
             where collection = $1 and id = $2 and position = $6`,
            [...params, current.position],
          )
        : await this.sql.query(
            `insert into ebp_documents (collection, id, position, deleted, body) values ($1, $2, $3, $4, $5::jsonb)
             on conflict (collection, id) do nothing`,
            params,
          );
      if (affectedRows === 1) return 'applied';
      // Another writer changed the document between our read and write: read again.
    }
  }

  async getMany(ids: readonly string[]): Promise<Map<string, DocumentState<Body>>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.sql.query<DocumentRow>(
      `select id, position, deleted, body from ebp_documents
       where collection = $1 and id = any($2::text[])`,
      [this.name, [...ids]],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { body: row.deleted ? null : (row.body as Body), position: row.position as LogPosition },
      ]),
    );
  }

  async writeMany(writes: readonly GuardedWrite<Body>[]): Promise<{ conflicts: string[] }> {
    const updates = writes.filter((write) => write.expected !== undefined);
    const inserts = writes.filter((write) => write.expected === undefined);
    const written = new Set<string>();
    if (updates.length > 0) {
      const { rows } = await this.sql.query<{ id: string }>(
        `update ebp_documents as d
         set position = v.position, deleted = v.deleted, body = v.body
         from jsonb_to_recordset($2::jsonb) as v(id text, position text, deleted boolean, body jsonb, expected text)
         where d.collection = $1 and d.id = v.id and d.position = v.expected
         returning d.id`,
        [
          this.name,
          JSON.stringify(updates.map((write) => ({ ...write, deleted: write.body === null }))),
        ],
      );
      for (const row of rows) written.add(row.id);
    }
    if (inserts.length > 0) {
      const { rows } = await this.sql.query<{ id: string }>(
        `insert into ebp_documents (collection, id, position, deleted, body)
         select $1, v.id, v.position, v.deleted, v.body
         from jsonb_to_recordset($2::jsonb) as v(id text, position text, deleted boolean, body jsonb)
         on conflict (collection, id) do nothing
         returning id`,
        [
          this.name,
          JSON.stringify(inserts.map((write) => ({ ...write, deleted: write.body === null }))),
        ],
      );
      for (const row of rows) written.add(row.id);
    }
    return { conflicts: writes.filter((write) => !written.has(write.id)).map((write) => write.id) };
  }

  async drop(): Promise<void> {
    await this.sql.query('delete from ebp_documents where collection = $1', [this.name]);
  }
}

function toDocument<Body extends DocumentBody>(row: DocumentRow): StoredDocument<Body> {
  return { id: row.id, body: (row.body ?? {}) as Body, position: row.position as LogPosition };
}

/** Read models as JSONB rows in PostgreSQL or PGlite. */
export class SqlDocumentStore implements DocumentStore {
  private readonly aliases: AliasCache;

  private constructor(
    private readonly sql: SqlClient,
    aliasTtlMs: number,
  ) {
    this.aliases = new AliasCache((alias) => this.readAlias(alias), aliasTtlMs);
  }

  static async open(
    sql: SqlClient,
    options: { readonly aliasTtlMs?: number } = {},
  ): Promise<SqlDocumentStore> {
    await migrate(sql, 'documents', migrations);
    return new SqlDocumentStore(sql, options.aliasTtlMs ?? DEFAULT_ALIAS_TTL_MS);
  }

  collection<Body extends DocumentBody = DocumentBody>(name: string): DocumentCollection<Body> {
    assertCollectionName(name);
    return new SqlDocumentCollection<Body>(this.sql, name);
  }

  resolveAlias(alias: string): Promise<string | undefined> {
    return this.aliases.resolve(alias);
  }

  private async readAlias(alias: string): Promise<string | undefined> {
    const { rows } = await this.sql.query<{ target: string }>(
      'select target from ebp_document_aliases where alias = $1',
      [alias],
    );
    return rows[0]?.target;
  }

  async setAlias(alias: string, target: string): Promise<void> {
    assertCollectionName(target);
    await this.sql.query(
      `insert into ebp_document_aliases (alias, target) values ($1, $2)
       on conflict (alias) do update set target = excluded.target`,
      [alias, target],
    );
    this.aliases.switched(alias, target);
  }

  async close(): Promise<void> {
    // The SQL client belongs to the caller.
  }
}
