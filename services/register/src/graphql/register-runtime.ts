import type { Identity } from '@ebp/platform';
import type { RegisterStores } from '../application/register-application';

/** What the register's subgraph needs; the composition root (all-in-one or distributed) builds it. */
export interface RegisterRuntime extends RegisterStores {
  /** Resolves the caller's verified identity from the request, or throws an authentication error. */
  readonly identify: (request: {
    readonly headers: Record<string, string | string[] | undefined>;
  }) => Promise<Identity>;
}

export const REGISTER_RUNTIME = Symbol('REGISTER_RUNTIME');
