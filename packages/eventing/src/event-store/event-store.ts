import type { EventEnvelope } from '@ebp/contracts';
import type { LogPosition } from './log-position';

/**
 * What the writer believes the stream's version to be: `no_stream` (no events yet),
 * `stream_exists` (at least one event), `any` (no check), or the exact version (the number of
 * events in the stream; the first event is version 1).
 */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

/** An event as stored: the envelope plus its place in its stream and in the global log. */
export interface StoredEvent<Data = Record<string, unknown>> extends EventEnvelope<Data> {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: LogPosition;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  readonly streamVersion: number;
  readonly positions: readonly LogPosition[];
  /** True when every event id was already stored by an identical earlier append. */
  readonly alreadyStored: boolean;
}

export interface ReadStreamOptions {
  /** Only events at or before this global position (time travel by position). */
  readonly upTo?: LogPosition;
  /** Only events recorded at or before this instant (time travel by time). */
  readonly asOf?: Date;
  /** Only events from this stream version on. */
  readonly fromVersion?: number;
}

export interface ReadAllOptions {
  /** Events strictly after this position; omit to start at the beginning. */
  readonly after?: LogPosition;
  /** Events at or before this position. */
  readonly upTo?: LogPosition;
  readonly limit: number;
}

export interface EventStore {
  /** Appends atomically: all the events or none. Idempotent by event id. */
  append(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  /** The stream's events in version order, upcast to their current schema versions. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * Events in global order. Never returns an event while an earlier one (in that order) may still
   * be committed, so a reader that remembers the last position it saw never skips an event.
   */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** The stream's current version; 0 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** How many events are readable after a position (progress reports). */
  countAfter(position?: LogPosition, upTo?: LogPosition): Promise<number>;
  /** The last readable position, or undefined when the log is empty. */
  headPosition(): Promise<LogPosition | undefined>;
}
