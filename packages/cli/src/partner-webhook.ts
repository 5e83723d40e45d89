import { signPartnerWebhook } from '@ebp/partners';

/**
 * The headers a partner sends with an outcome: Standard Webhooks' id, timestamp and signature
 * with its secret, and the same id as the Idempotency-Key.
 */
export function partnerWebhookHeaders(
  id: string,
  body: Buffer | string,
  secret: string,
): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signPartnerWebhook({ id, timestamp, body, secrets: [secret] }),
    'idempotency-key': id,
  };
}

/** Posts an outcome (its JSON text) to an organisation's webhook as the partner does. */
export function postPartnerOutcome(
  origin: string,
  organisationId: string,
  message: { readonly id: string; readonly body: string; readonly secret: string },
): Promise<Response> {
  return fetch(`${origin.replace(/\/$/, '')}/webhooks/partners/${organisationId}/outcomes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...partnerWebhookHeaders(message.id, message.body, message.secret),
    },
    body: message.body,
  });
}
