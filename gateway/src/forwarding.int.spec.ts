// The gateway as the platform's one origin: the library's feed, the partner webhook and the JWKS
// forwarded to (or served for) the services behind it. The services here are plain HTTP servers
// that record what reaches them, so every byte and header the gateway forwards can be checked.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevelopmentIssuer } from '@ebp/platform';
import { Webhook } from 'standardwebhooks';
import { FORWARDED_BODY_LIMIT } from './forwarding';
import {
  listenForGateway,
  startGateway,
  type GatewayOptions,
  type RunningGateway,
} from './gateway-server';
import { serviceBase } from './public-routes';

const identitySecret = 'a-test-secret-that-is-at-least-32-characters-long';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Whether the whole request arrived (false: the connection ended first). */
  readonly complete: boolean;
}

type Answer = (received: Received, response: ServerResponse) => void;

const accept: Answer = (_received, response) => {
  response.statusCode = 202;
  response.setHeader('content-type', 'application/json');
  response.end('{"status":"accepted"}');
};

/** A stand-in for a service: records each request, answers as told (default 202 JSON). */
class FakeService {
  readonly received: Received[] = [];
  answer: Answer = accept;
  private readonly server: Server = createServer(
    (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      const record = (complete: boolean) => ({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
        complete,
      });
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = record(true);
        this.received.push(received);
        this.answer(received, response);
      });
      request.on('aborted', () => this.received.push(record(false)));
    },
  );

  static async start(): Promise<FakeService> {
    const service = new FakeService();
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

/**
 * A raw request, so that hop-by-hop headers, chunked bodies and unnormalised paths (`..`) can be
 * sent as any client could.
 */
function rawRequest(
  origin: string,
  path: string,
  options: { method: string; headers?: Record<string, string>; body?: Buffer[] },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const request = httpRequest({
      hostname,
      port,
      path,
      method: options.method,
      headers: options.headers ?? {},
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
    for (const chunk of options.body ?? []) request.write(chunk);
    request.end();
  });
}

describe('the gateway as the one public origin', () => {
  let issuer: DevelopmentIssuer;
  let partners: FakeService;
  let dissemination: FakeService;
  let identityProvider: FakeService;
  let gateway: RunningGateway;
  let production: RunningGateway;
  const gateways: RunningGateway[] = [];

  const optionsFor = (overrides: Partial<GatewayOptions> = {}): GatewayOptions => ({
    subgraphUrls: {
      register: 'http://127.0.0.1:9/graphql',
      community: 'http://127.0.0.1:9/graphql',
      partners: `${partners.base}/graphql`,
      dissemination: `${dissemination.base}/graphql`,
    },
    verifier: issuer.verifier(),
    identitySecret,
    port: 0,
    ...overrides,
  });
  const start = async (overrides: Partial<GatewayOptions> = {}) => {
    const started = await startGateway(optionsFor(overrides));
    gateways.push(started);
    return started;
  };

  beforeAll(async () => {
    issuer = await DevelopmentIssuer.create();
    [partners, dissemination, identityProvider] = await Promise.all([
      FakeService.start(),
      FakeService.start(),
      FakeService.start(),
    ]);
    gateway = await start({ developmentIssuer: issuer });
    production = await start({
      production: true,
      jwksUrl: `${identityProvider.base}/keys/jwks.json`,
    });
  });

  afterAll(async () => {
    for (const running of gateways) await running.stop();
    await Promise.all([partners.stop(), dissemination.stop(), identityProvider.stop()]);
  });

  beforeEach(() => {
    for (const service of [partners, dissemination, identityProvider]) {
      service.received.length = 0;
      service.answer = accept;
    }
  });

  it('forwards a signed partner webhook with its raw body and signature headers, so the service can verify it', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    // Whitespace, key order, escapes and non-ASCII text: any re-serialisation would break the signature.
    const body = Buffer.from(
      '{ "kind":"publication",\n  "title":"Hot spots \\u00e9t\u00e9 — 東京",  "n": 1.50 }\n',
    );
    const timestamp = Math.floor(Date.now() / 1000);
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const response = await fetch(`${gateway.origin}/webhooks/partners/cambridge/outcomes?v=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': new Webhook(secret).sign(id, new Date(timestamp * 1000), body),
        'idempotency-key': 'key-1',
        'x-correlation-id': 'corr-webhook-1',
      },
      body,
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'accepted' });
    expect(partners.received).toHaveLength(1);
    const [received] = partners.received;
    expect(received!.method).toBe('POST');
    expect(received!.url).toBe('/webhooks/partners/cambridge/outcomes?v=1');
    expect(received!.body.equals(body)).toBe(true);
    // What the partners service checks: the signature over the body exactly as the partner sent it.
    expect(() =>
      new Webhook(secret).verify(received!.body.toString('utf8'), {
        'webhook-id': String(received!.headers['webhook-id']),
        'webhook-timestamp': String(received!.headers['webhook-timestamp']),
        'webhook-signature': String(received!.headers['webhook-signature']),
      }),
    ).not.toThrow();
    expect(received!.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
      'x-correlation-id': 'corr-webhook-1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(gateway.origin).host,
      host: new URL(partners.base).host,
    });
    expect(received!.headers['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(dissemination.received).toEqual([]);
  });

  it('leaves hop-by-hop headers behind in both directions and extends the caller’s X-Forwarded-For', async () => {
    partners.answer = (_received, response) => {
      response.writeHead(202, {
        'content-type': 'application/json',
        'keep-alive': 'timeout=99',
        'x-service-private': 'hop',
        connection: 'x-service-private',
        'x-kept': 'end-to-end',
        'x-powered-by': 'Express',
      });
      response.end('{}');
    };
    const answer = await rawRequest(gateway.origin, '/webhooks/partners/cambridge/outcomes', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        connection: 'keep-alive, x-client-private',
        'x-client-private': 'hop',
        'proxy-authorization': 'Basic c2VjcmV0',
        te: 'trailers',
        upgrade: 'websocket',
        'x-forwarded-for': '203.0.113.7',
        'x-forwarded-proto': 'gopher',
      },
      body: [Buffer.from('{"a":'), Buffer.from('1}')], // chunked: no content-length
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['x-kept']).toBe('end-to-end');
    expect(answer.headers['x-service-private']).toBeUndefined();
    expect(answer.headers['x-powered-by']).toBeUndefined();
    expect(answer.headers['keep-alive']).not.toBe('timeout=99');
    const [received] = partners.received;
    expect(received!.body.toString()).toBe('{"a":1}');
    for (const name of ['x-client-private', 'proxy-authorization', 'te', 'upgrade'])
      expect([name, received!.headers[name]]).toEqual([name, undefined]);
    expect(received!.headers['x-forwarded-for']).toMatch(
      /^203\.0\.113\.7, (::ffff:)?127\.0\.0\.1$/,
    );
    expect(received!.headers['x-forwarded-proto']).toBe('http');
  });

  it('passes a service’s problem documents, statuses and content types through unchanged', async () => {
    const problem =
      '{"type":"about:blank","title":"Invalid webhook signature","status":401,"code":"INVALID_WEBHOOK_SIGNATURE","reason":"no-matching-signature"}';
    partners.answer = (_received, response) => {
      response.writeHead(401, {
        'content-type': 'application/problem+json',
        'cache-control': 'no-store',
      });
      response.end(problem);
    };
    const response = await fetch(`${gateway.origin}/webhooks/partners/cambridge/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(problem);
  });

  it('forwards the library feed, its query and HEAD, with the feed’s own content type', async () => {
    const atom =
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n';
    dissemination.answer = (_received, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      response.end(atom);
    };
    const feed = await fetch(`${gateway.origin}/feeds/library.atom?since=2026-01-01`, {
      // A route that needs no credentials passes none on.
      headers: { authorization: 'Bearer some-token', cookie: 'session=abc' },
    });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await feed.text()).toBe(atom);
    const head = await fetch(`${gateway.origin}/feeds/library.atom`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(dissemination.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /feeds/library.atom?since=2026-01-01',
      'HEAD /feeds/library.atom',
    ]);
    expect(dissemination.received[0]?.headers.authorization).toBeUndefined();
    expect(dissemination.received[0]?.headers.cookie).toBeUndefined();
  });

  it('rebuilds the forwarded path from the route: an encoded slash or dot segment stays inside the partner id', async () => {
    await fetch(`${gateway.origin}/webhooks/partners/..%2Fgraphql/outcomes`, {
      method: 'POST',
      body: '{}',
    });
    expect(partners.received.map(({ url }) => url)).toEqual([
      '/webhooks/partners/..%2Fgraphql/outcomes',
    ]);
  });

  it.each([
    ['GET', '/feeds/other.atom'],
    ['POST', '/feeds/library.atom'],
    ['GET', '/webhooks/partners/cambridge/outcomes'],
    ['POST', '/webhooks/partners/cambridge/other'],
    ['POST', '/webhooks/partners/cambridge/outcomes/../../graphql'],
    ['GET', '/health/other'],
  ])(
    'answers %s %s, which nothing serves, with a 404 problem and forwards nothing',
    async (method, path) => {
      const response = await rawRequest(gateway.origin, path, { method });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.body.toString())).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
      expect([...partners.received, ...dissemination.received]).toEqual([]);
    },
  );

  it('refuses a body over the limit with a 413 problem before the service sees it', async () => {
    const response = await fetch(`${gateway.origin}/webhooks/partners/cambridge/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(FORWARDED_BODY_LIMIT + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 413,
      code: 'REQUEST_TOO_LARGE',
      detail: `The body is larger than the ${FORWARDED_BODY_LIMIT} bytes this endpoint accepts`,
    });
    expect(partners.received).toEqual([]);
  });

  it('refuses a chunked body once it passes the limit, and the service never gets a whole request', async () => {
    const small = await start({ forwarding: { bodyLimit: 1_000 } });
    const answer = await rawRequest(small.origin, '/webhooks/partners/cambridge/outcomes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: [Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)],
    }).catch((error: unknown) => ({ error }));
    // Either the 413 arrives, or the connection closes while the client is still sending.
    if ('status' in answer) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 'REQUEST_TOO_LARGE' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(partners.received.filter((received) => received.complete)).toEqual([]);
  });

  it('answers 502 when the service cannot be reached and 504 when it answers too slowly, as problems', async () => {
    const unreachable = await start({
      subgraphUrls: { ...optionsFor().subgraphUrls, dissemination: 'http://127.0.0.1:9/graphql' },
    });
    const down = await fetch(`${unreachable.origin}/feeds/library.atom`);
    expect(down.status).toBe(502);
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    expect(await down.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });

    const impatient = await start({ forwarding: { timeoutMs: 100 } });
    dissemination.answer = (_received, response) => {
      setTimeout(() => response.end(), 1_000);
    };
    const slow = await fetch(`${impatient.origin}/feeds/library.atom`);
    expect(slow.status).toBe(504);
    expect(await slow.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });

  it('ends the caller’s answer when the service dies in the middle of its own', async () => {
    dissemination.answer = (_received, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': '1000' });
      response.write('<?xml version="1.0"?><feed');
      setTimeout(() => response.socket?.destroy(), 50);
    };
    const feed = await fetch(`${gateway.origin}/feeds/library.atom`);
    expect(feed.status).toBe(200);
    await expect(feed.text()).rejects.toThrow();
  });

  it('serves the development issuer’s JWKS, and forwards to the identity provider’s without one', async () => {
    const development = await fetch(`${gateway.origin}/.well-known/jwks.json`);
    expect(development.status).toBe(200);
    expect(development.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await development.json()).toEqual(issuer.jwks);

    identityProvider.answer = (_received, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'max-age=300',
      });
      response.end(JSON.stringify(issuer.jwks));
    };
    const forwarded = await fetch(`${production.origin}/.well-known/jwks.json`);
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.get('cache-control')).toBe('max-age=300');
    expect(await forwarded.json()).toEqual(issuer.jwks);
    expect(identityProvider.received.map(({ url }) => url)).toEqual(['/keys/jwks.json']);

    const none = await start();
    expect((await fetch(`${none.origin}/.well-known/jwks.json`)).status).toBe(404);
  });

  it('answers /health/ready from what stands behind it', async () => {
    let ready = false;
    const checked = await start({ ready: () => Promise.resolve(ready) });
    expect((await fetch(`${checked.origin}/health/ready`)).status).toBe(503);
    ready = true;
    expect((await fetch(`${checked.origin}/health/ready`)).status).toBe(200);
    expect((await fetch(`${checked.origin}/health/live`)).status).toBe(200);
  });

  it('binds its port before it serves: port 0 gives the chosen port, and until then only liveness answers', async () => {
    const listener = await listenForGateway({ port: 0 });
    expect(listener.port).toBeGreaterThan(0);
    const origin = `http://127.0.0.1:${listener.port}`;
    const early = await fetch(`${origin}/feeds/library.atom`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(await early.json()).toMatchObject({ code: 'STARTING' });
    expect((await fetch(`${origin}/health/live`)).status).toBe(200);
    expect((await fetch(`${origin}/health/ready`)).status).toBe(503);

    const served = await start({ listener });
    expect(served.origin).toBe(origin);
    expect(served.port).toBe(listener.port);
    expect((await fetch(`${origin}/health/ready`)).status).toBe(200);
  });

  it('takes each service’s base from its subgraph URL', () => {
    expect(serviceBase('http://ebp-partners:4000/graphql')).toBe('http://ebp-partners:4000');
    expect(serviceBase('https://mesh.example/partners/graphql/')).toBe(
      'https://mesh.example/partners',
    );
    expect(serviceBase('http://127.0.0.1:4003')).toBe('http://127.0.0.1:4003');
  });
});
