import type { Count, GovernanceReport, LeadTimes } from './governance-report';
import { headlineFigures } from './headline-figures';

export const REPORT_FORMATS = ['json', 'markdown', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report as JSON: the report's own key order, two-space indent, a final newline. */
export const reportJson = (report: GovernanceReport): string =>
  `${JSON.stringify(report, null, 2)}\n`;

const days = (value: number | null) => (value === null ? '—' : `${value} days`);
const leadTimeRow = (name: string, times: LeadTimes) =>
  `| ${name} | ${times.decisions} | ${days(times.medianDays)} | ${days(times.meanDays)} | ${days(times.minDays)} | ${days(times.maxDays)} |`;
export const mdList = <Line>(lines: readonly Line[], render: (line: Line) => string) =>
  lines.length === 0 ? ['None.', ''] : [...lines.map((line) => `- ${render(line)}`), ''];
/** A project's partners: organisations by name, academics counted. */
const partnerNames = (line: { organisations: readonly string[]; academics: number }) => [
  ...line.organisations,
  ...(line.academics > 0 ? [counted(line.academics, 'academic')] : []),
];
/** "1 academic", "2 academics". */
const counted = (count: number, noun: string, plural = `${noun}s`) =>
  `${count} ${count === 1 ? noun : plural}`;
const mdCell = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdCounts(heading: string, counts: readonly Count[], unit = 'projects'): string[] {
  return [
    `### ${heading}`,
    '',
    `| | ${unit} |`,
    '|---|---:|',
    ...counts.map((count) => `| ${mdCell(count.label)} | ${count.count} |`),
    '',
  ];
}

/** The report as Markdown, for the committee's papers and wikis. */
export function reportMarkdown(report: GovernanceReport): string {
  const { projects, decisions, researchPlan, overdue } = report;
  return [
    `# ${report.title} as of ${report.asOf}`,
    '',
    `Rebuilt from ${basisText(report)}.`,
    '',
    `Scope: ${report.scope}`,
    '',
    '| headline | figure |',
    '|---|---:|',
    ...headlineFigures(report).map((row) => `| ${mdCell(row.label)} | ${row.count} |`),
    '',
    `## Projects (${projects.total})`,
    '',
    ...mdCounts('By status', projects.byStatus),
    ...mdCounts('By priority', projects.byPriority),
    ...mdCounts('By EBP level', projects.byEbpLevel),
    ...mdCounts('By method', projects.byMethod),
    ...mdCounts('By SMS level (achieved, or planned)', projects.bySmsLevel),
    '## Committee decisions and lead times (proposal to decision)',
    '',
    '| decision | count | median | mean | shortest | longest |',
    '|---|---:|---:|---:|---:|---:|',
    leadTimeRow('approved', decisions.approved),
    leadTimeRow('rejected', decisions.rejected),
    leadTimeRow('deferred', decisions.deferred),
    '',
    ...mdList(
      decisions.list,
      (line) =>
        `${line.decidedAt.slice(0, 10)} ${line.decision}: ${mdCell(line.title)} (${line.projectId}, ${line.leadTimeDays} days)`,
    ),
    '## Research Plan coverage',
    '',
    '| priority | projects |',
    '|---|---:|',
    ...researchPlan.priorities.map((row) => `| ${mdCell(row.title)} | ${row.projects} |`),
    '',
    `Gaps (active priorities with no research): ${researchPlan.gaps.length === 0 ? 'none' : researchPlan.gaps.join(', ')}.`,
    '',
    ...programmeMarkdown(report),
    ...meetingsMarkdown(report),
    ...benchmarkingMarkdown(report),
    '## Overdue progress reports',
    '',
    ...mdList(
      overdue.progress,
      (line) => `${mdCell(line.title)} (${line.projectId}), due ${line.due}`,
    ),
    '## Overdue results',
    '',
    ...mdList(
      overdue.results,
      (line) => `${mdCell(line.title)} (${line.projectId}), due ${line.due}`,
    ),
    '## Outcome switching',
    '',
    ...mdList(
      report.outcomeSwitching,
      (line) =>
        `${mdCell(line.title)} (${line.projectId})${line.reportedOutcomesDiffer ? ': reported primary outcomes differ from the pre-registered ones' : ''}${line.outcomesChangedAfterApproval ? ': pre-registered outcomes changed after approval' : ''}`,
    ),
    ...otherServicesMarkdown(report),
  ].join('\n');
}

/** "draft", "agreed on 2026-01-20", or "agreed on 2025-04-01, superseded". */
const planStanding = (plan: GovernanceReport['programme']['plans'][number]) =>
  plan.agreedOn === null
    ? plan.status
    : `agreed on ${plan.agreedOn}${plan.status === 'superseded' ? ', superseded' : ''}`;

function programmeMarkdown(report: GovernanceReport): string[] {
  const { plans, workstreams, overdueMilestones } = report.programme;
  return [
    '## The Research Plan and the EBP Programme',
    '',
    ...mdList(
      plans,
      (plan) =>
        `${plan.year}: ${mdCell(plan.title)}, ${planStanding(plan)}, ${counted(plan.priorities, 'priority', 'priorities')}`,
    ),
    '| work stream | milestones | done | in progress | planned | dropped | overdue |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...workstreams.map(
      (row) =>
        `| ${mdCell(row.name)} | ${row.milestones} | ${row.done} | ${row.inProgress} | ${row.planned} | ${row.dropped} | ${row.overdue} |`,
    ),
    '',
    '### Overdue milestones',
    '',
    ...mdList(
      overdueMilestones,
      (line) => `${mdCell(line.title)} (${line.workstreamId}), due ${line.due}`,
    ),
  ];
}

