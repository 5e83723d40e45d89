import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the sign-in and home pages may weigh, gzipped, before anything else loads (issue 21). */
export const ENTRY_BUDGET_BYTES = 150_000;

/** One chunk of Vite's build manifest (`build.manifest`), as far as the budget reads it. */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleReport {
  readonly chunks: readonly ChunkSize[];
  /** The files the browser fetches for the first page: the entry and what it imports statically. */
  readonly entryFiles: readonly string[];
  readonly entryGzipBytes: number;
  readonly withinBudget: boolean;
}

/** Every file the entry chunk needs before the page can show: its static imports, transitively. */
export function entryFiles(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} but does not describe it`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entries[0]!);
  return [...files];
}

/** Sizes every file of a build in `dist`, and weighs the first page against the budget. */
export function bundleReport(dist: string, budget = ENTRY_BUDGET_BYTES): BundleReport {
  const manifest = JSON.parse(
    readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const size = (file: string): ChunkSize => {
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  };
  const all = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
  }
  const chunks = [...all].map(size).sort((a, b) => a.gzipBytes - b.gzipBytes);
  const first = entryFiles(manifest);
  const entryGzipBytes = chunks
    .filter((chunk) => first.includes(chunk.file))
    .reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { chunks, entryFiles: first, entryGzipBytes, withinBudget: entryGzipBytes <= budget };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);

/** The report as a table, one chunk a line, the first page's files marked. */
export function formatReport(report: BundleReport, budget = ENTRY_BUDGET_BYTES): string {
  const width = Math.max(...report.chunks.map((chunk) => chunk.file.length));
  const lines = report.chunks.map(
    (chunk) =>
      `${report.entryFiles.includes(chunk.file) ? '*' : ' '} ${chunk.file.padEnd(width)} ${kB(chunk.bytes)}  gzip ${kB(chunk.gzipBytes)}`,
  );
  return [
    'chunks (* loads with sign-in and home):',
    ...lines,
    `sign-in and home: ${kB(report.entryGzipBytes).trim()} gzipped of a ${kB(budget).trim()} budget`,
  ].join('\n');
}
