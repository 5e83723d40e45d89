import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, type Dispatcher } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * Subgraph servers are Node HTTP servers with the default keepAliveTimeout of 5 s. Idle
 * connections are dropped well before that, so a request is never sent down a connection the
 * server is closing (the race Apollo's default agent lost under load).
 */
export const SUBGRAPH_IDLE_MS = 4_000;

export interface SubgraphClientOptions {
  /** How long an idle connection is kept for reuse; keep it below the servers' keepAliveTimeout. */
  readonly idleMs?: number;
  /** Connections per subgraph origin; requests beyond it queue. */
  readonly connectionsPerOrigin?: number;
}

/** The HTTP client the gateway's subgraph data sources share: keep-alive, no pipelining. */
export interface SubgraphClient {
  readonly fetcher: Fetcher;
  close(): Promise<void>;
}

type RawHeaders = Record<string, string | string[] | undefined>;

/** Read access to a response's headers as Apollo reads them (content type, cache control). */
class ReceivedHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  constructor(raw: RawHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined)
        this.byName.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.byName.get(key);
    this.byName.set(key, current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
  keys(): IterableIterator<string> {
    return this.byName.keys();
  }
  values(): IterableIterator<string> {
    return this.byName.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}

/** A response whose body has been read whole: GraphQL answers are consumed whole anyway. */
class ReceivedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly bodyUsed = true;
  readonly ok: boolean;
  readonly statusText: string;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: ReceivedHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }
  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.body) as unknown);
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body);
    return Promise.resolve(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  }
  clone(): FetcherResponse {
    return new ReceivedResponse(this.url, this.status, this.headers, this.body);
  }
}

/**
 * An undici Agent (one keep-alive pool per subgraph origin) behind Apollo's fetcher interface.
 * It skips the WHATWG Request/Response objects of fetch, and builds no stack trace per request.
 */
export function subgraphClient(options: SubgraphClientOptions = {}): SubgraphClient {
  const idleMs = options.idleMs ?? SUBGRAPH_IDLE_MS;
  const agent = new Agent({
    keepAliveTimeout: idleMs,
    // A server's Keep-Alive hint may shorten the idle time, never lengthen it past ours.
    keepAliveMaxTimeout: idleMs,
    // One request at a time per connection: no head-of-line blocking behind a slow resolver.
    pipelining: 1,
    ...(options.connectionsPerOrigin ? { connections: options.connectionsPerOrigin } : {}),
  });
  // A data source always posts to the same URL: parse it once.
  const targets = new Map<string, { readonly origin: string; readonly path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  const fetcher: Fetcher = async (url, init = {}) => {
    const { origin, path } = targetOf(url);
    const response: Dispatcher.ResponseData = await agent.request({
      origin,
      path,
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      body: init.body ?? null,
    });
    const body = await response.body.text();
    return new ReceivedResponse(
      url,
      response.statusCode,
      new ReceivedHeaders(response.headers),
      body,
    );
  };
  return { fetcher, close: () => agent.close() };
}
