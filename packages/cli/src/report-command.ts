import { SqlEventArchive } from '@ebp/eventing';
import type { PlatformConfig } from '@ebp/platform';
import {
  REPORT_FORMATS,
  buildGovernanceReport,
  compareGovernanceReports,
  comparisonMarkdown,
  renderReport,
  replayGovernance,
  type ReplayProgress,
  type ReportFormat,
} from '@ebp/register';
import { openServiceLog } from './service-log';

export interface ReportCommand {
  readonly asOf: string;
  readonly format: ReportFormat;
  /** An earlier date: the output is what changed between it and `asOf` (JSON or Markdown). */
  readonly compareWith?: string;
}

export function parseReportFormat(value: string | undefined): ReportFormat {
  const format = (value ?? 'html').toLowerCase();
  if (format === 'md') return 'markdown';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}, not ${value}`);
  return format as ReportFormat;
}

/** `ebp report`: the governance report (or a comparison) rebuilt from the register's log. */
export async function runReport(
  config: PlatformConfig,
  command: ReportCommand,
  progressOf: (asOf: string) => (progress: ReplayProgress) => void,
): Promise<string> {
  const { store, sql, close } = await openServiceLog(config, 'register');
  try {
    const history = { log: store, archive: await SqlEventArchive.open(sql) };
    const reportAsOf = async (asOf: string) =>
      buildGovernanceReport(
        await replayGovernance(history, asOf, { onProgress: progressOf(asOf) }),
      );
    if (command.compareWith) {
      const comparison = compareGovernanceReports(
        await reportAsOf(command.compareWith),
        await reportAsOf(command.asOf),
      );
      return command.format === 'json'
        ? `${JSON.stringify(comparison, null, 2)}\n`
        : comparisonMarkdown(comparison);
    }
    return renderReport(await reportAsOf(command.asOf), command.format);
  } finally {
    await close();
  }
}
