import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads the connection settings `deploy/local/engines up` wrote, unless the environment has them:
 * benchmarks find the local engines the way the test runner does.
 */
export function loadEnginesEnvFile(repoRoot: string): void {
  const file = join(repoRoot, '.local', 'engines', 'env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)='?([^']*)'?$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined && process.env[match[1]] === undefined)
      process.env[match[1]] = match[2];
  }
}
