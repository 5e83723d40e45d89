import { randomUUID } from 'node:crypto';
import { PROJECT_AUDIENCE_EVENT, readerKey } from '@ebp/access';
import type { EntityAudience } from '@ebp/contracts';
import type { EventFeed, EventStore } from '@ebp/eventing';

/**
 * A stand-in for the register's log in tests: it appends `register.project.audience-changed` as
 * the register does whenever who may read a project changes, so that the community (fed from this
 * store) knows which projects exist and who may see them.
 */
export class RegisterAudiences {
  private readonly revisions = new Map<string, number>();

  constructor(readonly store: EventStore) {}

  /** The feed the community reads (all-in-one: the register's store). */
  get feed(): EventFeed {
    return { kind: 'store', store: this.store };
  }

  /** The project is OFFICIAL: every member of staff may read it. */
  official(projectId: string): Promise<void> {
    return this.publish(projectId, 'OFFICIAL', [readerKey.everyone]);
  }

  /** The project is OFFICIAL-SENSITIVE: these cleared people (and the committee, admins) only. */
  sensitive(projectId: string, personIds: readonly string[], extra: readonly string[] = []) {
    return this.publish(projectId, 'OFFICIAL_SENSITIVE', [
      ...personIds.map(readerKey.person),
      readerKey.role('committee'),
      readerKey.role('admin'),
      ...extra,
    ]);
  }

  async publish(
    projectId: string,
    classification: EntityAudience['classification'],
    readers: readonly string[],
  ): Promise<void> {
    const revision = (this.revisions.get(projectId) ?? 0) + 1;
    this.revisions.set(projectId, revision);
    const data: EntityAudience = {
      entityId: projectId,
      classification,
      readers: [...readers],
      revision,
    };
    await this.store.append(
      `project:${projectId}`,
      [
        {
          id: randomUUID(),
          type: PROJECT_AUDIENCE_EVENT,
          schemaVersion: 1,
          data,
          metadata: {
            correlationId: randomUUID(),
            causationId: null,
            actor: { kind: 'service', id: 'register' },
            recordedAt: new Date().toISOString(),
            classification,
          },
        },
      ],
      { expectedVersion: 'any' },
    );
  }
}
