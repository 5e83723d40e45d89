// The register, the community and the partners end to end through the gateway, all-in-one: one process, PGlite
// in memory; the community reads the register's events from its store.
import { randomBytes } from 'node:crypto';
import { startAllInOne } from './all-in-one';
import { communityScenario } from './testing/community-scenario';
import { partnersScenario } from './testing/partners-scenario';
import { platformFor } from './testing/platform-under-test';
import { registerScenario } from './testing/register-scenario';

describe('all-in-one through the gateway', () => {
  const platform = platformFor(async () => {
    const identitySecret = randomBytes(32).toString('base64url');
    const running = await startAllInOne({ port: 0, identitySecret });
    return {
      url: running.url,
      subgraphUrls: {
        register: running.register.url,
        community: running.community.url,
        partners: running.partners.url,
      },
      identitySecret,
      issuer: running.issuer!,
      stop: () => running.stop(),
    };
  });

  describe('the register', () => registerScenario(platform));
  describe('the community', () => communityScenario(platform));
  describe('the partners', () => partnersScenario(platform));
});
