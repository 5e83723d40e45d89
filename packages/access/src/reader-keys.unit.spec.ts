import { canRead, readableBy, readerKeysOf, type Reader } from './reader-keys';

const staff = (id: string, roles: string[], cleared = false): Reader => ({
  actor: { kind: 'person', id },
  roles,
  clearances: cleared ? ['OFFICIAL', 'OFFICIAL_SENSITIVE'] : ['OFFICIAL'],
});
const partner = (organisationId: string, cleared = false): Reader => ({
  actor: { kind: 'partner', id: organisationId },
  roles: ['partner'],
  clearances: cleared ? ['OFFICIAL', 'OFFICIAL_SENSITIVE'] : ['OFFICIAL'],
});

const official = ['everyone', 'partner:org-ucl'];
const sensitive = ['cleared-partner:org-ucl', 'person:person-sam', 'role:admin', 'role:committee'];

describe('the shared access predicate', () => {
  it.each([
    ['a viewer', staff('person-vic', ['viewer']), official, true],
    ['a viewer', staff('person-vic', ['viewer']), sensitive, false],
    ['an uncleared person named on it', staff('person-sam', ['researcher']), sensitive, false],
    ['a cleared person named on it', staff('person-sam', ['researcher'], true), sensitive, true],
    ['a cleared person not named', staff('person-rae', ['researcher'], true), sensitive, false],
    ['an uncleared committee member', staff('person-cat', ['committee']), sensitive, false],
    ['a cleared committee member', staff('person-cat', ['committee'], true), sensitive, true],
    ['the collaborating partner', partner('org-ucl'), official, true],
    ['another partner', partner('org-kcl'), official, false],
    ['the uncleared collaborating partner', partner('org-ucl'), sensitive, false],
    ['the cleared collaborating partner', partner('org-ucl', true), sensitive, true],
    ['a staff member without a role', staff('person-x', []), official, false],
  ])('%s reading %j: %s', (_who, reader, readers, expected) => {
    expect(canRead(reader, readers)).toBe(expected);
  });

  it('never gives a partner identity a person’s or a role’s keys, whatever its id', () => {
    const impostor: Reader = {
      actor: { kind: 'partner', id: 'person-sam' },
      roles: ['partner', 'committee'],
      clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
    };
    expect(readerKeysOf(impostor)).toEqual(['partner:person-sam', 'cleared-partner:person-sam']);
    expect(canRead(impostor, sensitive)).toBe(false);
    expect(canRead(impostor, ['everyone'])).toBe(false);
  });

  it('gives services and systems no reader keys', () => {
    expect(
      readerKeysOf({ actor: { kind: 'service', id: 'x' }, roles: ['admin'], clearances: [] }),
    ).toEqual([]);
  });

  it('states the same rule as a document-store condition', () => {
    expect(readableBy(staff('person-sam', ['researcher'], true))).toEqual({
      readers: { $containsAny: ['everyone', 'person:person-sam', 'role:researcher'] },
    });
  });
});
