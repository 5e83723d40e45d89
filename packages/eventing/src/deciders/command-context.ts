import { randomUUID } from 'node:crypto';
import type { Actor, Classification } from '@ebp/contracts';
import { currentCorrelationId } from '@ebp/platform';
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
