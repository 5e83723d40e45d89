// Every service end to end through the gateway, all-in-one: one process, PGlite in memory; each
// service reads the others' events from their stores; the national bodies are real HTTP servers.
import { randomBytes } from 'node:crypto';
import { parseDeliveryTargets } from '@ebp/dissemination';
import { startAllInOne } from './all-in-one';
import { communityScenario } from './testing/community-scenario';
import { disseminationScenario } from './testing/dissemination-scenario';
import {
  closeNationalBodies,
  openNationalBodies,
  targetsSetting,
  type NationalBodies,
} from './testing/national-bodies';
import { partnersScenario } from './testing/partners-scenario';
import { platformFor } from './testing/platform-under-test';
import { registerScenario } from './testing/register-scenario';

describe('all-in-one through the gateway', () => {
  let bodies: NationalBodies | undefined;
  const platform = platformFor(async () => {
    const identitySecret = randomBytes(32).toString('base64url');
    bodies = await openNationalBodies();
    const running = await startAllInOne({
      port: 0,
      identitySecret,
      disseminationTargets: parseDeliveryTargets(targetsSetting(bodies)),
      deliveryRetryPolicy: { firstDelayMs: 200, maxDelayMs: 1_000, maxAttempts: 1_000 },
    });
    return {
      url: running.url,
      subgraphUrls: {
        register: running.register.url,
        community: running.community.url,
        partners: running.partners.url,
        dissemination: running.dissemination.url,
      },
      identitySecret,
      issuer: running.issuer!,
      stop: async () => {
        await running.stop();
        if (bodies) await closeNationalBodies(bodies);
      },
    };
  });

  describe('the register', () => registerScenario(platform));
  describe('the community', () => communityScenario(platform));
  describe('the partners', () => partnersScenario(platform));
  describe('the library and its dissemination', () =>
    disseminationScenario(platform, () => bodies!));
});
