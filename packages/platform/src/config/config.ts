import { z } from 'zod';
import { EbpError, formatIssuePath } from '@ebp/contracts';
import { HARNESS_PREFIXES, settingNames, settingOf, settings, type SettingName } from './settings';

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** The environment did not describe a runnable platform; lists every problem, not just the first. */
export class ConfigError extends EbpError {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n'),
    );
  }
}

type Shape = { [Name in SettingName]: (typeof settings)[Name]['schema'] };
const environmentSchema = z.object(
  Object.fromEntries(settingNames.map((name) => [name, settings[name].schema])) as Shape,
);
type Environment = z.output<typeof environmentSchema>;

interface CommonConfig {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly logLevel: Environment['EBP_LOG_LEVEL'];
  readonly http: { readonly host: string; readonly port: number };
  readonly auth: {
    readonly identitySecret?: string;
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience: string;
    /** Bearer tokens valid for longer (`exp - iat`) are refused. */
    readonly maxTokenLifetimeSeconds: number;
  };
  readonly subgraphs: {
    readonly register?: string;
    readonly community?: string;
    readonly partners?: string;
    readonly dissemination?: string;
  };
  readonly dissemination: {
    /** `target-id=URL` pairs; the dissemination service parses them against the national bodies. */
    readonly targets?: string;
    /** EBP_PUBLIC_URL; none: all-in-one uses the gateway's own origin. */
    readonly publicUrl?: string;
    readonly retryPolicy: {
      readonly firstDelayMs: number;
      readonly maxDelayMs: number;
      readonly maxAttempts: number;
    };
  };
  /** Anonymous surveys (decision 0038): EBP_SURVEY_BALLOT_SECRET, kept in no store. */
  readonly community: { readonly surveyBallotSecret?: string };
  /** Digest e-mails (decision 0037). */
  readonly digests: {
    /** EBP_DIGEST_PERIOD_SECONDS: at most one digest per subscriber and period. */
    readonly periodSeconds: number;
    /** The SMTP server and sender; none (no EBP_SMTP_HOST): nothing is e-mailed. */
    readonly mail?: {
      readonly host: string;
      readonly port: number;
      readonly secure: boolean;
      /** Without `secure`: send only over a connection upgraded with STARTTLS. */
      readonly requireTls: boolean;
      readonly user?: string;
      readonly password?: string;
      readonly from: string;
    };
  };
}

export interface EmbeddedConfig extends CommonConfig {
  readonly mode: 'embedded';
  readonly dataDir: string;
}

export interface DistributedConfig extends CommonConfig {
  readonly mode: 'distributed';
  readonly postgres: { readonly url: string };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string };
  readonly mongo: { readonly url: string; readonly database: string };
}

export type PlatformConfig = EmbeddedConfig | DistributedConfig;

