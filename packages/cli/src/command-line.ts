// The `ebp` command line (commander): its commands, options, defaults and help. What each command
// does is handed in, so the line can be parsed and its help read without starting anything.
import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
  type OutputConfiguration,
} from 'commander';
import type { ReportFormat } from '@ebp/register';
import { parseReportFormat } from './report-command';
import { parseServiceName, type ServiceName } from './service-log';

export interface StartOptions {
  readonly demo: boolean;
  readonly distributed: boolean;
  /** Unset: the configuration's (EBP_HTTP_PORT, else 4000). */
  readonly port?: number;
}

export interface ReportOptions {
  readonly asOf: string;
  readonly format: ReportFormat;
  readonly compareWith?: string;
  readonly out?: string;
}

export interface EventsExportOptions {
  readonly service: ServiceName;
  readonly asOf: string;
  readonly out?: string;
}

export interface AuditOptions {
  readonly service: ServiceName;
  readonly stream: string;
}

/** What each command does; each starts its work and returns (failures set the exit code). */
export interface EbpCommands {
  readonly start: (options: StartOptions) => void;
  readonly report: (options: ReportOptions) => void;
  readonly eventsExport: (options: EventsExportOptions) => void;
  readonly rebuildProjection: (name: string) => void;
  readonly audit: (options: AuditOptions) => void;
}

/** A parser's refusal as commander's, so that it says which option and value were refused. */
function refusing<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

function parsePort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new InvalidArgumentError('--port must be a whole number 0–65535');
  return port;
}

const EXAMPLES = `
Examples:
  ebp start --demo                    the platform with the demo data (npm run demo)
  ebp start --distributed --port 4000
  ebp report --as-of 2026-03-31 --format html --out q4.html
  ebp events export --service register --as-of 2026-03-31 --out events.ndjson
  ebp projections rebuild register-projects
  ebp audit --service partners --stream organisation:cambridge
`;

const serviceOption = () =>
  new Option('--service <name>', 'register, community, partners or dissemination')
    .argParser(refusing(parseServiceName))
    .makeOptionMandatory();

/**
 * The `ebp` program. It throws a `CommanderError` instead of exiting: exit code 0 after help,
 * otherwise a refused command line, whose message commander has already written to standard error.
 */
export function ebpProgram(
  commands: EbpCommands,
  settings: {
    /** Where help and errors go (standard output and error unless given). */
    readonly output?: OutputConfiguration;
    /** The default day of `events export --as-of`. */
    readonly today?: () => string;
  } = {},
): Command {
  const today = settings.today ?? (() => new Date().toISOString().slice(0, 10));
  // Set before the commands are added: each inherits them.
  const program = new Command('ebp')
    .description('The EBP platform: start it, and read or rebuild what its services recorded.')
    .usage('<command> [options]')
    .exitOverride()
    .showHelpAfterError('(ebp <command> --help shows its options)')
    .addHelpText('after', EXAMPLES);
  if (settings.output) program.configureOutput(settings.output);

  program
    .command('start')
    .description(
      'the whole platform in this process (all-in-one, embedded engines); with --distributed, ' +
        'each service and the gateway as its own process on the engines started by ' +
        'deploy/local/engines (see npm run start:distributed)',
    )
    .option(
      '--demo',
      'load the demo data set once the platform is up (if not loaded yet): into a new all-in-one ' +
        'data directory with its two years of history, otherwise (distributed, or data already ' +
        'there) dated today',
      false,
    )
    .option('--distributed', 'each service and the gateway as its own process', false)
    .addOption(
      new Option('--port <n>', "the gateway's port (default: EBP_HTTP_PORT, else 4000)").argParser(
        parsePort,
      ),
    )
    .action((options: { demo: boolean; distributed: boolean; port?: number }) =>
      commands.start({
        demo: options.demo,
        distributed: options.distributed,
        ...(options.port === undefined ? {} : { port: options.port }),
      }),
    );

  program
    .command('report')
    .description(
      'the EBP governance report as of the end of a day, rebuilt by replaying the register ' +
        '(the platform stopped, or distributed engines); progress on standard error',
    )
    .requiredOption('--as-of <date>', 'the day, like 2026-03-31')
    .addOption(
      new Option('--format <format>', 'html, markdown (md), csv or json')
        .argParser(refusing(parseReportFormat))
        .default('html'),
    )
    .option(
      '--compare-with <earlier date>',
      'what changed between that date and --as-of (json or markdown)',
    )
    .option('--out <file>', 'write there instead of standard output')
    .action((options: { asOf: string; format: ReportFormat; compareWith?: string; out?: string }) =>
      commands.report({
        asOf: options.asOf,
        format: options.format,
        ...(options.compareWith === undefined ? {} : { compareWith: options.compareWith }),
        ...(options.out === undefined ? {} : { out: options.out }),
      }),
    );

  program
    .command('events')
    .description("a service's events: `events export`")
    .command('export')
    .description("a service's events up to the end of a day as NDJSON, for analysts")
    .addOption(serviceOption())
    .addOption(new Option('--as-of <date>', 'the day, like 2026-03-31').default(today(), 'today'))
    .option('--out <file>', 'write there instead of standard output')
    .action((options: { service: ServiceName; asOf: string; out?: string }) =>
      commands.eventsExport({
        service: options.service,
        asOf: options.asOf,
        ...(options.out === undefined ? {} : { out: options.out }),
      }),
    );

  program
    .command('projections')
    .description('read models: `projections rebuild <name>`')
    .command('rebuild')
    .description(
      "rebuild a read model from its service's log (blue/green, progress shown); the platform, " +
        'or that service, stopped',
    )
    .argument('<name>', 'the projection, e.g. register-projects')
    .action((name: string) => commands.rebuildProjection(name));

  program
    .command('audit')
    .description('who changed one entity, when, what and why (JSON)')
    .addOption(serviceOption())
    .requiredOption('--stream <stream id>', 'the entity’s stream, e.g. project:hot-spots')
    .action((options: { service: ServiceName; stream: string }) =>
      commands.audit({ service: options.service, stream: options.stream }),
    );

  return program;
}

/**
 * Runs the command line: `ebp` alone shows the help. Returns the exit code for what went wrong
 * before any command started (0 after help, 2 for a refused command line); a command that starts
 * sets the exit code itself when it fails.
 */
export function runCommandLine(program: Command, argv: readonly string[]): number {
  try {
    program.parse(argv.length === 0 ? ['help'] : [...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
