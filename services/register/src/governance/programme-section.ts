import { standingOf } from '../programme/plan-standing';
import { byText } from '../shared/ordering';
import type {
  ResearchPlanEntry,
  WorkstreamEntry,
} from '../programme/projections/programme.projections';

/** The Research Plan and the EBP Programme as they stood at the end of the report's day. */
export interface ProgrammeSection {
  /** Every year's plan, oldest first, as it stood in the report's year (see plan-standing.ts). */
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
  const ordered = [...workstreams].sort((a, b) => byText(a.workstreamId, b.workstreamId));
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
    plans: standingOf(plans, Number(asOf.slice(0, 4)))
      .sort((a, b) => a.year - b.year)
      .map((plan) => ({
        year: plan.year,
        title: plan.title,
        status: plan.status,
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
        byText(a.due, b.due) ||
        byText(a.workstreamId, b.workstreamId) ||
        byText(a.milestoneId, b.milestoneId),
    ),
  };
}
