import { createHash } from 'node:crypto';
import {
  UnknownTopicError,
  type Bus,
  type BusMessage,
  type ReceivedMessage,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from './bus';
import { deliver } from './delivery';

interface Member {
  readonly id: number;
  readonly options: SubscribeOptions;
  stopped: boolean;
}

interface Group {
  readonly committed: Map<string, number>;
  readonly members: Member[];
}

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * The bus inside one process (all-in-one mode), with Kafka's semantics: partitioned topics keyed
 * by message key, consumer groups sharing partitions, offsets committed only after delivery
 * succeeded, and the shared retry and dead-letter policy.
 */
export class InProcessBus implements Bus {
  private readonly topics = new Map<string, BusMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly waiters = new Set<() => void>();
  private nextMemberId = 1;
  private closed = false;

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic.name)) {
        this.topics.set(
          topic.name,
          Array.from({ length: Math.max(1, topic.partitions) }, () => []),
        );
      }
    }
    await Promise.resolve();
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new UnknownTopicError(topic);
    for (const message of messages) {
      const index =
        createHash('md5').update(message.key).digest().readUInt32BE(0) % partitions.length;
      partitions[index]!.push({
        key: message.key,
        value: message.value,
        headers: { ...message.headers },
      });
    }
    for (const wake of [...this.waiters]) wake();
    await Promise.resolve();
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await Promise.resolve();
    for (const topic of options.topics)
      if (!this.topics.has(topic)) throw new UnknownTopicError(topic);
    const group: Group = this.groups.get(options.groupId) ?? {
      committed: new Map<string, number>(),
      members: [],
    };
    this.groups.set(options.groupId, group);
    const member: Member = { id: this.nextMemberId++, options, stopped: false };
    group.members.push(member);
    const running = this.consume(group, member);
    return {
      stop: async () => {
        member.stopped = true;
        for (const wake of [...this.waiters]) wake();
        await running;
        group.members.splice(group.members.indexOf(member), 1);
      },
    };
  }

  async lag(groupId: string, topic: string): Promise<number> {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new UnknownTopicError(topic);
    const committed = this.groups.get(groupId)?.committed;
    await Promise.resolve();
    return partitions.reduce(
      (sum, messages, partition) =>
        sum + messages.length - (committed?.get(partitionKey(topic, partition)) ?? 0),
      0,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const group of this.groups.values())
      for (const member of group.members) member.stopped = true;
    for (const wake of [...this.waiters]) wake();
    await Promise.resolve();
  }

  /** The partitions of the member's topics it owns now: round-robin over the group's live members. */
  private assignment(group: Group, member: Member): { topic: string; partition: number }[] {
    const live = group.members.filter((candidate) => !candidate.stopped);
    const owned: { topic: string; partition: number }[] = [];
    let slot = 0;
    for (const topic of [
      ...new Set(live.flatMap((candidate) => candidate.options.topics)),
    ].sort()) {
      const count = this.topics.get(topic)?.length ?? 0;
      for (let partition = 0; partition < count; partition += 1) {
        const subscribers = live.filter((candidate) => candidate.options.topics.includes(topic));
        const owner = subscribers[slot++ % subscribers.length];
        if (owner === member) owned.push({ topic, partition });
      }
    }
    return owned;
  }

  private async consume(group: Group, member: Member): Promise<void> {
    let failures = 0;
    while (!member.stopped && !this.closed) {
      let progressed = false;
      for (const { topic, partition } of this.assignment(group, member)) {
        if (member.stopped) break;
        const key = partitionKey(topic, partition);
        const offset = group.committed.get(key) ?? 0;
        const stored = this.topics.get(topic)?.[partition]?.[offset];
        if (!stored) continue;
        const message: ReceivedMessage = { ...stored, topic, partition, offset: String(offset) };
        try {
          await deliver(message, member.options, (target, messages) =>
            this.publish(target, messages),
          );
          // Commit only if no other member committed this partition meanwhile (rebalance).
          if ((group.committed.get(key) ?? 0) === offset) group.committed.set(key, offset + 1);
          progressed = true;
          failures = 0;
        } catch {
          // The dead letter could not be written: leave the offset uncommitted and try again later.
          failures += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** failures, 2_000)));
        }
      }
      if (!progressed) await this.idle(50);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}
