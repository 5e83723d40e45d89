import type { Identity } from '@ebp/platform';
import type { PartnersStores } from '../application/partners-application';

/** What the partners subgraph needs; the composition root builds it. */
export interface PartnersRuntime extends PartnersStores {
  readonly identify: (request: {
    readonly headers: Record<string, string | string[] | undefined>;
  }) => Promise<Identity>;
}

export const PARTNERS_RUNTIME = Symbol('PARTNERS_RUNTIME');
