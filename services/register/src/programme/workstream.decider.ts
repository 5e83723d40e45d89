import { parseOrThrow, register } from '@ebp/contracts';
import { DomainError, type Decider, type DomainEvent } from '@ebp/eventing';
import { newValues } from '../shared/field-changes';
import { requireText, revisedFields } from '../shared/revision';

export class WorkstreamAlreadyExists extends DomainError {
  readonly code = 'WORKSTREAM_ALREADY_EXISTS';
}
export class WorkstreamNotFound extends DomainError {
  readonly code = 'WORKSTREAM_NOT_FOUND';
}
export class MilestoneAlreadyExists extends DomainError {
  readonly code = 'MILESTONE_ALREADY_EXISTS';
}
export class MilestoneNotFound extends DomainError {
  readonly code = 'MILESTONE_NOT_FOUND';
}
export class IllegalMilestoneTransition extends DomainError {
  readonly code = 'ILLEGAL_MILESTONE_TRANSITION';
}
export class InvalidWorkstreamInput extends DomainError {
  readonly code = 'INVALID_WORKSTREAM_INPUT';
}

type WorkstreamEventType = Extract<register.ProgrammeEventType, `register.workstream.${string}`>;
export type WorkstreamEvent = {
  [Type in WorkstreamEventType]: DomainEvent<Type, register.ProgrammeEventData<Type>>;
}[WorkstreamEventType];

export type WorkstreamState =
  | { readonly defined: false }
  | {
      readonly defined: true;
      readonly workstreamId: string;
      readonly workstream: register.Workstream;
      readonly milestones: Readonly<
        Record<string, { readonly status: register.MilestoneStatus; readonly due: string }>
      >;
    };

export type WorkstreamCommand =
  | { type: 'define'; workstreamId: string; workstream: unknown; by: string }
  | { type: 'revise'; changes: unknown; justification: string; by: string }
  | { type: 'add-milestone'; milestoneId: string; milestone: unknown; by: string }
  | {
      type: 'reschedule-milestone';
      milestoneId: string;
      due: string;
      justification: string;
      by: string;
    }
  | {
      type: 'progress-milestone';
      milestoneId: string;
      status: register.MilestoneStatus;
      note?: string;
      by: string;
    };

