import { DomainError } from '@ebp/eventing';
import { audienceProjection, type AudienceView } from './audience-view';
import type { ProjectionDefinition } from '@ebp/eventing';

/** The register's event that publishes a research project's whole audience. */
export const PROJECT_AUDIENCE_EVENT = 'register.project.audience-changed';

/** The answer to a project that does not exist, and so to one the caller may not see. */
export const NO_SUCH_PROJECT = 'No such research project';

/** A write named a project that does not exist or that the caller may not see: one answer for both. */
export class ProjectNotFound extends DomainError {
  readonly code = 'PROJECT_NOT_FOUND';
  constructor() {
    super(NO_SUCH_PROJECT);
  }
}

/** The audiences of the register's projects as one service keeps them (`<service>-project-audiences`). */
export function projectAudiences(service: string): ProjectionDefinition<AudienceView> {
  return audienceProjection({
    name: `${service}-project-audiences`,
    eventType: PROJECT_AUDIENCE_EVENT,
  });
}
