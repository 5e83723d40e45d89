import type { Count } from './report-counts';
import type { GovernanceReport } from './governance-report';

const sum = (counts: readonly Count[]) => counts.reduce((total, row) => total + row.count, 0);

/** The figures the committee looks at first, in a fixed order: the top of every report. */
export function headlineFigures(report: GovernanceReport): Count[] {
  const { projects, partners, people, reach, programme, meetings } = report;
  const milestones = (field: 'done' | 'overdue') =>
    programme.workstreams.reduce((total, row) => total + row[field], 0);
  const figures: [string, string, number][] = [
    ['projects', 'Projects in the register', projects.total],
    [
      'projects-in-progress',
      'Projects in progress',
      projects.byStatus.find((row) => row.key === 'in_progress')?.count ?? 0,
    ],
    ['milestones-done', 'EBP Programme milestones done', milestones('done')],
    ['milestones-overdue', 'EBP Programme milestones overdue', milestones('overdue')],
    ['meetings-held', 'Committee and Steering Group meetings held', meetings.held.length],
    ['meeting-actions-overdue', 'Meeting actions overdue', meetings.overdueActions.length],
    ['partner-organisations', 'Partner organisations', partners.organisations.total],
    ['active-collaborations', 'Active collaborations', partners.collaborations.active],
    ['people-involved', 'People involved in projects', people.involved],
    ['champions', 'EBP champions in post', people.champions.total],
    ['trained', 'People trained (by kind of training)', sum(people.trained)],
    ['library-items', 'Library items published', reach.library.published],
    [
      'deliveries-acknowledged',
      'Deliveries acknowledged by national bodies',
      reach.deliveries.reduce((total, row) => total + row.acknowledged, 0),
    ],
    ['master-classes-held', 'Master classes and courses held', reach.masterClasses.held],
    ['attendances', 'Attendances recorded', sum(reach.masterClasses.attendances)],
    ['network-members', 'Local Learning Network members', reach.learningNetworks.members],
    ['subscribers', 'People subscribed to findings', reach.subscribers],
  ];
  return figures.map(([key, label, count]) => ({ key, label, count }));
}
