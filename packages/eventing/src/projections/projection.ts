import type {
  DocumentBody,
  DocumentCollection,
  DocumentStore,
  GuardedWrite,
} from '../documents/document-store';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import { LOG_START } from '../event-store/log-position';
import type { SqlCheckpointStore } from '../processors/checkpoint-store';
import { EventProcessor, type EventProcessorOptions } from '../processors/event-processor';

/**
 * A read model defined as `evolve(doc | null, event) → doc | null`: which events it handles, which
 * document each event changes, and how. Pure, so a replay gives the same result as live updates.
 */
export interface ProjectionDefinition<Body extends DocumentBody> {
  /** Readers use this name; it is an alias for the collection of the live version. */
  readonly name: string;
  /** A changed evolve is a new version, rebuilt into a new collection beside the old one. */
  readonly version: number;
  readonly handles: readonly string[];
  readonly documentId: (event: StoredEvent) => string | undefined;
  readonly evolve: (current: Body | null, event: StoredEvent) => Body | null;
}

export function projectionCollectionName(
  definition: Pick<ProjectionDefinition<DocumentBody>, 'name' | 'version'>,
): string {
  return `${definition.name}_v${definition.version}`;
}

export function projectionProcessorName(
  definition: Pick<ProjectionDefinition<DocumentBody>, 'name' | 'version'>,
): string {
  return `projection:${definition.name}:v${definition.version}`;
}

/**
 * Applies a batch of events in order. The documents it touches are read in one round trip, each
 * folded in memory over the events newer than its stored position, and written back in one more,
 * compare-and-set on the position read. A document another writer moved meanwhile is redone
 * event by event with guarded single writes. Either way, redelivered events change nothing.
 */
export async function applyEvents<Body extends DocumentBody>(
  definition: ProjectionDefinition<Body>,
  collection: DocumentCollection<Body>,
  events: readonly StoredEvent[],
): Promise<void> {
  const byDocument = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (!definition.handles.includes(event.type)) continue;
    const id = definition.documentId(event);
    if (id === undefined) continue;
    const documentEvents = byDocument.get(id);
    if (documentEvents) documentEvents.push(event);
    else byDocument.set(id, [event]);
  }
  if (byDocument.size === 0) return;
  const stored = await collection.getMany([...byDocument.keys()]);
  const writes: GuardedWrite<Body>[] = [];
  for (const [id, documentEvents] of byDocument) {
    const current = stored.get(id);
    const newer = documentEvents.filter(
      (event) => current === undefined || event.position > current.position,
    );
    const last = newer.at(-1);
    if (!last) continue;
    const body = newer.reduce<Body | null>(
      (state, event) => definition.evolve(state, event),
      current?.body ?? null,
    );
    writes.push({ id, position: last.position, body, expected: current?.position });
  }
  const { conflicts } = await collection.writeMany(writes);
  for (const id of conflicts) {
    for (const event of byDocument.get(id) ?? []) {
      await collection.evolveAt(id, event.position, (state) => definition.evolve(state, event));
    }
  }
}

/** The projection's version as a processor writing into its own versioned collection. */
export function createProjectionProcessor<Body extends DocumentBody>(
  store: EventStore,
  checkpoints: SqlCheckpointStore,
  documents: DocumentStore,
  definition: ProjectionDefinition<Body>,
  options: Partial<Omit<EventProcessorOptions, 'name' | 'handle'>> = {},
): EventProcessor {
  const collectionName = projectionCollectionName(definition);
  const collection = documents.collection<Body>(collectionName);
  return new EventProcessor(store, checkpoints, {
    ...options,
    name: projectionProcessorName(definition),
    handle: (events) => applyEvents(definition, collection, events),
    // A raised version replays into its own collection while readers keep the older one; once
    // it has caught up with the log, readers switch to it.
    onCaughtUp: async () => {
      const target = await documents.resolveAlias(definition.name);
      const targetVersion = target === undefined ? undefined : aliasedVersion(definition, target);
      if (targetVersion !== undefined && targetVersion < definition.version)
        await documents.setAlias(definition.name, collectionName);
    },
  });
}

