import type { Identity } from '@ebp/platform';
import type { RegisterRuntime } from './register-runtime';

export interface RequestContext {
  readonly req: { readonly headers: Record<string, string | string[] | undefined> };
  /** The verified identity, resolved once per request. */
  identity?: Promise<Identity>;
}

/** The caller's verified identity; every resolver asks, so no path is left unauthenticated. */
export function identityOf(runtime: RegisterRuntime, context: RequestContext): Promise<Identity> {
  context.identity ??= runtime.identify(context.req);
  return context.identity;
}