const BODIES = { ebp_committee: 'EBP Committee', steering_group: 'Steering Group' } as const;

function meetingsMarkdown(report: GovernanceReport): string[] {
  const { held, cancelled, overdueActions } = report.meetings;
  return [
    '## Committee business',
    '',
    '| held on | body | meeting | decisions | actions | done | minutes |',
    '|---|---|---|---:|---:|---:|---|',
    ...held.map(
      (row) =>
        `| ${row.heldOn} | ${BODIES[row.body]} | ${mdCell(row.title)} | ${row.decisions} | ${row.actions} | ${row.actionsDone} | ${row.minutes} |`,
    ),
    '',
    `Meetings cancelled: ${cancelled}.`,
    '',
    '### Overdue actions',
    '',
    ...mdList(
      overdueActions,
      (line) =>
        `${mdCell(line.description)} (${line.ownerId}, ${line.meetingId}), due ${line.dueOn}`,
    ),
  ];
}

const figure = (percent: number | null, missing: string | null) =>
  percent === null ? (missing ?? '—').replace('_', ' ') : `${percent}%`;
const change = (points: number | null) =>
  points === null ? '—' : `${points > 0 ? '+' : ''}${points} points`;

/** The latest benchmarking campaign in words, or that there is none. */
function benchmarkingSummary(report: GovernanceReport): string {
  const { latest, campaignsClosed } = report.benchmarking;
  if (!latest) return 'No benchmarking campaign has closed.';
  const answered =
    latest.respondents === null
      ? `fewer than ${latest.minimumCellSize} answered, so no figures are shown`
      : `${latest.respondents} answered`;
  return `${latest.title} (${latest.campaignId}), closed on ${latest.closedOn}: ${answered}; compared with ${latest.baseline ?? 'no published baseline'}. Campaigns closed: ${campaignsClosed}.`;
}

function benchmarkingMarkdown(report: GovernanceReport): string[] {
  const { latest } = report.benchmarking;
  return [
    '## Benchmarking the use of evidence',
    '',
    benchmarkingSummary(report),
    '',
    ...(latest
      ? [
          '| question | headline | baseline | latest | change |',
          '|---|---|---:|---:|---:|',
          ...latest.questions.map(
            (line) =>
              `| ${line.questionId} | ${mdCell(line.headline)} | ${figure(line.baseline, line.baselineMissing)} | ${figure(line.latest, line.latestMissing)} | ${change(line.change)} |`,
          ),
          '',
        ]
      : []),
  ];
}

