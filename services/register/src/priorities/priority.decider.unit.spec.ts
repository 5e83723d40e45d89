import { deciderSpecification } from '@ebp/eventing';
import type { register } from '@ebp/contracts';
import {
  InvalidPriorityInput,
  PriorityAlreadyExists,
  PriorityNotFound,
  PriorityRetired,
  priorityDecider,
} from './priority.decider';
import type { PriorityEvent } from './priority';

const spec = deciderSpecification(priorityDecider);
const COMMITTEE = 'person-committee';
const violence: register.PriorityDefinition = {
  title: 'Reducing violence against women and girls',
  rationale:
    'The Commissioner’s first priority for 2026 to 2028, with little local evidence of what works.',
  periodStart: '2026-04-01',
  periodEnd: '2028-03-31',
  ownerId: 'person-owner',
};
const set: PriorityEvent = {
  type: 'register.priority.set',
  data: { priorityId: 'priority-vawg', priority: violence, setBy: COMMITTEE },
};
const retired: PriorityEvent = {
  type: 'register.priority.retired',
  data: { by: COMMITTEE, reason: 'Merged into the new Research Plan.' },
};

describe('research priority decider', () => {
  it('sets a valid priority, once', () => {
    spec
      .given([])
      .when({ type: 'set', priorityId: 'priority-vawg', priority: violence, by: COMMITTEE })
      .then([set]);
    spec
      .given([set])
      .when({ type: 'set', priorityId: 'priority-vawg', priority: violence, by: COMMITTEE })
      .thenThrows(PriorityAlreadyExists);
  });

  it('refuses an invalid priority', () => {
    spec
      .given([])
      .when({
        type: 'set',
        priorityId: 'p',
        priority: { ...violence, periodEnd: '2025-01-01' },
        by: COMMITTEE,
      })
      .thenThrows(InvalidPriorityInput);
    spec
      .given([])
      .when({
        type: 'set',
        priorityId: 'p',
        priority: { ...violence, rationale: 'Short' },
        by: COMMITTEE,
      })
      .thenThrows(InvalidPriorityInput);
  });

  it('revises with a justification, recording the changed fields', () => {
    spec
      .given([set])
      .when({
        type: 'revise',
        changes: { periodEnd: '2029-03-31', ownerId: 'person-owner' },
        justification: 'Extended with the new Police and Crime Plan.',
        by: COMMITTEE,
      })
      .then([
        {
          type: 'register.priority.revised',
          data: {
            by: COMMITTEE,
            justification: 'Extended with the new Police and Crime Plan.',
            changes: { periodEnd: { from: '2028-03-31', to: '2029-03-31' } },
          },
        },
      ]);
    spec
      .given([set])
      .when({
        type: 'revise',
        changes: { periodEnd: '2028-03-31' },
        justification: 'No real change at all.',
        by: COMMITTEE,
      })
      .thenThrows(InvalidPriorityInput);
    spec
      .given([set])
      .when({
        type: 'revise',
        changes: { periodEnd: '2029-03-31' },
        justification: '',
        by: COMMITTEE,
      })
      .thenThrows(InvalidPriorityInput);
  });

  it('retires a priority, after which it cannot change', () => {
    spec
      .given([set])
      .when({ type: 'retire', reason: 'Merged into the new Research Plan.', by: COMMITTEE })
      .then([retired]);
    spec
      .given([set, retired])
      .when({
        type: 'revise',
        changes: { periodEnd: '2029-03-31' },
        justification: 'Extended with the new plan.',
        by: COMMITTEE,
      })
      .thenThrows(PriorityRetired);
    spec
      .given([])
      .when({ type: 'retire', reason: 'Merged into the new Research Plan.', by: COMMITTEE })
      .thenThrows(PriorityNotFound);
  });
});
