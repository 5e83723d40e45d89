import type { register } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { newValues } from '../../shared/field-changes';
import type { ResearchPlanEvent } from '../research-plan.decider';
import type { WorkstreamEvent } from '../workstream.decider';

/** A change to a plan or a work stream after it was first recorded: who, when, why, which fields. */
export interface Revision {
  at: string;
  by: string;
  justification: string;
  fields: string[];
}

/** The Research Plan for a year, as the graph reads it. */
export interface ResearchPlanEntry extends register.ResearchPlan {
  year: number;
  status: 'draft' | 'agreed';
  draftedAt: string;
  draftedBy: string;
  agreedAt: string | null;
  agreedBy: string | null;
  decision: string | null;
  revisions: Revision[];
}

const revisionOf = (
  stored: StoredEvent,
  data: { by: string; justification: string; changes: Record<string, unknown> },
): Revision => ({
  at: stored.metadata.recordedAt,
  by: data.by,
  justification: data.justification,
  fields: Object.keys(data.changes),
});

export const researchPlans: ProjectionDefinition<ResearchPlanEntry> = {
  name: 'register-research-plans',
  version: 1,
  handles: ['register.plan.drafted', 'register.plan.revised', 'register.plan.agreed'],
  documentId: (stored) => String((stored as unknown as ResearchPlanEvent).data.year),
  evolve: (current, stored) => {
    const event = stored as unknown as ResearchPlanEvent;
    const at = stored.metadata.recordedAt;
    switch (event.type) {
      case 'register.plan.drafted':
        return {
          ...event.data.plan,
          year: event.data.year,
          status: 'draft',
          draftedAt: at,
          draftedBy: event.data.by,
          agreedAt: null,
          agreedBy: null,
          decision: null,
          revisions: [],
        };
      case 'register.plan.revised':
        return (
          current && {
            ...current,
            ...newValues(event.data.changes),
            revisions: [...current.revisions, revisionOf(stored, event.data)],
          }
        );
      case 'register.plan.agreed':
        return (
          current && {
            ...current,
            status: 'agreed',
            agreedAt: at,
            agreedBy: event.data.by,
            decision: event.data.decision,
          }
        );
    }
  },
};

export interface MilestoneEntry extends register.Milestone {
  milestoneId: string;
  /** The due date it was added with: a later one shows the milestone slipped. */
  firstDue: string;
  status: register.MilestoneStatus;
  /** What was said when it last moved (why it was dropped, for one). */
  note: string | null;
  updatedAt: string;
}

/** A work stream of the EBP Programme with its milestones, as the graph reads it. */
export interface WorkstreamEntry extends register.Workstream {
  workstreamId: string;
  definedAt: string;
  milestones: MilestoneEntry[];
  revisions: Revision[];
}

export const workstreams: ProjectionDefinition<WorkstreamEntry> = {
  name: 'register-workstreams',
  version: 1,
  handles: [
    'register.workstream.defined',
    'register.workstream.revised',
    'register.workstream.milestone-added',
    'register.workstream.milestone-progressed',
    'register.workstream.milestone-rescheduled',
  ],
  documentId: (stored) => (stored as unknown as WorkstreamEvent).data.workstreamId,
  evolve: (current, stored) => {
    const event = stored as unknown as WorkstreamEvent;
    const at = stored.metadata.recordedAt;
    if (event.type === 'register.workstream.defined')
      return {
        ...event.data.workstream,
        workstreamId: event.data.workstreamId,
        definedAt: at,
        milestones: [],
        revisions: [],
      };
    if (!current) return null;
    switch (event.type) {
      case 'register.workstream.revised':
        return {
          ...current,
          ...newValues(event.data.changes),
          revisions: [...current.revisions, revisionOf(stored, event.data)],
        };
      case 'register.workstream.milestone-added':
        return {
          ...current,
          milestones: [
            ...current.milestones,
            {
              ...event.data.milestone,
              milestoneId: event.data.milestoneId,
              firstDue: event.data.milestone.due,
              status: 'planned',
              note: null,
              updatedAt: at,
            },
          ],
        };
      case 'register.workstream.milestone-rescheduled':
        return {
          ...current,
          milestones: current.milestones.map((milestone) =>
            milestone.milestoneId === event.data.milestoneId
              ? { ...milestone, due: event.data.to, updatedAt: at }
              : milestone,
          ),
        };
      case 'register.workstream.milestone-progressed':
        return {
          ...current,
          milestones: current.milestones.map((milestone) =>
            milestone.milestoneId === event.data.milestoneId
              ? {
                  ...milestone,
                  status: event.data.status,
                  note: event.data.note ?? null,
                  updatedAt: at,
                }
              : milestone,
          ),
        };
    }
  },
};
