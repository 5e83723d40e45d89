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

/**
 * A progress bar on a terminal (redrawn in place), or a line every tenth on a log: a replay of
 * millions of events takes a while and should say so.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  what: string,
): (progress: ReplayProgress) => void {
  let lastTenth = -1;
  return ({ read, total }) => {
    const fraction = total === 0 ? 1 : Math.min(1, read / total);
    const percent = Math.floor(fraction * 100);
    const counts = `${read.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} events`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r${what} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${counts}`,
      );
      if (read >= total) stream.write('\n');
    } else if (Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10);
      stream.write(`${what}: ${percent}% (${counts})\n`);
    }
  };
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
