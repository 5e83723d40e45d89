import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  InvalidWebhookSecretError,
  WEBHOOK_HEADERS,
  WebhookSignatureError,
  type WebhookRefusal,
} from '@ebp/platform';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const SECRET_PREFIX = 'whsec_';
/** A key shorter than this is too weak to be one we issued (ours are 32 bytes). */
const MIN_KEY_BYTES = 16;
/** Unix seconds as an integer; the library's `parseInt` would also take `12abc` or milliseconds. */
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * The library's refusals carry only a message; each is one of ours. One it does not know (a
 * future version's) is a signature that did not verify: the delivery is refused either way.
 */
const REFUSALS: ReadonlyArray<readonly [RegExp, WebhookRefusal]> = [
  [/timestamp too (old|new)/i, 'stale-timestamp'],
  [/missing required headers/i, 'missing-header'],
  [/invalid signature headers/i, 'invalid-timestamp'],
  [/no matching signature/i, 'no-matching-signature'],
];

function refusalOf(error: WebhookVerificationError): WebhookSignatureError {
  const reason =
    REFUSALS.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'no-matching-signature';
  const messages: Record<WebhookRefusal, string> = {
    'missing-header': 'A webhook-id, webhook-timestamp or webhook-signature header is missing',
    'invalid-timestamp': 'webhook-timestamp is not Unix seconds',
    'stale-timestamp': 'webhook-timestamp is more than 300 s from the receiver’s clock',
    'no-matching-signature': 'No webhook-signature matches the partner’s secret',
  };
  return new WebhookSignatureError(reason, messages[reason]);
}

/** The library's signer/verifier for one `whsec_<base64>` secret, refusing a malformed one. */
function webhookFor(secret: string): Webhook {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  const bytes = Buffer.from(encoded, 'base64');
  // Buffer's decoder skips characters that are not base64; the round trip catches them.
  if (bytes.length < MIN_KEY_BYTES || bytes.toString('base64') !== encoded)
    throw new InvalidWebhookSecretError(
      'A webhook secret is `whsec_` and at least 16 bytes in base64',
    );
  return new Webhook(secret);
}

function header(headers: Headers, name: string): string {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new WebhookSignatureError('missing-header', `The ${name} header is missing`);
  return text;
}

/**
 * The `webhook-signature` value a partner sends for a delivery (Standard Webhooks, by the
 * `standardwebhooks` library): one `v1,<base64>` entry per secret, space-separated, so that a
 * partner rotating its secret can sign with the old and the new one at once.
 */
export function signPartnerWebhook(delivery: {
  readonly id: string;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
}): string {
  const signedAt = new Date(delivery.timestamp * 1000);
  return delivery.secrets
    .map((secret) => webhookFor(secret).sign(delivery.id, signedAt, delivery.body))
    .join(' ');
}

/**
 * Verifies a partner's delivery with the `standardwebhooks` library over its raw body: the three
 * headers are present, the timestamp is integer seconds within five minutes of this machine's
 * clock (the replay window is about real time, whatever date the platform's clock shows), and a
 * `v1` signature matches one of the partner's current secrets (two while it rotates). Every
 * refusal is a `WebhookSignatureError` with its reason. Returns the delivery's id and time.
 *
 * The library signs the body as UTF-8 text: a body that is not valid UTF-8 can verify only as its
 * decoded text, so the caller must refuse such a body once it is authenticated (the webhook
 * ingest does), and what it keeps is then exactly what was signed.
 */
export function verifyPartnerWebhook(delivery: {
  readonly headers: Headers;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
}): { readonly id: string; readonly timestamp: number } {
  const signed = {
    [WEBHOOK_HEADERS.id]: header(delivery.headers, WEBHOOK_HEADERS.id),
    [WEBHOOK_HEADERS.timestamp]: header(delivery.headers, WEBHOOK_HEADERS.timestamp),
    [WEBHOOK_HEADERS.signature]: header(delivery.headers, WEBHOOK_HEADERS.signature),
  };
  const timestamp = signed[WEBHOOK_HEADERS.timestamp];
  if (!UNIX_SECONDS.test(timestamp))
    throw new WebhookSignatureError('invalid-timestamp', 'webhook-timestamp is not Unix seconds');
  let verified = false;
  let refusal: WebhookSignatureError | undefined;
  // Every secret is tried, matching or not, so the time taken says nothing about which matched.
  for (const secret of delivery.secrets) {
    const webhook = webhookFor(secret);
    try {
      webhook.verify(delivery.body, signed, { jsonParse: false });
      verified = true;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      refusal = refusalOf(error);
      // Too old or too new for one secret is too old or too new for all of them.
      if (refusal.reason === 'stale-timestamp') throw refusal;
    }
  }
  if (!verified)
    throw (
      refusal ??
      new WebhookSignatureError('no-matching-signature', 'The partner has no webhook secret')
    );
  return { id: signed[WEBHOOK_HEADERS.id], timestamp: Number(timestamp) };
}
