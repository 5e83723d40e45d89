import { deciderSpecification } from '@ebp/eventing';
import {
  IllegalPartnerTransition,
  InvalidPartnerInput,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import { academicDecider, type AcademicEvent } from './academic.decider';

const spec = deciderSpecification(academicDecider);
const academic = {
  name: 'Prof. Lawrence Sherman',
  orcid: '0000-0002-1825-0097',
  expertise: ['targeting, testing and tracking'],
  affiliations: [{ organisationId: 'cambridge', from: '2012-01-01' }],
};
const registered: AcademicEvent = {
  type: 'partners.academic.registered',
  data: { academicId: 'sherman', academic, by: 'person-ada' },
};
const ucl = { organisationId: 'ucl', from: '2026-01-01' };

describe('academic decider', () => {
  it('registers a valid academic once', () => {
    spec
      .given([])
      .when({ type: 'register', academicId: 'sherman', academic, by: 'person-ada' })
      .then([registered]);
    spec
      .given([registered])
      .when({ type: 'register', academicId: 'sherman', academic, by: 'person-ada' })
      .thenThrows(PartnerAlreadyRegistered);
    spec
      .given([])
      .when({
        type: 'register',
        academicId: 'sherman',
        academic: { ...academic, orcid: '0000-0002' },
        by: 'person-ada',
      })
      .thenThrows(InvalidPartnerInput);
  });

  it('adds an affiliation, but not a second open one with the same organisation', () => {
    spec
      .given([registered])
      .when({ type: 'affiliate', academicId: 'sherman', affiliation: ucl, by: 'person-ada' })
      .then([
        {
          type: 'partners.academic.affiliated',
          data: { academicId: 'sherman', affiliation: ucl, by: 'person-ada' },
        },
      ]);
    spec
      .given([registered])
      .when({
        type: 'affiliate',
        academicId: 'sherman',
        affiliation: { organisationId: 'cambridge', from: '2026-01-01' },
        by: 'person-ada',
      })
      .thenThrows(IllegalPartnerTransition);
    spec
      .given([registered])
      .when({
        type: 'affiliate',
        academicId: 'sherman',
        affiliation: { organisationId: 'ucl', from: '2026-01-01', until: '2025-01-01' },
        by: 'person-ada',
      })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([])
      .when({ type: 'affiliate', academicId: 'sherman', affiliation: ucl, by: 'person-ada' })
      .thenThrows(PartnerNotFound);
  });

  it('ends an open affiliation, not before it started, and then allows a new one', () => {
    const ended: AcademicEvent = {
      type: 'partners.academic.affiliation-ended',
      data: {
        academicId: 'sherman',
        organisationId: 'cambridge',
        on: '2026-09-30',
        by: 'person-ada',
      },
    };
    const end = (on: string) =>
      ({
        type: 'end-affiliation',
        academicId: 'sherman',
        organisationId: 'cambridge',
        on,
        by: 'person-ada',
      }) as const;
    spec.given([registered]).when(end('2026-09-30')).then([ended]);
    spec.given([registered]).when(end('2011-12-31')).thenThrows(InvalidPartnerInput);
    spec.given([registered, ended]).when(end('2026-10-01')).thenThrows(IllegalPartnerTransition);
    spec
      .given([registered, ended])
      .when({
        type: 'affiliate',
        academicId: 'sherman',
        affiliation: { organisationId: 'cambridge', from: '2027-01-01' },
        by: 'person-ada',
      })
      .then([
        {
          type: 'partners.academic.affiliated',
          data: {
            academicId: 'sherman',
            affiliation: { organisationId: 'cambridge', from: '2027-01-01' },
            by: 'person-ada',
          },
        },
      ]);
  });
});
