import { isUtf8 } from 'node:buffer';
import express, { type Request, type Response, type Router } from 'express';
import {
  ILL_FORMED_TEXT_MESSAGE,
  WebhookSignatureError,
  bodyErrorProblem,
  illFormedTextPath,
  isWellFormedText,
  sendProblem,
  type Logger,
  type Problem,
} from '@ebp/platform';
import { requestHash, type IdempotencyStore, type StoredResponse } from './idempotency-store';
import type { IntakeResult, OutcomeIntake } from './outcome-intake';
import type { PartnerSecrets } from './partner-secrets';
import { verifyPartnerWebhook } from './webhook-signature';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The largest body a partner may send. */
export const WEBHOOK_BODY_LIMIT = '1mb';
/** The longest `webhook-id` (Standard Webhooks ids such as `msg_2KWPBgLlAfxdpx2AI54pPJ85f4W`). */
export const MAX_WEBHOOK_ID_LENGTH = 64;
/** The longest Idempotency-Key (a UUID or a hash is far shorter). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** The contracts' limit on the ids made from a webhook's (`<partner>.<id>`, `webhook:<partner>:<id>`). */
const MAX_DERIVED_ID_LENGTH = 100;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** Why a webhook's id cannot be used, or undefined when it can. */
export function webhookIdProblem(organisationId: string, webhookId: string): Problem | undefined {
  const room = MAX_DERIVED_ID_LENGTH - `webhook:${organisationId}:`.length;
  const longest = Math.max(1, Math.min(MAX_WEBHOOK_ID_LENGTH, room));
  if (webhookId.length <= longest && VISIBLE_ASCII.test(webhookId)) return undefined;
  return {
    status: 400,
    title: 'Invalid webhook-id',
    detail: `webhook-id must be 1 to ${longest} visible ASCII characters`,
    code: 'INVALID_WEBHOOK_ID',
  };
}

/**
 * Why a signed body cannot be taken in, or undefined: it must be UTF-8 without NUL characters,
 * and a JSON body without NUL characters or unpaired surrogates in its strings (`\u0000`), which
 * no store can keep. A body that is not JSON at all is the intake's to quarantine.
 */