/** What the report was rebuilt from, in words. */
const basisText = (report: GovernanceReport) =>
  report.basis.events === null || report.basis.otherServicesEvents === null
    ? `the register's events and those of the partners, community and dissemination services, recorded up to the end of ${report.asOf} (UTC); a report for one reader does not count them`
    : `${report.basis.events} register events and ${report.basis.otherServicesEvents} events of the partners, community and dissemination services, recorded up to the end of ${report.asOf} (UTC)`;

function otherServicesMarkdown(report: GovernanceReport): string[] {
  const { partners, people, reach } = report;
  return [
    '## Partners involved',
    '',
    `${counted(partners.organisations.total, 'partner organisation')}, ${counted(partners.academics, 'academic')}; ${counted(partners.collaborations.active, 'active collaboration')}; ${counted(partners.outcomesPublished, 'partner outcome')} published.`,
    '',
    ...mdCounts('Organisations by kind', partners.organisations.byKind, 'organisations'),
    ...mdCounts('Agreements in force', partners.agreementsInForce, 'agreements'),
    ...mdCounts('Collaborations by role', partners.collaborations.byRole, 'collaborations'),
    ...mdCounts('Engagements by kind', partners.engagements, 'engagements'),
    '### Projects with partners',
    '',
    ...mdList(
      partners.collaborations.projects,
      (line) =>
        `${mdCell(line.title)} (${line.projectId}): ${partnerNames(line).map(mdCell).join(', ')}`,
    ),
    '## People involved',
    '',
    `${counted(people.involved, 'person', 'people')} involved in projects, of ${people.inTalentPool} in the talent pool; ${counted(people.champions.total, 'EBP champion')} in post. People are counted here, not named.`,
    '',
    ...mdCounts('Involvements by role', people.involvementsByRole, 'people'),
    ...mdCounts('EBP champions by area', people.champions.byArea, 'champions'),
    ...mdCounts('People trained, by kind of training', people.trained, 'people'),
    '### Team sizes',
    '',
    ...mdList(
      people.projects,
      (line) => `${mdCell(line.title)} (${line.projectId}): ${line.people}`,
    ),
    '## Dissemination reach',
    '',
    `${counted(reach.library.published, 'library item')} published (${counted(reach.library.versions, 'version')}), from ${counted(reach.library.projectsPublished, 'register project')}; ${reach.library.withdrawn} withdrawn; ${counted(reach.library.sensitiveReleases, 'OFFICIAL-SENSITIVE release')}.`,
    '',
    ...mdCounts('Library items by kind', reach.library.byKind, 'items'),
    '### Deliveries to national bodies',
    '',
    '| body | acknowledged | sent | pending | failed |',
    '|---|---:|---:|---:|---:|',
    ...reach.deliveries.map(
      (row) =>
        `| ${mdCell(row.name)} | ${row.acknowledged} | ${row.sent} | ${row.pending} | ${row.failed} |`,
    ),
    '',
    '### Master classes and courses',
    '',
    `${reach.masterClasses.held} held, ${reach.masterClasses.upcoming} upcoming, ${reach.masterClasses.cancelled} cancelled; ${reach.masterClasses.places} places taken, ${reach.masterClasses.waiting} waiting.`,
    '',
    ...mdCounts('Attendances', reach.masterClasses.attendances, 'attendances'),
    '### Local Learning Networks and subscriptions',
    '',
    `${counted(reach.learningNetworks.networks, 'network')} with ${counted(reach.learningNetworks.members, 'member')} and ${counted(reach.learningNetworks.posts, 'post')}; ${counted(reach.subscribers, 'person', 'people')} subscribed to findings.`,
    '',
  ];
}

const csvField = (value: string | number | boolean | null) =>
  `"${String(value ?? '').replace(/"/g, '""')}"`;

