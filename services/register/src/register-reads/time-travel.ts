import type { EventStore, LogPosition } from '@ebp/eventing';
import {
  evolveProjectSummary,
  projectSummaries,
  type ProjectSummary,
} from '../projects/projections/project-summary.projection';

/**
 * The register as it stood at the end of a given instant, rebuilt by replaying every project
 * event recorded up to then through the same evolve function as the live read model. Pure
 * replay: nothing recorded later can change the answer.
 */
export async function registerAsOf(
  store: EventStore,
  asOf: Date,
  pageSize = 2_000,
): Promise<ProjectSummary[]> {
  const limit = asOf.toISOString();
  const projects = new Map<string, ProjectSummary>();
  let after: LogPosition | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (!projectSummaries.handles.includes(event.type) || event.metadata.recordedAt > limit)
        continue;
      const next = evolveProjectSummary(projects.get(event.streamId) ?? null, event);
      if (next) projects.set(event.streamId, next);
      else projects.delete(event.streamId);
    }
    after = page[page.length - 1]?.position;
  }
  return [...projects.values()].sort((a, b) => a.projectId.localeCompare(b.projectId));
}
