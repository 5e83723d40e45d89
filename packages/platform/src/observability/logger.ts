import { currentCorrelationId } from './correlation';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  fatal(message: string, fields?: LogFields): void;
  /** The same logger with fields added to every line (e.g. a component name). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly service: string;
  readonly level?: LogLevel;
  /** Where lines go (default: standard output). */
  readonly write?: (line: string) => void;
  readonly fields?: LogFields;
}

/** Errors become their name, message and code; stack traces stay out of shared logs. */
function serialisable(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code ? { code } : {}) };
  }
  return value;
}

/**
 * Structured logs: one JSON object per line with time, level, service, message, the current
 * request's correlation id, and the given fields.
 */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const correlationId = currentCorrelationId();
    const extra = Object.fromEntries(
      Object.entries({ ...options.fields, ...fields }).map(([key, value]) => [
        key,
        serialisable(value),
      ]),
    );
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        service: options.service,
        message,
        ...(correlationId ? { correlationId } : {}),
        ...extra,
      }),
    );
  };
  return {
    trace: (message, fields) => log('trace', message, fields),
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    fatal: (message, fields) => log('fatal', message, fields),
    child: (fields) => createLogger({ ...options, fields: { ...options.fields, ...fields } }),
  };
}

/** A logger that writes nothing, for tests and tools that print their own output. */
export const silentLogger: Logger = createLogger({ service: 'silent', write: () => undefined });
