import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundleReport,
  entryFiles,
  ENTRY_BUDGET_BYTES,
  type Manifest,
} from '../scripts/bundle-budget';

const web = join(__dirname, '..');

describe('the first page’s weight', () => {
  it('counts the entry and what it imports statically, never the pages loaded on a visit', () => {
    const manifest: Manifest = {
      'index.html': {
        file: 'assets/index.js',
        isEntry: true,
        imports: ['_shared.js'],
        css: ['assets/index.css'],
      },
      '_shared.js': { file: 'assets/shared.js', imports: ['_runtime.js'] },
      '_runtime.js': { file: 'assets/runtime.js', imports: ['_shared.js'] },
      'src/pages/TrainingPage.tsx': {
        file: 'assets/TrainingPage.js',
        isDynamicEntry: true,
        imports: ['_shared.js'],
      },
    };
    expect(entryFiles(manifest).sort()).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/runtime.js',
      'assets/shared.js',
    ]);
  });

  it('fails a build whose first page is over the budget', () => {
    const dist = mkdtempSync(join(tmpdir(), 'ebp-bundle-'));
    try {
      mkdirSync(join(dist, '.vite'));
      mkdirSync(join(dist, 'assets'));
      // Random bytes do not compress: 160 kB of them stay over 150 kB gzipped.
      const heavy = Buffer.from(
        Array.from({ length: 160 * 1024 }, () => (Math.random() * 256) | 0),
      );
      writeFileSync(join(dist, 'assets', 'index.js'), heavy);
      writeFileSync(join(dist, 'assets', 'Page.js'), 'export const page = 1;');
      writeFileSync(
        join(dist, '.vite', 'manifest.json'),
        JSON.stringify({
          'index.html': { file: 'assets/index.js', isEntry: true },
          'src/Page.tsx': { file: 'assets/Page.js', isDynamicEntry: true },
        }),
      );
      const report = bundleReport(dist);
      expect(report.entryGzipBytes).toBeGreaterThan(ENTRY_BUDGET_BYTES);
      expect(report.withinBudget).toBe(false);
      expect(report.chunks.map((chunk) => chunk.file).sort()).toEqual([
        'assets/Page.js',
        'assets/index.js',
      ]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('keeps the real sign-in and home pages under 150 kB gzipped', () => {
    const dist = mkdtempSync(join(tmpdir(), 'ebp-web-build-'));
    try {
      // Vite builds as its own process: it is an ES module that jest's runtime cannot load. Jest
      // sets NODE_ENV=test, which would build React's development edition.
      const build = spawnSync(
        process.execPath,
        [
          join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js'),
          'build',
          '--config',
          'vite.config.mts',
          '--outDir',
          dist,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        {
          cwd: web,
          env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production' },
          encoding: 'utf8',
        },
      );
      expect([build.status, build.stderr]).toEqual([0, '']);
      const report = bundleReport(dist);
      // The page is split: many chunks, and the first page is only some of them.
      expect(report.chunks.length).toBeGreaterThan(10);
      expect(report.entryFiles.length).toBeLessThan(report.chunks.length / 2);
      expect(report.entryGzipBytes).toBeLessThanOrEqual(ENTRY_BUDGET_BYTES);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  }, 120_000);
});
