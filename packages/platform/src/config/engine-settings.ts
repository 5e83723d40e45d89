import { loadConfig, type DistributedConfig } from './config';

/**
 * The engines' connection settings for tests and tools that need the real engines, read through
 * the same configuration module a distributed service uses. Fails with the list of problems and
 * a hint when the engines were not started.
 */
export function loadEngineSettings(env: NodeJS.ProcessEnv = process.env): DistributedConfig {
  try {
    const config = loadConfig({ ...env, EBP_MODE: 'distributed' });
    if (config.mode !== 'distributed') throw new Error('unreachable: mode was forced');
    return config;
  } catch (error) {
    throw new Error(
      'This needs the real engines: run `deploy/local/engines up` (or set EBP_PG_URL, ' +
        'EBP_KAFKA_BROKERS and EBP_MONGO_URL), then `npm run test:engines`.',
      { cause: error },
    );
  }
}

/** True when the run asked for the real engines (`npm run test:engines`). */
export function onRealEngines(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.EBP_TEST_ENGINES === '1';
}
