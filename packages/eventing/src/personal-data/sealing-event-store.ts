import type { EventEnvelope } from '@ebp/contracts';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store/event-store';
import type { LogPosition } from '../event-store/log-position';
import type { PersonalData } from './personal-data';

/** Which fields of an event type are personal, and whose. */
export interface PersonalFields {
  readonly subject: (data: Record<string, unknown>) => string;
  readonly fields: readonly string[];
}

export type PersonalDataPolicy = Readonly<Record<string, PersonalFields>>;

/**
 * An event store that seals personal fields on the way in and opens them on the way out. Command
 * handling works with it (deciders see plain values); everything that copies events elsewhere —
 * the outbox relay, projections that keep sealed values, backups — reads the inner store, so the
 * personal fields leave the service only as ciphertext under the subject's key.
 */
export class SealingEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly personal: PersonalData,
    private readonly policy: PersonalDataPolicy,
  ) {}

  private async sealed(event: EventEnvelope): Promise<EventEnvelope> {
    const rule = this.policy[event.type];
    if (!rule) return event;
    const subject = rule.subject(event.data);
    return {
      ...event,
      data: await this.personal.sealFields(subject, event.data, rule.fields, event.id),
    };
  }

  private async opened(event: StoredEvent): Promise<StoredEvent> {
    if (!this.policy[event.type]) return event;
    return { ...event, data: (await this.personal.openAll(event.data)) as Record<string, unknown> };
  }

  async append(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const sealed = await Promise.all(events.map((event) => this.sealed(event)));
    return this.inner.append(streamId, sealed, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const events = await this.inner.readStream(streamId, options);
    return Promise.all(events.map((event) => this.opened(event)));
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const events = await this.inner.readAll(options);
    return Promise.all(events.map((event) => this.opened(event)));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  countAfter(position?: LogPosition, upTo?: LogPosition): Promise<number> {
    return this.inner.countAfter(position, upTo);
  }

  headPosition(): Promise<LogPosition | undefined> {
    return this.inner.headPosition();
  }
}
