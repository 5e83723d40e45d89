import { z } from 'zod';

/**
 * Every environment variable the platform reads, in one table: its parser, what it is for, and
 * whether distributed mode needs it. The configuration table (docs/configuration.md) and the compose manifest
 * are checked against this table by tests.
 */
export interface Setting {
  readonly schema: z.ZodType;
  readonly description: string;
  /** Printed in docs; the schema itself applies the default. */
  readonly defaultValue?: string;
  readonly requiredInDistributedMode?: boolean;
  /** Which distributed processes need it (their mains refuse to start without it). */
  readonly requiredBy?: string;
  /** Read only in embedded mode; distributed deployments need not set it. */
  readonly embeddedOnly?: boolean;
}

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

function urlWithScheme(schemes: readonly string[]) {
  const expected = schemes.map((scheme) => `${scheme}://`).join(' or ');
  return z.string().refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  }, `must be a URL starting with ${expected}`);
}

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
  )
  .refine(
    (brokers) => brokers.length > 0 && brokers.every((broker) => HOST_PORT.test(broker)),
    'must be a comma-separated list of host:port',
  );

export const settings = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']).default('development'),
    description: 'Runtime environment; production turns off development conveniences.',
    defaultValue: 'development',
  },
  EBP_MODE: {
    schema: z.enum(['embedded', 'distributed']).default('embedded'),
    description:
      'embedded: one process, PGlite and an in-process bus; distributed: PostgreSQL, Kafka, MongoDB.',
    defaultValue: 'embedded',
  },
  EBP_DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    description:
      'Where embedded mode keeps its one PGlite database (`database/`, a schema per service; decision 0028).',
    defaultValue: './data',
    embeddedOnly: true,
  },
  EBP_HTTP_HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'Interface the HTTP server listens on.',
    defaultValue: '127.0.0.1',
  },
  EBP_HTTP_PORT: {
    schema: port.default(4000),
    description: 'Port of the gateway (all-in-one) or of the service (distributed).',
    defaultValue: '4000',
  },
  EBP_LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    description: 'Least severe log level written.',
    defaultValue: 'info',
  },
  EBP_PG_URL: {
    schema: urlWithScheme(['postgres', 'postgresql']).optional(),
    description: 'PostgreSQL connection URL for the event stores.',
    requiredInDistributedMode: true,
  },
  EBP_KAFKA_BROKERS: {
    schema: brokerList.optional(),
    description: 'Kafka bootstrap brokers, comma-separated host:port.',
    requiredInDistributedMode: true,
  },
  EBP_KAFKA_CLIENT_ID: {
    schema: z.string().min(1).default('ebp-platform'),
    description: 'Kafka client id prefix.',
    defaultValue: 'ebp-platform',
  },
  EBP_MONGO_URL: {
    schema: urlWithScheme(['mongodb', 'mongodb+srv']).optional(),
    description: 'MongoDB connection URL for read models.',
    requiredInDistributedMode: true,
  },
  EBP_MONGO_DATABASE: {
    schema: z.string().min(1).default('ebp'),
    description: 'MongoDB database that holds the read models.',
    defaultValue: 'ebp',
  },
  EBP_IDENTITY_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description:
      'Secret the gateway signs forwarded identities with and the services verify; all-in-one makes its own.',
    requiredBy: 'distributed gateway and services',
  },
  EBP_JWKS_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description:
      "The identity provider's JWKS, against which the gateway verifies bearer tokens; the gateway also serves it at `/.well-known/jwks.json`.",
    requiredBy: 'distributed gateway',
  },
  EBP_JWT_ISSUER: {
    schema: z.string().min(1).optional(),
    description: 'The `iss` the gateway expects in bearer tokens.',
    requiredBy: 'distributed gateway',
  },
  EBP_JWT_AUDIENCE: {
    schema: z.string().min(1).default('urn:ebp:platform'),
    description: 'The `aud` the gateway expects in bearer tokens.',
    defaultValue: 'urn:ebp:platform',
  },
  EBP_JWT_MAX_LIFETIME_SECONDS: {
    schema: z.coerce
      .number({ error: 'must be a whole number of seconds from 60 to 604800' })
      .int('must be a whole number of seconds from 60 to 604800')
      .min(60, 'must be a whole number of seconds from 60 to 604800')
      .max(604_800, 'must be a whole number of seconds from 60 to 604800')
      .default(43_200),
    description:
      'Longest validity a bearer token may have (`exp` − `iat`); longer ones, and tokens without `exp`, are refused.',
    defaultValue: '43200',
  },
  EBP_REGISTER_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description: "Where the gateway reaches the register's subgraph (its `/graphql` URL).",
    requiredBy: 'distributed gateway',
  },
  EBP_COMMUNITY_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description: "Where the gateway reaches the community's subgraph (its `/graphql` URL).",
    requiredBy: 'distributed gateway',
  },
  EBP_PARTNERS_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description:
      "Where the gateway reaches the partners service's subgraph (its `/graphql` URL); the partner webhook is forwarded to the same URL without `/graphql`.",
    requiredBy: 'distributed gateway',
  },
  EBP_DISSEMINATION_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description:
      "Where the gateway reaches the dissemination service's subgraph (its `/graphql` URL); the library's feed is forwarded to the same URL without `/graphql`.",
    requiredBy: 'distributed gateway',
  },
  EBP_DISSEMINATION_TARGETS: {
    schema: z
      .string()
      .refine(
        (value) =>
          value
            .split(',')
            .map((pair) => pair.trim())
            .filter((pair) => pair !== '')
            .every((pair) => /^[a-z-]+=https?:\/\/\S+$/.test(pair)),
        'must be comma-separated target-id=URL pairs, e.g. knowledge-hub=https://khub.example/api',
      )
      .optional(),
    description:
      'National bodies the library delivers to, as `target-id=URL` pairs: `research-map`, `national-police-library`, `knowledge-hub`, `what-works-toolkit`. None set: nothing leaves.',
  },
  EBP_DELIVERY_FIRST_RETRY_MS: {
    schema: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    description: 'Delay before retrying a delivery the first time; doubled per attempt.',
    defaultValue: '5000',
  },
  EBP_DELIVERY_MAX_RETRY_MS: {
    schema: z.coerce.number().int().min(10).max(86_400_000).default(1_800_000),
    description: 'Longest delay between delivery attempts.',
    defaultValue: '1800000',
  },
  EBP_DELIVERY_MAX_ATTEMPTS: {
    schema: z.coerce.number().int().min(1).max(1_000).default(12),
    description: 'Attempts before a delivery to an unreachable national body is marked failed.',
    defaultValue: '12',
  },
  EBP_PUBLIC_URL: {
    schema: urlWithScheme(['http', 'https']).optional(),
    description:
      "Where people reach the platform (the gateway's origin, or the proxy in front of it): links in the library's feed and deliveries. All-in-one defaults to `http://localhost:<port the gateway bound>`.",
    requiredBy: 'distributed dissemination service',
  },
  EBP_SMTP_HOST: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address')
      .optional(),
    description:
      'The SMTP server that digest e-mails are handed to (decision 0037). None set: no e-mail is sent; subscribers still read their digest on the platform.',
  },
  EBP_SMTP_PORT: {
    schema: port.default(587),
    description:
      'Port of the SMTP server (587 for submission with STARTTLS, 465 with `EBP_SMTP_SECURE=true`).',
    defaultValue: '587',
  },
  EBP_SMTP_SECURE: {
    schema: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    description:
      '`true`: TLS from the first byte (port 465); `false`: plain, upgraded with STARTTLS when the server offers it.',
    defaultValue: 'false',
  },
  EBP_SMTP_REQUIRE_TLS: {
    schema: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
    description:
      'With `EBP_SMTP_SECURE=false`: `true` refuses to send unless the server upgrades the connection with STARTTLS, so addresses and unsubscribe links never cross the network in clear; `false` only for a server on the same host or a test server without TLS.',
    defaultValue: 'true',
  },
  EBP_SMTP_USER: {
    schema: z.string().min(1).optional(),
    description: 'User name to authenticate to the SMTP server with; none: no authentication.',
  },
  EBP_SMTP_PASSWORD: {
    schema: z.string().min(1).optional(),
    description:
      "Password for `EBP_SMTP_USER`; set it from the deployment's secret store, never in a file in the repository.",
  },
  EBP_DIGEST_FROM: {
    schema: z
      .string()
      .regex(
        /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        'must be an address, optionally with a name: EBP Platform <ebp@met.example>',
      )
      .optional(),
    description:
      'Who digest e-mails are from, e.g. `EBP Platform <ebp-digest@met.example>`. Required with `EBP_SMTP_HOST`.',
  },
  EBP_SURVEY_BALLOT_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description:
      'The secret the community keys anonymous survey ballots with (decision 0038): one answer per person and campaign, with no person recorded. Held in no store. Production takes no survey answers without it; all-in-one without it keys ballots for the running process only.',
    requiredBy: 'community (production)',
  },
  EBP_DIGEST_PERIOD_SECONDS: {
    schema: z.coerce
      .number({ error: 'must be a whole number of seconds from 1 to 2678400' })
      .int('must be a whole number of seconds from 1 to 2678400')
      .min(1, 'must be a whole number of seconds from 1 to 2678400')
      .max(2_678_400, 'must be a whole number of seconds from 1 to 2678400')
      .default(604_800),
    description:
      'How long a digest period is: each subscriber gets at most one digest e-mail per period, and none when nothing new matches. Periods start Monday 00:00 UTC (a week, the default) or at the same origin in steps of this length (86400: midnight UTC).',
    defaultValue: '604800',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;
export const settingNames = Object.keys(settings) as SettingName[];

/** Variables with these prefixes belong to test, benchmark and engine tooling, not to the platform. */
export const HARNESS_PREFIXES = ['EBP_TEST_', 'EBP_BENCH_', 'EBP_ENGINES_'] as const;

/** A setting seen through the common interface, whatever its particular schema. */
export function settingOf(name: SettingName): Setting {
  return settings[name];
}
