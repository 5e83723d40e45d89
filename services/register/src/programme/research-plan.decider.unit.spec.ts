import { deciderSpecification } from '@ebp/eventing';
import {
  InvalidPlanInput,
  PlanAlreadyAgreed,
  PlanAlreadyExists,
  PlanNotFound,
  researchPlanDecider,
  type ResearchPlanEvent,
} from './research-plan.decider';

const spec = deciderSpecification(researchPlanDecider);
const plan = {
  title: 'MPS Research Plan 2027',
  summary: 'The research the force wants in 2027, agreed with the business areas.',
  priorityIds: ['priority-vawg', 'priority-knife-crime'],
};
const drafted: ResearchPlanEvent = {
  type: 'register.plan.drafted',
  data: { year: 2027, plan, by: 'person-ada' },
};
const decision = 'Agreed by the EBP Committee on 14 January 2027.';
const agreed: ResearchPlanEvent = {
  type: 'register.plan.agreed',
  data: { year: 2027, by: 'person-cat', decision },
};

describe('research plan decider', () => {
  const draft = { type: 'draft' as const, year: 2027, plan, by: 'person-ada' };

  it('drafts one plan for a year', () => {
    spec.given([]).when(draft).then([drafted]);
    spec.given([drafted]).when(draft).thenThrows(PlanAlreadyExists);
    spec
      .given([])
      .when({ ...draft, plan: { ...plan, title: 'x' } })
      .thenThrows(InvalidPlanInput);
    spec
      .given([])
      .when({ ...draft, year: 1999 })
      .thenThrows(InvalidPlanInput);
  });

  it('is agreed by the committee once for its year, saying what was decided', () => {
    const agree = { type: 'agree' as const, decision, by: 'person-cat' };
    spec.given([drafted]).when(agree).then([agreed]);
    spec.given([drafted, agreed]).when(agree).thenThrows(PlanAlreadyAgreed);
    spec.given([]).when(agree).thenThrows(PlanNotFound);
    spec
      .given([drafted])
      .when({ ...agree, decision: 'ok' })
      .thenThrows(InvalidPlanInput);
  });

  it('is revised only with a justification, and only when the revision changes something', () => {
    const revise = {
      type: 'revise' as const,
      changes: { priorityIds: ['priority-vawg'] },
      justification: 'Knife crime moved to the Violence Reduction Unit’s own plan.',
      by: 'person-cat',
    };
    const revised: ResearchPlanEvent = {
      type: 'register.plan.revised',
      data: {
        year: 2027,
        by: 'person-cat',
        justification: revise.justification,
        changes: { priorityIds: { from: plan.priorityIds, to: ['priority-vawg'] } },
      },
    };
    spec.given([drafted, agreed]).when(revise).then([revised]);
    spec.given([drafted]).when(revise).then([revised]);
    spec
      .given([drafted])
      .when({ ...revise, justification: 'because' })
      .thenThrows(InvalidPlanInput);
    spec
      .given([drafted])
      .when({ ...revise, changes: { title: plan.title } })
      .thenThrows(InvalidPlanInput);
    spec.given([]).when(revise).thenThrows(PlanNotFound);
  });
});
