import { randomUUID } from 'node:crypto';
import { highestClassification, type Actor, type Classification } from '@ebp/contracts';
import { currentCorrelationId } from '@ebp/platform';
import type { StoredEvent } from '../event-store/event-store';
import type { CommandContext } from './command-handler';

/**
 * A command's context from the request that causes it: the actor, a fresh command id (or a
 * derived one, for idempotent reactions), and the request's correlation id, so that the logs and
 * the events of one request join up.
 */
export function commandContextFor(
  actor: Actor,
  now: Date,
  classification: Classification,
  commandId: string = randomUUID(),
): CommandContext {
  const correlationId = currentCorrelationId();
  return {
    commandId,
    actor,
    now,
    classification,
    ...(correlationId ? { correlationId } : {}),
  };
}

/**
 * A command's context when it reacts to another service's event: the event's id as command id (so
 * a redelivery stores nothing new), the other service as actor, the event's time, correlation and
 * causation, and at least the event's classification: what a reaction records of an event is as
 * sensitive as the event.
 */
export function reactionContextFor(
  event: StoredEvent,
  service: string,
  classification: Classification = 'OFFICIAL',
  /** When one event causes several commands: each its own id, derived from the event's. */
  commandId: string = event.id,
): CommandContext {
  return {
    commandId,
    actor: { kind: 'service', id: service },
    now: new Date(event.metadata.recordedAt),
    classification: highestClassification(classification, event.metadata.classification),
    correlationId: event.metadata.correlationId,
    causationId: event.id,
  };
}
