import { auditResponses, involvements, personDirectory } from '@ebp/community';
import {
  deliveries,
  learningNetworks,
  libraryItems,
  masterClasses,
  subscriptions,
} from '@ebp/dissemination';
import {
  MongoDocumentStore,
  SqlCheckpointStore,
  SqlDocumentStore,
  rebuildProjection,
  type DocumentBody,
  type DocumentStore,
  type ProjectionDefinition,
  type RebuildProgress,
  type RebuildReport,
} from '@ebp/eventing';
import {
  academics,
  agreements,
  collaborations,
  engagements,
  organisations,
  outcomes,
  quarantine,
} from '@ebp/partners';
import type { PlatformConfig } from '@ebp/platform';
import { prioritySummaries, projectSummaries } from '@ebp/register';
import { openServiceLog, type ServiceName } from './service-log';

/** Every read model projected from a service's own log, by the name readers use. */
const PROJECTIONS: Readonly<Record<ServiceName, readonly ProjectionDefinition<DocumentBody>[]>> = {
  register: [projectSummaries, prioritySummaries],
  community: [personDirectory, involvements, auditResponses],
  partners: [
    organisations,
    academics,
    agreements,
    collaborations,
    outcomes,
    quarantine,
    engagements,
  ],
  dissemination: [libraryItems, deliveries, masterClasses, learningNetworks, subscriptions],
} as Record<ServiceName, readonly ProjectionDefinition<DocumentBody>[]>;

export function projectionNames(): string[] {
  return Object.values(PROJECTIONS).flatMap((definitions) => definitions.map((d) => d.name));
}

function projectionNamed(name: string): {
  service: ServiceName;
  definition: ProjectionDefinition<DocumentBody>;
} {
  for (const [service, definitions] of Object.entries(PROJECTIONS) as [
    ServiceName,
    readonly ProjectionDefinition<DocumentBody>[],
  ][]) {
    const definition = definitions.find((candidate) => candidate.name === name);
    if (definition) return { service, definition };
  }
  throw new Error(
    `No projection ${JSON.stringify(name)}; there are: ${projectionNames().join(', ')}`,
  );
}

/**
 * `ebp projections rebuild <name>`: replays the service's log into the projection's versioned
 * collection and switches readers to it when caught up (blue/green, in the kit). Read models live
 * in the service's database when embedded, in MongoDB when distributed. The projection's own
 * projector must not be running (stop the platform, or the service's processes).
 */
export async function rebuildNamedProjection(
  config: PlatformConfig,
  name: string,
  onProgress: (progress: RebuildProgress) => void,
): Promise<RebuildReport> {
  const { service, definition } = projectionNamed(name);
  // Projectors read the log as written (the community's personal fields sealed).
  const log = await openServiceLog(config, service, { sealed: true });
  let documents: DocumentStore | undefined;
  try {
    documents =
      config.mode === 'distributed'
        ? await MongoDocumentStore.connect(config.mongo.url, config.mongo.database)
        : await SqlDocumentStore.open(log.sql);
    return await rebuildProjection(
      log.store,
      await SqlCheckpointStore.open(log.sql),
      documents,
      definition,
      { onProgress },
    );
  } finally {
    if (config.mode === 'distributed') await documents?.close();
    await log.close();
  }
}
