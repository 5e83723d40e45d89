import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A worker script run as its own Node process, so that a test can `kill -9` it for real. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Every line the worker wrote to stdout so far. */
  readonly lines: string[];
  /** Resolves when the worker has printed a line that satisfies `match`. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no cleanup, no goodbye, exactly like a crash. Resolves when the process is gone. */
  kill9(): Promise<void>;
}

export function startWorker(script: string, env: Record<string, string>): WorkerProcess {
  const { NODE_OPTIONS: _jestOnly, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const listener of listeners) listener();
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.includes('ExperimentalWarning') && !line.includes('--trace-warnings'))
      errors.push(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    waitForLine(match, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (lines.some(match)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `worker ${script} did not print the expected line within ${timeoutMs} ms; stderr:\n${errors.join('\n')}`,
            ),
          );
        }, timeoutMs);
        const onExit = () => {
          cleanup();
          reject(
            new Error(
              `worker ${script} exited (code ${String(child.exitCode)}); stderr:\n${errors.join('\n')}`,
            ),
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
