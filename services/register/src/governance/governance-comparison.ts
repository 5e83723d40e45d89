import type { Count, GovernanceReport, ProjectLine } from './governance-report';
import { headlineFigures } from './headline-figures';
import { mdList } from './report-formats';

export interface CountChange {
  readonly key: string;
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly change: number;
}

/** What changed between two governance reports, e.g. the committee's last two meetings. */
export interface GovernanceComparison {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  /** The headline figures of both reports: projects, partners, people, reach. */
  readonly headlines: readonly CountChange[];
  readonly projects: {
    readonly total: CountChange;
    readonly byStatus: readonly CountChange[];
    readonly byPriority: readonly CountChange[];
    readonly bySmsLevel: readonly CountChange[];
  };
  /** Decisions taken after `from`, up to the end of `to`. */
  readonly decisions: GovernanceReport['decisions']['list'];
  readonly overdue: {
    readonly newlyOverdue: readonly (ProjectLine & {
      readonly kind: string;
      readonly due: string;
    })[];
    readonly noLongerOverdue: readonly (ProjectLine & {
      readonly kind: string;
      readonly due: string;
    })[];
  };
  readonly researchPlan: {
    readonly newGaps: readonly string[];
    readonly closedGaps: readonly string[];
  };
  readonly newOutcomeSwitching: readonly ProjectLine[];
}

function changes(earlier: readonly Count[], later: readonly Count[]): CountChange[] {
  const keys = [...new Set([...earlier.map((row) => row.key), ...later.map((row) => row.key)])];
  const find = (rows: readonly Count[], key: string) => rows.find((row) => row.key === key);
  return keys.map((key) => {
    const from = find(earlier, key)?.count ?? 0;
    const to = find(later, key)?.count ?? 0;
    return {
      key,
      label: find(later, key)?.label ?? find(earlier, key)?.label ?? key,
      from,
      to,
      change: to - from,
    };
  });
}

const overdueLines = (report: GovernanceReport) => [
  ...report.overdue.progress.map((line) => ({ ...line, kind: 'progress' })),
  ...report.overdue.results.map((line) => ({ ...line, kind: 'results' })),
];
const keyOf = (line: { projectId: string; kind: string }) => `${line.kind}:${line.projectId}`;

/** Compares two reports; `earlier` must be as of an earlier date than `later`. Pure. */
export function compareGovernanceReports(
  earlier: GovernanceReport,
  later: GovernanceReport,
): GovernanceComparison {
  if (earlier.asOf >= later.asOf)
    throw new RangeError(
      `Compare an earlier report with a later one (${earlier.asOf}, ${later.asOf})`,
    );
  const before = new Set(overdueLines(earlier).map(keyOf));
  const after = new Set(overdueLines(later).map(keyOf));
  const switched = new Set(earlier.outcomeSwitching.map((line) => line.projectId));
  return {
    title: 'EBP governance: what changed',
    from: earlier.asOf,
    to: later.asOf,
    headlines: changes(headlineFigures(earlier), headlineFigures(later)),
    projects: {
      total: {
        key: 'total',
        label: 'Projects',
        from: earlier.projects.total,
        to: later.projects.total,
        change: later.projects.total - earlier.projects.total,
      },
      byStatus: changes(earlier.projects.byStatus, later.projects.byStatus),
      byPriority: changes(earlier.projects.byPriority, later.projects.byPriority),
      bySmsLevel: changes(earlier.projects.bySmsLevel, later.projects.bySmsLevel),
    },
    decisions: later.decisions.list.filter((line) => line.decidedAt.slice(0, 10) > earlier.asOf),
    overdue: {
      newlyOverdue: overdueLines(later).filter((line) => !before.has(keyOf(line))),
      noLongerOverdue: overdueLines(earlier).filter((line) => !after.has(keyOf(line))),
    },
    researchPlan: {
      newGaps: later.researchPlan.gaps.filter((gap) => !earlier.researchPlan.gaps.includes(gap)),
      closedGaps: earlier.researchPlan.gaps.filter((gap) => !later.researchPlan.gaps.includes(gap)),
    },
    newOutcomeSwitching: later.outcomeSwitching
      .filter((line) => !switched.has(line.projectId))
      .map(({ projectId, title, classification }) => ({ projectId, title, classification })),
  };
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** The comparison as Markdown. */
export function comparisonMarkdown(comparison: GovernanceComparison): string {
  const table = (heading: string, rows: readonly CountChange[]) => [
    `### ${heading}`,
    '',
    `| | ${comparison.from} | ${comparison.to} | change |`,
    '|---|---:|---:|---:|',
    ...rows
      .filter((row) => row.from !== 0 || row.to !== 0)
      .map((row) => `| ${row.label} | ${row.from} | ${row.to} | ${signed(row.change)} |`),
    '',
  ];
  return [
    `# ${comparison.title}: ${comparison.from} to ${comparison.to}`,
    '',
    ...table('Headline figures', comparison.headlines),
    `## Projects: ${comparison.projects.total.from} to ${comparison.projects.total.to} (${signed(comparison.projects.total.change)})`,
    '',
    ...table('By status', comparison.projects.byStatus),
    ...table('By priority', comparison.projects.byPriority),
    ...table('By SMS level', comparison.projects.bySmsLevel),
    '## Decisions since the earlier date',
    '',
    ...mdList(
      comparison.decisions,
      (line) =>
        `${line.decidedAt.slice(0, 10)} ${line.decision}: ${line.title} (${line.projectId})`,
    ),
    '## Newly overdue',
    '',
    ...mdList(
      comparison.overdue.newlyOverdue,
      (line) => `${line.kind}: ${line.title} (${line.projectId}), due ${line.due}`,
    ),
    '## No longer overdue',
    '',
    ...mdList(
      comparison.overdue.noLongerOverdue,
      (line) => `${line.kind}: ${line.title} (${line.projectId})`,
    ),
    '## Research Plan',
    '',
    `New gaps: ${comparison.researchPlan.newGaps.join(', ') || 'none'}. Gaps closed: ${comparison.researchPlan.closedGaps.join(', ') || 'none'}.`,
    '',
    '## New outcome switching',
    '',
    ...mdList(comparison.newOutcomeSwitching, (line) => `${line.title} (${line.projectId})`),
  ].join('\n');
}
