import { agreementConditions, agreementStandingOn } from './agreement-list';

describe('where an agreement stands, and the list’s filter', () => {
  const today = '2026-05-01';

  it('is in force up to and including its expiry date, expired after it, and terminated once terminated', () => {
    expect(agreementStandingOn({ status: 'in_force', expiresOn: '2026-05-01' }, today)).toBe(
      'in_force',
    );
    expect(agreementStandingOn({ status: 'in_force', expiresOn: '2026-04-30' }, today)).toBe(
      'expired',
    );
    expect(agreementStandingOn({ status: 'terminated', expiresOn: '2027-01-01' }, today)).toBe(
      'terminated',
    );
    expect(agreementStandingOn({ status: 'terminated', expiresOn: '2026-01-01' }, today)).toBe(
      'terminated',
    );
  });

  it('asks the read model for the standing through the stored status and the expiry date', () => {
    expect(agreementConditions({}, today)).toEqual({});
    expect(agreementConditions({ status: 'in_force' }, today)).toEqual({
      status: 'in_force',
      expiresOn: { $gte: today },
    });
    expect(agreementConditions({ status: 'expired' }, today)).toEqual({
      status: 'in_force',
      expiresOn: { $lt: today },
    });
    expect(agreementConditions({ status: 'terminated' }, today)).toEqual({
      status: 'terminated',
    });
  });

  it('keeps the earlier of two bounds on the expiry date, and combines the other conditions', () => {
    expect(agreementConditions({ status: 'expired', expiringBefore: '2026-01-01' }, today)).toEqual(
      { status: 'in_force', expiresOn: { $lt: '2026-01-01' } },
    );
    expect(agreementConditions({ status: 'expired', expiringBefore: '2026-09-01' }, today)).toEqual(
      { status: 'in_force', expiresOn: { $lt: today } },
    );
    expect(
      agreementConditions(
        {
          status: 'in_force',
          expiringBefore: '2026-07-01',
          organisationId: 'org-n8',
          kind: 'data_sharing',
        },
        today,
      ),
    ).toEqual({
      partyIds: { $contains: 'org-n8' },
      kind: 'data_sharing',
      status: 'in_force',
      expiresOn: { $gte: today, $lt: '2026-07-01' },
    });
  });
});
