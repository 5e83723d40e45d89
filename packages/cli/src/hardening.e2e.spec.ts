// Issue 17, the HTTP hardening points, each as a table through the all-in-one platform: the
// gateway, every subgraph, the development issuer and the partner webhook. The subgraphs, the
// webhook and /dev/token are served by the same factories (hostSubgraph, start*Server,
// developmentRoutes, startGateway) that each service's own main uses in distributed mode, so the
// tables speak for both modes. Where a point needs a gateway configured otherwise (a misbehaving
// subgraph, tokens from another identity provider, a built page), a second gateway is started
// with startGateway on the same running subgraphs.
import { generateKeyPairSync, randomBytes, sign as signBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type GatewayOptions, type RunningGateway } from '@ebp/gateway';
import {
  DEMO_USERS,
  DEVELOPMENT_ISSUER,
  PLATFORM_AUDIENCE,
  jwksVerifier,
  signIdentity,
} from '@ebp/platform';
import { partnerWebhookHeaders } from './partner-webhook';
import { startAllInOne } from './all-in-one';
import { callers, platformFor, staffMember } from './testing/platform-under-test';

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly headers: IncomingHttpHeaders;
}

/** One HTTP request with exactly these bytes and headers (fetch would fix some of them up). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
      },
    );
    // The server may answer (413) and close before it has read a large body: that is its answer.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    outgoing.end(options.body);
  });
}

const NO_STACK = /\n\s+at |\bat \S+ \(|\.(ts|js):\d+:\d+/;

/** An RFC 9457 problem document with this status (and code), never an HTML page or a stack. */
function expectProblem(answer: Answer, status: number, code?: string): Record<string, unknown> {
  expect({ status: answer.status, type: answer.type }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/) as unknown,
  });
  expect(answer.text).not.toMatch(/<html|<!doctype|<pre>/i);
  expect(answer.text).not.toMatch(NO_STACK);
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  expect(body).toMatchObject({
    type: expect.any(String) as unknown,
    title: expect.any(String) as unknown,
    status,
    detail: expect.any(String) as unknown,
  });
  if (code) expect(body.code).toBe(code);
  return body;
}

interface GraphAnswer {
  readonly status: number;
  readonly text: string;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; issues?: unknown } }[];
  };
}

