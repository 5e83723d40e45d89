// The `ebp` command line: what its help says (commander's), what each command is handed, with
// the defaults, and how a bad command line is refused before anything starts.
import type { Command } from 'commander';
import {
  ebpProgram,
  runCommandLine,
  type EbpCommands,
  type AuditOptions,
  type EventsExportOptions,
  type ReportOptions,
  type StartOptions,
} from './command-line';

type Call =
  | ['start', StartOptions]
  | ['report', ReportOptions]
  | ['eventsExport', EventsExportOptions]
  | ['rebuildProjection', string]
  | ['audit', AuditOptions];

/** Runs one command line against commands that only record how they were called. */
function run(...argv: string[]) {
  const calls: Call[] = [];
  const commands: EbpCommands = {
    start: (options) => calls.push(['start', options]),
    report: (options) => calls.push(['report', options]),
    eventsExport: (options) => calls.push(['eventsExport', options]),
    rebuildProjection: (name) => calls.push(['rebuildProjection', name]),
    audit: (options) => calls.push(['audit', options]),
  };
  let stdout = '';
  let stderr = '';
  const program = ebpProgram(commands, {
    today: () => '2026-11-30',
    output: {
      writeOut: (text) => (stdout += text),
      writeErr: (text) => (stderr += text),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
    },
  });
  const code = runCommandLine(program, argv);
  return { code, calls, stdout, stderr, program };
}

/** A sub-command's help as commander renders it (`ebp events export --help`). */
function helpOf(program: Command, ...path: string[]): string {
  let command = program;
  for (const name of path) {
    const next = command.commands.find((candidate) => candidate.name() === name);
    if (!next) throw new Error(`no command ${path.join(' ')}`);
    command = next;
  }
  return command.helpInformation();
}

describe('ebp --help', () => {
  it('lists every command, and is what `ebp`, `ebp help` and `ebp --help` show', () => {
    const { program, stdout, code } = run('--help');
    expect(code).toBe(0);
    const help = program.helpInformation();
    expect(help).toMatch(/^Usage: ebp <command> \[options\]/);
    for (const command of ['start', 'report', 'events', 'projections', 'audit', 'help'])
      expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain(help);
    expect(stdout).toContain('Examples:');
    expect(run().stdout).toBe(stdout);
    expect(run('help').stdout).toBe(stdout);
  });

  it.each<{ path: string[]; lines: (string | RegExp)[] }>([
    {
      path: ['start'],
      lines: [
        'Usage: ebp start [options]',
        /--demo +load the demo data set/,
        /--distributed +each service and the gateway as its own process/,
        /--port <n> +the gateway's port \(default: EBP_HTTP_PORT, else 4000\)/,
      ],
    },
    {
      path: ['report'],
      lines: [
        'Usage: ebp report [options]',
        /--as-of <date> +the day, like 2026-03-31/,
        /--format <format> +html, markdown \(md\), csv or json \(default: "html"\)/,
        /--compare-with <earlier date> +what changed/,
        /--out <file> +write there instead of standard output/,
      ],
    },
    {
      path: ['events', 'export'],
      lines: [
        'Usage: ebp events export [options]',
        /--service <name> +register, community, partners or dissemination/,
        /--as-of <date> +the day, like 2026-03-31 \(default: today\)/,
        /--out <file>/,
      ],
    },
    {
      path: ['projections', 'rebuild'],
      lines: ['Usage: ebp projections rebuild [options] <name>', /name +the projection/],
    },
    {
      path: ['audit'],
      lines: ['Usage: ebp audit [options]', /--service <name>/, /--stream <stream id>/],
    },
  ])('ebp $path --help lists its options and defaults', ({ path, lines }) => {
    const help = helpOf(run().program, ...path);
    for (const line of lines) expect(help).toMatch(line);
    // What `--help` after the command prints is that same text.
    const shown = run(...path, '--help');
    expect([shown.code, shown.stdout, shown.calls]).toEqual([0, help, []]);
    // `ebp help <command>` names one command; a sub-command's help is `--help` after it.
    if (path.length === 1) expect(run('help', ...path).stdout).toBe(help);
  });
});

