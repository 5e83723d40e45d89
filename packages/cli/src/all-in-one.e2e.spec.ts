// The register end to end through the gateway, all-in-one: one process, PGlite in memory.
import { randomBytes } from 'node:crypto';
import { startAllInOne } from './all-in-one';
import { registerScenario } from './testing/register-scenario';

describe('all-in-one: the register through the gateway', () => {
  registerScenario(async () => {
    const identitySecret = randomBytes(32).toString('base64url');
    const platform = await startAllInOne({ port: 0, identitySecret });
    return {
      url: platform.url,
      registerUrl: platform.register.url,
      identitySecret,
      issuer: platform.issuer!,
      stop: () => platform.stop(),
    };
  });
});