async function graphql(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphAnswer> {
  const answer = await send(url, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  return { status: answer.status, text: answer.text, body: JSON.parse(answer.text) as never };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT's claims, unverified. */
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

const codesOf = (answer: GraphAnswer) =>
  (answer.body.errors ?? []).map((error) => error.extensions?.code);

// Starting the platform (and compiling it, on a cold cache) can outlast the default on a busy machine.
jest.setTimeout(120_000);

describe('HTTP hardening through the all-in-one platform (issue 17)', () => {
  const run = randomBytes(4).toString('hex');
  const organisationId = `hardening-uni-${run}`;
  let gatewayBase = '';
  let webhookUrl = '';
  let webhookSecret = '';
  let sequence = 0;

  const platform = platformFor(async () => {
    const identitySecret = randomBytes(32).toString('base64url');
    const running = await startAllInOne({ port: 0, identitySecret });
    gatewayBase = running.url.replace(/\/graphql$/, '');
    webhookUrl = `${running.partners.webhookBase}/webhooks/partners/${organisationId}/outcomes`;
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
      stop: () => running.stop(),
    };
  });
  const as = callers(platform);
  const tokens = new Map<string, Promise<string>>();
  /** The Authorization header of a demo user, as the development issuer signs it. */
  const bearer = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, platform().issuer.tokenFor(user));
    return { authorization: `Bearer ${await tokens.get(user)}` };
  };

  /** Standard Webhooks headers for this body, signed with the test partner's secret. */
  function webhookHeaders(body: Buffer | string, id = `msg_${run}_${++sequence}`) {
    return partnerWebhookHeaders(id, body, webhookSecret);
  }

  /** Another gateway on the running platform's subgraphs, configured otherwise. */
  const besides: RunningGateway[] = [];
  async function gatewayBeside(overrides: Partial<GatewayOptions>): Promise<RunningGateway> {
    const { subgraphUrls, issuer, identitySecret } = platform();
    const gateway = await startGateway({
      subgraphUrls,
      verifier: issuer.verifier(),
      identitySecret,
      port: 0,
      ...overrides,
    });
    besides.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    const rae = await as('rae');
    await rae.must(
      'mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) { organisation { id } } }',
      {
        id: organisationId,
        o: { name: `Hardening University ${run}`, kind: 'university', expertise: [], contacts: [] },
      },
    );
    webhookSecret = (
      await (
        await as('ada')
      ).must<{ issueWebhookSecret: { secret: string } }>(
        'mutation($id: ID!) { issueWebhookSecret(organisationId: $id) { secret } }',
        { id: organisationId },
      )
    ).issueWebhookSecret.secret;
  });

  afterAll(async () => {
    for (const gateway of besides) await gateway.stop();
  });

  describe('0. an adversarial query is refused before it runs, and the platform keeps answering', () => {
    /** Each fragment spreads the next twice: 2^(levels-1) fields from a query of a few hundred bytes. */
    const fanOut = (levels: number) =>
      `query { ...F0 } ${Array.from({ length: levels }, (_, level) =>
        level === levels - 1
          ? `fragment F${level} on Query { __typename }`
          : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
      ).join(' ')}`;

    it.each([26, 30, 40])(
      'refuses a %i-level fan-out as QUERY_TOO_COMPLEX, in both modes',
      async (levels) => {
        const production = await gatewayBeside({ production: true });
        for (const url of [platform().url, production.url]) {
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(await bearer('rae')),
            },
            body: JSON.stringify({ query: fanOut(levels) }),
          });
          const body = (await response.json()) as {
            data?: unknown;
            errors?: { extensions?: { code?: string } }[];
          };
          expect(body.errors?.map((error) => error.extensions?.code)).toEqual([
            'QUERY_TOO_COMPLEX',
          ]);
          expect(body.data).toBeUndefined();
          expect((await fetch(new URL('/health/live', url))).status).toBe(200);
        }
      },
    );
  });

  describe('1. malformed, oversized and badly encoded bodies get a problem document at every entry', () => {
    type Entry = {
      name: string;
      url: () => string;
      headers: (body: Buffer) => Promise<Record<string, string>> | Record<string, string>;
      /** Where this entry answers an input otherwise (the webhook quarantines what is not JSON). */
      differs?: Record<string, [number, string]>;
    };
    const subgraph = (service: 'register' | 'community' | 'partners' | 'dissemination'): Entry => ({
      name: `the ${service} subgraph`,
      url: () => platform().subgraphUrls[service],
      // As the gateway calls it, so that the body is what is refused, not the caller.
      headers: () => signIdentity(DEMO_USERS.ada!, platform().identitySecret),
    });
    const ENTRIES: Entry[] = [
      { name: 'the gateway', url: () => platform().url, headers: () => bearer('ada') },
      {
        name: 'the development issuer',
        url: () => `${gatewayBase}/dev/token`,
        headers: () => ({}),
      },
      subgraph('register'),
      subgraph('community'),
      subgraph('partners'),
      subgraph('dissemination'),
      {
        name: 'the partner webhook',
        url: () => webhookUrl,
        headers: (body) => webhookHeaders(body),
        differs: {
          // Signed, but not an outcome: quarantined with the reason, and said so in a problem.
          'malformed JSON': [422, 'INVALID_OUTCOME'],
          'an unsupported charset': [422, 'INVALID_OUTCOME'],
        },
      },
    ];
    const JSON_TYPE = 'application/json';
    const INPUTS: {
      name: string;
      body: () => Buffer;
      headers?: Record<string, string>;
      status: number;
      code: string;
    }[] = [
      {
        name: 'malformed JSON',
        body: () => Buffer.from('{"query": "{ __typename }", "user": '),
        status: 400,
        code: 'MALFORMED_JSON',
      },
      {
        name: 'a body over the limit',
        // Over every entry's limit: 4 KB (/dev/token), 1 MB (gateway, webhook), 4 MB (subgraphs).
        body: () =>
          Buffer.from(JSON.stringify({ query: '{ __typename }', user: 'x'.repeat(5 * 2 ** 20) })),
        status: 413,
        code: 'REQUEST_TOO_LARGE',
      },
      {
        name: 'invalid UTF-8',
        body: () =>
          Buffer.concat([
            Buffer.from('{"query": "{ __typename }", "user": "caf'),
            Buffer.from([0xe9]),
            Buffer.from('"}'),
          ]),
        status: 400,
        code: 'INVALID_ENCODING',
      },
      {
        name: 'an unsupported Content-Encoding',
        body: () => Buffer.from('{"query": "{ __typename }"}'),
        headers: { 'content-encoding': 'compress' },
        status: 415,
        code: 'UNSUPPORTED_CONTENT_ENCODING',
      },
      {
        name: 'a body that is not gzip although its Content-Encoding says so',
        body: () => Buffer.from('{"query": "{ __typename }"}'),
        headers: { 'content-encoding': 'gzip' },
        status: 400,
        code: 'INVALID_ENCODING',
      },
      {
        name: 'an unsupported charset',
        body: () => Buffer.from('{"query": "{ __typename }"}'),
        headers: { 'content-type': `${JSON_TYPE}; charset=koi8-r` },
        status: 415,
        code: 'UNSUPPORTED_CHARSET',
      },
    ];

    describe.each(ENTRIES)('$name', (entry) => {
      it.each(INPUTS)('answers $name with a problem', async (input) => {
        const body = input.body();
        const answer = await send(entry.url(), {
          headers: {
            'content-type': JSON_TYPE,
            ...(await entry.headers(body)),
            ...input.headers,
          },
          body,
        });
        const [status, code] = entry.differs?.[input.name] ?? [input.status, input.code];
        expectProblem(answer, status, code);
      });
    });

    it('answers a POST that is not JSON, and a path nothing serves, with problems too', async () => {
      expectProblem(
        await send(platform().url, {
          headers: { 'content-type': 'text/plain', ...(await bearer('ada')) },
          body: '{ __typename }',
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectProblem(
        await send(`${gatewayBase}/no/such/thing`, { headers: { accept: 'text/html' } }),
        404,
        'NOT_FOUND',
      );
    });

    it('still serves well-formed requests at each entry', async () => {
      const ok = await graphql(platform().url, await bearer('ada'), '{ __typename }');
      expect(ok.body).toEqual({ data: { __typename: 'Query' } });
      const direct = await graphql(
        platform().subgraphUrls.register,
        signIdentity(DEMO_USERS.ada!, platform().identitySecret),
        '{ __typename }',
      );
      expect(direct.body).toEqual({ data: { __typename: 'Query' } });
      const token = await send(`${gatewayBase}/dev/token`, {
        headers: { 'content-type': JSON_TYPE },
        body: JSON.stringify({ user: 'rae' }),
      });
      expect(token.status).toBe(200);
    });
  });

  describe('2. NUL characters and unpaired surrogates are validation errors, not internal ones', () => {
    const SEARCH = 'query($t: String) { search(text: $t) { total } }';
    const DRAFT =
      'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }';
    const content = (title: string) => ({
      kind: 'evidence_summary',
      title,
      summary: 'What the evidence says about hot-spot patrols, for busy supervisors.',
      year: 2026,
      classification: 'OFFICIAL',
    });

    it.each<[string, string, Record<string, unknown> | undefined, string]>([
      ['a NUL in a variable', SEARCH, { t: 'hot\u0000spots' }, 'BAD_USER_INPUT'],
      ['an unpaired high surrogate in a variable', SEARCH, { t: 'hot \ud800' }, 'BAD_USER_INPUT'],
      ['an unpaired low surrogate in a variable', SEARCH, { t: '\udc00 spots' }, 'BAD_USER_INPUT'],
      [
        'a NUL deep in a mutation’s input object',
        DRAFT,
        { id: `nul-${run}`, c: content('Hot spots\u0000') },
        'BAD_USER_INPUT',
      ],
      [
        'a NUL in a key of an input object',
        DRAFT,
        { id: `key-${run}`, c: { ...content('Hot spots'), 'ti\u0000tle': 'x' } },
        'BAD_USER_INPUT',
      ],
      [
        'a NUL escape in a string literal',
        '{ search(text: "a\\u0000b") { total } }',
        undefined,
        'BAD_USER_INPUT',
      ],
      [
        'an unpaired surrogate escape in a string literal',
        '{ search(text: "\\ud800") { total } }',
        undefined,
        'GRAPHQL_PARSE_FAILED',
      ],
    ])('through the gateway: %s', async (_name, query, variables, code) => {
      const answer = await graphql(platform().url, await bearer('cat'), query, variables);
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual([code]);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.text).not.toMatch(NO_STACK);
    });

    it('names where the text is wrong, and takes well-formed text (an emoji) as before', async () => {
      const refused = await graphql(platform().url, await bearer('vic'), SEARCH, {
        t: 'hot\u0000spots',
      });
      expect(refused.body.errors?.[0]?.extensions?.issues).toEqual([
        {
          path: 'variables.t',
          message: 'Remove NUL characters and unpaired surrogates: send well-formed Unicode text',
        },
      ]);
      const fine = await graphql(platform().url, await bearer('vic'), SEARCH, {
        t: 'hot 🔥 spots',
      });
      expect(fine.body.errors).toBeUndefined();
      expect(fine.body.data).toEqual({ search: { total: expect.any(Number) as unknown } });
    });

    it.each([
      ['register', 'query($t: ID!) { researchProject(id: $t) { id } }'],
      ['community', 'query($t: String) { experts(unit: $t) { score } }'],
      ['partners', 'query($t: String) { organisations(expertise: $t) { id } }'],
      ['dissemination', SEARCH],
    ] as const)(
      'on the %s subgraph itself (the gateway’s check is not the only one)',
      async (service, query) => {
        const answer = await graphql(
          platform().subgraphUrls[service],
          signIdentity(DEMO_USERS.ada!, platform().identitySecret),
          query,
          { t: 'a\u0000' },
        );
        expect(answer.status).toBe(400);
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
      },
    );

    it.each<[string, () => Promise<Answer>, string]>([
      [
        '/dev/token with a NUL in the user name',
        () =>
          send(`${gatewayBase}/dev/token`, {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: 'rae\u0000' }),
          }),
        'INVALID_TEXT',
      ],
      [
        '/dev/token with an unpaired surrogate',
        () =>
          send(`${gatewayBase}/dev/token`, {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: '\ud800' }),
          }),
        'INVALID_TEXT',
      ],
      [
        'the partner webhook with a NUL in the outcome’s title',
        () => {
          const body = JSON.stringify({
            projectId: 'project-x',
            kind: 'findings',
            title: 'Hot spots\u0000',
            publishedOn: '2026-11-01',
          });
          return send(webhookUrl, {
            headers: { 'content-type': 'application/json', ...webhookHeaders(body) },
            body,
          });
        },
        'INVALID_TEXT',
      ],
    ])('REST: %s is a 400 problem', async (_name, call, code) => {
      expectProblem(await call(), 400, code);
    });
  });

  describe('3. a subgraph’s raw error text is not relayed; typed errors keep their message', () => {
    type Reply = { status: number; type: string; body: string } | 'reset';
    let reply: Reply = { status: 200, type: 'application/json', body: '{}' };
    let stub: Server;
    let gateway: RunningGateway;
    const QUERY = '{ upcomingMasterClasses { id } }';
    const json = (body: unknown): Reply => ({
      status: 200,
      type: 'application/json',
      body: JSON.stringify(body),
    });

    beforeAll(async () => {
      // A dissemination subgraph that misbehaves on demand; the other three are the real ones.
      stub = createServer((incoming, response) => {
        incoming.resume();
        incoming.on('end', () => {
          if (reply === 'reset') {
            response.socket?.destroy();
            return;
          }
          response.writeHead(reply.status, { 'content-type': reply.type });
          response.end(reply.body);
        });
      });
      await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
      const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
      gateway = await gatewayBeside({
        subgraphUrls: { ...platform().subgraphUrls, dissemination: stubUrl },
      });
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => stub.close(() => resolve()));
    });

    const STACK = 'Error: boom\n    at Resolver.upcoming (/srv/ebp/dissemination/src/x.ts:12:7)';
    it.each<[string, Reply]>([
      [
        'a driver’s error without a code',
        json({
          data: null,
          errors: [{ message: `relation "dissemination_items" does not exist\n${STACK}` }],
        }),
      ],
      [
        'INTERNAL_SERVER_ERROR with its text and stack',
        json({
          data: null,
          errors: [
            {
              message: 'TypeError: Cannot read properties of undefined (reading "id")',
              extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: STACK.split('\n') },
            },
          ],
        }),
      ],
      [
        'a code that is not the platform’s',
        json({ data: null, errors: [{ message: STACK, extensions: { code: 'ECONNREFUSED' } }] }),
      ],
      [
        'a validation error about the query plan',
        json({
          errors: [
            {
              message: 'Cannot query field "upcomingMasterClasses" on type "Query" (internal v2)',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        }),
      ],
      [
        'an HTML error page with a stack trace',
        { status: 500, type: 'text/html', body: `<!DOCTYPE html><html><pre>${STACK}</pre></html>` },
      ],
      ['a connection reset', 'reset'],
    ])('masks %s', async (_name, misbehaviour) => {
      reply = misbehaviour;
      const answer = await graphql(gateway.url, await bearer('vic'), QUERY);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      for (const error of answer.body.errors ?? [])
        expect(error).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      expect(answer.text).not.toMatch(
        /dissemination_items|TypeError|<html|ECONNREFUSED|ECONNRESET|socket|127\.0\.0\.1|\/srv\//,
      );
      expect(answer.text).not.toMatch(NO_STACK);
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['FORBIDDEN', 'Only editors may see master classes in draft', {}],
      ['NOT_FOUND', 'No master class mc-1', {}],
      ['MASTER_CLASS_NOT_FOUND', 'No master class mc-2', {}],
      [
        'BAD_USER_INPUT',
        'The master class is not valid: title: Enter at least 2 characters',
        { issues: [{ path: 'title', message: 'Enter at least 2 characters' }] },
      ],
    ])('keeps the message of a typed %s', async (code, message, extensions) => {
      reply = json({
        data: null,
        errors: [{ message, path: ['upcomingMasterClasses'], extensions: { code, ...extensions } }],
      });
      const answer = await graphql(gateway.url, await bearer('vic'), QUERY);
      expect(answer.body.errors?.[0]).toMatchObject({
        message,
        extensions: { code, ...extensions },
      });
    });

    it('keeps a real subgraph’s typed error, through the platform’s own gateway', async () => {
      const answer = await graphql(
        platform().url,
        await bearer('vic'),
        'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }',
        {
          id: `typed-${run}`,
          c: {
            kind: 'evidence_summary',
            title: 'x',
            summary: 's',
            year: 2026,
            classification: 'OFFICIAL',
          },
        },
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.body.errors?.[0]?.message).not.toBe('Internal server error');
    });
  });

  describe('4. /dev/token treats prototype names as unknown users', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
      '%s: 404 no such demo user',
      async (user) => {
        const answer = await send(`${gatewayBase}/dev/token`, {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user }),
        });
        expect(expectProblem(answer, 404).title).toBe('No such demo user');
      },
    );

    it.each<[string, number, unknown]>([
      ['a demo user', 200, { user: 'cat' }],
      ['a name that is not a string', 400, { user: ['rae'] }],
      ['no name', 400, {}],
      ['a JSON body that is not an object', 400, ['rae']],
    ])('%s: %i', async (_name, status, body) => {
      const answer = await send(`${gatewayBase}/dev/token`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(status);
      if (status !== 200) expectProblem(answer, status);
    });
  });

  describe('5. bearer tokens without exp, or valid for longer than the maximum, are refused', () => {
    const HOUR = 3600;
    const ISSUER = 'https://identity.example/';
    let gateway: RunningGateway;
    let sign: (claims: { exp?: number; iat?: number }) => Promise<string>;

    beforeAll(async () => {
      // An identity provider of the force's, as distributed mode verifies it (default maximum).
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwks = {
        keys: [{ ...publicKey.export({ format: 'jwk' }), kty: 'RSA', kid: 'idp-1', alg: 'RS256' }],
      };
      // Signed by hand: an identity provider may issue claims no careful library would.
      sign = (claims) => {
        const header = base64url({ alg: 'RS256', typ: 'JWT', kid: 'idp-1' });
        const payload = base64url({
          iss: ISSUER,
          aud: PLATFORM_AUDIENCE,
          sub: 'person-rae',
          ebp: DEMO_USERS.rae,
          ...claims,
        });
        const signature = signBytes('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
        return Promise.resolve(`${header}.${payload}.${signature.toString('base64url')}`);
      };
      gateway = await gatewayBeside({ verifier: jwksVerifier(jwks, ISSUER, PLATFORM_AUDIENCE) });
    });

    const now = () => Math.floor(Date.now() / 1000);
    it.each<[string, boolean, () => { exp?: number; iat?: number }]>([
      ['valid for 8 hours', true, () => ({ iat: now(), exp: now() + 8 * HOUR })],
      ['valid for 12 hours', true, () => ({ iat: now(), exp: now() + 12 * HOUR })],
      ['without exp', false, () => ({ iat: now() })],
      [
        'valid for 12 hours and a minute',
        false,
        () => ({ iat: now(), exp: now() + 12 * HOUR + 60 }),
      ],
      ['valid for 30 days', false, () => ({ iat: now(), exp: now() + 30 * 24 * HOUR })],
      ['without iat, expiring in 13 hours', false, () => ({ exp: now() + 13 * HOUR })],
      [
        'issued in the future to look short',
        false,
        () => ({ iat: now() + 47 * HOUR, exp: now() + 48 * HOUR }),
      ],
    ])('a token %s: accepted %s', async (_name, accepted, claims) => {
      const token = await sign(claims());
      const answer = await graphql(
        gateway.url,
        { authorization: `Bearer ${token}` },
        '{ __typename }',
      );
      if (accepted) {
        expect(answer.body).toEqual({ data: { __typename: 'Query' } });
      } else {
        expect(answer.status).toBe(401);
        expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      }
    });

    it('keeps the development issuer’s own tokens within the maximum', async () => {
      const answer = await send(`${gatewayBase}/dev/token`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'rob' }),
      });
      const { token, expiresIn } = JSON.parse(answer.text) as { token: string; expiresIn: number };
      const { exp, iat, iss } = claimsOf(token) as { exp: number; iat: number; iss: string };
      expect(iss).toBe(DEVELOPMENT_ISSUER);
      expect(expiresIn).toBeLessThanOrEqual(12 * HOUR);
      expect(exp - iat).toBe(expiresIn);
      const graph = await graphql(
        platform().url,
        { authorization: `Bearer ${token}` },
        '{ __typename }',
      );
      expect(graph.body).toEqual({ data: { __typename: 'Query' } });
      await expect(platform().issuer.tokenFor('rob', 13 * HOUR)).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('6. the stated purpose of a personal read must be one the reader’s role may claim', () => {
    const subject = `person-hardening-${run}`;
    const PERSON = 'query($id: ID!, $p: ReadPurpose!) { person(id: $id, purpose: $p) { id name } }';

    beforeAll(async () => {
      await (
        await as('ada')
      ).must(
        'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
        {
          id: subject,
          p: {
            name: 'Harriet Hardening',
            rankOrGrade: 'Police Constable',
            unit: `Hardening BCU ${run}`,
            contact: { email: 'harriet.hardening@met.example' },
            credentials: [],
            skills: [],
            topics: [],
            availability: { willing: true, hoursPerMonth: 4 },
            consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
          },
        },
      );
    });

    // Reading someone else; `x` allowed, `.` FORBIDDEN.
    //                    self_service  expertise_search  team_building  research_contact  profile_maintenance  governance
    const TABLE: [string, string][] = [
      ['vic', '.     x     .     .     .     .'],
      ['rae', '.     x     x     x     .     .'],
      ['rob', '.     x     x     x     .     x'],
      ['cat', '.     x     x     x     .     x'],
      ['ada', '.     x     x     x     x     x'],
      ['uni', '.     .     .     .     .     .'],
    ];
    const PURPOSES = [
      'self_service',
      'expertise_search',
      'team_building',
      'research_contact',
      'profile_maintenance',
      'governance',
    ];
    const cases = TABLE.flatMap(([user, row]) =>
      row.split(/\s+/).map((mark, index) => [user, PURPOSES[index]!, mark === 'x'] as const),
    );

    it.each(cases)('%s stating %s: allowed %s', async (user, purpose, allowed) => {
      const answer = await graphql(platform().url, await bearer(user), PERSON, {
        id: subject,
        p: purpose,
      });
      if (allowed) {
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data).toMatchObject({ person: { id: subject } });
      } else {
        expect(codesOf(answer)).toEqual(['FORBIDDEN']);
        expect(answer.body.errors?.[0]?.message).toMatch(
          new RegExp(`^Your role may not read a person's data for the purpose ${purpose}; `),
        );
      }
    });

    it('lets a person state self_service and profile_maintenance for their own profile only', async () => {
      const harriet = await as(staffMember(subject));
      for (const purpose of ['self_service', 'profile_maintenance', 'expertise_search']) {
        const own = await harriet.request(PERSON, { id: subject, p: purpose });
        expect(own.errors).toBeUndefined();
      }
      const other = await harriet.request(PERSON, { id: 'person-someone-else', p: 'self_service' });
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses before looking the person up: a missing person gets the same answer', async () => {
      const missing = await graphql(platform().url, await bearer('vic'), PERSON, {
        id: `person-nobody-${run}`,
        p: 'governance',
      });
      const present = await graphql(platform().url, await bearer('vic'), PERSON, {
        id: subject,
        p: 'governance',
      });
      expect(missing.body).toEqual(present.body);
      const allowedMissing = await graphql(platform().url, await bearer('vic'), PERSON, {
        id: `person-nobody-${run}`,
        p: 'expertise_search',
      });
      expect(allowedMissing.body).toEqual({ data: { person: null } });
    });
  });

  describe('7. links in library items and partner outcomes are http or https only', () => {
    const DRAFT =
      'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }';
    const MESSAGE = 'Enter a web address starting with http:// or https://';

    it.each<[string, boolean, string]>([
      ['an https link', true, 'https://www.college.police.uk/research/hot-spots'],
      ['an http link', true, 'http://library.met.example/hot-spots.pdf'],
      ['a javascript: link', false, 'javascript:alert(document.cookie)'],
      ['a data: link', false, 'data:text/html,<script>alert(1)</script>'],
      ['a file: link', false, 'file:///etc/passwd'],
    ])('a library item with %s: accepted %s', async (_name, accepted, url) => {
      const answer = await graphql(platform().url, await bearer('cat'), DRAFT, {
        id: `link-${run}-${++sequence}`,
        c: {
          kind: 'evidence_summary',
          title: 'Hot-spot patrols',
          summary: 'What the evidence says about hot-spot patrols, for busy supervisors.',
          year: 2026,
          classification: 'OFFICIAL',
          url,
        },
      });
      if (accepted) {
        expect(answer.body).toEqual({
          data: { draftLibraryItem: { id: `link-${run}-${sequence}` } },
        });
      } else {
        expect(answer.body.errors?.[0]?.extensions).toEqual({
          code: 'INVALID_DISSEMINATION_INPUT',
          issues: [{ path: 'url', message: MESSAGE }],
        });
      }
    });

    it('quarantines a partner outcome with a javascript: link, saying why', async () => {
      const body = JSON.stringify({
        projectId: 'project-x',
        kind: 'dataset',
        title: 'Hot-spot patrols: the data',
        url: 'javascript:alert(1)',
        publishedOn: '2026-11-01',
      });
      const answer = await send(webhookUrl, {
        headers: { 'content-type': 'application/json', ...webhookHeaders(body) },
        body,
      });
      const problem = expectProblem(answer, 422, 'INVALID_OUTCOME');
      expect(problem.detail).toContain(`url: ${MESSAGE}`);
    });
  });

  describe('8. the web page’s source maps are not served', () => {
    let base = '';

    beforeAll(async () => {
      const root = mkdtempSync(join(tmpdir(), 'ebp-web-hardening-'));
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>EBP</title><div id="root">');
      writeFileSync(join(root, 'assets', 'page.js'), 'console.log("page")');
      // As a build with source maps turned on would leave it.
      writeFileSync(join(root, 'assets', 'page.js.map'), '{"version":3,"sources":["secret.tsx"]}');
      const gateway = await gatewayBeside({ webRoot: root });
      base = gateway.url.replace(/\/graphql$/, '');
    });

    it.each([
      ['the map', '/assets/page.js.map', {}],
      ['the map in capitals', '/assets/page.js.MAP', {}],
      ['the map with an encoded letter', '/assets/page.js.m%61p', {}],
      ['the map asked for as a page', '/assets/page.js.map', { accept: 'text/html' }],
    ])('%s: 404', async (_name, path, headers) => {
      const answer = await send(`${base}${path}`, { method: 'GET', headers });
      expectProblem(answer, 404, 'NOT_FOUND');
      expect(answer.text).not.toContain('secret.tsx');
    });

    it('serves the page’s script itself', async () => {
      const answer = await send(`${base}/assets/page.js`, { method: 'GET' });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('console.log("page")');
      expect(answer.headers.sourcemap ?? answer.headers['x-sourcemap']).toBeUndefined();
    });
  });

  describe('9. the partner webhook: oversized bodies and over-long ids are the partner’s to fix', () => {
    const outcome = JSON.stringify({
      projectId: 'project-x',
      kind: 'findings',
      title: 'Hot-spot patrols',
      publishedOn: '2026-11-01',
    });

    it.each<[string, number, string, () => { body: string; headers: Record<string, string> }]>([
      [
        'a body of 2 MB',
        413,
        'REQUEST_TOO_LARGE',
        () => {
          const body = JSON.stringify({ padding: 'x'.repeat(2 * 2 ** 20) });
          return { body, headers: webhookHeaders(body) };
        },
      ],
      [
        'a webhook-id of 200 characters',
        400,
        'INVALID_WEBHOOK_ID',
        () => ({ body: outcome, headers: webhookHeaders(outcome, `msg_${'a'.repeat(196)}`) }),
      ],
      [
        'a webhook-id of 8,000 characters',
        400,
        'INVALID_WEBHOOK_ID',
        () => ({ body: outcome, headers: webhookHeaders(outcome, `msg_${'a'.repeat(7_996)}`) }),
      ],
    ])('%s: %i %s, not a 500 to retry', async (_name, status, code, delivery) => {
      const { body, headers } = delivery();
      const answer = await send(webhookUrl, {
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const problem = expectProblem(answer, status, code);
      expect(String(problem.detail)).not.toMatch(/retry/i);
    });
  });
});
