import { z } from 'zod';

/**
 * Where a subscriber's digest e-mails go (decision 0037): a work address the subscriber gives.
 * Personal data: sealed under the subscriber's key in the dissemination log, never logged.
 */
export const DigestEmailSchema = z
  .object({
    address: z
      .email()
      .max(254)
      .describe('The work e-mail address the digest is sent to (personal: sealed, never logged).'),
  })
  .strict()
  .describe('Where the caller wants their digest e-mailed.');
export type DigestEmail = z.infer<typeof DigestEmailSchema>;

/** Event fields sealed under the subscriber's key, by event type (decision 0037). */
export const DIGEST_PERSONAL_FIELDS = ['address', 'unsubscribeToken'] as const;

/** How a subscriber stopped their digest e-mails: signed in, or with the link in an e-mail. */
/** How the e-mails stopped: the subscriber signed in, followed the link, or was erased. */
export const DigestStopSchema = z.enum(['signed_in', 'link', 'erased']);

export const DigestStateSchema = z
  .enum(['pending', 'sending', 'sent', 'retrying', 'failed', 'cancelled'])
  .describe(
    "Where one subscriber's digest for one period stands: pending, sending (an attempt under way), sent, retrying, failed (given up) or cancelled (nothing left to send, or unsubscribed).",
  );
export type DigestState = z.infer<typeof DigestStateSchema>;