/** Nearest known name to a misspelt one, so `EBP_KAFKA_BROKER` points at `EBP_KAFKA_BROKERS`. */
function closestSetting(name: string): SettingName | undefined {
  let best: { name: SettingName; distance: number } | undefined;
  for (const candidate of settingNames) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownVariables(env: NodeJS.ProcessEnv): ConfigProblem[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('EBP_') && !(name in settings))
    .filter((name) => !HARNESS_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .map((name) => {
      const suggestion = closestSetting(name);
      return {
        variable: name,
        message: `unknown setting${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      };
    });
}

/**
 * Reads the platform configuration from environment variables. Embedded mode needs nothing;
 * distributed mode needs the three engine URLs. Throws one ConfigError naming every invalid,
 * missing or unknown variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const problems: ConfigProblem[] = [];
  const blankAsUnset = Object.fromEntries(
    settingNames.map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const parsed = environmentSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ variable: formatIssuePath(issue.path), message: issue.message });
    }
  }
  const mode = parsed.success ? parsed.data.EBP_MODE : blankAsUnset.EBP_MODE;
  if (mode === 'distributed') {
    for (const name of settingNames) {
      if (settingOf(name).requiredInDistributedMode === true && blankAsUnset[name] === undefined) {
        problems.push({ variable: name, message: 'required when EBP_MODE=distributed' });
      }
    }
  }
  if (blankAsUnset.EBP_SMTP_HOST !== undefined && blankAsUnset.EBP_DIGEST_FROM === undefined)
    problems.push({ variable: 'EBP_DIGEST_FROM', message: 'required with EBP_SMTP_HOST' });
  problems.push(...unknownVariables(env));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const values = parsed.data;
  const common: CommonConfig = {
    nodeEnv: values.NODE_ENV,
    logLevel: values.EBP_LOG_LEVEL,
    http: { host: values.EBP_HTTP_HOST, port: values.EBP_HTTP_PORT },
    auth: {
      ...(values.EBP_IDENTITY_SECRET ? { identitySecret: values.EBP_IDENTITY_SECRET } : {}),
      ...(values.EBP_JWKS_URL ? { jwksUrl: values.EBP_JWKS_URL } : {}),
      ...(values.EBP_JWT_ISSUER ? { issuer: values.EBP_JWT_ISSUER } : {}),
      audience: values.EBP_JWT_AUDIENCE,
      maxTokenLifetimeSeconds: values.EBP_JWT_MAX_LIFETIME_SECONDS,
    },
    subgraphs: {
      ...(values.EBP_REGISTER_URL ? { register: values.EBP_REGISTER_URL } : {}),
      ...(values.EBP_COMMUNITY_URL ? { community: values.EBP_COMMUNITY_URL } : {}),
      ...(values.EBP_PARTNERS_URL ? { partners: values.EBP_PARTNERS_URL } : {}),
      ...(values.EBP_DISSEMINATION_URL ? { dissemination: values.EBP_DISSEMINATION_URL } : {}),
    },
    dissemination: {
      ...(values.EBP_DISSEMINATION_TARGETS ? { targets: values.EBP_DISSEMINATION_TARGETS } : {}),
      ...(values.EBP_PUBLIC_URL ? { publicUrl: values.EBP_PUBLIC_URL } : {}),
      retryPolicy: {
        firstDelayMs: values.EBP_DELIVERY_FIRST_RETRY_MS,
        maxDelayMs: values.EBP_DELIVERY_MAX_RETRY_MS,
        maxAttempts: values.EBP_DELIVERY_MAX_ATTEMPTS,
      },
    },
    community: {
      ...(values.EBP_SURVEY_BALLOT_SECRET
        ? { surveyBallotSecret: values.EBP_SURVEY_BALLOT_SECRET }
        : {}),
    },
    digests: {
      periodSeconds: values.EBP_DIGEST_PERIOD_SECONDS,
      ...(values.EBP_SMTP_HOST && values.EBP_DIGEST_FROM
        ? {
            mail: {
              host: values.EBP_SMTP_HOST,
              port: values.EBP_SMTP_PORT,
              secure: values.EBP_SMTP_SECURE,
              requireTls: values.EBP_SMTP_REQUIRE_TLS,
              ...(values.EBP_SMTP_USER ? { user: values.EBP_SMTP_USER } : {}),
              ...(values.EBP_SMTP_PASSWORD ? { password: values.EBP_SMTP_PASSWORD } : {}),
              from: values.EBP_DIGEST_FROM,
            },
          }
        : {}),
    },
  };
  if (values.EBP_MODE === 'embedded') {
    return { ...common, mode: 'embedded', dataDir: values.EBP_DATA_DIR };
  }
  // Presence of the three URLs was checked above; the guards keep the types honest.
  if (!values.EBP_PG_URL || !values.EBP_KAFKA_BROKERS || !values.EBP_MONGO_URL) {
    throw new ConfigError([
      { variable: 'EBP_MODE', message: 'distributed mode is missing engine URLs' },
    ]);
  }
  return {
    ...common,
    mode: 'distributed',
    postgres: { url: values.EBP_PG_URL },
    kafka: { brokers: values.EBP_KAFKA_BROKERS, clientId: values.EBP_KAFKA_CLIENT_ID },
    mongo: { url: values.EBP_MONGO_URL, database: values.EBP_MONGO_DATABASE },
  };
}

/**
 * For a distributed process's main: the settings it cannot run without, all reported at once.
 * Returns the values in the order asked.
 */
export function requireSettings<Name extends SettingName>(
  names: readonly Name[],
  env: NodeJS.ProcessEnv = process.env,
): Record<Name, string> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0)
    throw new ConfigError(
      missing.map((name) => ({
        variable: name,
        message: `required by the ${settingOf(name).requiredBy ?? 'process'}`,
      })),
    );
  return Object.fromEntries(names.map((name) => [name, String(env[name])])) as Record<Name, string>;
}
