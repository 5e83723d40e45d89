// The `ebp` tools as processes over a stopped platform's data: `report` replays the register and
// writes the same bytes the graph gives; `events export`, `audit` and `projections rebuild`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublishedEventSchema } from '@ebp/contracts';
import { READER_SCOPE, WHOLE_REGISTER } from '@ebp/register';
import { startAllInOne } from './all-in-one';
import { repositoryRoot } from './distributed';
import { GraphClient } from './graph-client';
import { proposal, proposeProject } from './testing/register-fixtures';

function ebp(args: string[], dataDir: string) {
  const root = repositoryRoot();
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'packages/cli/src/main.ts'), ...args],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'),
        EBP_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('the ebp tools over the services’ logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-report-'));
  /** The three projects' ids, made by the server, in title order. */
  const reported: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const fromTheGraph: Record<string, string> = {};

  beforeAll(async () => {
    const platform = await startAllInOne({ dataDir, port: 0 });
    try {
      const rae = new GraphClient(platform.url, await platform.issuer!.tokenFor('rae'));
      for (const n of [1, 2, 3])
        reported.push(
          await proposeProject(
            rae,
            `report-${n}`,
            proposal(`Reported project number ${n}`, 'person-rae'),
          ),
        );
      const cat = new GraphClient(platform.url, await platform.issuer!.tokenFor('cat'));
      for (const format of ['JSON', 'MARKDOWN'])
        fromTheGraph[format] = (
          await cat.must<{ governanceReport: string }>(
            'query($asOf: String!, $format: ReportFormat) { governanceReport(asOf: $asOf, format: $format) }',
            { asOf: today, format },
          )
        ).governanceReport;
      // While the platform runs, its data directory is its own.
      const refused = await ebp(['report', '--as-of', today, '--format', 'json'], dataDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is in use by process \d+; stop it first/);
    } finally {
      await platform.stop();
    }
  }, 120_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the same report as the graph, byte for byte but for its scope and basis, and shows its progress', async () => {
    // The graph's report is the committee's (who may read every project here); the tool's is
    // the operator's. Only the statement of scope differs, and what it was rebuilt from: a report
    // for one reader counts no events (the counts would move with what it may not see).
    const asOperators = (report: string | undefined) =>
      report?.replace(READER_SCOPE, WHOLE_REGISTER).replace(/^Rebuilt from .*$/m, 'Rebuilt from …');
    const withoutBasis = (report: string) => ({ ...(JSON.parse(report) as object), basis: null });
    const json = await ebp(['report', '--as-of', today, '--format', 'json'], dataDir);
    expect(json.code).toBe(0);
    expect(fromTheGraph.JSON).toContain(READER_SCOPE);
    expect(JSON.parse(fromTheGraph.JSON!)).toMatchObject({
      basis: { events: null, lastEventAt: null, otherServicesEvents: null },
    });
    const operators = JSON.parse(json.stdout) as { basis: { events: unknown } };
    expect(typeof operators.basis.events).toBe('number');
    expect(withoutBasis(json.stdout)).toEqual(withoutBasis(asOperators(fromTheGraph.JSON)!));
    expect(JSON.parse(json.stdout)).toMatchObject({ asOf: today, projects: { total: 3 } });
    expect(json.stderr).toContain(`replaying the register to ${today}: 100%`);
    const markdown = await ebp(['report', '--as-of', today, '--format', 'markdown'], dataDir);
    expect(asOperators(markdown.stdout)).toBe(asOperators(fromTheGraph.MARKDOWN));
  }, 60_000);

  it('writes HTML to a file, compares two dates, and refuses bad arguments', async () => {
    const out = join(dataDir, 'report.html');
    const html = await ebp(['report', '--as-of', today, '--out', out], dataDir);
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    const compared = await ebp(
      ['report', '--as-of', today, '--compare-with', '2000-01-01', '--format', 'markdown'],
      dataDir,
    );
    expect(compared.stdout).toContain('## Projects: 0 to 3 (+3)');
    const badDate = await ebp(['report', '--as-of', 'yesterday'], dataDir);
    expect([badDate.code, badDate.stderr.trim()]).toEqual([
      1,
      'asOf must be a date like 2026-03-31, not "yesterday"',
    ]);
    const badFormat = await ebp(['report', '--as-of', today, '--format', 'pdf'], dataDir);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of json, markdown, csv, html');
  }, 60_000);

  it('exports a service’s events up to a date as NDJSON, and shows an entity’s audit trail', async () => {
    const exported = await ebp(
      ['events', 'export', '--service', 'register', '--as-of', today],
      dataDir,
    );
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    // Each proposal, and the project's first audience (who may read it).
    expect(lines.map((line) => PublishedEventSchema.parse(JSON.parse(line)).type)).toEqual(
      [1, 2, 3].flatMap(() => ['register.project.proposed', 'register.project.audience-changed']),
    );
    expect(exported.stderr).toContain('6 events');
    const none = await ebp(
      ['events', 'export', '--service', 'register', '--as-of', '2000-01-01'],
      dataDir,
    );
    expect([none.code, none.stdout]).toEqual([0, '']);

    const audit = await ebp(
      ['audit', '--service', 'register', '--stream', `project:${reported[0]}`],
      dataDir,
    );
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toEqual([
      expect.objectContaining({
        version: 1,
        type: 'register.project.proposed',
        actor: { kind: 'person', id: 'person-rae' },
        why: null,
      }),
      // The operator's audit shows the whole stream, the project's audience included.
      expect.objectContaining({ version: 2, type: 'register.project.audience-changed' }),
    ]);
    const unknown = await ebp(['audit', '--service', 'payroll', '--stream', 'x'], dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--service must be one of register, community, partners, dissemination',
    );
  }, 60_000);

  it('rebuilds a read model from its service’s log, and the platform reads it after a restart', async () => {
    const rebuilt = await ebp(['projections', 'rebuild', 'register-projects'], dataDir);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/rebuilding register-projects: 100% \(6\/6 events\)/);
    expect(rebuilt.stderr).toMatch(
      /rebuilt register-projects into register-projects_v\d+: 6 events/,
    );
    const unknown = await ebp(['projections', 'rebuild', 'payroll'], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No projection "payroll"; there are: register-projects');

    const platform = await startAllInOne({ dataDir, port: 0 });
    try {
      const rae = new GraphClient(platform.url, await platform.issuer!.tokenFor('rae'));
      const { researchProjects } = await rae.must<{
        researchProjects: { total: number; items: { id: string }[] };
      }>('{ researchProjects(sort: { by: title, direction: asc }) { total items { id } } }');
      expect(researchProjects).toEqual({
        total: 3,
        items: reported.map((id) => ({ id })),
      });
    } finally {
      await platform.stop();
    }
  }, 90_000);
});
