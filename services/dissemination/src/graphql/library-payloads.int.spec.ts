// The library's and master classes' mutations as a typed API (issue 18, decision 0022), through
// the dissemination subgraph over HTTP: inputs generated from the contracts, refused by GraphQL
// validation or by the contract; answers with what changed, as the caller may see it.
import { randomUUID } from 'node:crypto';
import { SqlDocumentStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets, waitFor } from '@ebp/eventing/testing';
import { DEMO_USERS, signIdentity } from '@ebp/platform';
import {
  startDisseminationServer,
  type RunningDissemination,
} from '../server/dissemination-server';
import { NationalBodyEndpoint } from '../testing/national-body-endpoint';

const [sqlTarget] = sqlTargets();
const SECRET = 'a-test-secret-for-the-dissemination-payloads-only';

interface GraphResult<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; issues?: unknown } }[];
}

const DRAFT = `mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) {
  id version item { id status kind classification source { kind projectId }
  draft { title evidence { smsLevel emmie { effect { evidence quality } } effectDirection }
  tags { crimeProblems } needToKnow } } } }`;
const PUBLISH =
  'mutation($id: ID!) { publishLibraryItem(id: $id) { id version item { status version } } }';
const DELIVERIES = `query($id: ID!) { libraryItem(id: $id) { deliveries { id status } } }`;
const RETRY =
  'mutation($id: ID!) { retryDelivery(id: $id) { delivery { id itemId targetId version } } }';