export function webhookBodyProblem(body: Buffer): Problem | undefined {
  const text = body.toString('utf8');
  if (!isUtf8(body) || !isWellFormedText(text))
    return {
      status: 400,
      title: 'Invalid encoding',
      detail: 'The body must be UTF-8 text without NUL characters',
      code: 'INVALID_ENCODING',
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const path = illFormedTextPath(parsed, 'body');
  return path === undefined
    ? undefined
    : {
        status: 400,
        title: 'Invalid text',
        detail: `${path}: ${ILL_FORMED_TEXT_MESSAGE}`,
        code: 'INVALID_TEXT',
      };
}

export interface WebhookIngestOptions {
  readonly secrets: PartnerSecrets;
  readonly idempotency: IdempotencyStore;
  readonly intake: Pick<OutcomeIntake, 'receive'>;
  readonly logger: Logger;
  /** The platform's clock, which chooses the partner's current secrets (the demo's may lag). */
  readonly now?: () => Date;
}

function responseTo(result: IntakeResult): StoredResponse {
  switch (result.kind) {
    case 'accepted':
      return {
        status: 202,
        body: { submissionId: result.submissionId, status: 'awaiting_moderation' },
      };
    case 'duplicate':
      return {
        status: 200,
        body: { submissionId: result.submissionId, status: 'already-received' },
      };
    case 'quarantined':
      return {
        status: 422,
        body: {
          type: 'about:blank',
          title: 'The outcome was not accepted',
          status: 422,
          code: 'INVALID_OUTCOME',
          detail: result.reason,
          quarantineItemId: result.itemId,
        },
      };
    case 'refused':
      return {
        status: 403,
        body: {
          type: 'about:blank',
          title: 'Not allowed for this partner',
          status: 403,
          code: result.code,
          detail: result.reason,
        },
      };
  }
}

function send(response: Response, stored: StoredResponse): void {
  response.status(stored.status);
  const problem = stored.status >= 400;
  response.setHeader('content-type', problem ? 'application/problem+json' : 'application/json');
  response.send(JSON.stringify(stored.body));
}

/**
 * `POST /webhooks/partners/:organisationId/outcomes`: a partner's signed outcome (Standard
 * Webhooks over the raw body, verified by the `standardwebhooks` library against the partner's
 * current secrets, within five minutes of real time), with Idempotency-Key semantics,
 * into the outcome intake. Every refusal is an RFC 9457 problem.
 */
export function partnerWebhooks(options: WebhookIngestOptions): Router {
  const router = express.Router();
  router.post(
    '/webhooks/partners/:organisationId/outcomes',
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (request: Request<{ organisationId: string }>, response: Response) => {
      const { organisationId } = request.params;
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const now = options.now?.() ?? new Date();
      const secrets = await options.secrets.current(organisationId, now);
      if (secrets.length === 0) {
        sendProblem(response, {
          status: 401,
          title: 'Unknown partner',
          detail: 'No webhook secret is issued for this partner',
          code: 'UNKNOWN_PARTNER',
        });
        return;
      }
      let webhookId: string;
      try {
        ({ id: webhookId } = verifyPartnerWebhook({ headers: request.headers, body, secrets }));
      } catch (error) {
        if (!(error instanceof WebhookSignatureError)) throw error;
        sendProblem(response, {
          status: 401,
          title: 'Invalid webhook signature',
          detail: error.message,
          code: error.code,
          reason: error.reason,
        });
        return;
      }
      // Checked once the delivery is authenticated: anyone else learns nothing but 401. The body
      // check also refuses what is not UTF-8, which the library can only have verified as text.
      const refused = webhookIdProblem(organisationId, webhookId) ?? webhookBodyProblem(body);
      if (refused) {
        sendProblem(response, refused);
        return;
      }
      const key = request.header(IDEMPOTENCY_HEADER);
      if (!key) {
        sendProblem(response, {
          status: 400,
          title: 'Idempotency-Key required',
          detail: 'Send an Idempotency-Key header, the same one when you retry',
          code: 'IDEMPOTENCY_KEY_REQUIRED',
        });
        return;
      }
      if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        sendProblem(response, {
          status: 400,
          title: 'Idempotency-Key too long',
          detail: `An Idempotency-Key has at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
          code: 'INVALID_IDEMPOTENCY_KEY',
        });
        return;
      }
      const claim = await options.idempotency.claim(organisationId, key, requestHash(body));
      if (claim.kind === 'mismatch') {
        sendProblem(response, {
          status: 422,
          title: 'Idempotency-Key reused',
          detail: 'This Idempotency-Key was used with a different body',
          code: 'IDEMPOTENCY_KEY_REUSED',
        });
        return;
      }
      if (claim.kind === 'in_progress') {
        sendProblem(response, {
          status: 409,
          title: 'Request in progress',
          detail: 'A request with this Idempotency-Key is being handled; retry shortly',
          code: 'REQUEST_IN_PROGRESS',
        });
        return;
      }
      if (claim.kind === 'replay') {
        send(response, claim.response);
        return;
      }
      try {
        const result = await options.intake.receive({
          organisationId,
          channel: 'webhook',
          submissionId: `${organisationId}.${webhookId}`,
          itemId: `webhook:${organisationId}:${webhookId}`,
          raw: body.toString('utf8'),
        });
        const stored = responseTo(result);
        await options.idempotency.complete(organisationId, key, stored);
        options.logger.info('partner outcome received', {
          organisationId,
          webhookId,
          result: result.kind,
        });
        send(response, stored);
      } catch (error) {
        await options.idempotency.release(organisationId, key);
        options.logger.error('partner outcome could not be handled', { organisationId, error });
        sendProblem(response, {
          status: 500,
          title: 'Not handled',
          detail: 'The outcome could not be handled now; retry with the same Idempotency-Key',
          code: 'INTERNAL',
        });
      }
    },
  );
  // A body too large (413), badly encoded or compressed (400, 415) is the partner's to fix; anything
  // unexpected (an engine down) is a 500 to retry. Each is a problem response, never an HTML page.
  router.use((error: unknown, _request: Request, response: Response, _next: () => void) => {
    const refused = bodyErrorProblem(error);
    if (refused) {
      sendProblem(response, refused);
      return;
    }
    options.logger.error('partner webhook failed', { error });
    sendProblem(response, {
      status: 500,
      title: 'Not handled',
      detail: 'The request could not be handled now; retry with the same Idempotency-Key',
      code: 'INTERNAL',
    });
  });
  return router;
}
