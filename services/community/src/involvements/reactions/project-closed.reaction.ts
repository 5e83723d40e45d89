import type { DocumentCollection } from '@ebp/eventing';
import { COMMUNITY_CLASSIFICATION } from '../../access/community-classification';
import type { InvolvementCommands } from '../involvement.handler';
import type { InvolvementEntry } from '../projections/involvement.projection';

/** The register's events that close a project, and the reason they give its involvements. */
const CLOSING = {
  'register.project.completed': 'project_completed',
  'register.project.stopped': 'project_stopped',
  'register.project.withdrawn': 'project_withdrawn',
} as const;

/** Whether a register event closes a project (the others need no reaction). */
export const closesProject = (type: string): boolean => Object.hasOwn(CLOSING, type);

/** What the reaction needs of an event from the register, however it arrived (bus or store). */
export interface RegisterEventSeen {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly metadata: { readonly recordedAt: string; readonly correlationId: string };
}

/**
 * A policy: when the register closes a project, every open involvement in it ends, with the
 * project's reason and date. Redelivery is harmless: the command ids derive from the register
 * event's id, so a repeated delivery stores nothing new, and an ended involvement ignores it.
 */
export async function closeInvolvementsOfClosedProject(
  event: RegisterEventSeen,
  involvements: DocumentCollection<InvolvementEntry>,
  commands: InvolvementCommands,
): Promise<number> {
  const reason = CLOSING[event.type as keyof typeof CLOSING];
  if (!reason || !event.streamId.startsWith('project:')) return 0;
  const projectId = event.streamId.slice('project:'.length);
  const open = await involvements.find({ filter: { projectId, status: 'active' } });
  for (const { body } of open.items) {
    await commands.execute(
      {
        type: 'end',
        personId: body.personId,
        projectId,
        on: event.metadata.recordedAt.slice(0, 10),
        reason,
        by: 'system:community',
      },
      {
        commandId: `${event.id}/${body.personId}`,
        actor: { kind: 'system', id: 'community' },
        now: new Date(event.metadata.recordedAt),
        classification: COMMUNITY_CLASSIFICATION,
        correlationId: event.metadata.correlationId,
        causationId: event.id,
      },
    );
  }
  return open.items.length;
}
