import type {
  ResearchPlanEntry,
  WorkstreamEntry,
} from '../programme/projections/programme.projections';

/** The Research Plan and the EBP Programme as they stood at the end of the report's day. */
export interface ProgrammeSection {
  /** Every year's plan, oldest first; a later year's agreed plan supersedes an agreed one. */
  readonly plans: readonly {
    readonly year: number;
    readonly title: string;
    readonly status: 'draft' | 'agreed' | 'superseded';
    readonly agreedOn: string | null;
    readonly priorities: number;
  }[];
  /** Each work stream's milestones by where they stand, by work stream id. */
  readonly workstreams: readonly {
    readonly workstreamId: string;
    readonly name: string;
    readonly milestones: number;
    readonly planned: number;
    readonly inProgress: number;
    readonly done: number;
    readonly dropped: number;
    readonly overdue: number;
  }[];
  /** Milestones due before the day and neither done nor dropped, by due date. */
  readonly overdueMilestones: readonly {
    readonly workstreamId: string;
    readonly milestoneId: string;
    readonly title: string;
    readonly due: string;
  }[];
}

const isOpen = (status: string) => status === 'planned' || status === 'in_progress';

/** The programme section, pure and ordered: the same inputs give the same section. */
export function programmeSection(
  plans: readonly ResearchPlanEntry[],
  workstreams: readonly WorkstreamEntry[],
  asOf: string,
): ProgrammeSection {
  const latestAgreed = Math.max(
    ...plans.filter((plan) => plan.status === 'agreed').map((plan) => plan.year),
  );
  const ordered = [...workstreams].sort((a, b) => a.workstreamId.localeCompare(b.workstreamId));
  const overdue = ordered.flatMap((workstream) =>
    workstream.milestones
      .filter((milestone) => isOpen(milestone.status) && milestone.due < asOf)
      .map((milestone) => ({
        workstreamId: workstream.workstreamId,
        milestoneId: milestone.milestoneId,
        title: milestone.title,
        due: milestone.due,
      })),
  );
  return {
    plans: [...plans]
      .sort((a, b) => a.year - b.year)
      .map((plan) => ({
        year: plan.year,
        title: plan.title,
        status: plan.status === 'agreed' && plan.year < latestAgreed ? 'superseded' : plan.status,
        agreedOn: plan.agreedAt?.slice(0, 10) ?? null,
        priorities: plan.priorityIds.length,
      })),
    workstreams: ordered.map((workstream) => {
      const count = (status: string) =>
        workstream.milestones.filter((milestone) => milestone.status === status).length;
      return {
        workstreamId: workstream.workstreamId,
        name: workstream.name,
        milestones: workstream.milestones.length,
        planned: count('planned'),
        inProgress: count('in_progress'),
        done: count('done'),
        dropped: count('dropped'),
        overdue: overdue.filter((line) => line.workstreamId === workstream.workstreamId).length,
      };
    }),
    overdueMilestones: overdue.sort(
      (a, b) =>
        a.due.localeCompare(b.due) ||
        a.workstreamId.localeCompare(b.workstreamId) ||
        a.milestoneId.localeCompare(b.milestoneId),
    ),
  };
}
