import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { bodyErrorProblem, sendProblem, silentLogger, type Logger } from '@ebp/platform';

/**
 * The largest body the gateway forwards: the partner webhook's own limit (1 MB, the same figure
 * as the gateway's GraphQL limit), so the gateway never takes in more than the service would.
 */
export const FORWARDED_BODY_LIMIT = 1024 * 1024;
/** How long the gateway waits for a service to start answering a forwarded request. */
export const FORWARDED_TIMEOUT_MS = 30_000;

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded in
 * either direction. `host` is the service's own, `expect` was answered here (Node sends the
 * 100 Continue), and `content-length` of a chunked message is recomputed by Node.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The header names a message's `Connection` header lists: hop-by-hop for this message too. */
function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const listed = headers.connection;
  return new Set(
    (Array.isArray(listed) ? listed.join(',') : (listed ?? ''))
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token !== ''),
  );
}

/** A message's end-to-end headers: hop-by-hop ones, and those its `Connection` names, left out. */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = connectionTokens(headers);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** The headers a forwarded request carries: the caller's end-to-end ones and X-Forwarded-*. */
function forwardedRequestHeaders(
  request: IncomingMessage,
  withoutCredentials: boolean,
): OutgoingHttpHeaders {
  const headers = endToEndHeaders(request.headers);
  delete headers.host;
  delete headers.expect;
  if (withoutCredentials) {
    delete headers.authorization;
    delete headers.cookie;
  }
  // For: the chain the caller sent (informative only), then the address the gateway saw.
  // Proto and Host: what the gateway itself saw; it cannot tell a proxy's values from a caller's.
  // The services build no link from them: links use the configured public URL.
  const client = request.socket.remoteAddress ?? 'unknown';
  const chain = request.headers['x-forwarded-for'];
  const earlier = Array.isArray(chain) ? chain.join(', ') : chain;
  headers['x-forwarded-for'] = earlier ? `${earlier}, ${client}` : client;
  headers['x-forwarded-proto'] = (request.socket as Partial<TLSSocket>).encrypted
    ? 'https'
    : 'http';
  if (request.headers.host) headers['x-forwarded-host'] = request.headers.host;
  else delete headers['x-forwarded-host'];
  return headers;
}

export interface ForwardOptions {
  /** The largest body forwarded, in bytes (default 1 MB); a larger one is refused with 413. */
  readonly bodyLimit?: number;
  /** How long to wait for the service's answer to begin (default 30 s); then 504. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  /**
   * Leave the caller's credentials (`Authorization`, `Cookie`) behind: for a route that needs
   * none, so the service never sees a token it has no business with.
   */
  readonly withoutCredentials?: boolean;
}

const tooLarge = (limit: number) =>
  bodyErrorProblem(
    Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
      limit,
    }),
  )!;

/** Refuses a body over the limit and closes the connection: the rest of it is not read. */
function refuse(response: ServerResponse, limit: number): void {
  response.setHeader('connection', 'close');
  sendProblem(response, tooLarge(limit));
}

/**
 * Forwards one request to `target` (a full URL: the service's path and query) and streams its
 * answer back: the body unchanged and uncopied (a signed webhook's signature is over the raw
 * bytes), the status, the end-to-end headers both ways (Standard Webhooks' `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`, `Idempotency-Key`, the correlation id; the answer's
 * content type, problem documents included), and `X-Forwarded-For`, `-Proto` and `-Host`. A body
 * over the limit is refused with 413 (a declared length before anything is sent on); a service
 * that does not answer is a 502 problem, one that answers too slowly a 504, never an HTML page.
 */
export function forward(
  request: IncomingMessage,
  response: ServerResponse,
  target: URL,
  options: ForwardOptions = {},
): void {
  const limit = options.bodyLimit ?? FORWARDED_BODY_LIMIT;
  const logger = options.logger ?? silentLogger;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse(response, limit);
    return;
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, {
    method: request.method,
    headers: forwardedRequestHeaders(request, options.withoutCredentials ?? false),
  });
  let settled = false;
  const fail = (status: 502 | 504, error?: unknown) => {
    if (settled) return;
    settled = true;
    upstream.destroy();
    logger.warn('forwarded request failed', {
      target: `${target.origin}${target.pathname}`,
      status,
      error,
    });
    if (response.headersSent) {
      response.destroy(); // the answer is cut short; the caller sees the connection end
      return;
    }
    sendProblem(
      response,
      status === 504
        ? {
            status,
            title: 'Gateway timeout',
            detail: 'The service behind this path did not answer in time; try again shortly',
            code: 'UPSTREAM_TIMEOUT',
          }
        : {
            status,
            title: 'Bad gateway',
            detail: 'The service behind this path could not be reached; try again shortly',
            code: 'UPSTREAM_UNAVAILABLE',
          },
    );
  };
  upstream.setTimeout(options.timeoutMs ?? FORWARDED_TIMEOUT_MS, () => fail(504));
  upstream.on('error', (error) => fail(502, error));
  upstream.on('response', (answer) => {
    if (settled) {
      answer.resume();
      return;
    }
    settled = true;
    upstream.setTimeout(0);
    const headers = endToEndHeaders(answer.headers);
    delete headers['x-powered-by']; // the gateway names no server software, nor a service's
    response.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(response);
    // A service that dies mid-answer: the caller must not wait for an end that never comes.
    answer.on('close', () => {
      if (!answer.complete) response.destroy();
    });
  });
  // The caller went away: so does the forwarded request.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });

  // The body, chunk by chunk as it arrives, counted against the limit (a chunked body declares
  // no length); backpressure from the service pauses the caller.
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    if (received > limit || upstream.destroyed) return;
    received += chunk.length;
    if (received <= limit) {
      if (!upstream.write(chunk)) {
        request.pause();
        upstream.once('drain', () => request.resume());
      }
      return;
    }
    request.pause();
    if (settled) {
      // The service has answered already: the answer finishes, then the connection closes
      // rather than the rest of the body being read.
      if (response.writableFinished) request.socket.destroy();
      else response.once('finish', () => request.socket.destroy());
      return;
    }
    settled = true;
    upstream.destroy();
    refuse(response, limit);
  });
  request.on('end', () => {
    if (received <= limit && !upstream.destroyed) upstream.end();
  });
  request.on('error', () => upstream.destroy());
}
