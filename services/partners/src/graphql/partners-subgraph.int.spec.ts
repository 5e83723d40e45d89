// The partners subgraph as the service runs it (startPartnersServer), following the register's
// store for project audiences as all-in-one does: a collaboration on a project the caller may not
// see is left out, never nulled with an error; a write naming one is answered as for a project
// that does not exist; an agreement naming a missing organisation is refused.
import { NO_SUCH_PROJECT, readerKey } from '@ebp/access';
import { SqlDocumentStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets, waitFor } from '@ebp/eventing/testing';
import { DEMO_USERS, signIdentity, type Identity } from '@ebp/platform';
import { READERS, appendProjectAudience } from '../access/project-audience.fixtures';
import { startPartnersServer, type RunningPartners } from '../server/partners-server';

const [sqlTarget] = sqlTargets();
const identitySecret = 'partners-subgraph-spec-secret-long-enough-for-hmac';
const vic = DEMO_USERS.vic!;
const rae = DEMO_USERS.rae!;
/** Cleared; the register names Sam as needing to know on the sensitive project. */
const sam = DEMO_USERS.sam!;
const ada = DEMO_USERS.ada!;
const cat = DEMO_USERS.cat!;

interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe(`partners subgraph over HTTP, following the register (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let partners: RunningPartners;
  let publish: (projectId: string, readers: readonly string[]) => Promise<void>;
  const run = Math.random().toString(36).slice(2, 8);
  const n8 = `demo-org-n8-${run}`;
  const open = `open-${run}`;
  const hidden = `county-lines-${run}`;

  async function graphql(
    caller: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphResult> {
    const response = await fetch(partners.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(caller, identitySecret) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult;
  }
  const must = async (caller: Identity, query: string, variables: Record<string, unknown> = {}) => {
    const result = await graphql(caller, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const LINK =
    'mutation($c: CollaborationInput!) { startCollaboration(collaboration: $c) { partnerId } }';
  const link = (projectId: string, id = n8) => ({
    c: {
      projectId,
      partner: { kind: 'organisation', id },
      role: 'data_provider',
      from: '2026-04-01',
    },
  });
  const COLLABORATIONS = `query($id: ID!) { organisation(id: $id) { collaborations { project { id } role from } } }`;
  const collaborationsAs = async (caller: Identity) =>
    (
      (await must(caller, COLLABORATIONS, { id: n8 })) as {
        organisation: { collaborations: { project: { id: string } | null }[] };
      }
    ).organisation.collaborations.map((entry) => entry.project?.id);

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    registerSql = await sqlTarget!.create();
    // The register's store; the test appends its audience events as the register would.
    const registerStore = await SqlEventStore.open(registerSql);
    publish = (projectId, readers) => appendProjectAudience(registerStore, projectId, readers);
    partners = await startPartnersServer({
      sql,
      documents: await SqlDocumentStore.open(sql),
      registerEvents: { kind: 'store', store: registerStore },
      identitySecret,
      pollIntervalMs: 100,
    });
    await publish(open, READERS.official);
    await publish(hidden, READERS.sensitive(sam.actor.id));
    await must(
      ada,
      'mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) { organisation { id } } }',
      {
        id: n8,
        o: {
          name: 'N8 Policing Research Partnership',
          kind: 'consortium',
          expertise: [],
          contacts: [],
        },
      },
    );
    await must(ada, LINK, link(open));
    await must(ada, LINK, link(hidden));
    // Two databases and the whole service: slow on a loaded machine.
  }, 120_000);

  afterAll(async () => {
    await partners?.stop();
    await sql?.close();
    await registerSql?.close();
  });

  it('leaves a hidden project’s collaboration out of Organisation.collaborations for an uncleared viewer, with no error', async () => {
    expect(await collaborationsAs(vic)).toEqual([open]);
    expect(await collaborationsAs(rae)).toEqual([open]);
  });

  it('shows it to a cleared reader with need-to-know', async () => {
    expect((await collaborationsAs(sam)).sort()).toEqual([hidden, open].sort());
    expect((await collaborationsAs(cat)).sort()).toEqual([hidden, open].sort());
  });

  it('answers a change to the organisation with it as the caller may see it: a hidden project’s collaboration left out', async () => {
    const UPDATE = `mutation($id: ID!, $o: OrganisationInput!) { updateOrganisation(id: $id, organisation: $o) {
      organisation { id expertise contacts { name email } collaborations { project { id } } } } }`;
    const update = async (caller: Identity, expertise: string[]) =>
      (
        (await must(caller, UPDATE, {
          id: n8,
          o: {
            name: 'N8 Policing Research Partnership',
            kind: 'consortium',
            expertise,
            contacts: [{ name: 'Dr Nina Eight', role: 'Director', email: 'nina@n8.example' }],
          },
        })) as {
          updateOrganisation: {
            organisation: {
              expertise: string[];
              contacts: unknown[];
              collaborations: { project: { id: string } | null }[];
            };
          };
        }
      ).updateOrganisation.organisation;
    const asRae = await update(rae, ['procedural justice']);
    expect(asRae.expertise).toEqual(['procedural justice']);
    expect(asRae.contacts).toEqual([{ name: 'Dr Nina Eight', email: 'nina@n8.example' }]);
    expect(asRae.collaborations.map((entry) => entry.project?.id)).toEqual([open]);
    const asCat = await update(cat, ['procedural justice', 'public trust']);
    expect(asCat.collaborations.map((entry) => entry.project?.id).sort()).toEqual(
      [hidden, open].sort(),
    );
  });

  it('gives ResearchProject.partners of a hidden project as empty, through _entities', async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on ResearchProject { id partners { partnerId role } partnerOutcomes { submissionId } } } }`;
    const representations = { r: [{ __typename: 'ResearchProject', id: hidden }] };
    expect(await must(vic, ENTITIES, representations)).toEqual({
      _entities: [{ id: hidden, partners: [], partnerOutcomes: [] }],
    });
    expect(await must(sam, ENTITIES, representations)).toEqual({
      _entities: [
        { id: hidden, partners: [{ partnerId: n8, role: 'data_provider' }], partnerOutcomes: [] },
      ],
    });
  });

  it('answers startCollaboration on a hidden project exactly as on one that does not exist', async () => {
    const onHidden = await graphql(rae, LINK, link(hidden));
    const onMissing = await graphql(rae, LINK, link(`never-proposed-${run}`));
    expect(onHidden.data).toBeNull();
    expect(onHidden.errors).toEqual([
      expect.objectContaining({
        message: NO_SUCH_PROJECT,
        extensions: expect.objectContaining({ code: 'PROJECT_NOT_FOUND' }) as unknown,
      }),
    ]);
    const answer = (result: GraphResult) =>
      result.errors?.map((error) => ({ message: error.message, code: error.extensions?.code }));
    expect(answer(onMissing)).toEqual(answer(onHidden));
    expect(onMissing.data).toEqual(onHidden.data);
  });

  it('refuses signAgreement with an organisation that does not exist', async () => {
    const result = await graphql(
      cat,
      'mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) { agreement { id } } }',
      {
        id: `dsa-${run}`,
        a: {
          kind: 'data_sharing',
          title: 'Footfall counts',
          partyIds: ['no-such-university'],
          scope: 'Pseudonymised footfall counts, for the evaluation only.',
          startsOn: '2026-01-01',
          expiresOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        },
      },
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'No organisation no-such-university',
        extensions: expect.objectContaining({ code: 'PARTNER_NOT_FOUND' }) as unknown,
      }),
    ]);
    const { expiringAgreements } = (await must(
      cat,
      '{ expiringAgreements(withinDays: 60) { agreementId } }',
    )) as { expiringAgreements: { agreementId: string }[] };
    expect(expiringAgreements).toEqual([]);
  });

  it('shows the project once the register releases it (a new audience event, OFFICIAL)', async () => {
    await publish(hidden, [...READERS.official, readerKey.person(sam.actor.id)]);
    // The service polls the register's store; no write needed.
    const seen = await waitFor(
      'the released project to be visible',
      () => collaborationsAs(vic),
      (ids) => ids.includes(hidden),
      30_000,
    );
    expect(seen.sort()).toEqual([hidden, open].sort());
  }, 60_000);
});
