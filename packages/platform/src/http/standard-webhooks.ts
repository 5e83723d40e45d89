// The Standard Webhooks vocabulary the platform's HTTP layer shares: the headers and the typed
// refusals. Signing and verifying is the partners service's, on the `standardwebhooks` library
// (services/partners/src/feeds/webhook-signature.ts, decision 0031).
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
