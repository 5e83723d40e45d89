import { register } from '@ebp/contracts';
import type { ProjectStatus } from '../projects/project';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type { PrioritySummary } from '../priorities/projections/priority-summary.projection';
import { deadlinesOf } from '../register-reads/deadlines';
import { coverage } from '../register-reads/register-queries';
import { endOfReportDay } from './report-day';
import { countBy, type Count, type ProjectLine } from './report-counts';
import type { OtherServicesRecord } from './other-services-record';
import type {
  ResearchPlanEntry,
  WorkstreamEntry,
} from '../programme/projections/programme.projections';
import { programmeSection, type ProgrammeSection } from './programme-section';
import { meetingsSection, type MeetingsSection } from './meetings-section';
import { benchmarkingSection, type BenchmarkingSection } from './benchmarking-section';
import type { MeetingEntry } from '../meetings/projections/meetings.projection';
import {
  partnersSection,
  peopleSection,
  reachSection,
  type PartnersSection,
  type PeopleSection,
  type ReachSection,
} from './other-services-sections';

export type { Count, ProjectLine } from './report-counts';

/** One decision of the EBP Committee, with how long it took from the proposal. */
export interface DecisionRecord {
  readonly projectId: string;
  readonly decision: 'approved' | 'rejected' | 'deferred';
  readonly proposedAt: string;
  readonly decidedAt: string;
}

/** What the replay of the log up to the report's date gives the report. */
export interface GovernanceInputs {
  /** YYYY-MM-DD: the report covers everything recorded up to the end of this day (UTC). */
  readonly asOf: string;
  readonly projects: readonly ProjectSummary[];
  readonly priorities: readonly PrioritySummary[];
  readonly plans: readonly ResearchPlanEntry[];
  readonly workstreams: readonly WorkstreamEntry[];
  readonly meetings: readonly MeetingEntry[];
  readonly decisions: readonly DecisionRecord[];
  /** The partners', the community's and the dissemination service's events, folded. */
  readonly otherServices: OtherServicesRecord;
  readonly basis: ReportBasis;
  /** Which projects the report covers, in words (see report-scope.ts). */
  readonly scope: string;
}

/**
 * What a report was rebuilt from. A report for one reader gives no counts or times (null): they
 * would move with what is recorded about entities the reader may not see.
 */
export interface ReportBasis {
  /** The register's events replayed, and when the last of them was recorded. */
  readonly events: number | null;
  readonly lastEventAt: string | null;
  /** The other services' events the register keeps for governance, replayed. */
  readonly otherServicesEvents: number | null;
}

export interface LeadTimes {
  readonly decisions: number;
  readonly medianDays: number | null;
  readonly meanDays: number | null;
  readonly minDays: number | null;
  readonly maxDays: number | null;
}

export interface GovernanceReport {
  readonly title: string;
  readonly asOf: string;
  readonly basis: ReportBasis;
  /** Which projects the report covers, stated in the report. */
  readonly scope: string;
  readonly projects: {
    readonly total: number;
    readonly byStatus: readonly Count[];
    readonly byPriority: readonly Count[];
    readonly byEbpLevel: readonly Count[];
    readonly byMethod: readonly Count[];
    /** The achieved SMS level of completed projects, the planned one otherwise. */
    readonly bySmsLevel: readonly Count[];
  };
  readonly decisions: {
    readonly approved: LeadTimes;
    readonly rejected: LeadTimes;
    readonly deferred: LeadTimes;
    readonly list: readonly (DecisionRecord & ProjectLine & { readonly leadTimeDays: number })[];
  };
  readonly researchPlan: {
    readonly priorities: readonly {
      readonly priorityId: string;
      readonly title: string;
      readonly projects: number;
      readonly byStatus: readonly Count[];
    }[];
    /** Active priorities with no research against them. */
    readonly gaps: readonly string[];
  };
  readonly programme: ProgrammeSection;
  readonly meetings: MeetingsSection;
  readonly benchmarking: BenchmarkingSection;
  readonly overdue: {
    readonly progress: readonly (ProjectLine & { readonly due: string })[];
    readonly results: readonly (ProjectLine & { readonly due: string })[];
  };
  readonly outcomeSwitching: readonly (ProjectLine & {
    readonly reportedOutcomesDiffer: boolean;
    readonly outcomesChangedAfterApproval: boolean;
  })[];
  readonly partners: PartnersSection;
  readonly people: PeopleSection;
  readonly reach: ReachSection;
}

const STATUSES: readonly ProjectStatus[] = register.ProjectStatusSchema.options;
const LEVELS = register.EbpLevelSchema.options;
const DAY_MS = 86_400_000;

const round1 = (value: number) => Math.round(value * 10) / 10;

function leadTimes(days: readonly number[]): LeadTimes {
  if (days.length === 0)
    return { decisions: 0, medianDays: null, meanDays: null, minDays: null, maxDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    decisions: days.length,
    medianDays: round1(median),
    meanDays: round1(days.reduce((sum, value) => sum + value, 0) / days.length),
    minDays: round1(sorted[0]!),
    maxDays: round1(sorted.at(-1)!),
  };
}

