import { randomBytes } from 'node:crypto';
import { EbpError } from '@ebp/contracts';
import { migrate, type Migration } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';

/** A data subject whose key was destroyed: nothing personal about them can be written again. */
export class SubjectErasedError extends EbpError {
  readonly code = 'SUBJECT_ERASED';
}

/**
 * One encryption key per data subject (a person). Destroying the key is the erasure: every
 * personal field sealed with it, wherever it was copied (events, topics, backups), is unreadable.
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use; refuses a subject already erased. */
  keyFor(subjectId: string): Promise<Buffer>;
  /** The key if the subject has one and it was not destroyed. */
  find(subjectId: string): Promise<Buffer | undefined>;
  /** The keys of these subjects that have one not destroyed, read together (a list of people). */
  findMany(subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Destroys the key for good; the subject is remembered as erased. Idempotent. */
  destroy(subjectId: string): Promise<void>;
  isErased(subjectId: string): Promise<boolean>;
}

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subject keys',
    sql: `
      create table ebp_subject_keys (
        subject_id text primary key,
        key bytea,
        created_at timestamptz not null default now(),
        erased_at timestamptz,
        constraint ebp_subject_keys_erased check ((key is null) = (erased_at is not null))
      );
    `,
  },
];

interface KeyRow {
  key: Uint8Array | Buffer | null;
  erased_at: Date | string | null;
}

/**
 * The key store in the service's own database (PostgreSQL or PGlite), beside its events. Keys are
 * not cached: an erasure by any instance must take effect for every instance at once.
 */
export class SqlSubjectKeyStore implements SubjectKeyStore {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlSubjectKeyStore> {
    await migrate(sql, 'subject-keys', migrations);
    return new SqlSubjectKeyStore(sql);
  }

  private async row(subjectId: string): Promise<KeyRow | undefined> {
    const { rows } = await this.sql.query<KeyRow>(
      'select key, erased_at from ebp_subject_keys where subject_id = $1',
      [subjectId],
    );
    return rows[0];
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    await this.sql.query(
      'insert into ebp_subject_keys (subject_id, key) values ($1, $2) on conflict (subject_id) do nothing',
      [subjectId, randomBytes(32)],
    );
    const row = await this.row(subjectId);
    if (!row?.key) throw new SubjectErasedError(`Subject ${subjectId} has been erased`);
    return Buffer.from(row.key);
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const row = await this.row(subjectId);
    return row?.key ? Buffer.from(row.key) : undefined;
  }

  async findMany(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(subjectIds)];
    if (wanted.length === 0) return new Map();
    const { rows } = await this.sql.query<KeyRow & { subject_id: string }>(
      `select subject_id, key, erased_at from ebp_subject_keys
       where subject_id in (select jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(wanted)],
    );
    return new Map(
      rows.flatMap((row) => (row.key ? [[row.subject_id, Buffer.from(row.key)]] : [])),
    );
  }

  async destroy(subjectId: string): Promise<void> {
    await this.sql.query(
      `insert into ebp_subject_keys (subject_id, key, erased_at) values ($1, null, now())
       on conflict (subject_id) do update set key = null, erased_at = coalesce(ebp_subject_keys.erased_at, now())`,
      [subjectId],
    );
  }

  async isErased(subjectId: string): Promise<boolean> {
    const erasedAt = (await this.row(subjectId))?.erased_at;
    return erasedAt !== null && erasedAt !== undefined;
  }
}
