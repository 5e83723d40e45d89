import type { Identity } from '@ebp/platform';
import type { CommunityStores } from '../application/community-application';

/** What the community's subgraph needs; the composition root builds it. */
export interface CommunityRuntime extends CommunityStores {
  readonly identify: (request: {
    readonly headers: Record<string, string | string[] | undefined>;
  }) => Promise<Identity>;
}

export const COMMUNITY_RUNTIME = Symbol('COMMUNITY_RUNTIME');
