// How a long `ebp` command (a replay of millions of events, a rebuild) shows its progress.
import { SingleBar } from 'cli-progress';

export interface Progress {
  readonly read: number;
  readonly total: number;
}

export interface ProgressDisplay {
  readonly update: (progress: Progress) => void;
  /** Ends the display, finished or not: a terminal bar keeps a redraw timer until then. */
  readonly stop: () => void;
}

const counts = ({ read, total }: Progress) =>
  `${read.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} events`;

/** A bar redrawn in place (cli-progress), closed with a new line once complete. */
function terminalBar(stream: NodeJS.WriteStream, what: string): ProgressDisplay {
  const bar = new SingleBar({
    stream,
    format: '{what} [{bar}] {percentage}% {counts}',
    barsize: 30,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    stopOnComplete: true,
    // Stopped on SIGINT too, so that an interrupted replay gives the cursor back.
    gracefulExit: true,
  });
  let started = false;
  return {
    update: (progress) => {
      // Nothing to read is complete at once: one of one, not a division by zero.
      const [value, total] =
        progress.total === 0 ? [1, 1] : [Math.min(progress.read, progress.total), progress.total];
      const payload = { what, counts: counts(progress) };
      if (!started) {
        started = true;
        bar.start(total, value, payload);
      } else bar.setTotal(total);
      // Also when just started: an update is what stops a complete bar.
      bar.update(value, payload);
    },
    stop: () => bar.stop(),
  };
}

/** A line at each tenth, for a log or a pipe, where a redrawn bar would be noise. */
function plainLines(stream: NodeJS.WritableStream, what: string): ProgressDisplay {
  let lastTenth = -1;
  return {
    update: (progress) => {
      const { read, total } = progress;
      const percent = Math.floor((total === 0 ? 1 : Math.min(1, read / total)) * 100);
      if (Math.floor(percent / 10) <= lastTenth) return;
      lastTenth = Math.floor(percent / 10);
      stream.write(`${what}: ${percent}% (${counts(progress)})\n`);
    },
    stop: () => undefined,
  };
}

/** A progress bar on a terminal, or a line every tenth on anything else. */
export function progressDisplay(stream: NodeJS.WriteStream, what: string): ProgressDisplay {
  return stream.isTTY ? terminalBar(stream, what) : plainLines(stream, what);
}
