// Every service end to end through the gateway, all-in-one: one process, PGlite in memory; each
// service reads the others' events from their stores; the national bodies are real HTTP servers.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseDeliveryTargets } from '@ebp/dissemination';
import { startAllInOne, type RunningPlatform } from './all-in-one';
import { communityScenario } from './testing/community-scenario';
import { programmeScenario } from './testing/programme-scenario';
import { meetingsScenario } from './testing/meetings-scenario';
import { forumScenario } from './testing/forum-scenario';
import { trainingScenario } from './testing/training-scenario';
import { partnerMasterClassScenario } from './testing/partner-master-class-scenario';
import { benchmarkingScenario } from './testing/benchmarking-scenario';
import { disseminationScenario } from './testing/dissemination-scenario';
import { digestScenario } from './testing/digest-scenario';
import {
  closeNationalBodies,
  openNationalBodies,
  targetsSetting,
  type NationalBodies,
} from './testing/national-bodies';
import { partnersScenario } from './testing/partners-scenario';
import { platformFor } from './testing/platform-under-test';
import {
  libraryFeed,
  publicOriginScenario,
  publishLibraryItem,
} from './testing/public-origin-scenario';
import { registerScenario } from './testing/register-scenario';

/** Where this platform's people are told to read the library (EBP_PUBLIC_URL). */
const PUBLIC_URL = 'https://ebp.met.example';

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
      publicUrl: PUBLIC_URL,
    });
    return {
      url: running.url,
      origin: running.origin,
      publicUrl: running.publicUrl,
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

  it('has one origin, the gateway’s, and links at the configured public URL', () => {
    expect(platform().publicUrl).toBe(PUBLIC_URL);
    expect(platform().url).toBe(`${platform().origin}/graphql`);
  });

  describe('the register', () => registerScenario(platform));
  describe('the community', () => communityScenario(platform));
  describe('the partners', () => partnersScenario(platform));
  describe('the library and its dissemination', () =>
    disseminationScenario(platform, () => bodies!));
  describe("the 'What Works' forum", () => forumScenario(platform));
  describe('training and evidence', () => trainingScenario(platform));
  describe('master classes open to partners', () => partnerMasterClassScenario(platform));
  describe('the Research Plan and the EBP Programme', () => programmeScenario(platform));
  describe('committee business', () => meetingsScenario(platform));
  describe('benchmarking the use of evidence', () => benchmarkingScenario(platform));
  describe('one public origin', () => publicOriginScenario(platform));
});

describe('all-in-one with no public URL configured', () => {
  let running: RunningPlatform | undefined;

  // A second platform in this file: starting it can take a while on a busy machine.
  beforeAll(async () => {
    running = await startAllInOne({ port: 0 });
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });

  it('links the feed at the port the gateway actually bound (port 0: the one chosen)', async () => {
    const platform = running!;
    const port = Number(new URL(platform.origin).port);
    expect(port).toBeGreaterThan(0);
    expect(platform.publicUrl).toBe(`http://localhost:${port}`);

    const itemId = `e2e-${randomUUID().slice(0, 8)}-origin`;
    await publishLibraryItem({ url: platform.url, issuer: platform.issuer! }, itemId);
    const xml = await libraryFeed(platform.origin);
    expect(xml).toContain(
      `<link rel="alternate" href="http://localhost:${port}/library/${itemId}"/>`,
    );
    expect(xml).toContain(`<link rel="self" href="http://localhost:${port}/feeds/library.atom"/>`);
  });
});

describe('all-in-one: digest e-mails that arrive', () => digestScenario('all-in-one'));
