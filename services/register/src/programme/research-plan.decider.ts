import { parseOrThrow, register } from '@ebp/contracts';
import { DomainError, type Decider, type DomainEvent } from '@ebp/eventing';
import { newValues } from '../shared/field-changes';
import { requireText, revisedFields } from '../shared/revision';

export class PlanAlreadyExists extends DomainError {
  readonly code = 'PLAN_ALREADY_EXISTS';
}
export class PlanNotFound extends DomainError {
  readonly code = 'PLAN_NOT_FOUND';
}
export class PlanAlreadyAgreed extends DomainError {
  readonly code = 'PLAN_ALREADY_AGREED';
}
export class InvalidPlanInput extends DomainError {
  readonly code = 'INVALID_PLAN_INPUT';
}

type PlanEventType = Extract<register.ProgrammeEventType, `register.plan.${string}`>;
export type ResearchPlanEvent = {
  [Type in PlanEventType]: DomainEvent<Type, register.ProgrammeEventData<Type>>;
}[PlanEventType];

export type ResearchPlanState =
  | { readonly status: 'none' }
  | {
      readonly status: 'draft' | 'agreed';
      readonly year: number;
      readonly plan: register.ResearchPlan;
    };

export type ResearchPlanCommand =
  | { type: 'draft'; year: number; plan: unknown; by: string }
  | { type: 'revise'; changes: unknown; justification: string; by: string }
  | { type: 'agree'; decision: string; by: string };

function decide(command: ResearchPlanCommand, state: ResearchPlanState): ResearchPlanEvent[] {
  if (command.type === 'draft') {
    if (state.status !== 'none')
      throw new PlanAlreadyExists(`There is a Research Plan for ${state.year} already`);
    const year = parseOrThrow(register.PlanYearSchema, command.year, 'year', InvalidPlanInput);
    const plan = parseOrThrow(register.ResearchPlanSchema, command.plan, 'plan', InvalidPlanInput);
    return [{ type: 'register.plan.drafted', data: { year, plan, by: command.by } }];
  }
  if (state.status === 'none') throw new PlanNotFound('There is no Research Plan for that year');
  const { year } = state;
  if (command.type === 'agree') {
    if (state.status === 'agreed')
      throw new PlanAlreadyAgreed(`The Research Plan for ${year} has been agreed already`);
    const decision = requireText(command.decision, 'decision', InvalidPlanInput);
    return [{ type: 'register.plan.agreed', data: { year, by: command.by, decision } }];
  }
  const { changes, justification } = revisedFields({
    current: state.plan,
    changes: command.changes,
    justification: command.justification,
    changesSchema: register.ResearchPlanChangesSchema,
    wholeSchema: register.ResearchPlanSchema,
    what: 'plan',
    Invalid: InvalidPlanInput,
  });
  return [
    {
      type: 'register.plan.revised',
      data: { year, by: command.by, justification, changes },
    },
  ];
}

function evolve(state: ResearchPlanState, event: ResearchPlanEvent): ResearchPlanState {
  switch (event.type) {
    case 'register.plan.drafted':
      return { status: 'draft', year: event.data.year, plan: event.data.plan };
    case 'register.plan.revised':
      return state.status === 'none'
        ? state
        : { ...state, plan: { ...state.plan, ...newValues(event.data.changes) } };
    case 'register.plan.agreed':
      return state.status === 'none' ? state : { ...state, status: 'agreed' };
  }
}

/**
 * The Research Plan for one year (its stream is the year's: one plan a year): drafted, revised
 * with a justification (before or after it is agreed), and agreed by the EBP Committee once. A
 * later year's agreed plan supersedes it; that is read from the plans, not recorded on this one.
 */
export const researchPlanDecider: Decider<
  ResearchPlanCommand,
  ResearchPlanEvent,
  ResearchPlanState
> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};

export const researchPlanStreamId = (year: number) => `plan:${year}`;
