import express, { type Request, type Response } from 'express';
import type { DevelopmentIssuer } from '@ebp/platform';
import { forward, type ForwardOptions } from './forwarding';

/** The library's Atom feed, served by the dissemination service. */
export const LIBRARY_FEED_PATH = '/feeds/library.atom';
/** The public page of published findings and its JSON-LD, served by the dissemination service. */
export const PUBLIC_LIBRARY_PATHS = ['/public/library', '/public/library.json'] as const;
/** The unsubscribe link of a digest e-mail (GET: its page; POST: RFC 8058 one-click), served by the dissemination service. */
export const DIGEST_UNSUBSCRIBE_PATH = '/public/digest/unsubscribe';
/** Where a partner posts a signed outcome, served by the partners service. */
export const PARTNER_WEBHOOK_PATH = '/webhooks/partners/:organisationId/outcomes';
/** The keys bearer tokens are verified against. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** The webhook path of one partner organisation. */
export const partnerWebhookPath = (organisationId: string) =>
  PARTNER_WEBHOOK_PATH.replace(':organisationId', encodeURIComponent(organisationId));

/**
 * Where a service serves its own HTTP routes: its subgraph URL without the trailing `/graphql`
 * (`http://partners:4000/graphql` → `http://partners:4000`; a path prefix is kept).
 */
export function serviceBase(subgraphUrl: string): string {
  const url = new URL(subgraphUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

export interface PublicRoutesOptions {
  /** Each owning service's base URL (see serviceBase). */
  readonly services: { readonly partners: string; readonly dissemination: string };
  /**
   * The JWKS at `/.well-known/jwks.json`: keys served here (the development issuer's), or the
   * identity provider's JWKS URL, forwarded; none: not served.
   */
  readonly jwks?: { readonly keys: DevelopmentIssuer['jwks'] } | { readonly url: string };
  readonly forwarding?: ForwardOptions;
}

/**
 * What people and partner systems reach besides the graph, the page and the health endpoints,
 * each forwarded to the service that owns it, so that the platform has one public origin. The
 * forwarded path is rebuilt from the route and its decoded parameters (never the raw URL), so no
 * `..` or encoded slash reaches any other of the service's paths; the query string goes as sent.
 */
export function publicRoutes(options: PublicRoutesOptions): express.Router {
  const router = express.Router();
  const query = (request: Request) => {
    const at = request.originalUrl.indexOf('?');
    return at === -1 ? '' : request.originalUrl.slice(at);
  };
  const to = (base: string, path: string, request: Request) =>
    new URL(`${base}${path}${query(request)}`);

  // What the library serves without a token: its feed, its public page and the page's JSON-LD.
  for (const path of [LIBRARY_FEED_PATH, ...PUBLIC_LIBRARY_PATHS])
    router.get(path, (request: Request, response: Response) =>
      forward(request, response, to(options.services.dissemination, path, request), {
        ...options.forwarding,
        withoutCredentials: true,
      }),
    );
  // The unsubscribe link: its token is in the query; no credentials go with it either way.
  const unsubscribe = (request: Request, response: Response) =>
    forward(
      request,
      response,
      to(options.services.dissemination, DIGEST_UNSUBSCRIBE_PATH, request),
      {
        ...options.forwarding,
        withoutCredentials: true,
      },
    );
  router.get(DIGEST_UNSUBSCRIBE_PATH, unsubscribe);
  router.post(DIGEST_UNSUBSCRIBE_PATH, unsubscribe);
  router.post(
    PARTNER_WEBHOOK_PATH,
    (request: Request<{ organisationId: string }>, response: Response) =>
      forward(
        request,
        response,
        to(options.services.partners, partnerWebhookPath(request.params.organisationId), request),
        options.forwarding,
      ),
  );
  const { jwks } = options;
  if (jwks && 'keys' in jwks)
    router.get(JWKS_PATH, (_request: Request, response: Response) => {
      // A development key lives as long as the process: caches must ask again.
      response.setHeader('cache-control', 'no-cache');
      response.json(jwks.keys);
    });
  else if (jwks)
    router.get(JWKS_PATH, (request: Request, response: Response) =>
      forward(request, response, new URL(jwks.url), options.forwarding),
    );
  return router;
}
