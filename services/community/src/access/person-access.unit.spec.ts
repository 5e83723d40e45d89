import type { Identity } from '@ebp/platform';
import { mayEditProfile, visiblePersonalFields } from './person-access';

const caller = (
  id: string,
  roles: Identity['roles'],
  kind: 'person' | 'partner' = 'person',
): Identity => ({
  actor: { kind, id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});
const contactable = {
  personId: 'p-alex',
  consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
};
const private_ = {
  personId: 'p-alex',
  consent: { listedInExpertiseFinder: true, contactableByResearchers: false },
};

describe('who sees which personal fields', () => {
  it('shows a viewer the name only: no contact details, no credentials', () => {
    expect(visiblePersonalFields(caller('p-vic', ['viewer']), contactable)).toEqual(['name']);
  });

  it('shows researchers credentials, and contact details only with the person’s consent', () => {
    expect(visiblePersonalFields(caller('p-rae', ['researcher']), contactable)).toEqual([
      'name',
      'credentials',
      'orcid',
      'contact',
    ]);
    expect(visiblePersonalFields(caller('p-rae', ['researcher']), private_)).toEqual([
      'name',
      'credentials',
      'orcid',
    ]);
  });

  it('shows a person all of their own profile, and administrators everything', () => {
    expect(visiblePersonalFields(caller('p-alex', ['viewer']), private_)).toEqual([
      'name',
      'contact',
      'credentials',
      'orcid',
    ]);
    expect(visiblePersonalFields(caller('p-ada', ['admin']), private_)).toHaveLength(4);
  });

  it('shows partners nothing personal', () => {
    expect(visiblePersonalFields(caller('org-uni', ['partner'], 'partner'), contactable)).toEqual(
      [],
    );
  });

  it('lets only the person or an administrator edit a profile', () => {
    expect(mayEditProfile(caller('p-alex', ['viewer']), 'p-alex')).toBe(true);
    expect(mayEditProfile(caller('p-ada', ['admin']), 'p-alex')).toBe(true);
    expect(mayEditProfile(caller('p-cat', ['committee']), 'p-alex')).toBe(false);
  });
});
