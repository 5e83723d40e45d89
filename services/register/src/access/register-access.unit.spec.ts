import { ForbiddenError, type Identity } from '@ebp/platform';
import {
  EVERYONE,
  authorisePriorityAction,
  authoriseProjectAction,
  canRead,
  readableBy,
  readersOf,
  type ProjectAudience,
} from './register-access';

const person = (
  id: string,
  roles: Identity['roles'],
  clearances: Identity['clearances'] = ['OFFICIAL'],
): Identity => ({ actor: { kind: 'person', id }, name: id, roles, clearances });

const sensitive: ProjectAudience = {
  classification: 'OFFICIAL_SENSITIVE',
  status: 'in_progress',
  leadId: 'lead',
  proposedBy: 'proposer',
  needToKnow: ['analyst'],
  reviewerIds: ['reviewer-1'],
};

describe('register access: who may read a project', () => {
  it('lets every member of staff read an OFFICIAL project, but not a partner', () => {
    const readers = readersOf({ ...sensitive, classification: 'OFFICIAL' });
    expect(readers).toEqual([EVERYONE]);
    for (const role of ['viewer', 'researcher', 'reviewer', 'committee', 'admin'] as const)
      expect(canRead(person('anyone', [role]), readers)).toBe(true);
    expect(canRead(person('uni', ['partner']), readers)).toBe(false);
  });

  it.each([
    ['the lead', person('lead', ['researcher'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']), true],
    ['the proposer', person('proposer', ['researcher'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']), true],
    [
      'a person named as needing to know',
      person('analyst', ['viewer'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']),
      true,
    ],
    [
      'a reviewer of it',
      person('reviewer-1', ['reviewer'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']),
      true,
    ],
    ['the EBP Committee', person('chair', ['committee'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']), true],
    ['an administrator', person('admin', ['admin'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']), true],
    [
      'a cleared researcher with no part in it',
      person('other', ['researcher'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']),
      false,
    ],
    [
      'another reviewer once review is over',
      person('reviewer-2', ['reviewer'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']),
      false,
    ],
    ['the lead without clearance', person('lead', ['researcher']), false],
    ['the committee without clearance', person('chair', ['committee']), false],
  ])('an OFFICIAL-SENSITIVE project: %s → %s', (_label, identity, expected) => {
    expect(canRead(identity, readersOf(sensitive))).toBe(expected);
  });

  it('opens a sensitive project to cleared reviewers only while it awaits review', () => {
    const reviewer = person('reviewer-2', ['reviewer'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']);
    expect(canRead(reviewer, readersOf({ ...sensitive, status: 'submitted' }))).toBe(true);
    expect(canRead(reviewer, readersOf({ ...sensitive, status: 'under_review' }))).toBe(true);
    expect(canRead(reviewer, readersOf({ ...sensitive, status: 'approved' }))).toBe(false);
  });

  it('filters lists in the store with the same keys', () => {
    expect(readableBy(person('rae', ['researcher']))).toEqual({
      readers: { $containsAny: [EVERYONE] },
    });
    expect(readableBy(person('sam', ['researcher'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']))).toEqual({
      readers: { $containsAny: [EVERYONE, 'person:sam', 'role:researcher'] },
    });
  });
});

describe('register access: who may do what', () => {
  const official = { leadId: 'lead', proposedBy: 'proposer', classification: 'OFFICIAL' as const };

  it('lets researchers, the committee and administrators propose; not viewers or partners', () => {
    for (const role of ['researcher', 'committee', 'admin'] as const)
      expect(() => authoriseProjectAction(person('p', [role]), 'propose', official)).not.toThrow();
    for (const role of ['viewer', 'reviewer', 'partner'] as const)
      expect(() => authoriseProjectAction(person('p', [role]), 'propose', official)).toThrow(
        ForbiddenError,
      );
  });

  it('needs clearance to propose or act on OFFICIAL-SENSITIVE research', () => {
    const project = { ...official, classification: 'OFFICIAL_SENSITIVE' as const };
    expect(() => authoriseProjectAction(person('lead', ['researcher']), 'submit', project)).toThrow(
      /clearance/,
    );
    expect(() =>
      authoriseProjectAction(
        person('lead', ['researcher'], ['OFFICIAL', 'OFFICIAL_SENSITIVE']),
        'submit',
        project,
      ),
    ).not.toThrow();
  });

  it('lets only the committee decide, and only reviewers review', () => {
    expect(() =>
      authoriseProjectAction(person('c', ['committee']), 'decide', official),
    ).not.toThrow();
    for (const role of ['viewer', 'researcher', 'reviewer', 'admin'] as const)
      expect(() => authoriseProjectAction(person('x', [role]), 'decide', official)).toThrow(
        'Only the EBP Committee may decide on a project',
      );
    expect(() =>
      authoriseProjectAction(person('r', ['reviewer']), 'record-review', official),
    ).not.toThrow();
    expect(() =>
      authoriseProjectAction(person('lead', ['researcher']), 'record-review', official),
    ).toThrow('Only reviewers may review a project');
  });

  it('says who may act in plain English', () => {
    expect(() => authoriseProjectAction(person('v', ['viewer']), 'propose')).toThrow(
      'Only researchers, the EBP Committee or administrators may propose a project',
    );
    expect(() =>
      authoriseProjectAction(person('x', ['researcher']), 'report-progress', official),
    ).toThrow("Only the project's lead or proposer, or administrators, may report progress on it");
    expect(() => authoriseProjectAction(person('x', ['researcher']), 'suspend', official)).toThrow(
      "Only the project's lead or proposer, or the EBP Committee or administrators, may suspend it",
    );
  });

  it.each(['submit', 'start', 'report-progress', 'complete', 'withdraw', 'amend'] as const)(
    'lets the lead or proposer %s, and refuses another researcher',
    (action) => {
      expect(() =>
        authoriseProjectAction(person('lead', ['researcher']), action, official),
      ).not.toThrow();
      expect(() =>
        authoriseProjectAction(person('proposer', ['researcher']), action, official),
      ).not.toThrow();
      expect(() =>
        authoriseProjectAction(person('other', ['researcher']), action, official),
      ).toThrow(ForbiddenError);
    },
  );

  it('lets the committee suspend, resume, stop or amend any project', () => {
    for (const action of ['suspend', 'resume', 'stop', 'amend'] as const)
      expect(() =>
        authoriseProjectAction(person('c', ['committee']), action, official),
      ).not.toThrow();
    expect(() => authoriseProjectAction(person('c', ['committee']), 'start', official)).toThrow();
  });

  it('leaves the Research Plan to the committee and administrators', () => {
    expect(() => authorisePriorityAction(person('c', ['committee']))).not.toThrow();
    expect(() => authorisePriorityAction(person('a', ['admin']))).not.toThrow();
    expect(() => authorisePriorityAction(person('r', ['researcher']))).toThrow(ForbiddenError);
  });
});
