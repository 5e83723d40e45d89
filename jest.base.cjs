// One jest configuration for every workspace; each workspace's jest.config.cjs calls it.
//
// Test levels are chosen by file suffix: *.unit.spec.ts (pure), *.int.spec.ts (one adapter
// against PGlite or a real engine), *.e2e.spec.ts (through the gateway).
//
// `npm test` needs nothing but Node, so specs inside a `requires-engines/` folder are left out.
// `npm run test:engines` sets EBP_TEST_ENGINES=1: it runs the int and e2e suites (shared contract
// suites then pick the real adapters) plus every `requires-engines/` spec. Connection settings come
// from the environment, or else from the file that `deploy/local/engines up` writes.
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = __dirname;
const enginesEnvFile = path.join(repoRoot, '.local', 'engines', 'env');

function loadEnginesEnv() {
  if (!fs.existsSync(enginesEnvFile)) return;
  for (const line of fs.readFileSync(enginesEnvFile, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) {
      process.env[match[1]] = match[2].replace(/^'(.*)'$/, '$1');
    }
  }
}

/**
 * `options.engineSuites`: the suites `npm run test:engines` runs in this workspace, where not every
 * int and e2e suite picks a real engine. The composition root's end-to-end suites outside
 * `requires-engines/` always start the embedded all-in-one platform: run again on engines, they
 * would only repeat `npm test`.
 */
module.exports = function jestConfig(workspaceDir, options = {}) {
  const onEngines = process.env.EBP_TEST_ENGINES === '1';
  // `npm run test:browser` runs only the `requires-browser/` suites (Debian's Chromium).
  const onBrowser = process.env.EBP_TEST_BROWSER === '1';
  if (onEngines) loadEnginesEnv();
  return {
    rootDir: workspaceDir,
    testEnvironment: 'node',
    testMatch: onBrowser
      ? ['**/requires-browser/**/*.e2e.spec.ts']
      : onEngines
        ? (options.engineSuites ?? ['**/*.int.spec.ts', '**/*.e2e.spec.ts'])
        : ['**/*.unit.spec.ts', '**/*.int.spec.ts', '**/*.e2e.spec.ts'],
    testPathIgnorePatterns: [
      '/node_modules/',
      '/dist/',
      ...(onEngines ? [] : ['/requires-engines/']),
      ...(onBrowser ? [] : ['/requires-browser/']),
    ],
    transform: {
      '^.+\\.ts$': [
        'ts-jest',
        { tsconfig: path.join(workspaceDir, 'tsconfig.json'), diagnostics: false },
      ],
    },
    // Workspaces import each other's sources in tests, so `npm test` needs no build first.
    moduleNameMapper: {
      '^@ebp/contracts$': path.join(repoRoot, 'contracts', 'src'),
      '^@ebp/gateway$': path.join(repoRoot, 'gateway', 'src'),
      '^@ebp/(register|community|partners|dissemination)$': path.join(
        repoRoot,
        'services',
        '$1',
        'src',
      ),
      '^@ebp/([a-z-]+)/(testing|nest)$': path.join(repoRoot, 'packages', '$1', 'src', '$2'),
      '^@ebp/([a-z-]+)$': path.join(repoRoot, 'packages', '$1', 'src'),
    },
    testTimeout: onEngines || onBrowser ? 120_000 : 30_000,
    // Suites on real engines kill processes and load brokers; run them one at a time so that
    // they measure faults, not contention on two cores.
    ...(onEngines ? { maxWorkers: 1 } : {}),
    reporters: ['default', path.join(repoRoot, 'tools', 'jest', 'tally-reporter.cjs')],
  };
};