/** Where a milestone may go from where it stands: done and dropped are final. */
const NEXT: Readonly<Record<register.MilestoneStatus, readonly register.MilestoneStatus[]>> = {
  planned: ['in_progress', 'done', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

function decide(command: WorkstreamCommand, state: WorkstreamState): WorkstreamEvent[] {
  if (command.type === 'define') {
    if (state.defined)
      throw new WorkstreamAlreadyExists(`Work stream ${state.workstreamId} exists already`);
    const workstream = parseOrThrow(
      register.WorkstreamSchema,
      command.workstream,
      'work stream',
      InvalidWorkstreamInput,
    );
    const { workstreamId, by } = command;
    return [{ type: 'register.workstream.defined', data: { workstreamId, workstream, by } }];
  }
  if (!state.defined) throw new WorkstreamNotFound('There is no such work stream');
  const { workstreamId } = state;
  switch (command.type) {
    case 'revise': {
      const { changes, justification } = revisedFields({
        current: state.workstream,
        changes: command.changes,
        justification: command.justification,
        changesSchema: register.WorkstreamChangesSchema,
        wholeSchema: register.WorkstreamSchema,
        what: 'work stream',
        Invalid: InvalidWorkstreamInput,
      });
      const { by } = command;
      return [
        { type: 'register.workstream.revised', data: { workstreamId, by, justification, changes } },
      ];
    }
    case 'add-milestone': {
      if (state.milestones[command.milestoneId])
        throw new MilestoneAlreadyExists(`Milestone ${command.milestoneId} exists already`);
      const milestone = parseOrThrow(
        register.MilestoneSchema,
        command.milestone,
        'milestone',
        InvalidWorkstreamInput,
      );
      const { milestoneId, by } = command;
      return [
        {
          type: 'register.workstream.milestone-added',
          data: { workstreamId, milestoneId, milestone, by },
        },
      ];
    }
    case 'reschedule-milestone': {
      const { milestoneId, by } = command;
      const current = state.milestones[milestoneId];
      if (!current) throw new MilestoneNotFound(`No milestone ${milestoneId} in this work stream`);
      if (!OPEN.has(current.status))
        throw new IllegalMilestoneTransition(`A milestone ${current.status} keeps its due date`);
      const to = parseOrThrow(
        register.MilestoneSchema.shape.due,
        command.due,
        'due',
        InvalidWorkstreamInput,
      );
      const justification = requireText(
        command.justification,
        'justification',
        InvalidWorkstreamInput,
      );
      if (to === current.due)
        throw new InvalidWorkstreamInput(`Milestone ${milestoneId} is due on ${to} already`, {
          issues: [],
        });
      return [
        {
          type: 'register.workstream.milestone-rescheduled',
          data: { workstreamId, milestoneId, from: current.due, to, justification, by },
        },
      ];
    }
    case 'progress-milestone': {
      const { milestoneId, status, by } = command;
      const note =
        command.note === undefined
          ? undefined
          : parseOrThrow(
              register.MilestoneNoteSchema,
              command.note,
              'note',
              InvalidWorkstreamInput,
            );
      const current = state.milestones[milestoneId];
      if (!current) throw new MilestoneNotFound(`No milestone ${milestoneId} in this work stream`);
      if (!NEXT[current.status].includes(status))
        throw new IllegalMilestoneTransition(
          `A milestone ${current.status} cannot become ${status}`,
        );
      if (status === 'dropped')
        requireText(note ?? '', 'Why it is dropped', InvalidWorkstreamInput);
      return [
        {
          type: 'register.workstream.milestone-progressed',
          data: { workstreamId, milestoneId, status, ...(note === undefined ? {} : { note }), by },
        },
      ];
    }
  }
}

const OPEN: ReadonlySet<register.MilestoneStatus> = new Set(['planned', 'in_progress']);

const withMilestone = (
  state: Extract<WorkstreamState, { defined: true }>,
  milestoneId: string,
  milestone: { readonly status: register.MilestoneStatus; readonly due: string },
): WorkstreamState => ({ ...state, milestones: { ...state.milestones, [milestoneId]: milestone } });

function evolve(state: WorkstreamState, event: WorkstreamEvent): WorkstreamState {
  if (event.type === 'register.workstream.defined')
    return {
      defined: true,
      workstreamId: event.data.workstreamId,
      workstream: event.data.workstream,
      milestones: {},
    };
  if (!state.defined) return state;
  switch (event.type) {
    case 'register.workstream.revised':
      return { ...state, workstream: { ...state.workstream, ...newValues(event.data.changes) } };
    case 'register.workstream.milestone-added':
      return withMilestone(state, event.data.milestoneId, {
        status: 'planned',
        due: event.data.milestone.due,
      });
    case 'register.workstream.milestone-progressed':
    case 'register.workstream.milestone-rescheduled': {
      const current = state.milestones[event.data.milestoneId];
      if (!current) return state;
      return withMilestone(
        state,
        event.data.milestoneId,
        event.type === 'register.workstream.milestone-progressed'
          ? { ...current, status: event.data.status }
          : { ...current, due: event.data.to },
      );
    }
  }
}

/**
 * A work stream of the EBP Programme: defined once with its objective, approach, outcomes and
 * owner; revised with a justification; milestones added with due dates and owners, rescheduled
 * with a justification while open, and moved from planned through in progress to done, or dropped
 * with a reason.
 */
export const workstreamDecider: Decider<WorkstreamCommand, WorkstreamEvent, WorkstreamState> = {
  decide,
  evolve,
  initialState: () => ({ defined: false }),
};

export const workstreamStreamId = (workstreamId: string) => `workstream:${workstreamId}`;
