import { randomBytes } from 'node:crypto';
import { migrate, type SqlClient } from '@ebp/eventing';

/** How long a replaced secret still verifies deliveries, so partners can switch without loss. */
export const ROTATION_OVERLAP_MS = 7 * 24 * 3600 * 1000;

/**
 * Each partner organisation's webhook secrets (`whsec_…`). Issuing a new one keeps the previous
 * valid for the rotation overlap; a partner with no secret cannot deliver at all.
 */
export class PartnerSecrets {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<PartnerSecrets> {
    await migrate(sql, 'partners-webhook-secrets', [
      {
        version: 1,
        name: 'webhook secrets',
        sql: `
          create table partners_webhook_secrets (
            id bigserial primary key,
            organisation_id text not null,
            secret text not null,
            issued_at timestamptz not null default now(),
            retires_at timestamptz
          );
          create index partners_webhook_secrets_organisation
            on partners_webhook_secrets (organisation_id);
        `,
      },
    ]);
    return new PartnerSecrets(sql);
  }

  /** Issues a new secret (returned once, to hand to the partner) and starts retiring the others. */
  async issue(organisationId: string, now = new Date()): Promise<string> {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `update partners_webhook_secrets set retires_at = $2
         where organisation_id = $1 and retires_at is null`,
        [organisationId, new Date(now.getTime() + ROTATION_OVERLAP_MS)],
      );
      await tx.query(
        'insert into partners_webhook_secrets (organisation_id, secret, issued_at) values ($1, $2, $3)',
        [organisationId, secret, now],
      );
    });
    return secret;
  }

  /** The secrets that verify the partner's deliveries now, newest first; none for an unknown partner. */
  async current(organisationId: string, now = new Date()): Promise<string[]> {
    const { rows } = await this.sql.query<{ secret: string }>(
      `select secret from partners_webhook_secrets
       where organisation_id = $1 and (retires_at is null or retires_at > $2)
       order by id desc`,
      [organisationId, now],
    );
    return rows.map((row) => row.secret);
  }
}