/** The version of this projection an alias target holds, when it is one of its own collections. */
function aliasedVersion(
  definition: Pick<ProjectionDefinition<DocumentBody>, 'name'>,
  target: string,
): number | undefined {
  const match = /_v(\d+)$/.exec(target);
  if (!match?.[1] || target !== `${definition.name}_v${match[1]}`) return undefined;
  return Number(match[1]);
}

/**
 * The collection readers should use now: the alias target, or the definition's own version when
 * there is no alias or it names a newer version (code rolled back reads what its own version
 * keeps up to date, not a collection nobody writes any more).
 */
export async function liveCollection<Body extends DocumentBody>(
  documents: DocumentStore,
  definition: ProjectionDefinition<Body>,
): Promise<DocumentCollection<Body>> {
  const target = await documents.resolveAlias(definition.name);
  const targetVersion = target === undefined ? undefined : aliasedVersion(definition, target);
  if (target === undefined || (targetVersion ?? 0) > definition.version)
    return documents.collection<Body>(projectionCollectionName(definition));
  return documents.collection<Body>(target);
}

export interface RebuildProgress {
  readonly projection: string;
  readonly done: number;
  /** Events in the log when the rebuild started, plus any appended since that it has reached. */
  readonly total: number;
  readonly eventsPerSecond: number;
  readonly elapsedMs: number;
}

export interface RebuildReport extends RebuildProgress {
  readonly collection: string;
  readonly previousCollection: string | undefined;
}

/**
 * Blue/green rebuild: replays the whole log into the definition's versioned collection (emptied
 * first) while readers keep using the alias, reports progress after every batch, and switches the
 * alias once the replay has caught up with the log. The previous collection is left for the
 * operator to drop.
 */
/**
 * Events a rebuild reads and applies at a time. A rebuild replays the whole log, and each batch
 * costs a few round trips to the document store whatever its size (read the touched documents,
 * write them, move the checkpoint), so larger batches spread that over more events.
 */
export const REBUILD_BATCH_SIZE = 5_000;

export async function rebuildProjection<Body extends DocumentBody>(
  store: EventStore,
  checkpoints: SqlCheckpointStore,
  documents: DocumentStore,
  definition: ProjectionDefinition<Body>,
  options: {
    readonly batchSize?: number;
    readonly onProgress?: (progress: RebuildProgress) => void;
  } = {},
): Promise<RebuildReport> {
  const collectionName = projectionCollectionName(definition);
  const previousCollection = await documents.resolveAlias(definition.name);
  await documents.collection(collectionName).drop();
  await checkpoints.reset(projectionProcessorName(definition), LOG_START);
  const started = Date.now();
  let total = await store.countAfter(LOG_START);
  let done = 0;
  const progress = (): RebuildProgress => {
    const elapsedMs = Math.max(1, Date.now() - started);
    return {
      projection: definition.name,
      done,
      total: Math.max(total, done),
      eventsPerSecond: Math.round((done / elapsedMs) * 1000),
      elapsedMs,
    };
  };
  const processor = createProjectionProcessor(store, checkpoints, documents, definition, {
    batchSize: options.batchSize ?? REBUILD_BATCH_SIZE,
    onProgress: ({ handled }) => {
      done = handled;
      options.onProgress?.(progress());
    },
  });
  for (;;) {
    const outcome = await processor.processBatch();
    if (outcome.kind === 'standby')
      throw new Error(
        `Projection ${definition.name} v${definition.version} is being run by another instance`,
      );
    if (outcome.kind === 'idle') break;
  }
  await checkpoints.release(projectionProcessorName(definition), processor.instanceId);
  total = Math.max(total, done);
  await documents.setAlias(definition.name, collectionName);
  return { ...progress(), collection: collectionName, previousCollection };
}
