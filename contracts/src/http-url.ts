import { z } from 'zod';

/** What a form shows beside a link that is not a web address. */
export const HTTP_URL_MESSAGE = 'Enter a web address starting with http:// or https://';

/**
 * A link people follow from the platform's pages and feeds: an absolute `http` or `https` URL,
 * nothing else (`javascript:`, `data:` or `file:` links would run or open something in the
 * reader's browser). For inputs; events recorded before this rule keep whatever they hold, so
 * whatever renders a stored link checks it with `isHttpUrl` too.
 */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: HTTP_URL_MESSAGE }).max(2_000);

/** Whether a stored link may be rendered as one (an `http` or `https` URL). */
export function isHttpUrl(value: unknown): value is string {
  return HttpUrlSchema.safeParse(value).success;
}
