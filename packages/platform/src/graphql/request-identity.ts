import type { Identity } from '../auth/identity';
import type { LoaderHolder } from './request-loaders';

/**
 * What a subgraph's GraphQL context holds: the HTTP request, the identity once verified, and the
 * request's batched loaders (made on first use, gone with the request).
 */
export interface RequestContext extends LoaderHolder {
  readonly req: { readonly headers: Record<string, string | string[] | undefined> };
  /** The verified identity, resolved once per request. */
  identity?: Promise<Identity>;
}

export interface IdentityResolver {
  readonly identify: (request: RequestContext['req']) => Promise<Identity>;
}

/** The caller's verified identity; every resolver asks, so no path is left unauthenticated. */
export function identityOf(runtime: IdentityResolver, context: RequestContext): Promise<Identity> {
  context.identity ??= runtime.identify(context.req);
  return context.identity;
}
