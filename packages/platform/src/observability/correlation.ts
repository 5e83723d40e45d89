import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The request a piece of work belongs to, carried across awaits without threading it by hand. */
const correlation = new AsyncLocalStorage<string>();

export const CORRELATION_HEADER = 'x-correlation-id';

/** A caller's correlation id is kept only if it is short and plain; otherwise a new one is made. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}

export function withCorrelation<T>(correlationId: string, work: () => T): T {
  return correlation.run(correlationId, work);
}

export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}
