import type { dissemination } from '@ebp/contracts';
import { DEMO_USERS } from '@ebp/platform';
import {
  mayReadVersion,
  namedProjects,
  partnerOrganisationOf,
  requireStaffRole,
  searchReaderOf,
  staffMemberOf,
} from './library-access';

const editor: dissemination.ItemSource = { kind: 'editor' };
const fromProject: dissemination.ItemSource = { kind: 'project', projectId: 'p-covert' };
const fromPartner: dissemination.ItemSource = {
  kind: 'partner_outcome',
  submissionId: 's-1',
  organisationId: 'org-cambridge',
};
const official = { classification: 'OFFICIAL' as const, projectIds: [] };
const sensitive = {
  classification: 'OFFICIAL_SENSITIVE' as const,
  needToKnow: ['person-sam', 'person-rae'],
  projectIds: [],
};
const none = new Set<string>();

describe('library access', () => {
  it('lets staff read OFFICIAL items, and not partners', () => {
    for (const user of ['vic', 'rae', 'rob', 'cat', 'ada'])
      expect(mayReadVersion(DEMO_USERS[user]!, editor, official, none)).toBe(true);
    expect(mayReadVersion(DEMO_USERS.uni!, editor, official, none)).toBe(false);
  });

  it('shows OFFICIAL-SENSITIVE items an editor wrote to cleared people on their list, the committee and administrators', () => {
    expect(mayReadVersion(DEMO_USERS.sam!, editor, sensitive, none)).toBe(true);
    expect(mayReadVersion(DEMO_USERS.cat!, editor, sensitive, none)).toBe(true);
    expect(mayReadVersion(DEMO_USERS.ada!, editor, sensitive, none)).toBe(true);
    // Named, but not cleared: need-to-know counts only with clearance.
    expect(mayReadVersion(DEMO_USERS.rae!, editor, sensitive, none)).toBe(false);
    // Cleared, but neither named nor on the committee.
    expect(mayReadVersion(DEMO_USERS.rob!, editor, sensitive, none)).toBe(false);
    expect(mayReadVersion(DEMO_USERS.vic!, editor, sensitive, none)).toBe(false);
    expect(searchReaderOf(DEMO_USERS.rae!)).toEqual({
      cleared: false,
      personId: '',
      seesAllSensitive: false,
      hiddenProjects: [],
    });
  });

  it('never takes a partner identity for the person whose id it shares, whatever its roles', () => {
    const impostor = {
      ...DEMO_USERS.sam!,
      actor: { kind: 'partner' as const, id: DEMO_USERS.sam!.actor.id },
    };
    expect(mayReadVersion(impostor, editor, sensitive, none)).toBe(false);
    expect(mayReadVersion(impostor, editor, official, none)).toBe(false);
    expect(searchReaderOf(impostor)).toMatchObject({ cleared: false, personId: '' });
  });

  it('leaves out an item drafted from a project the caller may not see, whatever its classification', () => {
    const report = { classification: 'OFFICIAL' as const, projectIds: ['p-covert'] };
    expect(namedProjects(fromProject, { projectIds: [] })).toEqual(['p-covert']);
    for (const source of [fromProject, fromPartner]) {
      expect(mayReadVersion(DEMO_USERS.vic!, source, report, none)).toBe(false);
      expect(mayReadVersion(DEMO_USERS.cat!, source, report, none)).toBe(false);
      expect(mayReadVersion(DEMO_USERS.vic!, source, report, new Set(['p-covert']))).toBe(true);
    }
  });

  it("gives an OFFICIAL-SENSITIVE item drafted from a project its project's audience as need-to-know", () => {
    const report = { classification: 'OFFICIAL_SENSITIVE' as const, projectIds: ['p-covert'] };
    const seen = new Set(['p-covert']);
    // Cleared and may see the project: reads it, with no list of the item's own.
    expect(mayReadVersion(DEMO_USERS.rob!, fromProject, report, seen)).toBe(true);
    // The project's audience never lets an uncleared reader read an OFFICIAL-SENSITIVE item.
    expect(mayReadVersion(DEMO_USERS.vic!, fromProject, report, seen)).toBe(false);
    // May not see the project: not even the committee.
    expect(mayReadVersion(DEMO_USERS.cat!, fromProject, report, none)).toBe(false);
  });

  it('shows an OFFICIAL item an editor wrote whatever the projects it names (their references are left out), and holds back an OFFICIAL-SENSITIVE one', () => {
    const summary = { classification: 'OFFICIAL' as const, projectIds: ['p-covert'] };
    expect(mayReadVersion(DEMO_USERS.vic!, editor, summary, none)).toBe(true);
    expect(
      mayReadVersion(DEMO_USERS.sam!, editor, { ...sensitive, projectIds: ['p-covert'] }, none),
    ).toBe(false);
    expect(
      mayReadVersion(
        DEMO_USERS.sam!,
        editor,
        { ...sensitive, projectIds: ['p-covert'] },
        new Set(['p-covert']),
      ),
    ).toBe(true);
  });

  it('takes a partner identity for its organisation and never for an organiser, whatever roles its token claims', () => {
    const claimsAdmin = {
      actor: { kind: 'partner' as const, id: 'org-cambridge' },
      name: 'Cambridge',
      roles: ['admin' as const],
      clearances: ['OFFICIAL' as const],
    };
    expect(partnerOrganisationOf(claimsAdmin)).toBe('org-cambridge');
    expect(() => requireStaffRole(claimsAdmin, ['admin'], 'schedule master classes')).toThrow(
      'Only a member of staff may schedule master classes',
    );
    expect(partnerOrganisationOf(DEMO_USERS.ada!)).toBeUndefined();
    expect(() =>
      requireStaffRole(DEMO_USERS.ada!, ['admin'], 'schedule master classes'),
    ).not.toThrow();
  });

  it('lets only members of staff act for themselves', () => {
    expect(staffMemberOf(DEMO_USERS.vic!, 'register')).toBe('person-vic');
    expect(() => staffMemberOf(DEMO_USERS.uni!, 'register')).toThrow('Only a member of staff');
  });
});
