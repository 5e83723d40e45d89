import { createHash } from 'node:crypto';
import { migrate, type SqlClient } from '@ebp/eventing';

/** The answer a completed request gave, returned again for the same key. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What to do with a request, given its key. */
export type IdempotencyClaim =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'mismatch' };

interface KeyRow {
  request_hash: string;
  status: string;
  response_status: number | null;
  response_body: unknown;
}

export const requestHash = (body: Buffer | string): string =>
  createHash('sha256').update(body).digest('hex');

/**
 * Idempotency-Key semantics for partner feeds, per partner and key: the first request claims the
 * key; the same key with another body is a mismatch (422); while the first is being handled a
 * second is told so (409); once it completed, its response is returned again. A request that
 * failed for a transient reason releases its key so that the partner can retry.
 */
export class IdempotencyStore {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<IdempotencyStore> {
    await migrate(sql, 'partners-idempotency', [
      {
        version: 1,
        name: 'idempotency keys',
        sql: `
          create table partners_idempotency_keys (
            partner_id text not null,
            idempotency_key text not null,
            request_hash text not null,
            status text not null,
            response_status integer,
            response_body jsonb,
            claimed_at timestamptz not null default now(),
            completed_at timestamptz,
            primary key (partner_id, idempotency_key)
          );
        `,
      },
    ]);
    return new IdempotencyStore(sql);
  }

  async claim(partnerId: string, key: string, hash: string): Promise<IdempotencyClaim> {
    const inserted = await this.sql.query<{ partner_id: string }>(
      `insert into partners_idempotency_keys (partner_id, idempotency_key, request_hash, status)
       values ($1, $2, $3, 'in_progress')
       on conflict (partner_id, idempotency_key) do nothing
       returning partner_id`,
      [partnerId, key, hash],
    );
    if (inserted.rows.length === 1) return { kind: 'proceed' };
    const { rows } = await this.sql.query<KeyRow>(
      `select request_hash, status, response_status, response_body
       from partners_idempotency_keys where partner_id = $1 and idempotency_key = $2`,
      [partnerId, key],
    );
    const row = rows[0];
    // Released between our insert and this read: the partner may simply retry.
    if (!row) return { kind: 'in_progress' };
    if (row.request_hash !== hash) return { kind: 'mismatch' };
    if (row.status !== 'completed' || row.response_status === null) return { kind: 'in_progress' };
    return { kind: 'replay', response: { status: row.response_status, body: row.response_body } };
  }

  async complete(partnerId: string, key: string, response: StoredResponse): Promise<void> {
    await this.sql.query(
      `update partners_idempotency_keys
       set status = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = now()
       where partner_id = $1 and idempotency_key = $2`,
      [partnerId, key, response.status, JSON.stringify(response.body)],
    );
  }

  async release(partnerId: string, key: string): Promise<void> {
    await this.sql.query(
      `delete from partners_idempotency_keys
       where partner_id = $1 and idempotency_key = $2 and status = 'in_progress'`,
      [partnerId, key],
    );
  }
}
