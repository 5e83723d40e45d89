import { z } from 'zod';
import { OPEN_STATUSES, type ProjectStatus } from '../projects/project';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';

/** The deadlines the register watches (the graph's `DeadlineKind`). */
export const DeadlineKindSchema = z
  .enum([
    'progress_report_overdue',
    'results_overdue',
    'ethics_approval_expiring',
    'ethics_approval_expired',
  ])
  .describe(
    'Which deadline: a progress report or the results overdue, or an ethics approval expiring or expired.',
  );
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;

export interface Deadline {
  readonly projectId: string;
  readonly kind: DeadlineKind;
  /** The date the deadline fell or falls due. */
  readonly due: string;
}

/** How the register's deadlines are set; the defaults follow the EBP governance process. */
export interface DeadlinePolicy {
  /** A running project reports progress at least this often. */
  readonly progressIntervalDays: number;
  /** Findings are due this many months after the planned end. */
  readonly resultsDueMonthsAfterEnd: number;
  /** Ethics approvals expiring within this many days are flagged. */
  readonly ethicsWarningDays: number;
}

export const defaultDeadlinePolicy: DeadlinePolicy = {
  progressIntervalDays: 90,
  resultsDueMonthsAfterEnd: 12,
  ethicsWarningDays: 60,
};

const RUNNING = new Set<ProjectStatus>(['in_progress', 'suspended']);
const OPEN = new Set<ProjectStatus>(OPEN_STATUSES);

function addDays(date: string, days: number): string {
  const value = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const value = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}

/** The deadlines a project has missed, or is about to miss, on `today` (YYYY-MM-DD). Pure. */
export function deadlinesOf(
  project: ProjectSummary,
  today: string,
  policy = defaultDeadlinePolicy,
): Deadline[] {
  const deadlines: Deadline[] = [];
  if (RUNNING.has(project.status) && project.startedOn) {
    const due = addDays(
      (project.lastProgressAt ?? project.startedOn).slice(0, 10),
      policy.progressIntervalDays,
    );
    if (due < today)
      deadlines.push({ projectId: project.projectId, kind: 'progress_report_overdue', due });
  }
  if (RUNNING.has(project.status)) {
    const due = addMonths(project.plannedEnd, policy.resultsDueMonthsAfterEnd);
    if (due < today) deadlines.push({ projectId: project.projectId, kind: 'results_overdue', due });
  }
  if (
    OPEN.has(project.status) &&
    project.ethics.status === 'approved' &&
    project.ethics.expiresOn
  ) {
    const expires = project.ethics.expiresOn;
    if (expires < today)
      deadlines.push({
        projectId: project.projectId,
        kind: 'ethics_approval_expired',
        due: expires,
      });
    else if (expires <= addDays(today, policy.ethicsWarningDays)) {
      deadlines.push({
        projectId: project.projectId,
        kind: 'ethics_approval_expiring',
        due: expires,
      });
    }
  }
  return deadlines;
}
