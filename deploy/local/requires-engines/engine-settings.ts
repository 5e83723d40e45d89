import { loadConfig, type DistributedConfig } from '@ebp/platform';

/**
 * The engines' connection settings, read through the platform's own configuration module, the
 * way a service in distributed mode reads them. Fails with the list of missing settings and a
 * hint when the engines were not started.
 */
export function engineSettings(): DistributedConfig {
  try {
    const config = loadConfig({ ...process.env, EBP_MODE: 'distributed' });
    if (config.mode !== 'distributed') throw new Error('unreachable: mode was forced');
    return config;
  } catch (error) {
    throw new Error(
      'These tests need the real engines: run `deploy/local/engines up`, then `npm run test:engines`.',
      { cause: error },
    );
  }
}

/** A name no earlier run used, so reruns against kept data never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
