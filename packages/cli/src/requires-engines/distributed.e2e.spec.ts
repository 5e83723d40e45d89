// Every service end to end through the gateway, distributed: each service and the gateway in its
// own process on PostgreSQL, Kafka and the MongoDB-compatible engine; the national bodies are
// real HTTP servers in this process.
import { randomUUID } from 'node:crypto';
import { register } from '@ebp/contracts';
import { KafkaBus, fromBusMessage } from '@ebp/eventing';
import { loadEngineSettings } from '@ebp/platform';
import { startDistributed } from '../distributed';
import { GraphClient } from '../graph-client';
import { communityScenario } from '../testing/community-scenario';
import { programmeScenario } from '../testing/programme-scenario';
import { meetingsScenario } from '../testing/meetings-scenario';
import { forumScenario } from '../testing/forum-scenario';
import { trainingScenario } from '../testing/training-scenario';
import { partnerMasterClassScenario } from '../testing/partner-master-class-scenario';
import { benchmarkingScenario } from '../testing/benchmarking-scenario';
import { disseminationScenario } from '../testing/dissemination-scenario';
import { digestScenario } from '../testing/digest-scenario';
import {
  closeNationalBodies,
  openNationalBodies,
  targetsSetting,
  type NationalBodies,
} from '../testing/national-bodies';
import { leakScenario } from '../testing/leak-scenario';
import { partnersScenario } from '../testing/partners-scenario';
import { platformFor } from '../testing/platform-under-test';
import { publicOriginScenario } from '../testing/public-origin-scenario';
import { registerScenario } from '../testing/register-scenario';

/** Where this platform's people are told to read the library (EBP_PUBLIC_URL). */
const PUBLIC_URL = 'https://ebp.met.example';

describe('distributed through the gateway, as separate processes', () => {
  const engines = loadEngineSettings();
  let bodies: NationalBodies | undefined;
  const platform = platformFor(async () => {
    bodies = await openNationalBodies();
    const running = await startDistributed({
      engines,
      childOutput: () => undefined,
      disseminationTargets: targetsSetting(bodies),
      deliveryRetry: { firstDelayMs: 200, maxDelayMs: 1_000 },
      publicUrl: PUBLIC_URL,
    });
    return {
      url: running.url,
      origin: running.origin,
      publicUrl: running.publicUrl,
      subgraphUrls: running.subgraphUrls,
      identitySecret: running.identitySecret,
      issuer: running.issuer,
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
  describe("the 'What Works' forum", () => forumScenario(platform));
  describe('training and evidence', () => trainingScenario(platform));
  describe('master classes open to partners', () => partnerMasterClassScenario(platform));
  describe('the Research Plan and the EBP Programme', () => programmeScenario(platform));
  describe('committee business', () => meetingsScenario(platform));
  describe('benchmarking the use of evidence', () => benchmarkingScenario(platform));
  describe('one public origin', () => publicOriginScenario(platform));
  describe('need-to-know', () => leakScenario(platform, { settleMs: 120_000 }));

  it('has one origin, the gateway’s, and links at the configured public URL', () => {
    expect(platform().publicUrl).toBe(PUBLIC_URL);
    expect(platform().url).toBe(`${platform().origin}/graphql`);
  });

  it('publishes the register’s events to Kafka for other services and analytics teams', async () => {
    const rae = new GraphClient(platform().url, await platform().issuer.tokenFor('rae'));
    const { proposeProject: proposed } = await rae.must<{ proposeProject: { projectId: string } }>(
      'mutation($key: String!, $p: ProjectProposalInput!) { proposeProject(idempotencyKey: $key, proposal: $p) { projectId } }',
      {
        key: `e2e-published-${randomUUID().slice(0, 8)}`,
        p: {
          title: 'Published to analytics',
          summary: 'Does the register publish every event it records to the Kafka topic?',
          researchQuestions: ['Are events published?'],
          ebpLevel: 'tactical',
          priorityIds: [],
          design: 'Propose and submit, then read the topic',
          methods: ['observation'],
          plannedSmsLevel: 1,
          ebpMatrix: { target: 'micro_place', proactivity: 'reactive', specificity: 'general' },
          plannedStart: '2026-04-01',
          plannedEnd: '2027-03-31',
          owningUnit: 'EBP Delivery Team',
          leadId: 'person-rae',
          ethics: { status: 'not_required', reason: 'No participants; synthetic records only.' },
          classification: 'OFFICIAL',
          outcomes: { primary: [{ name: 'Events', measure: 'Count' }], secondary: [] },
        },
      },
    );
    const { projectId } = proposed;
    await rae.must('mutation($id: ID!) { submitProject(id: $id) { version } }', { id: projectId });

    const bus = await KafkaBus.connect({
      brokers: engines.kafka.brokers,
      clientId: 'e2e-analytics',
    });
    const seen: string[] = [];
    const subscription = await bus.subscribe({
      groupId: `e2e-analytics-${randomUUID()}`,
      topics: [register.REGISTER_TOPIC],
      handler: async (message) => {
        const event = fromBusMessage(message);
        if (event.streamId === `project:${projectId}`) seen.push(event.type);
      },
    });
    try {
      const deadline = Date.now() + 60_000;
      while (seen.length < 3 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual([
        'register.project.proposed',
        'register.project.audience-changed',
        'register.project.submitted',
      ]);
    } finally {
      await subscription.stop();
      await bus.close();
    }
  });
});

describe('distributed: digest e-mails that arrive', () => digestScenario('distributed'));
