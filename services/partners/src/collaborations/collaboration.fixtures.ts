import {
  CommandHandler,
  SqlCheckpointStore,
  SqlDocumentStore,
  createProjectionProcessor,
  liveCollection,
  type EventStore,
  type SqlClient,
} from '@ebp/eventing';
import type { partners } from '@ebp/contracts';
import { collaborationDecider, collaborationStreamId } from './collaboration.decider';
import { collaborations } from './projections/collaborations.projection';

/**
 * Test set-up: links each organisation to its project (as a researcher would) and projects the
 * collaborations, returning the read model the outcome intake consults.
 */
export async function linkedPartners(
  sql: SqlClient,
  store: EventStore,
  links: readonly (readonly [organisationId: string, projectId: string])[],
  role: partners.Collaboration['role'] = 'evaluator',
) {
  const documents = await SqlDocumentStore.open(sql);
  const handler = new CommandHandler(store, collaborationDecider);
  for (const [organisationId, projectId] of links)
    await handler.handle(
      collaborationStreamId(projectId, organisationId),
      {
        type: 'start',
        collaboration: {
          projectId,
          partner: { kind: 'organisation', id: organisationId },
          role,
          from: '2026-04-01',
        },
        by: 'person-rae',
      },
      {
        commandId: `link-${organisationId}-${projectId}`,
        actor: { kind: 'person', id: 'person-rae' },
        now: new Date(),
        classification: 'OFFICIAL',
      },
    );
  await createProjectionProcessor(
    store,
    await SqlCheckpointStore.open(sql),
    documents,
    collaborations,
  ).catchUp();
  return () => liveCollection(documents, collaborations);
}
