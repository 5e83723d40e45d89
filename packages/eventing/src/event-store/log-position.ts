/**
 * A place in the event log's global order. The log is ordered by (writing transaction id,
 * sequence number), which is gap-safe: a reader only ever sees a prefix of that order (see
 * sql-event-store.ts). The two numbers are rendered zero-padded as one string, so positions
 * compare correctly as plain strings everywhere they are stored: checkpoints, read-model
 * documents (MongoDB or JSONB), Kafka headers.
 */
export type LogPosition = string & { readonly __brand: 'LogPosition' };

const DIGITS = 20;
const FORMAT = /^(\d{20})-(\d{20})$/;

export function logPosition(
  transactionId: bigint | string,
  sequence: bigint | string,
): LogPosition {
  return `${String(transactionId).padStart(DIGITS, '0')}-${String(sequence).padStart(DIGITS, '0')}` as LogPosition;
}

export function parseLogPosition(text: string): { transactionId: bigint; sequence: bigint } {
  const match = FORMAT.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`Not a log position: ${JSON.stringify(text)}`);
  return { transactionId: BigInt(match[1]), sequence: BigInt(match[2]) };
}

export function isLogPosition(text: unknown): text is LogPosition {
  return typeof text === 'string' && FORMAT.test(text);
}

export function assertLogPosition(text: string): asserts text is LogPosition {
  if (!isLogPosition(text)) throw new Error(`Not a log position: ${JSON.stringify(text)}`);
}

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Before every event: reading after it starts at the beginning of the log. */
export const LOG_START = logPosition(0n, 0n);
