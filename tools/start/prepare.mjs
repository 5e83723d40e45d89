// Before `npm start` / `npm run demo`: bring the compiled platform (tsc -b into each package's
// dist/) and the intranet page (web/dist) up to date, and do nothing when their inputs have not
// changed since the last build here. A digest of each one's inputs is kept beside its output; the
// start itself then runs compiled JavaScript, with no compiler in the process (decision 0028).
// `--built`: the caller has just built everything (npm run build); only record the digests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const justBuilt = process.argv.includes('--built');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED = new Set(['node_modules', 'dist', '.turbo', 'coverage', 'results']);
// What a build reads: sources, settings and schemas (not its own bookkeeping, e.g. *.tsbuildinfo).
const INPUT = /\.(ts|tsx|mts|json|graphql|html|css|svg)$/;

/** Every input file under `path` (or `path` itself), skipping build output and dependencies. */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) =>
      entry.isDirectory() || INPUT.test(entry.name) ? filesUnder(join(path, entry.name)) : [],
    );
}

/** One digest of the files' names and contents: any edit, addition or removal changes it. */
function digestOf(paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap(filesUnder).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds `name` unless the digest stored at `stamp` equals its inputs' digest now. */
function upToDate({ name, inputs, output, stamp, build }) {
  const digest = digestOf(inputs);
  const built = existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest;
  if (built) return;
  if (!justBuilt) {
    process.stderr.write(`ebp: building ${name} (its sources changed since the last build)\n`);
    build();
  } else if (!existsSync(output)) return;
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
}

const lockFile = join(root, 'package-lock.json');
const projects = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).references.map(
  (reference) => join(root, reference.path),
);

upToDate({
  name: 'the platform',
  inputs: [join(root, 'tsconfig.json'), join(root, 'tsconfig.base.json'), lockFile, ...projects],
  output: join(root, 'packages', 'cli', 'dist', 'src', 'main.js'),
  stamp: join(root, 'packages', 'cli', 'dist', '.inputs-sha256'),
  build: () => run('npx', ['tsc', '-b', 'tsconfig.json']),
});

upToDate({
  name: 'the intranet page',
  inputs: [
    ...['src', 'public', 'index.html', 'vite.config.mts', 'tsconfig.json', 'package.json'].map(
      (input) => join(root, 'web', input),
    ),
    join(root, 'contracts', 'src'),
    lockFile,
  ],
  output: join(root, 'web', 'dist', 'index.html'),
  stamp: join(root, 'web', 'dist', '.inputs-sha256'),
  build: () => run('npm', ['run', 'build', '-w', '@ebp/web']),
});
