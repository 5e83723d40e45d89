import { personLabel } from '../src/components/person-label';

describe('how the page names a person', () => {
  it('uses their name where the reader may see it', () => {
    expect(
      personLabel({ status: 'active', name: 'Rae Researcher', unit: 'Analysis' }, 'lead'),
    ).toBe('Rae Researcher');
  });

  it('gives the part they played and their unit where the name is withheld, never the id', () => {
    expect(
      personLabel({ status: 'active', name: null, unit: 'Central West BCU' }, 'reviewer'),
    ).toBe('Reviewer, Central West BCU');
    expect(personLabel({ status: 'active', name: null, unit: null }, 'lead')).toBe('Lead');
    expect(personLabel({ status: 'active', name: null, unit: 'North BCU' })).toBe(
      'A member of staff, North BCU',
    );
  });

  it('says when a person was erased, and names someone unknown by their part alone', () => {
    expect(personLabel({ status: 'erased', name: null, unit: 'North BCU' }, 'author')).toBe(
      'Author (their record was erased)',
    );
    expect(personLabel(null, 'lead')).toBe('Lead');
    expect(personLabel(undefined)).toBe('A member of staff');
  });
});
