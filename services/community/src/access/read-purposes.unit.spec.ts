import type { Identity } from '@ebp/platform';
import { READ_PURPOSES, type ReadPurpose } from './person-access';
import {
  claimableReadPurposes,
  mayClaimReadPurpose,
  readBackPurpose,
  refusedPurposeMessage,
} from './read-purposes';

const caller = (roles: Identity['roles'], kind: 'person' | 'partner' = 'person'): Identity => ({
  actor: { kind, id: kind === 'person' ? 'p-reader' : 'org-partner' },
  name: 'reader',
  roles,
  clearances: ['OFFICIAL'],
});

/** Who may state which purpose reading someone else (issue 17); `x` allowed, `.` refused. */
const TABLE: Record<string, [Identity, string]> = {
  //                                 self  exp.  team  rsrch prof. gov.  attr.
  viewer: [caller(['viewer']), '.     x     .     .     .     .     x'],
  researcher: [caller(['researcher']), '.     x     x     x     .     .     x'],
  reviewer: [caller(['reviewer']), '.     x     x     x     .     x     x'],
  committee: [caller(['committee']), '.     x     x     x     .     x     x'],
  admin: [caller(['admin']), '.     x     x     x     x     x     x'],
  partner: [caller(['partner'], 'partner'), '.     .     .     .     .     .     .'],
  'no role': [caller([]), '.     .     .     .     .     .     .'],
};

describe('which purposes a reader may state (issue 17)', () => {
  it('lists the purposes in the order of the table', () => {
    expect(READ_PURPOSES).toEqual([
      'self_service',
      'expertise_search',
      'team_building',
      'research_contact',
      'profile_maintenance',
      'governance',
      'attribution',
    ]);
  });

  describe.each(Object.entries(TABLE))('a %s reading someone else', (_role, [reader, row]) => {
    const marks = row.split(/\s+/);
    it.each(READ_PURPOSES.map((purpose, index) => [purpose, marks[index] === 'x'] as const))(
      '%s: allowed %s',
      (purpose: ReadPurpose, allowed: boolean) => {
        expect(mayClaimReadPurpose(reader, purpose, 'p-someone-else')).toBe(allowed);
      },
    );
  });

  it('lets anyone who is a member of staff state self-service and profile-maintenance for their own profile only', () => {
    for (const roles of [['viewer'], ['researcher'], ['committee']] as Identity['roles'][]) {
      const reader = caller(roles);
      expect(mayClaimReadPurpose(reader, 'self_service', 'p-reader')).toBe(true);
      expect(mayClaimReadPurpose(reader, 'profile_maintenance', 'p-reader')).toBe(true);
      expect(mayClaimReadPurpose(reader, 'self_service', 'p-someone-else')).toBe(false);
    }
    // A partner whose id happens to equal a person's is not that person.
    const partner: Identity = {
      ...caller(['partner'], 'partner'),
      actor: { kind: 'partner', id: 'p-x' },
    };
    expect(mayClaimReadPurpose(partner, 'self_service', 'p-x')).toBe(false);
  });

  it('says which purposes the reader may state instead, in the graph’s spelling', () => {
    expect(claimableReadPurposes(caller(['viewer']), 'p-someone-else')).toEqual([
      'expertise_search',
      'attribution',
    ]);
    expect(refusedPurposeMessage(caller(['viewer']), 'governance', 'p-someone-else')).toBe(
      "Your role may not read a person's data for the purpose governance; state one of: expertise_search, attribution",
    );
    expect(refusedPurposeMessage(caller(['partner'], 'partner'), 'team_building', 'p-x')).toBe(
      "Your role may not read a person's data for the purpose team_building; it may state no purpose",
    );
  });

  it('reads a person back after a write under the first purpose the writer may state, or none', () => {
    const profile = ['self_service', 'profile_maintenance', 'governance'] as const;
    expect(readBackPurpose(caller(['viewer']), 'p-reader', profile)).toBe('self_service');
    expect(readBackPurpose(caller(['admin']), 'p-someone-else', profile)).toBe(
      'profile_maintenance',
    );
    expect(readBackPurpose(caller(['reviewer']), 'p-someone-else', profile)).toBe('governance');
    expect(readBackPurpose(caller(['researcher']), 'p-someone-else', profile)).toBeUndefined();
    const team = ['self_service', 'team_building'] as const;
    expect(readBackPurpose(caller(['researcher']), 'p-someone-else', team)).toBe('team_building');
    expect(readBackPurpose(caller(['partner'], 'partner'), 'p-x', team)).toBeUndefined();
  });
});
