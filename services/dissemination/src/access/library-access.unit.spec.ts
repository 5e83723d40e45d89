import { DEMO_USERS } from '@ebp/platform';
import { mayReadContent, searchReaderOf, staffMemberOf } from './library-access';

const sensitive = {
  classification: 'OFFICIAL-SENSITIVE' as const,
  needToKnow: ['person-sam', 'person-rae'],
};

describe('library access', () => {
  it('lets staff read OFFICIAL items, and not partners', () => {
    for (const user of ['vic', 'rae', 'rob', 'cat', 'ada'])
      expect(mayReadContent(DEMO_USERS[user]!, { classification: 'OFFICIAL' })).toBe(true);
    expect(mayReadContent(DEMO_USERS.uni!, { classification: 'OFFICIAL' })).toBe(false);
  });

  it('shows OFFICIAL-SENSITIVE items to cleared people who need to know, the committee and administrators', () => {
    expect(mayReadContent(DEMO_USERS.sam!, sensitive)).toBe(true);
    expect(mayReadContent(DEMO_USERS.cat!, sensitive)).toBe(true);
    expect(mayReadContent(DEMO_USERS.ada!, sensitive)).toBe(true);
    // Named, but not cleared: need-to-know counts only with clearance.
    expect(mayReadContent(DEMO_USERS.rae!, sensitive)).toBe(false);
    // Cleared, but neither named nor on the committee.
    expect(mayReadContent(DEMO_USERS.rob!, sensitive)).toBe(false);
    expect(mayReadContent(DEMO_USERS.vic!, sensitive)).toBe(false);
    expect(searchReaderOf(DEMO_USERS.rae!)).toEqual({ personId: '', seesAllSensitive: false });
  });

  it('lets only members of staff act for themselves', () => {
    expect(staffMemberOf(DEMO_USERS.vic!, 'register')).toBe('person-vic');
    expect(() => staffMemberOf(DEMO_USERS.uni!, 'register')).toThrow('Only a member of staff');
  });
});
