import { parseContract, partners } from '@ebp/contracts';
import { reactionContextFor, type StoredEvent } from '@ebp/eventing';
import type { ProjectCommands } from '../project.handler';
import { ProjectNotFound } from '../project.errors';

const STARTED = 'partners.collaboration.started';
const ENDED = 'partners.collaboration.ended';

/**
 * A policy: a partner organisation that works on a project may read it, through its own
 * collaborations (DESIGN.md §1, decision 0019). The partners service's collaborations become the
 * project's partner organisations, and so part of its published audience. Redelivery changes
 * nothing: the command id is the partners event's id and the decider records each organisation
 * once. A collaboration on a project the register does not hold is ignored.
 */
export async function followPartnerCollaboration(
  event: StoredEvent,
  projects: ProjectCommands,
): Promise<'recorded' | 'ignored'> {
  const command = commandOf(event);
  if (!command) return 'ignored';
  try {
    await projects.execute(
      command.projectId,
      command.command,
      reactionContextFor(event, 'partners'),
    );
    return 'recorded';
  } catch (error) {
    if (error instanceof ProjectNotFound) return 'ignored';
    throw error;
  }
}

function commandOf(event: StoredEvent) {
  if (event.type === STARTED) {
    const { collaboration } = parseContract(
      STARTED,
      partners.partnersEventData[STARTED],
      event.data,
    );
    if (collaboration.partner.kind !== 'organisation') return undefined;
    return {
      projectId: collaboration.projectId,
      command: {
        type: 'record-partner-joined',
        organisationId: collaboration.partner.id,
        since: collaboration.from,
      } as const,
    };
  }
  if (event.type === ENDED) {
    const ended = parseContract(ENDED, partners.partnersEventData[ENDED], event.data);
    return {
      projectId: ended.projectId,
      command: {
        type: 'record-partner-left',
        organisationId: ended.partnerId,
        on: ended.on,
      } as const,
    };
  }
  return undefined;
}
