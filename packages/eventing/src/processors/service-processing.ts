import type { Logger } from '@ebp/platform';
import type { EventProcessor } from './event-processor';
import { serialized } from './serialized';

/** Work a service runs off the request path: a relay, a reaction to another service's events. */
export interface BackgroundWork {
  catchUp(): Promise<unknown>;
  stop(): Promise<void>;
}

export interface ServiceProcessingOptions {
  /** Read-model projectors: commands drive them too, so a client reads its own writes. */
  readonly projectors: readonly EventProcessor[];
  /**
   * Work polled alongside; a function is given the read models' catch-up (a reaction that reads
   * this service's read models brings them up to date first) and called after the first catch-up.
   */
  readonly background?:
    | readonly BackgroundWork[]
    | ((catchUp: () => Promise<void>) => Promise<readonly BackgroundWork[]>);
  /** How often everything polls the log between commands (default 200 ms). */
  readonly pollIntervalMs?: number;
  readonly logger: Logger;
}

export interface ServiceProcessing {
  /** Brings the read models up to date; concurrent callers share one run at a time. */
  readonly catchUp: () => Promise<void>;
  /** Brings the read models and the background work up to date (e.g. before a report). */
  readonly catchUpAll: () => Promise<void>;
  /** False while the last poll failed (an engine unreachable): the readiness check reports it. */
  readonly healthy: () => boolean;
  stop(): Promise<void>;
}

/**
 * One instance of each processor per service process: the projectors and the background work are
 * each serialized, caught up once at start, then polled. A failing poll is logged once and marks
 * the service unhealthy until a poll succeeds again.
 */
export async function startServiceProcessing(
  options: ServiceProcessingOptions,
): Promise<ServiceProcessing> {
  const { logger } = options;
  const catchUp = serialized(async () => {
    for (const projector of options.projectors) await projector.catchUp();
  });
  await catchUp();
  const works =
    typeof options.background === 'function'
      ? await options.background(catchUp)
      : (options.background ?? []);
  const background = works.map((work) => ({
    work,
    catchUp: serialized(async () => void (await work.catchUp())),
  }));
  const pollOnce = () => Promise.all([catchUp(), ...background.map((item) => item.catchUp())]);
  let healthy = true;
  const poller = setInterval(() => {
    pollOnce().then(
      () => {
        if (!healthy) logger.info('read models catching up again');
        healthy = true;
      },
      (error: unknown) => {
        if (healthy) logger.error('read models cannot catch up', { error });
        healthy = false;
      },
    );
  }, options.pollIntervalMs ?? 200);
  return {
    catchUp,
    catchUpAll: async () => void (await pollOnce()),
    healthy: () => healthy,
    async stop() {
      clearInterval(poller);
      await pollOnce().catch(() => undefined);
      for (const projector of options.projectors) await projector.stop();
      for (const item of background) await item.work.stop();
    },
  };
}
