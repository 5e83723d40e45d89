import type { Logger } from '../observability/logger';

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * A process's main loop: starts the work, stops it cleanly on SIGINT or SIGTERM, and exits
 * non-zero with a logged reason if starting fails. A second signal exits at once.
 */
export function runUntilStopped(
  logger: Logger,
  start: () => Promise<Stoppable>,
  onStarted?: () => void,
): void {
  start().then(
    (running) => {
      onStarted?.();
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        logger.info('stopping', { signal });
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error('stopped with an error', { error });
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      logger.fatal('could not start', { error });
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 100).unref();
    },
  );
}
