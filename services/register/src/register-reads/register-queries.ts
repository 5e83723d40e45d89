import type { DocumentCollection, Filter, FoundDocuments, SortField } from '@ebp/eventing';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type { ProjectStatus } from '../projects/project';

/** The register list's filters, as officers and the committee use them. */
export interface RegisterFilter {
  readonly status?: readonly ProjectStatus[];
  readonly priorityId?: string;
  readonly owningUnit?: string;
  readonly ebpLevel?: ProjectSummary['ebpLevel'];
  readonly smsLevel?: { readonly min?: number; readonly max?: number };
  readonly method?: string;
  readonly classification?: ProjectSummary['classification'];
  /** Words that must all appear in the title or summary. */
  readonly text?: string;
}

/** The graph's sort values and the read model's fields they sort by. */
const SORT_FIELDS = {
  title: 'title',
  proposed_at: 'proposedAt',
  updated_at: 'updatedAt',
  planned_sms_level: 'plannedSmsLevel',
  planned_start: 'plannedStart',
} as const;

export type RegisterSort = keyof typeof SORT_FIELDS;

export interface RegisterQuery {
  readonly filter?: RegisterFilter;
  readonly sort?: { readonly by: RegisterSort; readonly direction: 'asc' | 'desc' };
  readonly limit?: number;
  readonly offset?: number;
  /** Count the matches over all pages (a second read): only when the caller reads the total. */
  readonly total?: boolean;
}

/** A page of the register list; `total` only when the query asked for it. */
export interface RegisterPage extends FoundDocuments<ProjectSummary> {
  readonly total?: number;
}

const MAX_PAGE = 200;

/** Builds the document-store filter; words of a text search are combined with AND, each a substring match. */
export function toDocumentFilter(filter: RegisterFilter = {}): {
  filter: Filter;
  textWords: string[];
} {
  const conditions: Record<string, Filter[string]> = {};
  if (filter.status?.length) conditions.status = { $in: [...filter.status] };
  if (filter.priorityId) conditions.priorityIds = { $contains: filter.priorityId };
  if (filter.owningUnit) conditions.owningUnit = filter.owningUnit;
  if (filter.ebpLevel) conditions.ebpLevel = filter.ebpLevel;
  if (filter.smsLevel?.min !== undefined || filter.smsLevel?.max !== undefined) {
    conditions.plannedSmsLevel = {
      ...(filter.smsLevel.min !== undefined ? { $gte: filter.smsLevel.min } : {}),
      ...(filter.smsLevel.max !== undefined ? { $lte: filter.smsLevel.max } : {}),
    };
  }
  if (filter.method) conditions.methods = { $contains: filter.method };
  if (filter.classification) conditions.classification = filter.classification;
  const textWords = (filter.text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  // The filter language has one condition per field, so the first word filters in the store and
  // the rest are checked on the page of candidates (see listProjects).
  if (textWords[0]) conditions.searchText = { $includes: textWords[0] };
  return { filter: conditions, textWords };
}

/** The register list: filtered, searched, sorted and paged, within `scope` (e.g. what a caller may read). */
export async function listProjects(
  projects: DocumentCollection<ProjectSummary>,
  query: RegisterQuery = {},
  scope: Filter = {},
): Promise<RegisterPage> {
  const { filter: conditions, textWords } = toDocumentFilter(query.filter);
  const filter = { ...conditions, ...scope };
  const sort: SortField[] = query.sort
    ? [{ field: SORT_FIELDS[query.sort.by], direction: query.sort.direction }]
    : [{ field: 'updatedAt', direction: 'desc' }];
  const limit = Math.min(Math.max(query.limit ?? 50, 0), MAX_PAGE);
  const offset = Math.max(query.offset ?? 0, 0);
  if (textWords.length <= 1)
    return query.total === false
      ? projects.find({ filter, sort, limit, offset, total: false })
      : projects.find({ filter, sort, limit, offset });
  // Several words: narrow by the first in the store, then require the others here.
  const candidates = await projects.find({ filter, sort, total: false });
  const matching = candidates.items.filter((item) =>
    textWords.every((word) => item.body.searchText.includes(word)),
  );
  const items = matching.slice(offset, offset + limit);
  return query.total === false ? { items } : { items, total: matching.length };
}

/** The same filter applied in memory, for registers rebuilt by replay (time travel). */
export function matchesFilter(project: ProjectSummary, filter: RegisterFilter = {}): boolean {
  const { textWords } = toDocumentFilter(filter);
  const sms = filter.smsLevel;
  return (
    (!filter.status?.length || filter.status.includes(project.status)) &&
    (!filter.priorityId || project.priorityIds.includes(filter.priorityId)) &&
    (!filter.owningUnit || project.owningUnit === filter.owningUnit) &&
    (!filter.ebpLevel || project.ebpLevel === filter.ebpLevel) &&
    (sms?.min === undefined || project.plannedSmsLevel >= sms.min) &&
    (sms?.max === undefined || project.plannedSmsLevel <= sms.max) &&
    (!filter.method || project.methods.includes(filter.method)) &&
    (!filter.classification || project.classification === filter.classification) &&
    textWords.every((word) => project.searchText.includes(word))
  );
}

export interface PriorityCoverage {
  readonly priorityId: string;
  readonly title: string;
  readonly projects: number;
  readonly byStatus: Partial<Record<ProjectStatus, number>>;
}

const NOT_RESEARCH = new Set<ProjectStatus>(['rejected', 'withdrawn']);

/** Research Plan coverage: projects per priority (rejected and withdrawn ones do not count). */
export function coverage(
  priorities: readonly { priorityId: string; title: string }[],
  projects: readonly Pick<ProjectSummary, 'priorityIds' | 'status'>[],
): { priorities: PriorityCoverage[]; uncovered: string[] } {
  const rows = priorities.map((priority) => {
    const linked = projects.filter(
      (project) =>
        project.priorityIds.includes(priority.priorityId) && !NOT_RESEARCH.has(project.status),
    );
    const byStatus: Partial<Record<ProjectStatus, number>> = {};
    for (const project of linked) byStatus[project.status] = (byStatus[project.status] ?? 0) + 1;
    return {
      priorityId: priority.priorityId,
      title: priority.title,
      projects: linked.length,
      byStatus,
    };
  });
  return {
    priorities: rows,
    uncovered: rows.filter((row) => row.projects === 0).map((row) => row.priorityId),
  };
}
