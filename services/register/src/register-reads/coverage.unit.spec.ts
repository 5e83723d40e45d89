import { coverage } from './register-queries';

describe('Research Plan coverage', () => {
  it('counts live research per priority and lists priorities with none', () => {
    const result = coverage(
      [
        { priorityId: 'vawg', title: 'Violence against women and girls' },
        { priorityId: 'knife', title: 'Knife crime' },
        { priorityId: 'trust', title: 'Trust and confidence' },
      ],
      [
        { priorityIds: ['vawg'], status: 'in_progress' },
        { priorityIds: ['vawg', 'knife'], status: 'approved' },
        { priorityIds: ['knife'], status: 'withdrawn' },
        { priorityIds: ['trust'], status: 'rejected' },
      ],
    );
    expect(result.priorities).toEqual([
      {
        priorityId: 'vawg',
        title: 'Violence against women and girls',
        projects: 2,
        byStatus: { in_progress: 1, approved: 1 },
      },
      { priorityId: 'knife', title: 'Knife crime', projects: 1, byStatus: { approved: 1 } },
      { priorityId: 'trust', title: 'Trust and confidence', projects: 0, byStatus: {} },
    ]);
    expect(result.uncovered).toEqual(['trust']);
  });
});