describe(`the library's typed mutations (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let running: RunningDissemination;
  let refusing: NationalBodyEndpoint;
  const run = randomUUID().slice(0, 8);
  const emmie = { evidence: 'moderate', quality: 'limited' };
  const content = (title: string, extra: Record<string, unknown> = {}) => ({
    kind: 'evidence_summary',
    title,
    summary: `${title}: what the evidence says, for busy supervisors.`,
    year: 2026,
    evidence: {
      smsLevel: 3,
      emmie: {
        effect: emmie,
        mechanism: emmie,
        moderators: emmie,
        implementation: emmie,
        economicCost: emmie,
      },
      effectDirection: 'positive',
    },
    tags: { crimeProblems: [`payloads ${run}`] },
    classification: 'OFFICIAL',
    ...extra,
  });

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    refusing = await NationalBodyEndpoint.open(() => ({
      status: 422,
      detail: 'Not for this library',
    }));
    running = await startDisseminationServer({
      sql,
      documents: await SqlDocumentStore.open(sql),
      identitySecret: SECRET,
      pollIntervalMs: 50,
      targets: [
        {
          id: 'research-map',
          name: 'College of Policing Research Map',
          format: 'scholarly-article',
          url: refusing.url,
        },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await running.stop();
    await refusing.down();
    await sql.close();
  });

  async function graphql<Data>(
    user: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphResult<Data>> {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(DEMO_USERS[user]!, SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult<Data>;
  }

  async function must<Data>(user: string, query: string, variables: Record<string, unknown> = {}) {
    const result = await graphql<Data>(user, query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  const codes = (result: GraphResult<unknown>) =>
    (result.errors ?? []).map((error) => error.extensions?.code);

  /** The item's delivery once the refusing body has refused it. */
  const failedDelivery = (itemId: string) =>
    waitFor(
      `the delivery of ${itemId} to be refused`,
      async () =>
        (
          await must<{ libraryItem: { deliveries: { id: string; status: string }[] } }>(
            'cat',
            DELIVERIES,
            { id: itemId },
          )
        ).libraryItem.deliveries[0],
      (delivery) => delivery?.status === 'failed',
      30_000,
    );

  it('drafts from a typed input and answers with the item, its working copy and source typed', async () => {
    const id = `typed-${run}`;
    expect(await must('cat', DRAFT, { id, c: content(`Typed drafts ${run}`) })).toEqual({
      draftLibraryItem: {
        id,
        version: null,
        item: {
          id,
          status: 'draft',
          kind: 'evidence_summary',
          classification: 'OFFICIAL',
          source: { kind: 'editor', projectId: null },
          draft: {
            title: `Typed drafts ${run}`,
            evidence: {
              smsLevel: 3,
              emmie: { effect: { evidence: 'moderate', quality: 'limited' } },
              effectDirection: 'positive',
            },
            tags: { crimeProblems: [`payloads ${run}`] },
            needToKnow: null,
          },
        },
      },
    });
    expect(await must('cat', PUBLISH, { id })).toEqual({
      publishLibraryItem: { id, version: 1, item: { status: 'published', version: 1 } },
    });
    expect(await must('cat', '{ libraryItems(status: published) { id } }', {})).toMatchObject({
      libraryItems: expect.arrayContaining([{ id }]) as unknown,
    });
    expect(
      await must(
        'cat',
        'mutation($id: ID!) { withdrawLibraryItem(id: $id, reason: "Superseded by a newer review.") { version item { status } } }',
        { id },
      ),
    ).toEqual({ withdrawLibraryItem: { version: 1, item: { status: 'withdrawn' } } });
  }, 60_000);

  it('refuses a value outside an enum by validation, and a value the contract refuses with its issues', async () => {
    const wrongKind = await graphql('cat', DRAFT, {
      id: `wrong-kind-${run}`,
      c: content(`Wrong kind ${run}`, { kind: 'evidence-summary' }),
    });
    expect(codes(wrongKind)).toEqual(['BAD_USER_INPUT']);
    const shortTitle = await graphql('cat', DRAFT, { id: `short-${run}`, c: content('x') });
    expect(shortTitle.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_DISSEMINATION_INPUT',
      issues: [expect.objectContaining({ path: 'title' })],
    });
  });

  it('answers without the item when the change takes it out of the caller’s sight', async () => {
    // Rob edits but does not release: a sensitive item he is not on the need-to-know of is not his.
    const id = `sensitive-${run}`;
    expect(
      await must('rob', DRAFT, {
        id,
        c: content(`Covert tactics ${run}`, {
          classification: 'OFFICIAL_SENSITIVE',
          needToKnow: ['person-sam'],
        }),
      }),
    ).toEqual({ draftLibraryItem: { id, version: null, item: null } });
  });

  it('retries a failed delivery, answering with it; one of an item the editor may not see is not found', async () => {
    const open = `open-${run}`;
    await must('cat', DRAFT, { id: open, c: content(`Open review ${run}`) });
    await must('cat', PUBLISH, { id: open });
    const failed = await failedDelivery(open);
    expect(await must('rob', RETRY, { id: failed!.id })).toEqual({
      retryDelivery: {
        delivery: { id: failed!.id, itemId: open, targetId: 'research-map', version: 1 },
      },
    });

    const hidden = `hidden-${run}`;
    await must('cat', DRAFT, {
      id: hidden,
      c: content(`Hidden review ${run}`, { classification: 'OFFICIAL_SENSITIVE' }),
    });
    await must('cat', PUBLISH, { id: hidden });
    expect(
      await must(
        'cat',
        'mutation($id: ID!) { releaseLibraryItem(id: $id, version: 1, targetIds: ["research-map"], justification: "Cleared for the Research Map by its owner.") { version item { releases { targetIds } } } }',
        { id: hidden },
      ),
    ).toEqual({
      releaseLibraryItem: { version: 1, item: { releases: [{ targetIds: ['research-map'] }] } },
    });
    const hiddenDelivery = await failedDelivery(hidden);
    const missing = await graphql('rob', RETRY, { id: `no-such-delivery-${run}` });
    const notHis = await graphql('rob', RETRY, { id: hiddenDelivery!.id });
    expect(codes(notHis)).toEqual(['NOT_FOUND']);
    expect(notHis.errors?.[0]?.message).toBe(
      missing.errors?.[0]?.message.replace(`no-such-delivery-${run}`, hiddenDelivery!.id),
    );
    expect(await must('cat', RETRY, { id: hiddenDelivery!.id })).toMatchObject({
      retryDelivery: { delivery: { id: hiddenDelivery!.id, itemId: hidden } },
    });
  }, 90_000);

  it('schedules master classes from a typed input and answers each change with the master class as the caller sees it', async () => {
    const id = `mc-${run}`;
    const MASTER_CLASS = '{ masterClass { id kind cancelled placesTaken myStatus } }';
    expect(
      await must(
        'rob',
        `mutation($id: ID!, $m: MasterClassInput!) { scheduleMasterClass(id: $id, masterClass: $m) ${MASTER_CLASS} }`,
        {
          id,
          m: {
            title: `Testing tactics ${run}`,
            kind: 'course',
            description: 'Targeting, testing and tracking for new supervisors.',
            presenter: 'EBP Delivery Team',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            durationMinutes: 120,
            location: 'Hendon',
            capacity: 10,
          },
        },
      ),
    ).toEqual({
      scheduleMasterClass: {
        masterClass: { id, kind: 'course', cancelled: false, placesTaken: 0, myStatus: 'none' },
      },
    });
    expect(
      await must('vic', `mutation($id: ID!) { registerForMasterClass(id: $id) ${MASTER_CLASS} }`, {
        id,
      }),
    ).toEqual({
      registerForMasterClass: {
        masterClass: {
          id,
          kind: 'course',
          cancelled: false,
          placesTaken: 1,
          myStatus: 'registered',
        },
      },
    });
    expect(
      await must(
        'vic',
        `mutation($id: ID!) { cancelMasterClassRegistration(id: $id) ${MASTER_CLASS} }`,
        { id },
      ),
    ).toMatchObject({
      cancelMasterClassRegistration: { masterClass: { placesTaken: 0, myStatus: 'none' } },
    });
    expect(
      await must(
        'rob',
        `mutation($id: ID!) { cancelMasterClass(id: $id, reason: "The presenter is unwell.") ${MASTER_CLASS} }`,
        { id },
      ),
    ).toMatchObject({ cancelMasterClass: { masterClass: { cancelled: true } } });
    // Who registered for what is personal data; the master class itself is not.
    const labels = (await (await SqlEventStore.open(sql)).readStream(`master-class:${id}`)).map(
      (event) => `${event.type} ${event.metadata.classification}`,
    );
    expect(labels).toEqual([
      'dissemination.master-class.scheduled OFFICIAL',
      'dissemination.master-class.registered OFFICIAL_SENSITIVE',
      'dissemination.master-class.registration-cancelled OFFICIAL_SENSITIVE',
      'dissemination.master-class.cancelled OFFICIAL',
    ]);
  });
});