/** The report as CSV rows (section, item, label, value), for spreadsheets. */
export function reportCsv(report: GovernanceReport): string {
  const rows: (string | number | boolean | null)[][] = [['section', 'item', 'label', 'value']];
  const counts = (section: string, list: readonly Count[]) => {
    for (const count of list) rows.push([section, count.key, count.label, count.count]);
  };
  rows.push(['report', 'as-of', 'As of', report.asOf]);
  rows.push(['report', 'scope', 'Scope', report.scope]);
  rows.push(['report', 'events', 'Events replayed', report.basis.events ?? 'not counted']);
  rows.push([
    'report',
    'other-services-events',
    'Events of other services replayed',
    report.basis.otherServicesEvents ?? 'not counted',
  ]);
  for (const row of headlineFigures(report)) rows.push(['headline', row.key, row.label, row.count]);
  rows.push(['projects', 'total', 'Projects', report.projects.total]);
  counts('projects by status', report.projects.byStatus);
  counts('projects by priority', report.projects.byPriority);
  counts('projects by EBP level', report.projects.byEbpLevel);
  counts('projects by method', report.projects.byMethod);
  counts('projects by SMS level', report.projects.bySmsLevel);
  for (const kind of ['approved', 'rejected', 'deferred'] as const) {
    const times = report.decisions[kind];
    rows.push(['decisions', kind, 'Decisions', times.decisions]);
    rows.push(['decisions', kind, 'Median lead time (days)', times.medianDays]);
    rows.push(['decisions', kind, 'Mean lead time (days)', times.meanDays]);
  }
  for (const line of report.decisions.list)
    rows.push([
      'decision',
      line.projectId,
      `${line.decision} ${line.decidedAt}`,
      line.leadTimeDays,
    ]);
  for (const row of report.researchPlan.priorities)
    rows.push(['research plan', row.priorityId, row.title, row.projects]);
  for (const plan of report.programme.plans)
    rows.push(['research plans', String(plan.year), plan.title, plan.status]);
  for (const row of report.programme.workstreams) {
    rows.push(['programme milestones', row.workstreamId, row.name, row.milestones]);
    rows.push(['programme milestones done', row.workstreamId, row.name, row.done]);
    rows.push(['programme milestones overdue', row.workstreamId, row.name, row.overdue]);
  }
  for (const line of report.programme.overdueMilestones)
    rows.push([
      'overdue milestone',
      `${line.workstreamId}/${line.milestoneId}`,
      line.title,
      line.due,
    ]);
  for (const row of report.meetings.held) {
    rows.push(['meetings held', row.meetingId, row.title, row.heldOn]);
    rows.push(['meeting decisions', row.meetingId, row.title, row.decisions]);
    rows.push(['meeting minutes', row.meetingId, row.title, row.minutes]);
  }
  for (const line of report.meetings.overdueActions)
    rows.push([
      'overdue meeting action',
      `${line.meetingId}/${line.actionId}`,
      line.description,
      line.dueOn,
    ]);
  const benchmark = report.benchmarking.latest;
  if (benchmark) {
    rows.push([
      'benchmarking respondents',
      benchmark.campaignId,
      benchmark.title,
      benchmark.respondents ?? 'suppressed',
    ]);
    for (const line of benchmark.questions) {
      rows.push([
        'benchmarking baseline',
        line.questionId,
        line.headline,
        line.baseline ?? line.baselineMissing ?? '',
      ]);
      rows.push([
        'benchmarking latest',
        line.questionId,
        line.headline,
        line.latest ?? line.latestMissing ?? '',
      ]);
    }
  }
  for (const line of report.overdue.progress)
    rows.push(['overdue progress', line.projectId, line.title, line.due]);
  for (const line of report.overdue.results)
    rows.push(['overdue results', line.projectId, line.title, line.due]);
  for (const line of report.outcomeSwitching)
    rows.push(['outcome switching', line.projectId, line.title, true]);
  const { partners, people, reach } = report;
  counts('partner organisations by kind', partners.organisations.byKind);
  counts('agreements in force', partners.agreementsInForce);
  counts('collaborations by role', partners.collaborations.byRole);
  counts('engagements by kind', partners.engagements);
  for (const line of partners.collaborations.projects)
    rows.push(['project partners', line.projectId, line.title, partnerNames(line).join('; ')]);
  counts('involvements by role', people.involvementsByRole);
  counts('champions by area', people.champions.byArea);
  counts('people trained', people.trained);
  for (const line of people.projects)
    rows.push(['team size', line.projectId, line.title, line.people]);
  counts('library items by kind', reach.library.byKind);
  for (const row of reach.deliveries)
    for (const status of ['acknowledged', 'sent', 'pending', 'failed'] as const)
      rows.push([`deliveries ${status}`, row.targetId, row.name, row[status]]);
  counts('attendances', reach.masterClasses.attendances);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const escapeHtml = (text: string | number) =>
  String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A horizontal bar chart as inline SVG: readable on screen and on paper, no script. */
function barChart(title: string, counts: readonly Count[]): string {
  const rowHeight = 22;
  const labelWidth = 230;
  const barWidth = 320;
  const max = Math.max(1, ...counts.map((count) => count.count));
  const height = counts.length * rowHeight + 8;
  const bars = counts
    .map((count, index) => {
      const y = index * rowHeight + 4;
      const width = Math.round((count.count / max) * barWidth);
      return (
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(count.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="${rowHeight - 8}" fill="#1d4f91"/>` +
        `<text x="${labelWidth + width + 6}" y="${y + 15}">${count.count}</text>`
      );
    })
    .join('');
  return (
    `<figure><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 60}" height="${height}" font-family="sans-serif" font-size="13">${bars}</svg></figure>`
  );
}

/** The report as one HTML page with inline SVG charts, styled to print on A4. */
export function reportHtml(report: GovernanceReport): string {
  const { projects, decisions } = report;
  const table = (headers: string[], rows: (string | number)[][]) =>
    `<table><thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const lines = <Line>(items: readonly Line[], render: (line: Line) => string) =>
    items.length === 0
      ? '<p>None.</p>'
      : `<ul>${items.map((item) => `<li>${escapeHtml(render(item))}</li>`).join('')}</ul>`;
  const leadTime = (name: string, times: LeadTimes) => [
    name,
    times.decisions,
    days(times.medianDays),
    days(times.meanDays),
    days(times.minDays),
    days(times.maxDays),
  ];
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${report.title} as of ${report.asOf}`)}</title>`,
    '<style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;color:#111}' +
      'table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left}' +
      'figure{margin:1rem 0;break-inside:avoid}figcaption{font-weight:bold}' +
      '@page{size:A4;margin:15mm}@media print{body{margin:0}h2{break-after:avoid}}</style>',
    '</head><body>',
    `<h1>${escapeHtml(`${report.title} as of ${report.asOf}`)}</h1>`,
    `<p>Rebuilt from ${escapeHtml(basisText(report))}.</p>`,
    `<p>Scope: ${escapeHtml(report.scope)}</p>`,
    table(
      ['headline', 'figure'],
      headlineFigures(report).map((row) => [row.label, row.count]),
    ),
    `<h2>Projects (${projects.total})</h2>`,
    barChart('Projects by status', projects.byStatus),
    barChart('Projects by priority', projects.byPriority),
    barChart('Projects by EBP level', projects.byEbpLevel),
    barChart('Projects by method', projects.byMethod),
    barChart('Projects by SMS level (achieved, or planned)', projects.bySmsLevel),
    '<h2>Committee decisions and lead times (proposal to decision)</h2>',
    table(
      ['decision', 'count', 'median', 'mean', 'shortest', 'longest'],
      [
        leadTime('approved', decisions.approved),
        leadTime('rejected', decisions.rejected),
        leadTime('deferred', decisions.deferred),
      ],
    ),
    lines(
      decisions.list,
      (line) =>
        `${line.decidedAt.slice(0, 10)} ${line.decision}: ${line.title} (${line.projectId}, ${line.leadTimeDays} days)`,
    ),
    '<h2>Research Plan coverage</h2>',
    barChart(
      'Projects per active priority',
      report.researchPlan.priorities.map((row) => ({
        key: row.priorityId,
        label: row.title,
        count: row.projects,
      })),
    ),
    `<p>Gaps (active priorities with no research): ${escapeHtml(report.researchPlan.gaps.length === 0 ? 'none' : report.researchPlan.gaps.join(', '))}.</p>`,
    '<h2>The Research Plan and the EBP Programme</h2>',
    table(
      ['year', 'plan', 'status', 'agreed', 'priorities'],
      report.programme.plans.map((plan) => [
        plan.year,
        plan.title,
        plan.status,
        plan.agreedOn ?? '—',
        plan.priorities,
      ]),
    ),
    table(
      ['work stream', 'milestones', 'done', 'in progress', 'planned', 'dropped', 'overdue'],
      report.programme.workstreams.map((row) => [
        row.name,
        row.milestones,
        row.done,
        row.inProgress,
        row.planned,
        row.dropped,
        row.overdue,
      ]),
    ),
    '<h3>Overdue milestones</h3>',
    lines(
      report.programme.overdueMilestones,
      (line) => `${line.title} (${line.workstreamId}), due ${line.due}`,
    ),
    '<h2>Committee business</h2>',
    table(
      ['held on', 'body', 'meeting', 'decisions', 'actions', 'done', 'minutes'],
      report.meetings.held.map((row) => [
        row.heldOn,
        BODIES[row.body],
        row.title,
        row.decisions,
        row.actions,
        row.actionsDone,
        row.minutes,
      ]),
    ),
    `<p>Meetings cancelled: ${report.meetings.cancelled}.</p>`,
    '<h3>Overdue actions</h3>',
    lines(
      report.meetings.overdueActions,
      (line) => `${line.description} (${line.ownerId}, ${line.meetingId}), due ${line.dueOn}`,
    ),
    '<h2>Benchmarking the use of evidence</h2>',
    `<p>${escapeHtml(benchmarkingSummary(report))}</p>`,
    report.benchmarking.latest
      ? table(
          ['question', 'headline', 'baseline', 'latest', 'change'],
          report.benchmarking.latest.questions.map((line) => [
            line.questionId,
            line.headline,
            figure(line.baseline, line.baselineMissing),
            figure(line.latest, line.latestMissing),
            change(line.change),
          ]),
        )
      : '',
    '<h2>Overdue progress reports</h2>',
    lines(report.overdue.progress, (line) => `${line.title} (${line.projectId}), due ${line.due}`),
    '<h2>Overdue results</h2>',
    lines(report.overdue.results, (line) => `${line.title} (${line.projectId}), due ${line.due}`),
    '<h2>Outcome switching</h2>',
    lines(report.outcomeSwitching, (line) => `${line.title} (${line.projectId})`),
    '<h2>Partners involved</h2>',
    barChart('Partner organisations by kind', report.partners.organisations.byKind),
    barChart('Collaborations by role', report.partners.collaborations.byRole),
    table(
      ['project', 'partners'],
      report.partners.collaborations.projects.map((line) => [
        `${line.title} (${line.projectId})`,
        partnerNames(line).join(', '),
      ]),
    ),
    '<h2>People involved</h2>',
    '<p>People are counted here, not named.</p>',
    barChart('Involvements by role', report.people.involvementsByRole),
    barChart('EBP champions by area', report.people.champions.byArea),
    barChart('People trained, by kind of training', report.people.trained),
    '<h2>Dissemination reach</h2>',
    barChart('Library items published, by kind', report.reach.library.byKind),
    table(
      ['national body', 'acknowledged', 'sent', 'pending', 'failed'],
      report.reach.deliveries.map((row) => [
        row.name,
        row.acknowledged,
        row.sent,
        row.pending,
        row.failed,
      ]),
    ),
    barChart('Attendances at master classes and courses', report.reach.masterClasses.attendances),
    '</body></html>',
    '',
  ].join('\n');
}

export function renderReport(report: GovernanceReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return reportJson(report);
    case 'markdown':
      return reportMarkdown(report);
    case 'csv':
      return reportCsv(report);
    case 'html':
      return reportHtml(report);
  }
}
