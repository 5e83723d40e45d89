import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@ebp/eventing';
import { currentCorrelationId, type Identity } from '@ebp/platform';

/** A caller's command: a fresh id, the request's correlation id, community data's classification. */
export function commandContextFor(identity: Identity, now: Date): CommandContext {
  const correlationId = currentCorrelationId();
  return {
    commandId: randomUUID(),
    actor: identity.actor,
    now,
    classification: 'OFFICIAL-SENSITIVE',
    ...(correlationId ? { correlationId } : {}),
  };
}
