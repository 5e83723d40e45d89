import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyInvolved,
  InvalidInvolvementInput,
  NotInvolved,
  involvementDecider,
} from './involvement.decider';

const spec = deciderSpecification(involvementDecider);
const who = { personId: 'person-alex', projectId: 'project-hot-spots' };
const joined = {
  type: 'community.involvement.joined',
  data: { ...who, role: 'analyst', from: '2026-04-01', by: 'person-lead' },
} as const;
const join = {
  type: 'join',
  ...who,
  role: 'analyst',
  from: '2026-04-01',
  by: 'person-lead',
} as const;

describe('involvement in research decider', () => {
  it('joins a person to a project with a role, once at a time', () => {
    spec.given([]).when(join).then([joined]);
    spec.given([joined]).when(join).thenThrows(AlreadyInvolved);
    spec
      .given([])
      .when({ ...join, role: 'tea-maker' })
      .thenThrows(InvalidInvolvementInput);
    spec
      .given([])
      .when({ ...join, from: 'next week' })
      .thenThrows(InvalidInvolvementInput);
  });

  it('ends an involvement when the person leaves, and they may join again later', () => {
    const ended = {
      type: 'community.involvement.ended',
      data: { ...who, on: '2026-09-30', reason: 'left', by: 'person-alex' },
    } as const;
    spec
      .given([joined])
      .when({ type: 'end', ...who, on: '2026-09-30', reason: 'left', by: 'person-alex' })
      .then([ended]);
    spec
      .given([])
      .when({ type: 'end', ...who, on: '2026-09-30', reason: 'left', by: 'person-alex' })
      .thenThrows(NotInvolved);
    spec.given([joined, ended]).when(join).then([joined]);
  });

  it('closes an open involvement when its project closes, idempotently', () => {
    const close = {
      type: 'end',
      ...who,
      on: '2027-03-31',
      reason: 'project_completed',
      by: 'system:community',
    } as const;
    spec
      .given([joined])
      .when(close)
      .then([
        {
          type: 'community.involvement.ended',
          data: { ...who, on: '2027-03-31', reason: 'project_completed', by: 'system:community' },
        },
      ]);
    // Redelivered, or reaching an involvement that had already ended: nothing happens.
    spec.given([]).when(close).then([]);
    spec
      .given([
        joined,
        {
          type: 'community.involvement.ended',
          data: { ...who, on: '2027-03-31', reason: 'project_completed', by: 'system:community' },
        },
      ])
      .when(close)
      .then([]);
  });
});
