// docker-compose.yml cannot be run on this project's machines (no Docker engine), so this test
// checks what can go wrong with it statically: the settings every service reads are all set and
// valid for the platform's configuration schema, and they point at the engines this file defines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig, settingNames, settingOf, type DistributedConfig } from '@ebp/platform';

interface ComposeService {
  image?: string;
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  'x-ebp-environment': Record<string, string>;
}

/** Compose's `${NAME:-default}` interpolation, with nothing set in the environment. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g,
    (_match, _name: string, fallback?: string) => fallback ?? '',
  );
}

function environmentOf(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, interpolate(String(value))]),
  );
}

const compose = parse(readFileSync(join(__dirname, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as ComposeFile;
const shared = environmentOf(compose['x-ebp-environment']);
const platformServices = Object.entries(compose.services).filter(([name]) =>
  name.startsWith('ebp-'),
);

function containerPortsOf(service: string): string[] {
  return (compose.services[service]?.ports ?? []).map((mapping) => mapping.split(':').at(-1) ?? '');
}

describe('deploy/compose/docker-compose.yml', () => {
  it('sets every setting that distributed mode reads in the shared environment block', () => {
    const distributedSettings = settingNames.filter((name) => !settingOf(name).embeddedOnly);
    expect(Object.keys(shared).sort()).toEqual(distributedSettings.sort());
  });

  it('gives a configuration the platform accepts, in distributed mode, to every platform service', () => {
    expect(loadConfig(shared).mode).toBe('distributed');
    // Platform services (named ebp-*) merge the shared block: `environment: { <<: *ebp-environment }`.
    for (const [name, service] of platformServices) {
      expect({ name, mode: loadConfig(environmentOf(service.environment ?? {})).mode }).toEqual({
        name,
        mode: 'distributed',
      });
      const dependencies = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies)
        expect(Object.keys(compose.services)).toContain(dependency);
    }
  });

  describe('points at the engines defined in the file', () => {
    const config = loadConfig(shared) as DistributedConfig;

    it('PostgreSQL: the host, port, user, password and database of the postgres service', () => {
      const url = new URL(config.postgres.url);
      const postgres = environmentOf(compose.services[url.hostname]?.environment ?? {});
      expect(compose.services[url.hostname]?.image).toMatch(/^postgres:15(\.|$)/);
      expect(url.port).toBe('5432');
      expect(decodeURIComponent(url.username)).toBe(postgres.POSTGRES_USER);
      expect(decodeURIComponent(url.password)).toBe(postgres.POSTGRES_PASSWORD);
      expect(url.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    });

    it('Kafka: an advertised listener of a Kafka 3.9 broker', () => {
      const kafka = environmentOf(compose.services.kafka?.environment ?? {});
      expect(compose.services.kafka?.image).toMatch(/^apache\/kafka:3\.9\./);
      const advertised = (kafka.KAFKA_ADVERTISED_LISTENERS ?? '')
        .split(',')
        .map((listener) => listener.split('://')[1]);
      for (const broker of config.kafka.brokers) expect(advertised).toContain(broker);
    });

    it('MongoDB: the mongo service on its container port', () => {
      const url = new URL(config.mongo.url);
      expect(compose.services[url.hostname]?.image).toMatch(/^mongo:\d+/);
      expect(url.port || '27017').toBe('27017');
    });

    it('publishes the engines on the same host ports as deploy/local/engines, so one set of settings serves both', () => {
      const engines = readFileSync(join(__dirname, '..', 'local', 'engines'), 'utf8');
      const defaultPort = (name: string) => new RegExp(`${name}:-(\\d+)`).exec(engines)?.[1];
      expect(compose.services.postgres?.ports).toContain(
        `${defaultPort('EBP_ENGINES_PG_PORT')}:5432`,
      );
      expect(compose.services.mongo?.ports).toContain(
        `${defaultPort('EBP_ENGINES_MONGO_PORT')}:27017`,
      );
      const kafka = environmentOf(compose.services.kafka?.environment ?? {});
      expect(kafka.KAFKA_ADVERTISED_LISTENERS).toContain(
        `127.0.0.1:${defaultPort('EBP_ENGINES_KAFKA_PORT')}`,
      );
      expect(containerPortsOf('kafka')).toEqual(['29092']);
    });
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      // The service name is part of the subject so that a failure says which image is unpinned.
      expect(`${name} uses ${service.image ?? '(no image)'}`).toMatch(/ uses [^ ]+:[0-9][^ ]*$/);
    }
  });
});
