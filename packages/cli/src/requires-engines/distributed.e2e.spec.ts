// The register end to end through the gateway, distributed: the register and the gateway each in
// their own process on PostgreSQL, Kafka and the MongoDB-compatible engine.
import { loadEngineSettings } from '@ebp/platform';
import { startDistributed } from '../distributed';
import { registerScenario } from '../testing/register-scenario';

describe('distributed: the register through the gateway, as separate processes', () => {
  registerScenario(async () => {
    const platform = await startDistributed({
      engines: loadEngineSettings(),
      childOutput: () => undefined,
    });
    return {
      url: platform.url,
      registerUrl: platform.registerUrl,
      identitySecret: platform.identitySecret,
      issuer: platform.issuer,
      stop: () => platform.stop(),
    };
  });
});
