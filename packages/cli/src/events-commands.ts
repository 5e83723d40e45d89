import { createWriteStream } from 'node:fs';
import { auditTrail, toPublishedEvent, type AuditEntry, type LogPosition } from '@ebp/eventing';
import type { PlatformConfig } from '@ebp/platform';
import { endOfReportDay, parseReportDate, type ReplayProgress } from '@ebp/register';
import { openServiceLog, type ServiceName } from './service-log';

/**
 * `ebp events export`: a service's events recorded up to the end of a day, in log order, one
 * published event (the envelope, stream id, version and position, as on the service's topic) per
 * line of NDJSON. The community's personal fields stay sealed, as on its topic.
 */
export async function exportEvents(
  config: PlatformConfig,
  options: {
    readonly service: ServiceName;
    readonly asOf: string;
    readonly out: NodeJS.WritableStream;
    readonly onProgress: (progress: ReplayProgress) => void;
  },
): Promise<number> {
  const end = endOfReportDay(parseReportDate(options.asOf));
  // The community's tools read the sealed log for export: what its topic carries, no more.
  const { store, close } = await openServiceLog(config, options.service, { sealed: true });
  try {
    const head = await store.headPosition();
    const total = head ? await store.countAfter(undefined, head) : 0;
    let after: LogPosition | undefined;
    let read = 0;
    let written = 0;
    while (head) {
      const page = await store.readAll({ after, upTo: head, limit: 5_000 });
      if (page.length === 0) break;
      for (const event of page)
        if (event.metadata.recordedAt < end) {
          const line = `${JSON.stringify(toPublishedEvent(event))}\n`;
          if (!options.out.write(line))
            await new Promise((resolve) => options.out.once('drain', resolve));
          written += 1;
        }
      read += page.length;
      after = page.at(-1)?.position;
      options.onProgress({ read, total });
    }
    return written;
  } finally {
    await close();
  }
}

/** `ebp audit`: who changed one entity (a stream of a service), when, what and why. */
export async function auditOf(
  config: PlatformConfig,
  service: ServiceName,
  streamId: string,
): Promise<AuditEntry[]> {
  const { store, close } = await openServiceLog(config, service);
  try {
    return await auditTrail(store, streamId);
  } finally {
    await close();
  }
}

/** Where an export goes: a file, or standard output. */
export function exportTarget(path: string | undefined): NodeJS.WritableStream {
  return path ? createWriteStream(path) : process.stdout;
}
