// The platform as its own process, started by the root package.json's script exactly as `npm start`
// runs it (without npm in between, so that signals reach it directly): for the restart test and
// the start benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../distributed';

export interface PlatformProcess {
  readonly child: ChildProcess;
  /** Everything it wrote, standard output and error together. */
  readonly output: string[];
}

/** A root script's command: leading `VAR=value` words are its environment, the rest the program. */
export function rootScriptCommand(script: string): {
  readonly env: Record<string, string>;
  readonly program: string;
  readonly args: string[];
} {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot(), 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (manifest.scripts[script] ?? '').split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_]+=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const [program, ...args] = words;
  if (program !== 'node')
    throw new Error(`Unexpected ${script} script: ${manifest.scripts[script]}`);
  return { env, program, args };
}

/** Starts the platform by a root script on a data directory and port; its output is kept. */
export function spawnPlatform(
  script: string,
  settings: {
    readonly dataDir: string;
    readonly port: number;
    readonly extraArgs?: readonly string[];
  },
): PlatformProcess {
  const { env, program, args } = rootScriptCommand(script);
  const child = spawn(program, [...args, ...(settings.extraArgs ?? [])], {
    cwd: repositoryRoot(),
    env: {
      PATH: process.env.PATH,
      EBP_DATA_DIR: settings.dataDir,
      EBP_HTTP_PORT: String(settings.port),
      EBP_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

/**
 * Waits until the gateway answers /health/ready. A process that exits first, or does not answer in
 * time, is reported with its output, and is not left running.
 */
export async function untilReady(
  platform: PlatformProcess,
  port: number,
  timing: { readonly timeoutMs: number; readonly pollMs: number },
): Promise<void> {
  const { child, output } = platform;
  const deadline = Date.now() + timing.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform exited: ${output.join('')}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.arrayBuffer().then(() => response.ok),
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
  child.kill('SIGKILL');
  throw new Error(
    `the platform did not answer within ${timing.timeoutMs / 1000} s: ${output.join('')}`,
  );
}
