import { createHmac, timingSafeEqual } from 'node:crypto';
import { EbpError } from '@ebp/contracts';

/** Why a delivery's signature was refused; every reason is answered with 401 and never retried. */
export type WebhookRefusal =
  'missing-header' | 'invalid-timestamp' | 'stale-timestamp' | 'no-matching-signature';

export class WebhookSignatureError extends EbpError {
  readonly code = 'INVALID_WEBHOOK_SIGNATURE';

  constructor(
    readonly reason: WebhookRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** A partner's secret in the Standard Webhooks form `whsec_<base64>` that does not decode. */
export class InvalidWebhookSecretError extends EbpError {
  readonly code = 'INVALID_WEBHOOK_SECRET';
}

export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** The Standard Webhooks recommendation: five minutes either way. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
const SECRET_PREFIX = 'whsec_';
const SIGNATURE_VERSION = 'v1';

/** The HMAC key of a `whsec_<base64>` secret. */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, ''))
    throw new InvalidWebhookSecretError(
      'A webhook secret is `whsec_` and at least 16 bytes in base64',
    );
  return key;
}

function signatureOf(key: Buffer, id: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** The `webhook-signature` value for a delivery: one `v1,<base64>` entry per secret. */
export function signWebhook(delivery: {
  readonly id: string;
  readonly timestamp: number;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
}): string {
  const body = Buffer.from(delivery.body);
  return delivery.secrets
    .map(
      (secret) =>
        `${SIGNATURE_VERSION},${signatureOf(webhookKey(secret), delivery.id, String(delivery.timestamp), body).toString('base64')}`,
    )
    .join(' ');
}

const header = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string => {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new WebhookSignatureError('missing-header', `The ${name} header is missing`);
  return text;
};

/**
 * Verifies a Standard Webhooks delivery over its raw body: the three headers are present, the
 * timestamp is integer seconds within the tolerance of now, and at least one `v1` signature
 * matches one of the partner's secrets (several while a key is rotated). Signatures are compared
 * in constant time; entries of other versions are ignored. Returns the delivery's id and time.
 */
export function verifyWebhook(delivery: {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
  readonly now?: Date;
  readonly toleranceSeconds?: number;
}): { readonly id: string; readonly timestamp: number } {
  const id = header(delivery.headers, WEBHOOK_HEADERS.id);
  const timestampText = header(delivery.headers, WEBHOOK_HEADERS.timestamp);
  const signatures = header(delivery.headers, WEBHOOK_HEADERS.signature);
  if (!/^\d{1,12}$/.test(timestampText))
    throw new WebhookSignatureError('invalid-timestamp', 'webhook-timestamp is not Unix seconds');
  const timestamp = Number(timestampText);
  const now = Math.floor((delivery.now ?? new Date()).getTime() / 1000);
  const tolerance = delivery.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance)
    throw new WebhookSignatureError(
      'stale-timestamp',
      `webhook-timestamp is more than ${tolerance} s from the receiver's clock`,
    );
  const body = Buffer.from(delivery.body);
  const expected = delivery.secrets.map((secret) =>
    signatureOf(webhookKey(secret), id, timestampText, body),
  );
  const offered = signatures
    .split(' ')
    .filter((entry) => entry.startsWith(`${SIGNATURE_VERSION},`))
    .map((entry) => Buffer.from(entry.slice(SIGNATURE_VERSION.length + 1), 'base64'));
  // Every pair is compared, matching or not, so the time taken says nothing about which matched.
  let matched = false;
  for (const candidate of offered)
    for (const signature of expected)
      if (candidate.length === signature.length && timingSafeEqual(candidate, signature))
        matched = true;
  if (!matched)
    throw new WebhookSignatureError(
      'no-matching-signature',
      'No webhook-signature matches the partner’s secret',
    );
  return { id, timestamp };
}
