import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CORRELATION_HEADER,
  correlationIdFrom,
  withCorrelation,
} from '../observability/correlation';
import type { Logger } from '../observability/logger';

type Next = (error?: unknown) => void;

/**
 * Gives every request a correlation id (the caller's, if it sent a plain one), returns it in the
 * response, makes it current for everything the request causes, and logs the request's outcome.
 */
export function correlateRequests(logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    withCorrelation(correlationId, () => {
      response.on('finish', () => {
        const path = (request.url ?? '').split('?')[0];
        if (path?.startsWith('/health')) return;
        withCorrelation(correlationId, () =>
          logger.info('request', {
            method: request.method,
            path,
            status: response.statusCode,
            durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          }),
        );
      });
      next();
    });
  };
}

export interface HealthChecks {
  /** Ready to serve: engines reachable, read models caught up at start. */
  readonly ready: () => Promise<boolean>;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

/** `GET /health/live` (the process answers) and `GET /health/ready` (it can do its work). */
export function healthEndpoints(service: string, checks: HealthChecks) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || (path !== '/health/live' && path !== '/health/ready')) {
      next();
      return;
    }
    if (path === '/health/live') {
      reply(response, 200, { status: 'live', service });
      return;
    }
    checks.ready().then(
      (ready) =>
        reply(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', service }),
      () => reply(response, 503, { status: 'not-ready', service }),
    );
  };
}