const lineOf = (project: ProjectSummary): ProjectLine => ({
  projectId: project.projectId,
  title: project.title,
  classification: project.classification,
});

const byId = <Line extends { projectId: string }>(a: Line, b: Line) =>
  a.projectId.localeCompare(b.projectId);

/**
 * The quarterly EBP governance report, from the register as it stood at the end of `asOf`.
 * Pure and ordered throughout, so the same inputs always give the same report, byte for byte.
 */
export function buildGovernanceReport(inputs: GovernanceInputs): GovernanceReport {
  const projects = [...inputs.projects].sort(byId);
  const projectById = new Map(projects.map((project) => [project.projectId, project]));
  const priorities = [...inputs.priorities].sort((a, b) =>
    a.priorityId.localeCompare(b.priorityId),
  );
  const priorityTitle = new Map(
    priorities.map((priority) => [priority.priorityId, priority.title]),
  );
  const decisions = inputs.decisions
    .filter((decision) => projectById.has(decision.projectId))
    .map((decision) => ({
      ...decision,
      ...lineOf(projectById.get(decision.projectId)!),
      leadTimeDays: round1(
        (Date.parse(decision.decidedAt) - Date.parse(decision.proposedAt)) / DAY_MS,
      ),
    }))
    .sort(
      (a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.projectId.localeCompare(b.projectId),
    );
  // Other services may name projects the register did not hold on the day.
  const projectLine = (projectId: string): ProjectLine => {
    const project = projectById.get(projectId);
    return project
      ? lineOf(project)
      : { projectId, title: '(not in the register)', classification: 'OFFICIAL' };
  };
  const daysOf = (kind: DecisionRecord['decision']) =>
    decisions.filter((decision) => decision.decision === kind).map((d) => d.leadTimeDays);
  const active = priorities.filter((priority) => priority.status === 'active');
  const plan = coverage(active, projects);
  const deadlines = projects.flatMap((project) =>
    deadlinesOf(project, inputs.asOf).map((deadline) => ({ ...deadline, project })),
  );
  const overdue = (kind: 'progress_report_overdue' | 'results_overdue') =>
    deadlines
      .filter((deadline) => deadline.kind === kind)
      .map((deadline) => ({ ...lineOf(deadline.project), due: deadline.due }))
      .sort(byId);
  return {
    title: 'EBP governance report',
    asOf: inputs.asOf,
    basis: inputs.basis,
    scope: inputs.scope,
    projects: {
      total: projects.length,
      byStatus: countBy(
        projects.map((project) => project.status),
        STATUSES,
      ),
      byPriority: countBy(
        projects.flatMap((project) =>
          project.priorityIds.length > 0 ? project.priorityIds : ['none'],
        ),
        [],
        (key) => (key === 'none' ? 'No priority' : (priorityTitle.get(key) ?? key)),
      ),
      byEbpLevel: countBy(
        projects.map((project) => project.ebpLevel),
        LEVELS,
      ),
      byMethod: countBy(projects.flatMap((project) => [...new Set(project.methods)])),
      bySmsLevel: countBy(
        projects.map((project) => String(project.achievedSmsLevel ?? project.plannedSmsLevel)),
        ['1', '2', '3', '4', '5'],
        (key) => `SMS ${key}`,
      ),
    },
    decisions: {
      approved: leadTimes(daysOf('approved')),
      rejected: leadTimes(daysOf('rejected')),
      deferred: leadTimes(daysOf('deferred')),
      list: decisions,
    },
    researchPlan: {
      priorities: plan.priorities.map((row) => ({
        priorityId: row.priorityId,
        title: row.title,
        projects: row.projects,
        byStatus: countBy(
          STATUSES.flatMap((status) => Array<string>(row.byStatus[status] ?? 0).fill(status)),
        ),
      })),
      gaps: plan.uncovered,
    },
    programme: programmeSection(inputs.plans, inputs.workstreams, inputs.asOf),
    meetings: meetingsSection(inputs.meetings, inputs.asOf),
    overdue: { progress: overdue('progress_report_overdue'), results: overdue('results_overdue') },
    outcomeSwitching: projects
      .filter((project) => project.outcomeSwitching || project.outcomesChangedAfterApproval)
      .map((project) => ({
        ...lineOf(project),
        reportedOutcomesDiffer: project.outcomeSwitching,
        outcomesChangedAfterApproval: project.outcomesChangedAfterApproval,
      })),
    partners: partnersSection(inputs.otherServices, inputs.asOf, projectLine),
    people: peopleSection(inputs.otherServices, inputs.asOf, projectLine),
    reach: reachSection(inputs.otherServices, endOfReportDay(inputs.asOf)),
    benchmarking: benchmarkingSection(inputs.otherServices),
  };
}
