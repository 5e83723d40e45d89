import { deciderSpecification } from '@ebp/eventing';
import { IllegalPartnerTransition, InvalidPartnerInput } from '../partners-errors';
import { collaborationDecider, type CollaborationEvent } from './collaboration.decider';

const spec = deciderSpecification(collaborationDecider);
const collaboration = {
  projectId: 'demo-hot-spots',
  partner: { kind: 'organisation' as const, id: 'cambridge' },
  role: 'evaluator' as const,
  from: '2026-04-01',
};
const started: CollaborationEvent = {
  type: 'partners.collaboration.started',
  data: { collaboration, by: 'person-rae' },
};
const ended: CollaborationEvent = {
  type: 'partners.collaboration.ended',
  data: { projectId: 'demo-hot-spots', partnerId: 'cambridge', on: '2027-03-31', by: 'person-rae' },
};

describe('collaboration decider', () => {
  it('links a partner to a project with a role, once at a time', () => {
    spec.given([]).when({ type: 'start', collaboration, by: 'person-rae' }).then([started]);
    spec
      .given([started])
      .when({ type: 'start', collaboration, by: 'person-rae' })
      .thenThrows(IllegalPartnerTransition);
    spec
      .given([started, ended])
      .when({
        type: 'start',
        collaboration: { ...collaboration, from: '2027-06-01' },
        by: 'person-rae',
      })
      .then([
        {
          type: 'partners.collaboration.started',
          data: { collaboration: { ...collaboration, from: '2027-06-01' }, by: 'person-rae' },
        },
      ]);
  });

  it('refuses an unknown role, partner kind, or an end before the start', () => {
    for (const invalid of [
      { ...collaboration, role: 'sponsor' },
      { ...collaboration, partner: { kind: 'person', id: 'x' } },
      { ...collaboration, until: '2026-01-01' },
    ])
      spec
        .given([])
        .when({ type: 'start', collaboration: invalid, by: 'person-rae' })
        .thenThrows(InvalidPartnerInput);
  });

  it('ends an active collaboration, not before it started', () => {
    spec.given([started]).when({ type: 'end', on: '2027-03-31', by: 'person-rae' }).then([ended]);
    spec
      .given([started])
      .when({ type: 'end', on: '2026-01-01', by: 'person-rae' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([])
      .when({ type: 'end', on: '2027-03-31', by: 'person-rae' })
      .thenThrows(IllegalPartnerTransition);
    spec
      .given([started, ended])
      .when({ type: 'end', on: '2027-04-30', by: 'person-rae' })
      .thenThrows(IllegalPartnerTransition);
  });
});
