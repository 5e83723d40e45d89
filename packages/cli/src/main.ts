// The `ebp` command: the composition root's entry point (`npm start`, `npm run demo`).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
import { freshDataDirectory as nothingStoredYet } from './data-directory';
import {
  ebpProgram,
  runCommandLine,
  type AuditOptions,
  type EventsExportOptions,
  type ReportOptions,
  type StartOptions,
} from './command-line';
import { auditOf, exportEvents, exportTarget } from './events-commands';
import { rebuildNamedProjection } from './projections-command';
import { progressDisplay, type ProgressDisplay } from './progress';
import { runReport } from './report-command';
import { DEMO_LOADERS, loadDemoData, type DemoUser } from './demo/demo-data';
import { demoHistoryStart } from './demo/demo-calendar';
import { DemoClock } from './demo/demo-clock';
import { repositoryRoot, startDistributed } from './distributed';
import { GraphClient, developmentToken } from './graph-client';
import { startBanner as banner } from './start-banner';

/** The intranet page's build (web/dist), when there is one: `npm start` builds it first. */
function builtWebPage(): string | undefined {
  // From the repository root: this file runs as src/ (tsx) and as dist/src/ (compiled).
  const root = join(repositoryRoot(), 'web', 'dist');
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
  // The layout (one embedded database, or an earlier one per service) is data-directory's to know.
  return nothingStoredYet(dataDir);
}

/** `ebp start`: the platform, all-in-one or distributed, until it is stopped. */
function start(options: StartOptions): void {
  const config = loadConfig();
  const logger = createLogger({ service: 'ebp', level: config.logLevel });
  const port = options.port ?? config.http.port;
  if (options.distributed) {
    runUntilStopped(logger, async () => {
      const platform = await startDistributed({
        engines: loadEngineSettings(),
        gatewayPort: port,
        logger,
      });
      process.stdout.write(banner('distributed', platform));
      if (options.demo) await demo(platform.url, platform.devUrl, logger);
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
        ...(config.digests.mail ? { digestMail: config.digests.mail } : {}),
        digestPeriodSeconds: config.digests.periodSeconds,
        ...config.community,
      });
      process.stdout.write(banner('all-in-one, production', platform));
      return platform;
    }
    const webRoot = builtWebPage();
    // Only a demo loaded into a new data directory may date its history in the past: an existing
    // log is never given events earlier than those it already holds.
    const clock =
      options.demo && freshDataDirectory(dataDir)
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
      ...(config.digests.mail ? { digestMail: config.digests.mail } : {}),
      digestPeriodSeconds: config.digests.periodSeconds,
      ...config.community,
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
    if (options.demo) await demo(platform.url, devUrl, logger, clock);
    return platform;
  });
}

/** `ebp report`: replays the register and writes the report; progress goes to standard error. */
function report(options: ReportOptions): void {
  const displays: ProgressDisplay[] = [];
  runReport(
    toolConfig(),
    {
      asOf: options.asOf,
      format: options.format,
      ...(options.compareWith ? { compareWith: options.compareWith } : {}),
    },
    (date) => {
      const display = progressDisplay(process.stderr, `replaying the register to ${date}`);
      displays.push(display);
      return display.update;
    },
  )
    .finally(() => displays.forEach((display) => display.stop()))
    .then((output) => {
      if (options.out) {
        writeFileSync(options.out, output);
        process.stderr.write(`wrote ${options.out}\n`);
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

function eventsExport(options: EventsExportOptions): void {
  const { service, asOf } = options;
  const out = exportTarget(options.out);
  const display = progressDisplay(process.stderr, `exporting ${service} to ${asOf}`);
  exportEvents(toolConfig(), { service, asOf, out, onProgress: display.update })
    .finally(display.stop)
    .then((written) => {
      process.stderr.write(`${written} events${options.out ? ` written to ${options.out}` : ''}\n`);
      if (out !== process.stdout) out.end();
    }, failed);
}

function rebuild(name: string): void {
  const display = progressDisplay(process.stderr, `rebuilding ${name}`);
  rebuildNamedProjection(toolConfig(), name, ({ done, total }) =>
    display.update({ read: done, total }),
  )
    .finally(display.stop)
    .then((report) => {
      process.stderr.write(
        `rebuilt ${name} into ${report.collection}: ${report.done} events in ${report.elapsedMs} ms (${report.eventsPerSecond} events/s)\n`,
      );
    }, failed);
}

function audit(options: AuditOptions): void {
  auditOf(toolConfig(), options.service, options.stream).then(
    (entries) => process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`),
    failed,
  );
}

const program = ebpProgram({ start, report, eventsExport, rebuildProjection: rebuild, audit });
try {
  const refused = runCommandLine(program, process.argv.slice(2));
  if (refused !== 0) process.exitCode = refused;
} catch (error) {
  // A command that could not start (its configuration, say): no stack trace, exit code 2.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
