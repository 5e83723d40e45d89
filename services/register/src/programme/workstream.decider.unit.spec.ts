import { deciderSpecification } from '@ebp/eventing';
import {
  IllegalMilestoneTransition,
  InvalidWorkstreamInput,
  MilestoneAlreadyExists,
  MilestoneNotFound,
  WorkstreamAlreadyExists,
  WorkstreamNotFound,
  workstreamDecider,
  type WorkstreamEvent,
} from './workstream.decider';

const spec = deciderSpecification(workstreamDecider);
const workstreamId = 'build-capability';
const workstream = {
  name: 'Build capability in the Met',
  objective: 'Officers and staff able to find, judge and use research.',
  approach: ['Master classes for supervisors', 'EBP champions in every BCU'],
  outcomes: ['A champion in every BCU'],
  ownerId: 'person-rob',
};
const defined: WorkstreamEvent = {
  type: 'register.workstream.defined',
  data: { workstreamId, workstream, by: 'person-ada' },
};
const milestone = { title: 'A champion in every BCU', due: '2027-03-31', ownerId: 'person-rob' };
const added: WorkstreamEvent = {
  type: 'register.workstream.milestone-added',
  data: { workstreamId, milestoneId: 'champions', milestone, by: 'person-ada' },
};
const progressed = (
  status: 'in_progress' | 'done' | 'dropped',
  note?: string,
): WorkstreamEvent => ({
  type: 'register.workstream.milestone-progressed',
  data: {
    workstreamId,
    milestoneId: 'champions',
    status,
    ...(note ? { note } : {}),
    by: 'person-rob',
  },
});

describe('work stream decider', () => {
  it('reschedules an open milestone with a justification; a done or dropped one keeps its date', () => {
    const justification = 'The master classes moved to the autumn term.';
    const reschedule = {
      type: 'reschedule-milestone' as const,
      milestoneId: 'champions',
      due: '2027-06-30',
      justification,
      by: 'person-rob',
    };
    const rescheduled: WorkstreamEvent = {
      type: 'register.workstream.milestone-rescheduled',
      data: {
        workstreamId,
        milestoneId: 'champions',
        from: '2027-03-31',
        to: '2027-06-30',
        justification,
        by: 'person-rob',
      },
    };
    spec.given([defined, added]).when(reschedule).then([rescheduled]);
    spec
      .given([defined, added, rescheduled])
      .when({ ...reschedule, due: '2027-09-30' })
      .then([
        {
          ...rescheduled,
          data: { ...rescheduled.data, from: '2027-06-30', to: '2027-09-30' },
        },
      ]);
    spec.given([defined, added, rescheduled]).when(reschedule).thenThrows(InvalidWorkstreamInput);
    spec
      .given([defined, added])
      .when({ ...reschedule, justification: 'later' })
      .thenThrows(InvalidWorkstreamInput);
    spec
      .given([defined, added])
      .when({ ...reschedule, due: '30/06/2027' })
      .thenThrows(InvalidWorkstreamInput);
    spec
      .given([defined, added, progressed('done')])
      .when(reschedule)
      .thenThrows(IllegalMilestoneTransition);
    spec.given([defined]).when(reschedule).thenThrows(MilestoneNotFound);
  });

  it('defines a work stream once, with at least one approach item', () => {
    const define = { type: 'define' as const, workstreamId, workstream, by: 'person-ada' };
    spec.given([]).when(define).then([defined]);
    spec.given([defined]).when(define).thenThrows(WorkstreamAlreadyExists);
    spec
      .given([])
      .when({ ...define, workstream: { ...workstream, approach: [] } })
      .thenThrows(InvalidWorkstreamInput);
  });

  it('is revised with a justification', () => {
    const revise = {
      type: 'revise' as const,
      changes: { ownerId: 'person-cat' },
      justification: 'Rob moved to the Violence Reduction Unit.',
      by: 'person-ada',
    };
    spec
      .given([defined])
      .when(revise)
      .then([
        {
          type: 'register.workstream.revised',
          data: {
            workstreamId,
            by: 'person-ada',
            justification: revise.justification,
            changes: { ownerId: { from: 'person-rob', to: 'person-cat' } },
          },
        },
      ]);
    spec
      .given([defined])
      .when({ ...revise, justification: '' })
      .thenThrows(InvalidWorkstreamInput);
    spec.given([]).when(revise).thenThrows(WorkstreamNotFound);
  });

  it('adds milestones with a due date and an owner, each id once', () => {
    const add = {
      type: 'add-milestone' as const,
      milestoneId: 'champions',
      milestone,
      by: 'person-ada',
    };
    spec.given([defined]).when(add).then([added]);
    spec.given([defined, added]).when(add).thenThrows(MilestoneAlreadyExists);
    spec
      .given([defined])
      .when({ ...add, milestone: { ...milestone, due: '31/03/2027' } })
      .thenThrows(InvalidWorkstreamInput);
    spec.given([]).when(add).thenThrows(WorkstreamNotFound);
  });

  it('moves a milestone forwards only; done and dropped are final; dropping says why', () => {
    const progress = (status: 'in_progress' | 'done' | 'dropped', note?: string) => ({
      type: 'progress-milestone' as const,
      milestoneId: 'champions',
      status,
      ...(note ? { note } : {}),
      by: 'person-rob',
    });
    spec
      .given([defined, added])
      .when(progress('in_progress'))
      .then([progressed('in_progress')]);
    spec
      .given([defined, added])
      .when(progress('done'))
      .then([progressed('done')]);
    spec
      .given([defined, added, progressed('in_progress')])
      .when(progress('done'))
      .then([progressed('done')]);
    spec
      .given([defined, added, progressed('done')])
      .when(progress('in_progress'))
      .thenThrows(IllegalMilestoneTransition);
    spec
      .given([defined, added, progressed('in_progress')])
      .when(progress('in_progress'))
      .thenThrows(IllegalMilestoneTransition);
    spec.given([defined, added]).when(progress('dropped')).thenThrows(InvalidWorkstreamInput);
    const why = 'The BCUs merged; the new ones have champions already.';
    spec
      .given([defined, added])
      .when(progress('dropped', why))
      .then([progressed('dropped', why)]);
    spec
      .given([defined, added, progressed('dropped', why)])
      .when(progress('done'))
      .thenThrows(IllegalMilestoneTransition);
    spec.given([defined]).when(progress('done')).thenThrows(MilestoneNotFound);
  });
});
