// The `ebp` command: the composition root's entry point (`npm start`, `npm run demo`).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  createLogger,
  loadConfig,
  loadEngineSettings,
  remoteJwksVerifier,
  requireSettings,
  runUntilStopped,
  type Logger,
} from '@ebp/platform';
import { parseDeliveryTargets } from '@ebp/dissemination';
import { startAllInOne } from './all-in-one';
import { auditOf, exportEvents, exportTarget } from './events-commands';
import { rebuildNamedProjection } from './projections-command';
import { parseReportFormat, progressBar, runReport } from './report-command';
import { parseServiceName } from './service-log';
import { DEMO_LOADERS, loadDemoData, type DemoUser } from './demo/demo-data';
import { demoHistoryStart } from './demo/demo-calendar';
import { DemoClock } from './demo/demo-clock';
import { startDistributed } from './distributed';
import { GraphClient, developmentToken } from './graph-client';
import { startBanner as banner } from './start-banner';

const USAGE = `Usage: ebp <command> [options]

Commands:
  start                 the whole platform in this process (all-in-one, embedded engines)
  start --distributed   each service and the gateway as its own process, on the engines
                        started by deploy/local/engines (see npm run start:distributed)
  report --as-of <date> the EBP governance report as of the end of that day, rebuilt by
                        replaying the register (the platform stopped, or distributed engines)
         [--format html|markdown|csv|json] (default html)
         [--compare-with <earlier date>] what changed between the two dates (json or markdown)
         [--out <file>]  write there instead of standard output
  events export --service <name> --as-of <date> [--out <file>]
                        a service's events up to the end of that day as NDJSON, for analysts
  projections rebuild <name>
                        rebuild a read model from its service's log (blue/green, progress
                        shown); the platform, or that service, stopped
  audit --service <name> --stream <stream id>
                        who changed one entity, when, what and why (JSON)
  help                  this text

Options:
  --demo                load the demo data set once the platform is up (if not loaded yet);
                        into a new all-in-one data directory with its two years of history,
                        otherwise (distributed, or data already there) dated today
  --port <n>            the gateway's port (default EBP_HTTP_PORT, 4000)
`;

/** The intranet page's build (web/dist), when there is one: `npm start` builds it first. */
function builtWebPage(): string | undefined {
  const root = resolve(__dirname, '..', '..', '..', 'web', 'dist');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/**
 * Loads the demo through the graph as the demo users. With the platform's demo clock (a new
 * all-in-one data directory), each step is dated on its day over the last two years; without it,
 * everything is dated today (decision 0024).
 */
async function demo(url: string, devUrl: string, logger: Logger, clock?: DemoClock): Promise<void> {
  const tokens = new Map<DemoUser, string>();
  for (const user of DEMO_LOADERS) tokens.set(user, await developmentToken(devUrl, user));
  const result = await loadDemoData((user) => new GraphClient(url, tokens.get(user) ?? null), {
    progress: (message) => logger.info('demo data', { loaded: message }),
    ...(clock ? { clock } : {}),
  });
  const dated = clock ? 'over the last two years' : 'dated today';
  process.stdout.write(
    result.loaded
      ? `Demo data loaded (${dated}): ${result.priorities} priorities, ${result.projects} projects, ${result.people} people, ${result.organisations} partner organisations, ${result.libraryItems} library items.\n`
      : 'Demo data already loaded.\n',
  );
}

/** Whether no service has stored anything under the data directory yet. */
function freshDataDirectory(dataDir: string): boolean {
  return ['register', 'community', 'partners', 'dissemination'].every(
    (service) => !existsSync(join(dataDir, service)),
  );
}

function main(argv: readonly string[]): void {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      distributed: { type: 'boolean', default: false },
      port: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      'compare-with': { type: 'string' },
      out: { type: 'string' },
      service: { type: 'string' },
      stream: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0] ?? 'help';
  const known = ['help', 'start', 'report', 'events', 'audit', 'projections'];
  if (values.help || command === 'help' || !known.includes(command)) {
    process.stdout.write(USAGE);
    if (!known.includes(command) && !values.help) process.exitCode = 2;
    return;
  }
  if (command === 'report') {
    report(values);
    return;
  }
  if (command === 'events') {
    if (positionals[1] !== 'export')
      throw new ConfigError([{ variable: 'events', message: 'the subcommand is `export`' }]);
    eventsExport(values);
    return;
  }
  if (command === 'projections') {
    const name = positionals[2];
    if (positionals[1] !== 'rebuild' || !name)
      throw new ConfigError([
        { variable: 'projections', message: 'use `ebp projections rebuild <name>`' },
      ]);
    rebuild(name);
    return;
  }
  if (command === 'audit') {
    audit(values);
    return;
  }
  const config = loadConfig();
  const logger = createLogger({ service: 'ebp', level: config.logLevel });
  const port = values.port === undefined ? config.http.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError([{ variable: '--port', message: 'must be a whole number 0–65535' }]);
  if (values.distributed) {
    runUntilStopped(logger, async () => {
      const platform = await startDistributed({
        engines: loadEngineSettings(),
        gatewayPort: port,
        logger,
      });
      process.stdout.write(banner('distributed', platform));
      if (values.demo) await demo(platform.url, platform.devUrl, logger);
      return platform;
    });
    return;
  }
  if (config.mode !== 'embedded')
    throw new ConfigError([
      { variable: 'EBP_MODE', message: 'use `ebp start --distributed` for distributed mode' },
    ]);
  const dataDir = resolve(config.dataDir);
  runUntilStopped(logger, async () => {
    if (config.nodeEnv === 'production') {
      // No development issuer in production: tokens come from the identity provider.
      const required = requireSettings(['EBP_JWKS_URL', 'EBP_JWT_ISSUER']);
      const verifier = remoteJwksVerifier(
        required.EBP_JWKS_URL,
        required.EBP_JWT_ISSUER,
        config.auth.audience,
        { maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds },
      );
      const platform = await startAllInOne({
        dataDir,
        host: config.http.host,
        port,
        logger,
        production: { verifier, jwksUrl: required.EBP_JWKS_URL },
        disseminationTargets: parseDeliveryTargets(config.dissemination.targets),
        ...(config.dissemination.publicUrl ? { publicUrl: config.dissemination.publicUrl } : {}),
        deliveryRetryPolicy: config.dissemination.retryPolicy,
      });
      process.stdout.write(banner('all-in-one, production', platform));
      return platform;
    }
    const webRoot = builtWebPage();
    // Only a demo loaded into a new data directory may date its history in the past: an existing
    // log is never given events earlier than those it already holds.
    const clock =
      values.demo && freshDataDirectory(dataDir)
        ? new DemoClock(demoHistoryStart(new Date()))
        : undefined;
    const platform = await startAllInOne({
      dataDir,
      host: config.http.host,
      port,
      logger,
      maxTokenLifetimeSeconds: config.auth.maxTokenLifetimeSeconds,
      disseminationTargets: parseDeliveryTargets(config.dissemination.targets),
      ...(config.dissemination.publicUrl ? { publicUrl: config.dissemination.publicUrl } : {}),
      deliveryRetryPolicy: config.dissemination.retryPolicy,
      ...(webRoot ? { webRoot } : {}),
      ...(clock ? { now: () => clock.now() } : {}),
    });
    const devUrl = platform.devUrl ?? '';
    process.stdout.write(
      banner('all-in-one', platform, {
        webPage: webRoot !== undefined,
        extra: [`  Data         ${dataDir}`],
      }),
    );
    if (values.demo) await demo(platform.url, devUrl, logger, clock);
    return platform;
  });
}

