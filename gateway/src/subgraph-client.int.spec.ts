// The gateway's HTTP client for subgraphs against a real Node HTTP server: connections are kept
// alive and reused while busy, and dropped when idle before the server would close them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphClient, type SubgraphClient } from './subgraph-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('subgraph HTTP client', () => {
  let server: Server;
  let url: string;
  /** The client's port of the connection each request came on, in order. */
  let requestPorts: number[] = [];
  const closedPorts = new Set<number>();
  let client: SubgraphClient | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requestPorts.push(request.socket.remotePort ?? 0);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { echo: body, identity: request.headers['x-id'] } }));
      });
    });
    // Node's default, and what the subgraphs run with (it tells clients `Keep-Alive: timeout=5`).
    server.keepAliveTimeout = 5_000;
    server.on('connection', (socket) => {
      const port = socket.remotePort ?? 0;
      socket.on('close', () => closedPorts.add(port));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  beforeEach(() => {
    requestPorts = [];
  });

  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  const post = (body: string) =>
    client!.fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-id': 'vic' },
      body,
    });

  it('posts the body and headers and reads the JSON answer', async () => {
    client = subgraphClient();
    const response = await post('{"query":"{ a }"}');
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    await expect(response.json()).resolves.toEqual({
      data: { echo: '{"query":"{ a }"}', identity: 'vic' },
    });
  });

  it('reuses its connections for requests in sequence', async () => {
    client = subgraphClient({ idleMs: 300 });
    for (let index = 0; index < 10; index += 1) await (await post('{}')).json();
    // undici's pool may open a second connection while the first is finishing a response.
    expect(new Set(requestPorts).size).toBeLessThanOrEqual(2);
  });

  it('lets an idle connection go before the server closes it, and opens a new one', async () => {
    client = subgraphClient({ idleMs: 100 });
    await (await post('{}')).json();
    await sleep(250); // past the client's idle time, before the server's keepAliveTimeout
    expect(closedPorts.has(requestPorts[0]!)).toBe(true);
    await (await post('{}')).json();
    expect(requestPorts[1]).not.toBe(requestPorts[0]);
  });
});
