import { ProjectNotFound, type ReferenceGuard } from '@ebp/access';
import type { Identity } from '@ebp/platform';

/**
 * Refuses a write naming any project that does not exist or that the caller may not see, with the
 * one answer for both (`PROJECT_NOT_FOUND`, "No such research project"). Run it before any other
 * check whose answer could tell a hidden project from a missing one.
 */
export async function requireVisibleProjects(
  projects: ReferenceGuard,
  identity: Identity,
  projectIds: Iterable<string>,
): Promise<void> {
  await projects.requireAllVisible(identity, projectIds, () => new ProjectNotFound());
}

/**
 * The projects among these the caller may see, as `canSee` answers for each: the batch is read
 * once, and a miss is asked again the way `canSee` asks it (after the audience view caught up),
 * so a hidden or unknown project answers in a batch exactly as alone.
 */
export async function visibleProjects(
  projects: ReferenceGuard,
  identity: Identity,
  projectIds: Iterable<string>,
): Promise<Set<string>> {
  const wanted = [...new Set(projectIds)];
  const visible = await projects.visibleIds(identity, wanted);
  for (const id of wanted)
    if (!visible.has(id) && (await projects.canSee(identity, id))) visible.add(id);
  return visible;
}

/** The project a fund application names, if it names one (the decider checks the rest). */
export function projectIdOfApplication(application: unknown): string | undefined {
  if (typeof application !== 'object' || application === null) return undefined;
  const { projectId } = application as { readonly projectId?: unknown };
  return typeof projectId === 'string' ? projectId : undefined;
}

/** The project ids a nomination names, if it names any (the decider checks the rest). */
export function projectIdsOfNomination(nomination: {
  readonly projectIds?: readonly unknown[];
}): string[] {
  return (nomination.projectIds ?? []).filter((id): id is string => typeof id === 'string');
}
