import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type { PrioritySummary } from '../priorities/projections/priority-summary.projection';
import type { ProjectRecord } from '../register-reads/project-record';

/** A project in the graph: its summary, and its full record loaded once, only if a field needs it. */
export interface GraphProject extends Record<string, unknown> {
  readonly id: string;
  readonly record: () => Promise<ProjectRecord | undefined>;
}

export function toGraphProject(
  summary: ProjectSummary,
  load: () => Promise<ProjectRecord | undefined>,
): GraphProject {
  let loaded: Promise<ProjectRecord | undefined> | undefined;
  return {
    ...summary,
    id: summary.projectId,
    record: () => (loaded ??= load()),
  };
}

export function toGraphPriority(priority: PrioritySummary) {
  return { ...priority, id: priority.priorityId };
}
