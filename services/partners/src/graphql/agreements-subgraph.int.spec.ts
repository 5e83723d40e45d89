// The list of agreements over the partners subgraph as the service runs it (issue 18): where each
// stands on the service's date (expiry derived, termination recorded), filters, paging (limit,
// offset, total), a deterministic order, and who sees which: the committee and administrators
// all, a partner only its own organisation's, anyone else refused as for expiring agreements.
import { CommandHandler, SqlDocumentStore, commandContextFor, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { DEMO_USERS, signIdentity, type Identity } from '@ebp/platform';
import { agreementDecider, type AgreementCommand } from '../agreements/agreement.decider';
import { startPartnersServer, type RunningPartners } from '../server/partners-server';

const [sqlTarget] = sqlTargets();
const identitySecret = 'partners-agreements-spec-secret-long-enough-for-hmac';
const TODAY = '2026-05-01';
const vic = DEMO_USERS.vic!;
const rae = DEMO_USERS.rae!;
const cat = DEMO_USERS.cat!;
const ada = DEMO_USERS.ada!;
/** The University of Cambridge's feed identity: a partner. */
const uni = DEMO_USERS.uni!;
const CAMBRIDGE = uni.actor.id;
const MOPAC = 'org-mopac';
const N8 = 'org-n8';
const mopac: Identity = {
  actor: { kind: 'partner', id: MOPAC },
  name: 'MOPAC partner feed',
  roles: ['partner'],
  clearances: ['OFFICIAL'],
};

interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
interface Agreement {
  id: string;
  kind: string;
  title: string;
  partyIds: string[];
  startsOn: string;
  expiresOn: string;
  status: string;
}
interface AgreementPage {
  agreements: { total: number; items: Agreement[] };
}

const AGREEMENTS = `query($f: AgreementFilter, $l: Int, $o: Int) {
  agreements(filter: $f, limit: $l, offset: $o) {
    total items { id kind title partyIds startsOn expiresOn status } } }`;

describe(`agreements over the partners subgraph (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let partners: RunningPartners;

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
  async function must<Data>(caller: Identity, query: string, variables = {}) {
    const result = await graphql(caller, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as Data;
  }
  const listed = async (caller: Identity, variables: Record<string, unknown> = {}) => {
    const { agreements } = await must<AgreementPage>(caller, AGREEMENTS, variables);
    return { ids: agreements.items.map((agreement) => agreement.id), total: agreements.total };
  };

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    partners = await startPartnersServer({
      sql,
      documents: await SqlDocumentStore.open(sql),
      identitySecret,
      now: () => new Date(`${TODAY}T09:00:00Z`),
      pollIntervalMs: 100,
    });
    const REGISTER =
      'mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) { organisation { id } } }';
    for (const [id, name, kind] of [
      [CAMBRIDGE, 'University of Cambridge', 'university'],
      [MOPAC, "Mayor's Office for Policing and Crime", 'mopac'],
      [N8, 'N8 Policing Research Partnership', 'consortium'],
    ])
      await must(ada, REGISTER, { id, o: { name, kind, expertise: [], contacts: [] } });

    const SIGN =
      'mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) { agreement { id status } } }';
    const agreements: [string, string, string[], string, string][] = [
      ['ag-1', 'memorandum_of_understanding', [CAMBRIDGE], '2024-01-01', '2026-12-31'],
      ['ag-2', 'data_sharing', [CAMBRIDGE, MOPAC], '2025-01-01', '2026-03-31'],
      ['ag-3', 'data_sharing', [MOPAC], '2025-06-01', '2027-06-30'],
      // Expires today: still in force today.
      ['ag-4', 'memorandum_of_understanding', [N8], '2026-02-01', TODAY],
      ['ag-5', 'memorandum_of_understanding', [CAMBRIDGE, N8], '2026-02-01', '2026-06-15'],
      ['ag-6', 'data_sharing', [N8], '2023-01-01', '2025-12-31'],
    ];
    for (const [id, kind, partyIds, startsOn, expiresOn] of agreements)
      await must(cat, SIGN, {
        id,
        a: {
          kind,
          title: `Agreement ${id}`,
          partyIds,
          scope: 'Research collaboration and the data it needs.',
          startsOn,
          expiresOn,
        },
      });
    // Renewal and termination have no mutation yet: the decider, as the service would run it.
    const agreementCommands = new CommandHandler(partners.runtime.store, agreementDecider);
    const run = (id: string, command: AgreementCommand) =>
      agreementCommands.handle(
        `agreement:${id}`,
        command,
        commandContextFor(cat.actor, new Date(`${TODAY}T09:00:00Z`), 'OFFICIAL'),
      );
    await run('ag-3', { type: 'terminate', on: '2026-04-15', reason: 'Project ended.', by: 'cat' });
    await run('ag-6', { type: 'renew', expiresOn: '2027-12-31', by: 'cat' });
    await partners.runtime.catchUp();
  }, 120_000);

  afterAll(async () => {
    await partners?.stop();
    await sql?.close();
  });

  const ALL = ['ag-4', 'ag-5', 'ag-3', 'ag-2', 'ag-1', 'ag-6'];

  it('lists every agreement, most recently starting first and then by id, with where each stands today', async () => {
    const { agreements } = await must<AgreementPage>(cat, AGREEMENTS);
    expect(agreements.total).toBe(6);
    expect(agreements.items.map(({ id, status, expiresOn }) => [id, status, expiresOn])).toEqual([
      ['ag-4', 'in_force', TODAY],
      ['ag-5', 'in_force', '2026-06-15'],
      ['ag-3', 'terminated', '2027-06-30'],
      ['ag-2', 'expired', '2026-03-31'],
      ['ag-1', 'in_force', '2026-12-31'],
      // Renewed: the expiry moved on, and with it the standing.
      ['ag-6', 'in_force', '2027-12-31'],
    ]);
    expect(agreements.items[3]).toEqual({
      id: 'ag-2',
      kind: 'data_sharing',
      title: 'Agreement ag-2',
      partyIds: [CAMBRIDGE, MOPAC],
      startsOn: '2025-01-01',
      expiresOn: '2026-03-31',
      status: 'expired',
    });
  });

  it('filters by organisation, status, kind and expiry date', async () => {
    const only = (f: Record<string, unknown>) => listed(ada, { f });
    expect(await only({ organisationId: CAMBRIDGE })).toEqual({
      ids: ['ag-5', 'ag-2', 'ag-1'],
      total: 3,
    });
    expect(await only({ status: 'in_force' })).toEqual({
      ids: ['ag-4', 'ag-5', 'ag-1', 'ag-6'],
      total: 4,
    });
    expect(await only({ status: 'expired' })).toEqual({ ids: ['ag-2'], total: 1 });
    expect(await only({ status: 'terminated' })).toEqual({ ids: ['ag-3'], total: 1 });
    expect(await only({ kind: 'data_sharing' })).toEqual({
      ids: ['ag-3', 'ag-2', 'ag-6'],
      total: 3,
    });
    expect(await only({ expiringBefore: '2026-07-01' })).toEqual({
      ids: ['ag-4', 'ag-5', 'ag-2'],
      total: 3,
    });
    // What to renew before July: in force, expiring before then.
    expect(await only({ status: 'in_force', expiringBefore: '2026-07-01' })).toEqual({
      ids: ['ag-4', 'ag-5'],
      total: 2,
    });
    expect(await only({ status: 'expired', expiringBefore: '2026-01-01' })).toEqual({
      ids: [],
      total: 0,
    });
    expect(
      await only({ organisationId: N8, kind: 'memorandum_of_understanding', status: 'in_force' }),
    ).toEqual({ ids: ['ag-4', 'ag-5'], total: 2 });
  });

  it('gives every agreement the status it was filtered by', async () => {
    for (const status of ['in_force', 'expired', 'terminated']) {
      const { agreements } = await must<AgreementPage>(cat, AGREEMENTS, { f: { status } });
      expect(agreements.items.length).toBeGreaterThan(0);
      for (const agreement of agreements.items) expect(agreement.status).toBe(status);
    }
  });

  it('pages with limit and offset: pages do not overlap, together they are the list, the total stays', async () => {
    const pages = [];
    for (const offset of [0, 4]) pages.push(await listed(cat, { l: 4, o: offset }));
    expect(pages).toEqual([
      { ids: ['ag-4', 'ag-5', 'ag-3', 'ag-2'], total: 6 },
      { ids: ['ag-1', 'ag-6'], total: 6 },
    ]);
    expect(pages.flatMap((page) => page.ids)).toEqual(ALL);
    expect(await listed(cat, { l: 2, o: 6 })).toEqual({ ids: [], total: 6 });
    expect(await listed(cat, { f: { status: 'in_force' }, l: 1, o: 2 })).toEqual({
      ids: ['ag-1'],
      total: 4,
    });
  });

  it('shows a partner only the agreements its own organisation is party to', async () => {
    expect(await listed(uni)).toEqual({ ids: ['ag-5', 'ag-2', 'ag-1'], total: 3 });
    expect(await listed(mopac)).toEqual({ ids: ['ag-3', 'ag-2'], total: 2 });
    // Another organisation's agreements answer as none, not as a refusal.
    expect(await listed(uni, { f: { organisationId: MOPAC } })).toEqual({ ids: [], total: 0 });
    expect(await listed(uni, { f: { organisationId: N8 } })).toEqual({ ids: [], total: 0 });
    expect(await listed(uni, { f: { organisationId: CAMBRIDGE } })).toEqual({
      ids: ['ag-5', 'ag-2', 'ag-1'],
      total: 3,
    });
    expect(await listed(uni, { f: { status: 'expired' } })).toEqual({ ids: ['ag-2'], total: 1 });
    expect(await listed(uni, { l: 1, o: 1 })).toEqual({ ids: ['ag-2'], total: 3 });
    expect(JSON.stringify(await must(uni, AGREEMENTS))).not.toMatch(/ag-3|ag-4|ag-6/);
  });

  it('refuses any other member of staff, as the list of expiring agreements does', async () => {
    for (const caller of [vic, rae]) {
      const list = await graphql(caller, AGREEMENTS);
      const expiring = await graphql(
        caller,
        '{ expiringAgreements(withinDays: 60) { agreementId } }',
      );
      expect(list.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(expiring.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(list.data ?? null).toBeNull();
    }
  });

  it('answers signAgreement with the agreement as the list shows it, where it stands today', async () => {
    const { signAgreement } = await must<{ signAgreement: { agreement: Agreement } }>(
      cat,
      `mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) {
        agreement { id kind title partyIds startsOn expiresOn status } } }`,
      {
        id: 'ag-7',
        a: {
          kind: 'data_sharing',
          title: 'Agreement ag-7',
          partyIds: [N8],
          scope: 'Research collaboration and the data it needs.',
          startsOn: '2025-01-01',
          expiresOn: '2026-01-31',
        },
      },
    );
    expect(signAgreement.agreement).toEqual({
      id: 'ag-7',
      kind: 'data_sharing',
      title: 'Agreement ag-7',
      partyIds: [N8],
      startsOn: '2025-01-01',
      expiresOn: '2026-01-31',
      status: 'expired',
    });
    // Those who may not list agreements may not sign one either.
    const { id: _id, status: _status, ...agreement } = signAgreement.agreement;
    const refused = await graphql(
      rae,
      'mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) { agreement { id } } }',
      { id: 'ag-8', a: { ...agreement, scope: 'Research collaboration and the data it needs.' } },
    );
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses an expiry date that is not a date, and a status the enum does not hold', async () => {
    const badDate = await graphql(cat, AGREEMENTS, { f: { expiringBefore: '2026-13-01' } });
    expect(badDate.errors?.map((error) => error.extensions?.code)).toEqual([
      'INVALID_PARTNER_INPUT',
    ]);
    const badStatus = await graphql(cat, AGREEMENTS, { f: { status: 'in-force' } });
    expect(badStatus.data ?? null).toBeNull();
    expect(badStatus.errors?.length).toBeGreaterThan(0);
  });
});
