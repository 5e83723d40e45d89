import { deciderSpecification } from '@ebp/eventing';
import { InvalidPartnerInput, PartnerAlreadyRegistered } from '../partners-errors';
import { engagementDecider, type EngagementEvent } from './engagement.decider';

const spec = deciderSpecification(engagementDecider);
const engagement = {
  kind: 'master_class' as const,
  title: 'Master class: running a randomised trial in a BCU',
  on: '2026-10-14',
  organisationIds: ['cambridge'],
  academicIds: ['sherman'],
  peopleIds: ['person-rae', 'person-sam'],
};
const recorded: EngagementEvent = {
  type: 'partners.engagement.recorded',
  data: { engagementId: 'mc-1', engagement, by: 'person-ada' },
};

describe('engagement decider', () => {
  it('records an engagement with partners once', () => {
    const record = { type: 'record' as const, engagementId: 'mc-1', engagement, by: 'person-ada' };
    spec.given([]).when(record).then([recorded]);
    spec.given([recorded]).when(record).thenThrows(PartnerAlreadyRegistered);
  });

  it('refuses an engagement with no partner or an unknown kind', () => {
    for (const invalid of [
      { ...engagement, organisationIds: [], academicIds: [] },
      { ...engagement, kind: 'party' },
    ])
      spec
        .given([])
        .when({ type: 'record', engagementId: 'mc-1', engagement: invalid, by: 'person-ada' })
        .thenThrows(InvalidPartnerInput);
  });
});