describe('ebp commands', () => {
  it.each<{ argv: string[]; call: Call }>([
    { argv: ['start'], call: ['start', { demo: false, distributed: false }] },
    { argv: ['start', '--demo'], call: ['start', { demo: true, distributed: false }] },
    {
      argv: ['start', '--distributed', '--demo', '--port', '4100'],
      call: ['start', { demo: true, distributed: true, port: 4100 }],
    },
    { argv: ['start', '--port=0'], call: ['start', { demo: false, distributed: false, port: 0 }] },
    {
      argv: ['report', '--as-of', '2026-03-31'],
      call: ['report', { asOf: '2026-03-31', format: 'html' }],
    },
    {
      argv: [
        'report',
        '--as-of',
        '2026-03-31',
        '--format',
        'MD',
        '--compare-with',
        '2025-12-31',
        '--out',
        'q4.md',
      ],
      call: [
        'report',
        { asOf: '2026-03-31', format: 'markdown', compareWith: '2025-12-31', out: 'q4.md' },
      ],
    },
    {
      argv: ['events', 'export', '--service', 'register'],
      call: ['eventsExport', { service: 'register', asOf: '2026-11-30' }],
    },
    {
      argv: ['events', 'export', '--service', 'partners', '--as-of', '2026-03-31', '--out', 'x'],
      call: ['eventsExport', { service: 'partners', asOf: '2026-03-31', out: 'x' }],
    },
    {
      argv: ['projections', 'rebuild', 'register-projects'],
      call: ['rebuildProjection', 'register-projects'],
    },
    {
      argv: ['audit', '--service', 'partners', '--stream', 'organisation:cambridge'],
      call: ['audit', { service: 'partners', stream: 'organisation:cambridge' }],
    },
  ])('ebp $argv', ({ argv, call }) => {
    const { code, calls, stderr } = run(...argv);
    expect([code, stderr]).toEqual([0, '']);
    expect(calls).toEqual([call]);
  });

  it.each<{ argv: string[]; error: string }>([
    { argv: ['frobnicate'], error: "error: unknown command 'frobnicate'" },
    { argv: ['strat'], error: '(Did you mean start?)' },
    { argv: ['start', '--colour'], error: "error: unknown option '--colour'" },
    { argv: ['start', '--format', 'json'], error: "error: unknown option '--format'" },
    { argv: ['start', '--port', 'http'], error: '--port must be a whole number 0–65535' },
    { argv: ['start', '--port', '70000'], error: '--port must be a whole number 0–65535' },
    { argv: ['start', '--port', '-1'], error: '--port must be a whole number 0–65535' },
    { argv: ['report'], error: "error: required option '--as-of <date>' not specified" },
    {
      argv: ['report', '--as-of', '2026-03-31', '--format', 'pdf'],
      error: '--format must be one of json, markdown, csv, html, not pdf',
    },
    { argv: ['events'], error: 'Usage: ebp events [options] [command]' },
    { argv: ['events', 'import'], error: "error: unknown command 'import'" },
    { argv: ['events', 'export'], error: "error: required option '--service <name>'" },
    {
      argv: ['events', 'export', '--service', 'payroll'],
      error:
        "error: option '--service <name>' argument 'payroll' is invalid. --service must be one of register, community, partners, dissemination",
    },
    { argv: ['projections', 'rebuild'], error: "error: missing required argument 'name'" },
    { argv: ['projections', 'a', 'b'], error: "error: unknown command 'a'" },
    {
      argv: ['audit', '--service', 'register'],
      error: "error: required option '--stream <stream id>' not specified",
    },
  ])('refuses ebp $argv with a clear message and exit code 2', ({ argv, error }) => {
    const { code, calls, stdout, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(error);
    expect(calls).toEqual([]);
    expect(stdout).toBe('');
  });

  it('points to the help after an error', () => {
    expect(run('report').stderr).toContain('(ebp <command> --help shows its options)');
  });
});
