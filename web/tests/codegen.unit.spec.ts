import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const web = join(__dirname, '..');
const GENERATED = join(web, 'src', 'graphql', 'generated.ts');

// The generator runs as its own process: its plugins are ES modules that jest cannot load.
const runCheck = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/codegen.ts', '--check'], {
    cwd: web,
    env: { ...process.env, NODE_OPTIONS: '', TSX_TSCONFIG_PATH: 'scripts/tsconfig.json' },
    encoding: 'utf8',
  });

describe('the page’s typed queries', () => {
  it('are generated from the current API schema and queries (npm run codegen -w @ebp/web)', () => {
    const result = runCheck();
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('are reported out of date when they are', () => {
    const backup = `${GENERATED}.backup`;
    copyFileSync(GENERATED, backup);
    try {
      writeFileSync(GENERATED, `${readFileSync(GENERATED, 'utf8')}// changed by hand\n`);
      const result = runCheck();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('is out of date');
    } finally {
      copyFileSync(backup, GENERATED);
      rmSync(backup, { force: true });
    }
  });
});
