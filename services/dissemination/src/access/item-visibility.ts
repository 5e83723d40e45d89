import type { ReferenceGuard } from '@ebp/access';
import { hasRole, type Identity } from '@ebp/platform';
import type { LibraryItemEntry } from '../projections/dissemination-read-models';
import { EDITORS, mayReadVersion, namedProjects } from './library-access';

/** A library item as one caller may see it. */
export interface VisibleLibraryItem {
  /** The item, with the project references the caller may not see left out. */
  readonly entry: LibraryItemEntry;
  /** The caller edits it: they see the working copy, the releases and the audit trail. */
  readonly editor: boolean;
}

/** Every register project an item names, in any of its versions. */
export function projectsOfEntry(entry: LibraryItemEntry): string[] {
  return [
    ...new Set([
      ...entry.projectIds,
      ...namedProjects(entry.source, entry.draft),
      ...(entry.published ? namedProjects(entry.source, entry.published.content) : []),
    ]),
  ];
}

/** Which of the projects these items name the caller may see (one read for the batch). */
export function visibleProjectsOf(
  projects: ReferenceGuard,
  identity: Identity,
  entries: readonly LibraryItemEntry[],
): Promise<Set<string>> {
  return projects.visibleIds(identity, entries.flatMap(projectsOfEntry));
}

/** An editor who may read both the working copy and the published version. */
export function mayEdit(
  identity: Identity,
  entry: LibraryItemEntry,
  visibleProjects: ReadonlySet<string>,
): boolean {
  return (
    hasRole(identity, EDITORS) &&
    mayReadVersion(identity, entry.source, entry.draft, visibleProjects) &&
    (entry.published === null ||
      mayReadVersion(identity, entry.source, entry.published.content, visibleProjects))
  );
}

/** A reader of the published version. */
export function mayReadPublished(
  identity: Identity,
  entry: LibraryItemEntry,
  visibleProjects: ReadonlySet<string>,
): boolean {
  return (
    entry.status === 'published' &&
    entry.published !== null &&
    mayReadVersion(identity, entry.source, entry.published.content, visibleProjects)
  );
}

/** The entry without the project references the caller may not see. */
export function redactedFor(
  entry: LibraryItemEntry,
  visibleProjects: ReadonlySet<string>,
): LibraryItemEntry {
  const keep = (projectIds: readonly string[]) =>
    projectIds.filter((projectId) => visibleProjects.has(projectId));
  return {
    ...entry,
    projectIds: keep(entry.projectIds),
    draft: { ...entry.draft, projectIds: keep(entry.draft.projectIds) },
    published: entry.published
      ? {
          ...entry.published,
          content: {
            ...entry.published.content,
            projectIds: keep(entry.published.content.projectIds),
          },
        }
      : null,
  };
}

/**
 * The item as the caller may see it, or null: editors see drafts and withdrawn items they may
 * read; readers see the published version, if they may read it. `publishedOnly` keeps lists of
 * published items to those whose published version the caller may read.
 */
export function seenBy(
  identity: Identity,
  entry: LibraryItemEntry,
  visibleProjects: ReadonlySet<string>,
  publishedOnly = false,
): VisibleLibraryItem | null {
  const reader = mayReadPublished(identity, entry, visibleProjects);
  if (publishedOnly && !reader) return null;
  const editor = mayEdit(identity, entry, visibleProjects);
  if (!editor && !reader) return null;
  return { entry: redactedFor(entry, visibleProjects), editor };
}
