import type { partners } from '@ebp/contracts';
import { deciderSpecification } from '@ebp/eventing';
import {
  InvalidPartnerInput,
  NothingChanged,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import { organisationDecider, type OrganisationEvent } from './organisation.decider';

const spec = deciderSpecification(organisationDecider);
const cambridge: partners.Organisation = {
  name: 'University of Cambridge, Institute of Criminology',
  kind: 'university',
  rorId: '013meh722',
  expertise: ['randomised controlled trials', 'hot-spot policing'],
  contacts: [{ name: 'Dr Ada Lovelace', role: 'Director of Studies', email: 'ada@cam.example' }],
};
const registered: OrganisationEvent = {
  type: 'partners.organisation.registered',
  data: { organisationId: 'cambridge', organisation: cambridge, by: 'person-ada' },
};

describe('organisation decider', () => {
  it('registers a valid organisation once', () => {
    spec
      .given([])
      .when({
        type: 'register',
        organisationId: 'cambridge',
        organisation: cambridge,
        by: 'person-ada',
      })
      .then([registered]);
    spec
      .given([registered])
      .when({
        type: 'register',
        organisationId: 'cambridge',
        organisation: cambridge,
        by: 'person-ada',
      })
      .thenThrows(PartnerAlreadyRegistered);
  });

  it('refuses a bad id, kind, ROR id or contact email, naming the problem', () => {
    for (const [organisationId, organisation, problem] of [
      ['Cambridge Uni', cambridge, 'organisation id'],
      ['cambridge', { ...cambridge, kind: 'pub' }, 'kind'],
      ['cambridge', { ...cambridge, rorId: 'https://ror.org/013meh722' }, 'rorId'],
      [
        'cambridge',
        { ...cambridge, contacts: [{ name: 'Ada', role: 'Lead', email: 'ada' }] },
        'contacts[0].email',
      ],
    ] as const)
      spec
        .given([])
        .when({ type: 'register', organisationId, organisation, by: 'person-ada' })
        .thenThrows(InvalidPartnerInput, {
          message: expect.stringContaining(problem) as string,
        });
  });

  it('updates a registered organisation when something changed', () => {
    const renamed = { ...cambridge, expertise: [...cambridge.expertise, 'procedural justice'] };
    spec
      .given([registered])
      .when({
        type: 'update',
        organisationId: 'cambridge',
        organisation: renamed,
        by: 'person-ada',
      })
      .then([
        {
          type: 'partners.organisation.updated',
          data: { organisationId: 'cambridge', organisation: renamed, by: 'person-ada' },
        },
      ]);
    spec
      .given([registered])
      .when({
        type: 'update',
        organisationId: 'cambridge',
        organisation: cambridge,
        by: 'person-ada',
      })
      .thenThrows(NothingChanged);
    spec
      .given([])
      .when({
        type: 'update',
        organisationId: 'cambridge',
        organisation: cambridge,
        by: 'person-ada',
      })
      .thenThrows(PartnerNotFound);
  });
});