/** `ebp report`: replays the register and writes the report; progress goes to standard error. */
function report(values: {
  'as-of'?: string | undefined;
  format?: string | undefined;
  'compare-with'?: string | undefined;
  out?: string | undefined;
}): void {
  const asOf = values['as-of'];
  if (!asOf) throw new ConfigError([{ variable: '--as-of', message: 'a date like 2026-03-31' }]);
  const format = parseReportFormat(values.format);
  runReport(
    toolConfig(),
    {
      asOf,
      format,
      ...(values['compare-with'] ? { compareWith: values['compare-with'] } : {}),
    },
    (date) => progressBar(process.stderr, `replaying the register to ${date}`),
  ).then((output) => {
    if (values.out) {
      writeFileSync(values.out, output);
      process.stderr.write(`wrote ${values.out}\n`);
    } else process.stdout.write(output);
  }, failed);
}

/** The configuration the log tools read with: an embedded data directory made absolute. */
function toolConfig() {
  const config = loadConfig();
  return config.mode === 'embedded' ? { ...config, dataDir: resolve(config.dataDir) } : config;
}

function failed(error: unknown): void {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

function eventsExport(values: {
  service?: string | undefined;
  'as-of'?: string | undefined;
  out?: string | undefined;
}): void {
  const service = parseServiceName(values.service);
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  const out = exportTarget(values.out);
  exportEvents(toolConfig(), {
    service,
    asOf,
    out,
    onProgress: progressBar(process.stderr, `exporting ${service} to ${asOf}`),
  }).then((written) => {
    process.stderr.write(`${written} events${values.out ? ` written to ${values.out}` : ''}\n`);
    if (out !== process.stdout) out.end();
  }, failed);
}

function rebuild(name: string): void {
  const bar = progressBar(process.stderr, `rebuilding ${name}`);
  rebuildNamedProjection(toolConfig(), name, ({ done, total }) => bar({ read: done, total })).then(
    (report) => {
      process.stderr.write(
        `rebuilt ${name} into ${report.collection}: ${report.done} events in ${report.elapsedMs} ms (${report.eventsPerSecond} events/s)\n`,
      );
    },
    failed,
  );
}

function audit(values: { service?: string | undefined; stream?: string | undefined }): void {
  const service = parseServiceName(values.service);
  if (!values.stream)
    throw new ConfigError([
      { variable: '--stream', message: 'the stream id, e.g. project:hot-spots' },
    ]);
  auditOf(toolConfig(), service, values.stream).then(
    (entries) => process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`),
    failed,
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
