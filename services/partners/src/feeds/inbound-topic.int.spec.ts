// Outcomes on the inbound topic: malformed ones, and those naming a project that does not exist
// or that the partner may not see, land in quarantine with the reason, and the consumer keeps
// going (in-process bus in `npm test`, Kafka in `test:engines`).
import { randomUUID } from 'node:crypto';
import { NO_SUCH_PROJECT, readerKey } from '@ebp/access';
import { partners } from '@ebp/contracts';
import { SqlEventStore, type Bus, type SqlClient, type Subscription } from '@ebp/eventing';
import { busTargets, pgliteTarget, waitFor } from '@ebp/eventing/testing';
import { silentLogger } from '@ebp/platform';
import { READERS, registerAudienceFeed } from '../access/project-audience.fixtures';
import { linkedPartners } from '../collaborations/collaboration.fixtures';
import { INBOUND_HEADERS, consumeInboundOutcomes } from './inbound-topic';
import { OutcomeIntake, outcomeStreamId, quarantineStreamId } from './outcome-intake';

describe.each(busTargets())('partner outcomes on the inbound topic ($name)', (busTarget) => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let bus: Bus;
  let store: SqlEventStore;
  let subscription: Subscription;
  const run = randomUUID().slice(0, 8);
  const project = `project-${run}`;
  /** Cambridge may see it, but does not collaborate on it. */
  const elsewhere = `project-${run}-elsewhere`;
  /** OFFICIAL-SENSITIVE, not known to Cambridge (though a collaboration names it). */
  const hidden = `project-${run}-hidden`;

  beforeAll(async () => {
    sql = await pgliteTarget.create();
    registerSql = await pgliteTarget.create();
    store = await SqlEventStore.open(sql);
    const collaborationsOf = await linkedPartners(
      sql,
      store,
      [
        ['cambridge', project],
        ['cambridge', hidden],
      ],
      'data_provider',
    );
    const register = await registerAudienceFeed(sql, registerSql);
    const cambridge = readerKey.partner('cambridge');
    await register.publish(project, [...READERS.official, cambridge]);
    await register.publish(elsewhere, [...READERS.official, cambridge]);
    await register.publish(hidden, READERS.sensitive('person-sam'));
    bus = await busTarget.create();
    subscription = await consumeInboundOutcomes(
      bus,
      new OutcomeIntake(store, collaborationsOf, () => new Date(), register.guard),
      silentLogger,
    );
  }, 120_000);

  afterAll(async () => {
    await subscription?.stop();
    await bus?.close();
    await sql?.close();
    await registerSql?.close();
  });

  const message = (messageId: string, value: string, partner: string | null = 'cambridge') => ({
    key: partner ?? 'nobody knows',
    value,
    headers: {
      [INBOUND_HEADERS.messageId]: `${run}-${messageId}`,
      ...(partner ? { [INBOUND_HEADERS.partnerId]: partner } : {}),
    },
  });
  const outcome = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      projectId: project,
      kind: 'dataset',
      title: 'Pseudonymised footfall counts, 2025–2026',
      url: 'https://data.example.ac.uk/footfall',
      publishedOn: '2026-10-01',
      ...overrides,
    });

  it('quarantines malformed and unauthorised messages with the reason and keeps consuming', async () => {
    await bus.publish(partners.PARTNER_OUTCOMES_INBOUND_TOPIC, [
      message('not-json', '{"projectId": '),
      message('bad-date', outcome({ publishedOn: 'last week' })),
      message('no-partner', outcome(), null),
      message('other-project', outcome({ projectId: elsewhere })),
      message('hidden-project', outcome({ projectId: hidden })),
      message('no-such-project', outcome({ projectId: `project-${run}-never-proposed` })),
      message('good', outcome()),
    ]);
    // Messages keyed by partner keep their order; the one naming no partner may be elsewhere.
    const events = await waitFor(
      'the valid outcome and the six held items',
      () => store.readAll({ limit: 10_000 }),
      (all) =>
        all.some((event) => event.streamId === outcomeStreamId(`cambridge.${run}-good`)) &&
        all.filter((event) => event.type === 'partners.quarantine.held').length >= 6,
      60_000,
    );
    expect(
      events.find((event) => event.streamId === outcomeStreamId(`cambridge.${run}-good`)),
    ).toMatchObject({
      type: 'partners.outcome.submitted',
      data: { channel: 'kafka', organisationId: 'cambridge' },
    });
    // The store is this test's own: every held item is one of these messages.
    const reasons = events
      .filter((event) => event.type === 'partners.quarantine.held')
      .map((event) => event.data as { reason: string; organisationId: string | null });
    expect(reasons).toHaveLength(6);
    for (const pattern of [/not JSON/, /publishedOn/, /does not collaborate/])
      expect(reasons.filter((held) => pattern.test(held.reason))).toEqual([
        expect.objectContaining({ organisationId: 'cambridge' }),
      ]);
    // A hidden project and one that does not exist: one reason for both, and neither submitted.
    expect(reasons.filter((held) => held.reason === NO_SUCH_PROJECT)).toEqual([
      expect.objectContaining({ organisationId: 'cambridge' }),
      expect.objectContaining({ organisationId: 'cambridge' }),
    ]);
    expect(
      events.filter(
        (event) =>
          event.type === 'partners.outcome.submitted' &&
          [hidden, `project-${run}-never-proposed`].includes(
            (event.data as { outcome: { projectId: string } }).outcome.projectId,
          ),
      ),
    ).toEqual([]);
    expect(reasons.filter((held) => /names no partner/.test(held.reason))).toEqual([
      expect.objectContaining({ organisationId: null }),
    ]);
    // Each is held under its place on the topic.
    expect(
      events
        .filter((event) => event.type === 'partners.quarantine.held')
        .every((event) => event.streamId.startsWith(quarantineStreamId('kafka:'))),
    ).toBe(true);
  });
});
