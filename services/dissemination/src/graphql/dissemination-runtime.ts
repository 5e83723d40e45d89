import type { Identity } from '@ebp/platform';
import type { DisseminationStores } from '../application/dissemination-application';

/** What the dissemination subgraph needs; the composition root builds it. */
export interface DisseminationRuntime extends DisseminationStores {
  readonly identify: (request: {
    readonly headers: Record<string, string | string[] | undefined>;
  }) => Promise<Identity>;
}

export const DISSEMINATION_RUNTIME = Symbol('DISSEMINATION_RUNTIME');
