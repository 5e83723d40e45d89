import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { correlateRequests, healthEndpoints } from '../http/request-middleware';
import { withCorrelation } from './correlation';
import { createLogger } from './logger';

describe('structured logs', () => {
  it('writes one JSON object per line with level, service, correlation id and fields', () => {
    const lines: string[] = [];
    const logger = createLogger({
      service: 'register',
      level: 'info',
      write: (line) => lines.push(line),
    });
    logger.debug('not written below the level');
    withCorrelation('req-1', () =>
      logger.child({ component: 'projector' }).info('caught up', { events: 3 }),
    );
    const error = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    logger.error('cannot reach the store', { error });
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of parsed) expect(new Date(String(line.time)).toISOString()).toBe(line.time);
    expect(parsed.map(({ time: _time, ...rest }) => rest)).toEqual([
      {
        level: 'info',
        service: 'register',
        message: 'caught up',
        correlationId: 'req-1',
        component: 'projector',
        events: 3,
      },
      {
        level: 'error',
        service: 'register',
        message: 'cannot reach the store',
        error: { name: 'Error', message: 'refused', code: 'ECONNREFUSED' },
      },
    ]);
    expect(lines.join('\n')).not.toMatch(/at .*\.ts/); // no stack traces
  });
});

describe('request middleware', () => {
  let server: Server;
  let base: string;
  const lines: string[] = [];
  let ready = true;

  beforeAll(async () => {
    const logger = createLogger({ service: 'test', write: (line) => lines.push(line) });
    const correlate = correlateRequests(logger);
    const health = healthEndpoints('test', { ready: () => Promise.resolve(ready) });
    server = createServer((request, response) =>
      correlate(request, response, () =>
        health(request, response, () => {
          logger.info('handling');
          response.end('ok');
        }),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('keeps a plain correlation id from the caller, replaces an unsafe one, and logs the request', async () => {
    const kept = await fetch(`${base}/graphql`, { headers: { 'x-correlation-id': 'abc-123' } });
    expect(kept.headers.get('x-correlation-id')).toBe('abc-123');
    const replaced = await fetch(`${base}/graphql`, {
      headers: { 'x-correlation-id': 'bad id with spaces\u00e9' },
    });
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((line) => line.correlationId === 'abc-123')).toEqual([
      expect.objectContaining({ message: 'handling' }),
      expect.objectContaining({ message: 'request', method: 'GET', path: '/graphql', status: 200 }),
    ]);
  });

  it('answers liveness always and readiness from its check', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${base}/health/ready`)).json()).toEqual({
      status: 'ready',
      service: 'test',
    });
    ready = false;
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not-ready', service: 'test' });
  });
});
