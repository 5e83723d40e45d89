import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import { deadlinesOf } from './deadlines';

function project(overrides: Partial<ProjectSummary>): ProjectSummary {
  return {
    projectId: 'p1',
    title: 'Hot-spot policing',
    summary: 'A trial.',
    status: 'in_progress',
    ebpLevel: 'tactical',
    priorityIds: [],
    plannedSmsLevel: 3,
    methods: [],
    owningUnit: 'Central West BCU',
    leadId: 'lead',
    classification: 'OFFICIAL',
    proposedBy: 'lead',
    needToKnow: [],
    readers: ['everyone'],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    ethics: { status: 'not_required', reason: 'Aggregated data only, no participants.' },
    proposedAt: '2025-11-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    submittedAt: null,
    decidedAt: null,
    startedOn: '2026-01-05',
    lastProgressAt: null,
    completedAt: null,
    reviews: [],
    amendments: 0,
    outcomeSwitching: false,
    outcomesChangedAfterApproval: false,
    effectDirection: null,
    achievedSmsLevel: null,
    searchText: '',
    ...overrides,
  };
}

describe('deadlines derived from the register', () => {
  it('flags a progress report more than 90 days after the start or the last report', () => {
    expect(deadlinesOf(project({}), '2026-04-04')).toEqual([]);
    expect(deadlinesOf(project({}), '2026-04-06')).toEqual([
      { projectId: 'p1', kind: 'progress_report_overdue', due: '2026-04-05' },
    ]);
    expect(
      deadlinesOf(project({ lastProgressAt: '2026-03-20T10:00:00.000Z' }), '2026-04-06'),
    ).toEqual([]);
    expect(deadlinesOf(project({ status: 'suspended' }), '2026-04-06')).toHaveLength(1);
  });

  it('flags results overdue 12 months after the planned end of a project still running', () => {
    const late = project({ lastProgressAt: '2027-12-20T00:00:00.000Z' });
    expect(deadlinesOf(late, '2027-12-31')).toEqual([]);
    expect(deadlinesOf(late, '2028-01-01')).toEqual([
      { projectId: 'p1', kind: 'results_overdue', due: '2027-12-31' },
    ]);
    expect(deadlinesOf({ ...late, status: 'completed' }, '2028-06-01')).toEqual([]);
  });

  it('warns 60 days before an ethics approval expires, and flags it once expired', () => {
    const ethics = {
      status: 'approved' as const,
      board: 'MPS REB',
      reference: 'REB-1',
      approvedOn: '2025-12-01',
      expiresOn: '2026-06-30',
    };
    const open = project({ status: 'approved', startedOn: null, ethics });
    expect(deadlinesOf(open, '2026-04-30')).toEqual([]);
    expect(deadlinesOf(open, '2026-05-01')).toEqual([
      { projectId: 'p1', kind: 'ethics_approval_expiring', due: '2026-06-30' },
    ]);
    expect(deadlinesOf(open, '2026-07-01')).toEqual([
      { projectId: 'p1', kind: 'ethics_approval_expired', due: '2026-06-30' },
    ]);
    expect(deadlinesOf({ ...open, status: 'withdrawn' }, '2026-07-01')).toEqual([]);
  });
});
