import { createHash, randomUUID } from 'node:crypto';
import { InvalidProjectInput } from './project.errors';

const KEY = /^[\x21-\x7e]{8,200}$/;

/**
 * A new project's id, made by the server so that no id can be chosen to probe for a hidden
 * project (decision 0019). With the client's idempotency key it is derived from the caller and
 * the key, so the same retried request names the same project and nobody else's key can reach it.
 */
export function newProjectId(actorId: string, idempotencyKey?: string): string {
  if (idempotencyKey === undefined) return `project-${randomUUID().replaceAll('-', '')}`;
  if (!KEY.test(idempotencyKey))
    throw new InvalidProjectInput(
      'An idempotency key is 8 to 200 printable characters without spaces (a UUID will do)',
    );
  const digest = createHash('sha256').update(`${actorId}\u0000${idempotencyKey}`).digest('hex');
  return `project-${digest.slice(0, 32)}`;
}
