// The partner webhook over real HTTP on the service's own store: signatures (the standardwebhooks
// library on both sides), partners, idempotency, quarantine and concurrency, table-driven.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { silentLogger } from '@ebp/platform';
import { linkedPartners } from '../collaborations/collaboration.fixtures';
import { IdempotencyStore } from './idempotency-store';
import { OutcomeIntake, outcomeStreamId, quarantineStreamId } from './outcome-intake';
import { PartnerSecrets } from './partner-secrets';
import { partnerWebhooks } from './webhook-ingest';
import { signPartnerWebhook } from './webhook-signature';

describe.each(sqlTargets())('partner outcome webhook over HTTP on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let server: Server;
  let base: string;
  let secrets: PartnerSecrets;
  let cambridge: string;
  let previous: string;
  let ucl: string;
  let sequence = 0;

  const outcome = (projectId = 'project-hot-spots') => ({
    projectId,
    kind: 'publication',
    title: 'Hot-spot patrols and violence with injury',
    doi: '10.1177/0011128720954578',
    publishedOn: '2026-11-01',
  });

  interface Delivery {
    partner?: string;
    id?: string;
    body?: string | Buffer;
    timestamp?: number;
    signature?: string;
    idempotencyKey?: string | null;
    headers?: Record<string, string>;
  }

  async function deliver(delivery: Delivery = {}) {
    const id = delivery.id ?? `msg_${++sequence}`;
    const body = delivery.body ?? JSON.stringify(outcome());
    const timestamp = delivery.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature':
        delivery.signature ?? signPartnerWebhook({ id, timestamp, body, secrets: [cambridge] }),
    };
    if (delivery.idempotencyKey !== null)
      headers['idempotency-key'] = delivery.idempotencyKey ?? id;
    const response = await fetch(
      `${base}/webhooks/partners/${delivery.partner ?? 'cambridge'}/outcomes`,
      { method: 'POST', headers: { ...headers, ...delivery.headers }, body },
    );
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      // An HTML error page would fail here, before any assertion.
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /** A delivery of this body, correctly signed with the partner's current secret. */
  const signedDelivery = (id: string, payload: string | Buffer, more: Delivery = {}) => {
    const timestamp = now();
    return {
      id,
      timestamp,
      body: payload,
      signature: signPartnerWebhook({ id, timestamp, body: payload, secrets: [cambridge] }),
      ...more,
    };
  };

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
    const collaborationsOf = await linkedPartners(sql, store, [
      ['cambridge', 'project-hot-spots'],
      ['ucl', 'project-stalking'],
    ]);
    secrets = await PartnerSecrets.open(sql);
    previous = await secrets.issue('cambridge', new Date(Date.now() - 60_000));
    cambridge = await secrets.issue('cambridge');
    ucl = await secrets.issue('ucl');
    const app = express();
    app.use(
      partnerWebhooks({
        secrets,
        idempotency: await IdempotencyStore.open(sql),
        intake: new OutcomeIntake(store, collaborationsOf),
        logger: silentLogger,
      }),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await sql.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const body = JSON.stringify(outcome());
  const tampered = Buffer.from(body);
  tampered[20] = tampered[20]! ^ 0x01;

  it.each<{ name: string; delivery: () => Delivery; status: number; code: string }>([
    {
      name: 'one byte of the body changed after signing',
      delivery: () => {
        const timestamp = now();
        return {
          id: 'msg_tamper',
          timestamp,
          body: tampered,
          signature: signPartnerWebhook({
            id: 'msg_tamper',
            timestamp,
            body,
            secrets: [cambridge],
          }),
        };
      },
      status: 401,
      code: 'INVALID_WEBHOOK_SIGNATURE',
    },
    {
      name: 'a stale timestamp',
      delivery: () => ({ timestamp: now() - 600 }),
      status: 401,
      code: 'INVALID_WEBHOOK_SIGNATURE',
    },
    {
      name: 'the JSON re-serialised after signing',
      delivery: () => {
        const timestamp = now();
        return {
          id: 'msg_reserialised',
          timestamp,
          body: JSON.stringify(JSON.parse(body) as unknown, null, 2),
          signature: signPartnerWebhook({
            id: 'msg_reserialised',
            timestamp,
            body,
            secrets: [cambridge],
          }),
        };
      },
      status: 401,
      code: 'INVALID_WEBHOOK_SIGNATURE',
    },
    {
      name: 'a wrong signature prefix',
      delivery: () => {
        const timestamp = now();
        return {
          id: 'msg_prefix',
          timestamp,
          signature: signPartnerWebhook({
            id: 'msg_prefix',
            timestamp,
            body,
            secrets: [cambridge],
          }).replace('v1,', 'v1='),
        };
      },
      status: 401,
      code: 'INVALID_WEBHOOK_SIGNATURE',
    },
    {
      name: 'an unknown partner',
      delivery: () => ({ partner: 'nowhere-university' }),
      status: 401,
      code: 'UNKNOWN_PARTNER',
    },
    {
      name: 'signed with another partner’s secret',
      delivery: () => {
        const timestamp = now();
        return {
          id: 'msg_other_secret',
          timestamp,
          signature: signPartnerWebhook({
            id: 'msg_other_secret',
            timestamp,
            body,
            secrets: [ucl],
          }),
        };
      },
      status: 401,
      code: 'INVALID_WEBHOOK_SIGNATURE',
    },
    {
      name: 'another partner’s project',
      delivery: () => {
        const other = JSON.stringify(outcome('project-stalking'));
        const timestamp = now();
        return {
          id: 'msg_other_project',
          timestamp,
          body: other,
          signature: signPartnerWebhook({
            id: 'msg_other_project',
            timestamp,
            body: other,
            secrets: [cambridge],
          }),
        };
      },
      status: 403,
      code: 'NOT_A_COLLABORATOR',
    },
    {
      name: 'no Idempotency-Key',
      delivery: () => ({ idempotencyKey: null }),
      status: 400,
      code: 'IDEMPOTENCY_KEY_REQUIRED',
    },
  ])('refuses $name with $status $code', async ({ delivery, status, code }) => {
    const response = await deliver(delivery());
    expect(response.status).toBe(status);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code });
  });

  // Issue 17: input the partner must fix is a 4xx problem, never a 500 asking for a retry.
  it.each<{ name: string; delivery: () => Delivery; status: number; code: string }>([
    {
      name: 'a body over the 1 MB limit',
      delivery: () =>
        signedDelivery(
          'msg_huge',
          JSON.stringify({ ...outcome(), summary: 'x'.repeat(1_100_000) }),
        ),
      status: 413,
      code: 'REQUEST_TOO_LARGE',
    },
    {
      name: 'a webhook-id of 65 characters',
      delivery: () => signedDelivery(`msg_${'a'.repeat(61)}`, body),
      status: 400,
      code: 'INVALID_WEBHOOK_ID',
    },
    {
      name: 'a webhook-id of 5,000 characters',
      delivery: () => signedDelivery(`msg_${'a'.repeat(4_996)}`, body),
      status: 400,
      code: 'INVALID_WEBHOOK_ID',
    },
    {
      name: 'a webhook-id with spaces',
      delivery: () => signedDelivery('msg with spaces', body),
      status: 400,
      code: 'INVALID_WEBHOOK_ID',
    },
    {
      name: 'an Idempotency-Key of 256 characters',
      delivery: () => signedDelivery('msg_long_key', body, { idempotencyKey: 'k'.repeat(256) }),
      status: 400,
      code: 'INVALID_IDEMPOTENCY_KEY',
    },
    {
      name: 'a body that is not UTF-8',
      delivery: () =>
        signedDelivery(
          'msg_latin1',
          // é as the single byte 0xE9 (ISO-8859-1), which is not UTF-8.
          Buffer.from(JSON.stringify({ ...outcome(), title: 'Caf\u00e9 study' }), 'latin1'),
        ),
      status: 400,
      code: 'INVALID_ENCODING',
    },
    {
      name: 'a NUL character in a string (\\u0000)',
      delivery: () =>
        signedDelivery('msg_nul', JSON.stringify({ ...outcome(), title: 'Hot spots\u0000 study' })),
      status: 400,
      code: 'INVALID_TEXT',
    },
    {
      name: 'an unpaired surrogate in a string (\\ud800)',
      delivery: () =>
        signedDelivery(
          'msg_surrogate',
          JSON.stringify({ ...outcome(), title: 'Hot spots \ud800' }),
        ),
      status: 400,
      code: 'INVALID_TEXT',
    },
    {
      name: 'an unsupported Content-Encoding',
      delivery: () =>
        signedDelivery('msg_encoding', body, { headers: { 'content-encoding': 'compress' } }),
      status: 415,
      code: 'UNSUPPORTED_CONTENT_ENCODING',
    },
    {
      name: 'a gzip Content-Encoding over a body that is not gzip',
      delivery: () => signedDelivery('msg_gzip', body, { headers: { 'content-encoding': 'gzip' } }),
      status: 400,
      code: 'INVALID_ENCODING',
    },
  ])(
    'answers $name with $status $code, not a 500 to retry (issue 17)',
    async ({ delivery, status, code }) => {
      const response = await deliver(delivery());
      expect(response.status).toBe(status);
      expect(response.type).toContain('application/problem+json');
      expect(response.body).toMatchObject({ type: 'about:blank', status, code });
      expect(typeof response.body.title).toBe('string');
      expect(typeof response.body.detail).toBe('string');
      expect(JSON.stringify(response.body)).not.toMatch(/<html|Idempotency-Key;|\bat \S+ \(/i);
    },
  );

  it('takes a 64-character webhook-id, and nothing was quarantined for the refused ones', async () => {
    const id = `msg_${'b'.repeat(60)}`;
    expect((await deliver(signedDelivery(id, body))).status).toBe(202);
    for (const refused of ['msg_nul', 'msg_surrogate', 'msg_latin1'])
      expect(await store.readStream(quarantineStreamId(`webhook:cambridge:${refused}`))).toEqual(
        [],
      );
  });

  it('accepts two signatures during rotation, and the retiring secret alone', async () => {
    const timestamp = now();
    const both = signPartnerWebhook({
      id: 'msg_rotation',
      timestamp,
      body,
      secrets: [previous, cambridge],
    });
    expect((await deliver({ id: 'msg_rotation', timestamp, signature: both })).status).toBe(202);
    const old = signPartnerWebhook({ id: 'msg_old', timestamp, body, secrets: [previous] });
    expect((await deliver({ id: 'msg_old', timestamp, signature: old })).status).toBe(202);
  });

  it('quarantines a malformed outcome with the reason and says so in the problem', async () => {
    const bad = JSON.stringify({ ...outcome(), doi: undefined, publishedOn: 'yesterday' });
    const timestamp = now();
    const response = await deliver({
      id: 'msg_bad',
      timestamp,
      body: bad,
      signature: signPartnerWebhook({ id: 'msg_bad', timestamp, body: bad, secrets: [cambridge] }),
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'INVALID_OUTCOME',
      quarantineItemId: 'webhook:cambridge:msg_bad',
    });
    expect(String(response.body.detail)).toMatch(/publishedOn/);
    const [held] = await store.readStream(quarantineStreamId('webhook:cambridge:msg_bad'));
    expect(held).toMatchObject({
      type: 'partners.quarantine.held',
      data: { reason: response.body.detail, received: bad },
    });
  });

  it('answers a repeated Idempotency-Key with the stored result, and refuses it with another body', async () => {
    const first = await deliver({ id: 'msg_repeat', idempotencyKey: 'key-repeat' });
    expect(first).toMatchObject({ status: 202, body: { status: 'awaiting_moderation' } });
    expect(await deliver({ id: 'msg_repeat', idempotencyKey: 'key-repeat' })).toEqual(first);
    const other = JSON.stringify({ ...outcome(), title: 'Another paper entirely' });
    const timestamp = now();
    const reused = await deliver({
      id: 'msg_repeat_2',
      timestamp,
      body: other,
      signature: signPartnerWebhook({
        id: 'msg_repeat_2',
        timestamp,
        body: other,
        secrets: [cambridge],
      }),
      idempotencyKey: 'key-repeat',
    });
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('turns 200 concurrent deliveries of one webhook into exactly one outcome event', async () => {
    const timestamp = now();
    const signature = signPartnerWebhook({
      id: 'msg_storm',
      timestamp,
      body,
      secrets: [cambridge],
    });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => deliver({ id: 'msg_storm', timestamp, signature })),
    );
    const statuses = responses.map((response) => response.status);
    // The first handles it; the others see it in progress (409) or get its stored answer (202).
    expect(statuses.filter((status) => status !== 202 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
    const events = await store.readStream(outcomeStreamId('cambridge.msg_storm'));
    expect(events.map((event) => event.type)).toEqual(['partners.outcome.submitted']);
    // Retrying once the storm is over returns the stored answer.
    expect((await deliver({ id: 'msg_storm', timestamp, signature })).status).toBe(202);
  });
});
