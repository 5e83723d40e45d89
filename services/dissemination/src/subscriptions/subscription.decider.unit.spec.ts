import { deciderSpecification } from '@ebp/eventing';
import { InvalidDisseminationInput, NothingChanged } from '../dissemination-errors';
import { subscriptionDecider } from './subscription.decider';

const spec = deciderSpecification(subscriptionDecider);

describe('subscription decider', () => {
  it('sets topics and crime problems, normalised, and refuses an unchanged subscription', () => {
    const set = {
      type: 'set' as const,
      personId: 'p-rae',
      subscription: {
        topics: ['Hot Spots Policing'],
        crimeProblems: ['Robbery', 'burglary', 'robbery'],
      },
    };
    const event = {
      type: 'dissemination.subscription.set' as const,
      data: {
        personId: 'p-rae',
        topics: ['hot spots policing'],
        crimeProblems: ['burglary', 'robbery'],
      },
    };
    spec.given([]).when(set).then([event]);
    spec.given([event]).when(set).thenThrows(NothingChanged);
    spec
      .given([event])
      .when({ ...set, subscription: {} })
      .then([{ ...event, data: { personId: 'p-rae', topics: [], crimeProblems: [] } }]);
    spec
      .given([])
      .when({ ...set, subscription: { topics: 'robbery' } })
      .thenThrows(InvalidDisseminationInput);
  });
});
