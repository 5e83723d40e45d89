import { parseContract, partners } from '@ebp/contracts';
import { reactionContextFor, type StoredEvent } from '@ebp/eventing';
import type { ProjectCommands } from '../project.handler';
import { ProjectNotFound } from '../project.errors';

const PUBLISHED = 'partners.outcome.published';

/**
 * A policy: an outcome the partners service published (after moderation) is reported on the
 * project's record, once per submission. Redelivery stores nothing new: the command id is the
 * partners event's id and the decider reports each submission once. An outcome for a project the
 * register does not hold is not reported.
 */
export async function reportPartnerOutcome(
  event: StoredEvent,
  projects: ProjectCommands,
): Promise<'reported' | 'ignored'> {
  if (event.type !== PUBLISHED) return 'ignored';
  const published = parseContract(PUBLISHED, partners.partnersEventData[PUBLISHED], event.data);
  const { outcome } = published;
  try {
    await projects.execute(
      outcome.projectId,
      {
        type: 'report-partner-outcome',
        outcome: {
          submissionId: published.submissionId,
          organisationId: published.organisationId,
          kind: outcome.kind,
          title: outcome.title,
          ...(outcome.doi ? { doi: outcome.doi } : {}),
          ...(outcome.url ? { url: outcome.url } : {}),
          publishedOn: outcome.publishedOn,
        },
      },
      reactionContextFor(event, 'partners'),
    );
    return 'reported';
  } catch (error) {
    if (error instanceof ProjectNotFound) return 'ignored';
    throw error;
  }
}
