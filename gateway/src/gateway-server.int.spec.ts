// The gateway on its own: production hardening and the development-only endpoints. No subgraph
// is running; these requests are answered (or refused) by the gateway before any is called.
import { DevelopmentIssuer } from '@ebp/platform';
import { startGateway, type RunningGateway } from './gateway-server';

const identitySecret = 'a-test-secret-that-is-at-least-32-characters-long';
const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('gateway hardening', () => {
  let issuer: DevelopmentIssuer;
  let production: RunningGateway;
  let development: RunningGateway;
  let token: string;

  beforeAll(async () => {
    issuer = await DevelopmentIssuer.create();
    token = await issuer.tokenFor('vic');
    const common = {
      subgraphUrls: {
        register: 'http://127.0.0.1:9/graphql',
        community: 'http://127.0.0.1:9/graphql',
        partners: 'http://127.0.0.1:9/graphql',
        dissemination: 'http://127.0.0.1:9/graphql',
      },
      verifier: issuer.verifier(),
      identitySecret,
      port: 0,
    };
    production = await startGateway({ ...common, production: true });
    development = await startGateway({ ...common, developmentIssuer: issuer });
  });

  afterAll(async () => {
    await production.stop();
    await development.stop();
  });

  async function graphql(url: string, query: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  it('answers introspection in development and refuses it in production', async () => {
    expect(await graphql(development.url, INTROSPECTION)).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    const refused = await graphql(production.url, INTROSPECTION);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.data).toBeUndefined();
  });

  it('suggests field names in development only', async () => {
    const misspelt = '{ researchProject(id: "x") { titel } }';
    expect((await graphql(development.url, misspelt)).errors?.[0]?.message).toMatch(
      /Did you mean "title"/,
    );
    const hidden = (await graphql(production.url, misspelt)).errors?.[0]?.message;
    expect(hidden).toMatch(/Cannot query field "titel"/);
    expect(hidden).not.toMatch(/Did you mean/);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses fragment fan-outs (issue 17) before planning them, with the limit’s message', async () => {
    // n fragments, each spreading the next twice, stand for 2^(n-1) fields; 26 of them are 1 KB.
    // Measured field by field, 40 levels would hold the event loop for hours and time out here.
    const fanOut = (levels: number) =>
      `query { ...F0 } ${Array.from({ length: levels }, (_, level) =>
        level === levels - 1
          ? `fragment F${level} on Query { __typename }`
          : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
      ).join(' ')}`;
    for (const gateway of [production, development]) {
      for (const levels of [26, 40]) {
        const refused = await graphql(gateway.url, fanOut(levels));
        // The limits' own code, not Apollo's for any failed validation.
        expect(refused.errors?.map((error) => error.extensions?.code)).toEqual([
          'QUERY_TOO_COMPLEX',
        ]);
        expect(refused.errors?.[0]?.message).toBe(
          `The query's estimated cost is ${2 ** (levels - 1)}; the limit is 20000`,
        );
        expect(refused.data).toBeUndefined();
      }
    }
    // Past 200 fragment spreads a document is refused before it is measured at all.
    const spread = await graphql(production.url, fanOut(101));
    expect(spread.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['QUERY_TOO_COMPLEX', 'The query spreads fragments 201 times; the limit is 200'],
    ]);
    const base = production.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('serves the development issuer’s endpoints only when given one', async () => {
    const base = (gateway: RunningGateway) => gateway.url.replace(/\/graphql$/, '');
    const users = (await (await fetch(`${base(development)}/dev/users`)).json()) as {
      user: string;
    }[];
    expect(users.map((user) => user.user)).toEqual(
      expect.arrayContaining(['vic', 'rae', 'sam', 'rob', 'cat', 'ada', 'uni']),
    );
    const issued = await fetch(`${base(development)}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'cat' }),
    });
    const { token: catToken } = (await issued.json()) as { token: string };
    expect((await issuer.verifier().verify(catToken)).roles).toEqual(['committee']);
    const unknown = await fetch(`${base(development)}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'mallory' }),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await fetch(`${base(production)}/dev/users`)).status).toBe(404);
    expect((await fetch(`${base(production)}/health/live`)).status).toBe(200);
  });
});
