import { ConfigError, loadConfig, requireSettings } from './config';

const distributed = {
  EBP_MODE: 'distributed',
  EBP_PG_URL: 'postgres://postgres@127.0.0.1:55432/ebp',
  EBP_KAFKA_BROKERS: '127.0.0.1:59092, 127.0.0.1:59094',
  EBP_MONGO_URL: 'mongodb://127.0.0.1:57017/',
};

function problemsOf(env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return Object.fromEntries(
        error.problems.map((problem) => [problem.variable, problem.message]),
      );
    }
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('defaults to embedded mode with nothing set', () => {
    expect(loadConfig({})).toEqual({
      mode: 'embedded',
      dataDir: './data',
      nodeEnv: 'development',
      logLevel: 'info',
      http: { host: '127.0.0.1', port: 4000 },
      auth: { audience: 'urn:ebp:platform', maxTokenLifetimeSeconds: 43_200 },
      subgraphs: {},
      dissemination: {
        retryPolicy: { firstDelayMs: 5_000, maxDelayMs: 1_800_000, maxAttempts: 12 },
      },
      community: {},
      digests: { periodSeconds: 604_800 },
    });
  });

  it('ignores unrelated variables and treats blank values as unset', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', EBP_HTTP_PORT: '' })).toMatchObject({
      http: { port: 4000 },
    });
  });

  it('builds a typed distributed configuration from the three engine URLs', () => {
    const config = loadConfig({ ...distributed, EBP_HTTP_PORT: '4101', NODE_ENV: 'production' });
    expect(config).toEqual({
      mode: 'distributed',
      nodeEnv: 'production',
      logLevel: 'info',
      http: { host: '127.0.0.1', port: 4101 },
      postgres: { url: distributed.EBP_PG_URL },
      kafka: { brokers: ['127.0.0.1:59092', '127.0.0.1:59094'], clientId: 'ebp-platform' },
      mongo: { url: distributed.EBP_MONGO_URL, database: 'ebp' },
      auth: { audience: 'urn:ebp:platform', maxTokenLifetimeSeconds: 43_200 },
      subgraphs: {},
      dissemination: {
        retryPolicy: { firstDelayMs: 5_000, maxDelayMs: 1_800_000, maxAttempts: 12 },
      },
      community: {},
      digests: { periodSeconds: 604_800 },
    });
  });

  it('takes the survey ballot secret of at least 32 characters, and nothing shorter', () => {
    const secret = 'k'.repeat(32);
    expect(loadConfig({ EBP_SURVEY_BALLOT_SECRET: secret }).community).toEqual({
      surveyBallotSecret: secret,
    });
    expect(() => loadConfig({ EBP_SURVEY_BALLOT_SECRET: 'short' })).toThrow(
      /EBP_SURVEY_BALLOT_SECRET/,
    );
  });

  it('reads the digest e-mail settings: the SMTP server, the sender and the period', () => {
    const config = loadConfig({
      EBP_SMTP_HOST: 'smtp.met.example',
      EBP_SMTP_PORT: '465',
      EBP_SMTP_SECURE: 'true',
      EBP_SMTP_USER: 'ebp',
      EBP_SMTP_PASSWORD: 'from-the-vault',
      EBP_DIGEST_FROM: 'EBP Platform <ebp-digest@met.example>',
      EBP_DIGEST_PERIOD_SECONDS: '86400',
    });
    expect(config.digests).toEqual({
      periodSeconds: 86_400,
      mail: {
        host: 'smtp.met.example',
        port: 465,
        secure: true,
        requireTls: true,
        user: 'ebp',
        password: 'from-the-vault',
        from: 'EBP Platform <ebp-digest@met.example>',
      },
    });
    expect(
      loadConfig({ EBP_SMTP_HOST: '127.0.0.1', EBP_DIGEST_FROM: 'ebp@met.example' }).digests,
    ).toEqual({
      periodSeconds: 604_800,
      mail: {
        host: '127.0.0.1',
        port: 587,
        secure: false,
        requireTls: true,
        from: 'ebp@met.example',
      },
    });
    // Plain SMTP only where the operator says so (a server on the same host).
    expect(
      loadConfig({
        EBP_SMTP_HOST: '127.0.0.1',
        EBP_DIGEST_FROM: 'ebp@met.example',
        EBP_SMTP_REQUIRE_TLS: 'false',
      }).digests.mail?.requireTls,
    ).toBe(false);
    expect(
      problemsOf({
        EBP_SMTP_HOST: 'smtp.met.example',
        EBP_SMTP_SECURE: 'yes',
        EBP_SMTP_REQUIRE_TLS: 'maybe',
        EBP_DIGEST_PERIOD_SECONDS: '0',
      }),
    ).toEqual({
      EBP_DIGEST_FROM: 'required with EBP_SMTP_HOST',
      EBP_SMTP_SECURE: 'must be true or false',
      EBP_SMTP_REQUIRE_TLS: 'must be true or false',
      EBP_DIGEST_PERIOD_SECONDS: 'must be a whole number of seconds from 1 to 2678400',
    });
  });

  it('reads the dissemination settings: targets, public URL and retry policy', () => {
    const config = loadConfig({
      EBP_DISSEMINATION_TARGETS:
        'knowledge-hub=https://khub.example/api, research-map=http://rm:8080/in',
      EBP_PUBLIC_URL: 'https://ebp.met.example',
      EBP_DELIVERY_FIRST_RETRY_MS: '250',
      EBP_DELIVERY_MAX_RETRY_MS: '2000',
      EBP_DELIVERY_MAX_ATTEMPTS: '5',
    });
    expect(config.dissemination).toEqual({
      targets: 'knowledge-hub=https://khub.example/api, research-map=http://rm:8080/in',
      publicUrl: 'https://ebp.met.example',
      retryPolicy: { firstDelayMs: 250, maxDelayMs: 2_000, maxAttempts: 5 },
    });
    expect(problemsOf({ EBP_DISSEMINATION_TARGETS: 'knowledge-hub' })).toEqual({
      EBP_DISSEMINATION_TARGETS:
        'must be comma-separated target-id=URL pairs, e.g. knowledge-hub=https://khub.example/api',
    });
  });

  it('reads the distributed processes’ identity and routing settings', () => {
    const secret = 'a-shared-secret-that-is-at-least-32-characters';
    const config = loadConfig({
      ...distributed,
      EBP_IDENTITY_SECRET: secret,
      EBP_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      EBP_JWT_ISSUER: 'https://idp.example/',
      EBP_REGISTER_URL: 'http://register:4001/graphql',
      EBP_COMMUNITY_URL: 'http://community:4002/graphql',
      EBP_PARTNERS_URL: 'http://partners:4003/graphql',
      EBP_DISSEMINATION_URL: 'http://dissemination:4004/graphql',
    });
    expect(config.auth).toEqual({
      identitySecret: secret,
      jwksUrl: 'https://idp.example/.well-known/jwks.json',
      issuer: 'https://idp.example/',
      audience: 'urn:ebp:platform',
      maxTokenLifetimeSeconds: 43_200,
    });
    expect(config.subgraphs).toEqual({
      register: 'http://register:4001/graphql',
      community: 'http://community:4002/graphql',
      partners: 'http://partners:4003/graphql',
      dissemination: 'http://dissemination:4004/graphql',
    });
    expect(problemsOf({ EBP_IDENTITY_SECRET: 'short', EBP_JWKS_URL: 'ftp://x' })).toEqual({
      EBP_IDENTITY_SECRET: 'must be at least 32 characters',
      EBP_JWKS_URL: 'must be a URL starting with http:// or https://',
    });
  });

  it('reads the longest bearer-token lifetime, and refuses one that is not a sensible number of seconds', () => {
    expect(loadConfig({ EBP_JWT_MAX_LIFETIME_SECONDS: '3600' }).auth.maxTokenLifetimeSeconds).toBe(
      3_600,
    );
    for (const value of ['0', '59', '604801', '1.5', 'twelve hours'])
      expect(problemsOf({ EBP_JWT_MAX_LIFETIME_SECONDS: value })).toEqual({
        EBP_JWT_MAX_LIFETIME_SECONDS: 'must be a whole number of seconds from 60 to 604800',
      });
  });

  it('lets a distributed process name every setting it cannot run without, at once', () => {
    expect(() => requireSettings(['EBP_IDENTITY_SECRET', 'EBP_JWKS_URL'], {})).toThrow(
      /EBP_IDENTITY_SECRET: required by the distributed gateway and services[\s\S]*EBP_JWKS_URL: required by the distributed gateway/,
    );
    expect(requireSettings(['EBP_JWT_ISSUER'], { EBP_JWT_ISSUER: 'iss' })).toEqual({
      EBP_JWT_ISSUER: 'iss',
    });
  });

  it('has no fixed public URL: all-in-one uses its own origin, the distributed library needs one', () => {
    expect(loadConfig({}).dissemination).not.toHaveProperty('publicUrl');
    expect(problemsOf({ EBP_PUBLIC_URL: 'ebp.met.example' })).toEqual({
      EBP_PUBLIC_URL: 'must be a URL starting with http:// or https://',
    });
    expect(() => requireSettings(['EBP_PUBLIC_URL'], {})).toThrow(
      /EBP_PUBLIC_URL: required by the distributed dissemination service/,
    );
  });

  it('lists every missing engine setting of distributed mode in one error', () => {
    expect(problemsOf({ EBP_MODE: 'distributed' })).toEqual({
      EBP_PG_URL: 'required when EBP_MODE=distributed',
      EBP_KAFKA_BROKERS: 'required when EBP_MODE=distributed',
      EBP_MONGO_URL: 'required when EBP_MODE=distributed',
    });
  });

  it('lists every invalid value at once, with what was expected', () => {
    const problems = problemsOf({
      ...distributed,
      EBP_HTTP_PORT: '70000',
      EBP_LOG_LEVEL: 'loud',
      EBP_PG_URL: 'mysql://db/ebp',
      EBP_KAFKA_BROKERS: 'localhost',
      EBP_MONGO_URL: 'not a url',
    });
    expect(Object.keys(problems).sort()).toEqual(
      ['EBP_HTTP_PORT', 'EBP_KAFKA_BROKERS', 'EBP_LOG_LEVEL', 'EBP_MONGO_URL', 'EBP_PG_URL'].sort(),
    );
    expect(problems.EBP_HTTP_PORT).toBe('must be a whole number from 1 to 65535');
    expect(problems.EBP_PG_URL).toBe('must be a URL starting with postgres:// or postgresql://');
    expect(problems.EBP_KAFKA_BROKERS).toBe('must be a comma-separated list of host:port');
  });

  it('rejects an unknown mode and still reports the other problems', () => {
    const problems = problemsOf({ EBP_MODE: 'cluster', EBP_HTTP_PORT: 'abc' });
    expect(Object.keys(problems).sort()).toEqual(['EBP_HTTP_PORT', 'EBP_MODE']);
  });

  it('flags misspelt settings with a suggestion, but not test harness variables', () => {
    expect(problemsOf({ EBP_KAFKA_BROKER: 'localhost:9092', EBP_TEST_ENGINES: '1' })).toEqual({
      EBP_KAFKA_BROKER: 'unknown setting; did you mean EBP_KAFKA_BROKERS?',
    });
  });

  it('says how many problems there are and never echoes secret values', () => {
    const secret = 'postgres://admin:hunter2@db:5432/ebp';
    try {
      loadConfig({ EBP_MODE: 'distributed', EBP_PG_URL: secret, EBP_LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { message, code } = error as ConfigError;
      expect(code).toBe('CONFIG_INVALID');
      expect(message).toMatch(/^Invalid configuration \(3 problems\):/);
      expect(message).toContain('  - EBP_KAFKA_BROKERS: required when EBP_MODE=distributed');
      expect(message).not.toContain('hunter2');
    }
  });
});
