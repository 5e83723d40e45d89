import type { DocumentCollection, EventStore } from '@ebp/eventing';
import type { Identity } from '@ebp/platform';
import type { ProjectCommands } from '../projects/project.handler';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';

/** What the register's resolvers need; the composition root (all-in-one or distributed) builds it. */
export interface RegisterRuntime {
  readonly store: EventStore;
  readonly commands: ProjectCommands;
  readonly projects: () => Promise<DocumentCollection<ProjectSummary>>;
  /** Brings the read models up to date, so that a client reads its own writes. */
  readonly catchUp: () => Promise<void>;
  /** Resolves the caller's verified identity from the request, or throws an authentication error. */
  readonly identify: (request: {
    readonly headers: Record<string, string | string[] | undefined>;
  }) => Promise<Identity>;
  readonly now: () => Date;
}

export const REGISTER_RUNTIME = Symbol('REGISTER_RUNTIME');
