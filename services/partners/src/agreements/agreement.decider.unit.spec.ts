import { deciderSpecification } from '@ebp/eventing';
import {
  IllegalPartnerTransition,
  InvalidPartnerInput,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import { agreementDecider, type AgreementEvent } from './agreement.decider';
import { expiringAgreements, type AgreementSummary } from './expiring-agreements';

const spec = deciderSpecification(agreementDecider);
const agreement = {
  kind: 'data_sharing',
  title: 'Stop and search records for the procedural justice trial',
  partyIds: ['cambridge'],
  scope: 'Pseudonymised stop and search records, 2024–2026, for the evaluation only.',
  startsOn: '2026-04-01',
  expiresOn: '2027-03-31',
} as const;
const signed: AgreementEvent = {
  type: 'partners.agreement.signed',
  data: {
    agreementId: 'dsa-1',
    agreement: { ...agreement, partyIds: ['cambridge'] },
    by: 'person-ada',
  },
};
const terminated: AgreementEvent = {
  type: 'partners.agreement.terminated',
  data: {
    agreementId: 'dsa-1',
    on: '2026-10-01',
    reason: 'The trial ended early.',
    by: 'person-ada',
  },
};

describe('agreement decider', () => {
  it('records a signed agreement once, with parties and an expiry after its start', () => {
    spec
      .given([])
      .when({ type: 'sign', agreementId: 'dsa-1', agreement, by: 'person-ada' })
      .then([signed]);
    spec
      .given([signed])
      .when({ type: 'sign', agreementId: 'dsa-1', agreement, by: 'person-ada' })
      .thenThrows(PartnerAlreadyRegistered);
    for (const invalid of [
      { ...agreement, partyIds: [] },
      { ...agreement, expiresOn: '2026-03-31' },
      { ...agreement, kind: 'handshake' },
    ])
      spec
        .given([])
        .when({ type: 'sign', agreementId: 'dsa-1', agreement: invalid, by: 'person-ada' })
        .thenThrows(InvalidPartnerInput);
  });

  it('renews past the current expiry only, and not once terminated', () => {
    spec
      .given([signed])
      .when({ type: 'renew', expiresOn: '2028-03-31', by: 'person-ada' })
      .then([
        {
          type: 'partners.agreement.renewed',
          data: { agreementId: 'dsa-1', expiresOn: '2028-03-31', by: 'person-ada' },
        },
      ]);
    spec
      .given([signed])
      .when({ type: 'renew', expiresOn: '2027-03-31', by: 'person-ada' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([signed, terminated])
      .when({ type: 'renew', expiresOn: '2028-03-31', by: 'person-ada' })
      .thenThrows(IllegalPartnerTransition);
    spec
      .given([])
      .when({ type: 'renew', expiresOn: '2028-03-31', by: 'person-ada' })
      .thenThrows(PartnerNotFound);
  });

  it('terminates once, with a reason, not before it started', () => {
    spec
      .given([signed])
      .when({
        type: 'terminate',
        on: '2026-10-01',
        reason: 'The trial ended early.',
        by: 'person-ada',
      })
      .then([terminated]);
    spec
      .given([signed])
      .when({ type: 'terminate', on: '2026-03-01', reason: 'Too early.', by: 'person-ada' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([signed])
      .when({ type: 'terminate', on: '2026-10-01', reason: ' ', by: 'person-ada' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([signed, terminated])
      .when({ type: 'terminate', on: '2026-11-01', reason: 'Again.', by: 'person-ada' })
      .thenThrows(IllegalPartnerTransition);
  });
});

describe('expiring agreements', () => {
  const summary = (
    agreementId: string,
    expiresOn: string,
    status: AgreementSummary['status'] = 'in_force',
  ) => ({
    agreementId,
    title: agreementId,
    partyIds: ['cambridge'],
    expiresOn,
    status,
  });

  it('lists agreements in force expiring within the window, or already expired, soonest first', () => {
    expect(
      expiringAgreements(
        [
          summary('later', '2027-06-01'),
          summary('soon', '2026-12-20'),
          summary('lapsed', '2026-11-01'),
          summary('ended', '2026-12-01', 'terminated'),
          summary('edge', '2027-02-24'),
        ],
        '2026-11-26',
        90,
      ).map((agreement) => [agreement.agreementId, agreement.daysLeft]),
    ).toEqual([
      ['lapsed', -25],
      ['soon', 24],
      ['edge', 90],
    ]);
  });
});
