import express, { type Request, type Response, type Router } from 'express';
import { sendProblem } from '@ebp/platform';
import { NotFound } from '../dissemination-errors';
import { escapeXml } from '../feeds/atom';
import { UNSUBSCRIBE_PATH } from './digest-mail';

/** The page runs nothing, loads nothing, is framed by nobody, and its one form posts to itself. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/** A token as the application makes them: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function page(title: string, body: string): string {
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeXml(title)} | EBP Platform</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>' +
    `</head><body><main><h1>${escapeXml(title)}</h1>${body}</main></body></html>\n`
  );
}

const notThisLink = (response: Response) =>
  sendProblem(response, {
    status: 404,
    title: 'Unknown unsubscribe link',
    detail: 'This link does not stop any digest e-mails. Sign in to manage your subscription.',
    code: 'NOT_FOUND',
  });

/**
 * The unsubscribe link of a digest e-mail, without signing in (decision 0037). GET shows a page
 * whose one button confirms (mail scanners fetch links; only a POST unsubscribes); POST, also
 * the RFC 8058 one-click POST a mail client makes from `List-Unsubscribe`, stops the e-mails. A
 * token that is not a subscription's current one gets the same 404 problem, whatever it is.
 */
export function unsubscribeRoutes(options: {
  /** Whether the token is a subscription's current one (the read model, no catch-up first). */
  readonly known: (token: string) => Promise<boolean>;
  readonly unsubscribe: (token: string) => Promise<void>;
}): Router {
  const router = express.Router();
  const tokenOf = (request: Request): string | undefined => {
    const token = request.query.token;
    return typeof token === 'string' && TOKEN.test(token) ? token : undefined;
  };
  const secured = (response: Response) => {
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('content-security-policy', PAGE_POLICY);
  };
  const unavailable = (response: Response) =>
    sendProblem(response, {
      status: 503,
      title: 'Subscriptions unavailable',
      detail: 'Your subscription could not be changed just now; try the link again shortly',
      code: 'SUBSCRIPTIONS_UNAVAILABLE',
    });
  router.get(UNSUBSCRIBE_PATH, async (request: Request, response: Response) => {
    const token = tokenOf(request);
    try {
      if (!token || !(await options.known(token))) return notThisLink(response);
    } catch {
      return unavailable(response);
    }
    secured(response);
    response
      .status(200)
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Stop your EBP digest e-mails',
          '<p>You will get no more digest e-mails from the EBP Platform. Your subscription stays: sign in to read your digest or to e-mail it again.</p>' +
            `<form method="post" action="${escapeXml(`${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`)}">` +
            '<button type="submit">Stop the e-mails</button></form>',
        ),
      );
  });
  router.post(
    UNSUBSCRIBE_PATH,
    // RFC 8058's body (List-Unsubscribe=One-Click) or the page's empty form: read and ignored.
    express.urlencoded({ extended: false, limit: '1kb' }),
    async (request: Request, response: Response) => {
      const token = tokenOf(request);
      if (!token) return notThisLink(response);
      try {
        await options.unsubscribe(token);
      } catch (error) {
        if (error instanceof NotFound) return notThisLink(response);
        return unavailable(response);
      }
      secured(response);
      response
        .status(200)
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Digest e-mails stopped',
            '<p>You will get no more digest e-mails. Sign in to the EBP Platform to e-mail your digest again.</p>',
          ),
        );
    },
  );
  return router;
}
