import type { DocumentStore } from '../documents/document-store';
import type { StoredEvent } from '../event-store/event-store';
import { LOG_START } from '../event-store/log-position';
import { SqlEventStore } from '../event-store/sql-event-store';
import { SqlCheckpointStore } from '../processors/checkpoint-store';
import type { SqlClient } from '../sql/sql-client';
import { documentTargets } from '../testing/document-targets';
import { testEvent } from '../testing/events';
import { sqlTargets } from '../testing/sql-targets';
import {
  createProjectionProcessor,
  liveCollection,
  projectionProcessorName,
  rebuildProjection,
  type ProjectionDefinition,
  type RebuildProgress,
} from './projection';

interface Summary {
  title: string;
  renames: number;
  label?: string;
}

const summaries = (version: number, label?: string): ProjectionDefinition<Summary> => ({
  name: 'project-summaries',
  version,
  handles: ['test.project.proposed', 'test.project.renamed', 'test.project.withdrawn'],
  documentId: (event) => event.streamId,
  evolve: (current, event) => {
    switch (event.type) {
      case 'test.project.proposed':
        return { title: String(event.data.title), renames: 0, ...(label ? { label } : {}) };
      case 'test.project.renamed':
        return current
          ? { ...current, title: String(event.data.title), renames: current.renames + 1 }
          : null;
      case 'test.project.withdrawn':
        return null;
      default:
        return current;
    }
  },
});

/** The read model computed independently, by folding every event in memory. */
function replayInMemory(
  definition: ProjectionDefinition<Summary>,
  events: readonly StoredEvent[],
): Map<string, Summary> {
  const documents = new Map<string, Summary>();
  for (const event of events) {
    if (!definition.handles.includes(event.type)) continue;
    const next = definition.evolve(documents.get(event.streamId) ?? null, event);
    if (next) documents.set(event.streamId, next);
    else documents.delete(event.streamId);
  }
  return documents;
}

const [sqlTarget] = sqlTargets();

describe.each(documentTargets())(
  `Projections from ${sqlTarget!.name} into $name`,
  (documentTarget) => {
    let sql: SqlClient;
    let store: SqlEventStore;
    let checkpoints: SqlCheckpointStore;
    let documents: DocumentStore;

    beforeAll(async () => {
      sql = await sqlTarget!.create();
      store = await SqlEventStore.open(sql);
      checkpoints = await SqlCheckpointStore.open(sql);
      documents = await documentTarget.create();
      for (let index = 0; index < 40; index += 1) {
        const streamId = `project-${index}`;
        const events = [
          testEvent({ type: 'test.project.proposed', data: { title: `Project ${index}` } }),
        ];
        for (let rename = 0; rename < index % 4; rename += 1) {
          events.push(
            testEvent({
              type: 'test.project.renamed',
              data: { title: `Project ${index} (rev ${rename + 1})` },
            }),
          );
        }
        if (index % 10 === 9) events.push(testEvent({ type: 'test.project.withdrawn' }));
        events.push(testEvent({ type: 'test.other.ignored' }));
        await store.append(streamId, events, { expectedVersion: 'no_stream' });
      }
    });

    afterAll(async () => {
      await documents.close();
      await sql.close();
    });

    async function readModel(
      definition: ProjectionDefinition<Summary>,
    ): Promise<Map<string, Summary>> {
      const collection = await liveCollection(documents, definition);
      const { items } = await collection.find({ limit: 1_000 });
      return new Map(items.map((item) => [item.id, item.body]));
    }

    it('builds the read model live, equal to a full replay, and replaying it again changes nothing', async () => {
      const definition = summaries(1);
      const processor = createProjectionProcessor(store, checkpoints, documents, definition, {
        batchSize: 17,
      });
      await processor.catchUp();
      await processor.stop();
      const expected = replayInMemory(definition, await store.readAll({ limit: 10_000 }));
      expect(expected.size).toBe(36);
      expect(await readModel(definition)).toEqual(expected);

      // Redeliver everything (a consumer group reset): every write is skipped by its position guard.
      await checkpoints.reset(projectionProcessorName(definition), LOG_START);
      const again = createProjectionProcessor(store, checkpoints, documents, definition);
      await again.catchUp();
      await again.stop();
      expect(await readModel(definition)).toEqual(expected);
    });

    it('rebuilds a new version beside the live one, reports progress, and switches when caught up', async () => {
      const v1 = summaries(1);
      const v2 = summaries(2, 'rebuilt');
      await documents.setAlias(v1.name, 'project-summaries_v1');
      const liveBefore = await readModel(v1);

      const reports: RebuildProgress[] = [];
      const report = await rebuildProjection(store, checkpoints, documents, v2, {
        batchSize: 25,
        onProgress: (progress) => {
          reports.push(progress);
        },
      });
      const eventCount = await store.countAfter(LOG_START);
      expect(report).toMatchObject({
        collection: 'project-summaries_v2',
        previousCollection: 'project-summaries_v1',
        done: eventCount,
        total: eventCount,
      });
      expect(reports.length).toBeGreaterThan(3);
      expect(reports.map((progress) => progress.done)).toEqual(
        [...reports.map((progress) => progress.done)].sort((a, b) => a - b),
      );
      expect(
        reports.every(
          (progress) => progress.total >= progress.done && progress.eventsPerSecond >= 0,
        ),
      ).toBe(true);

      const rebuilt = await readModel(v2);
      expect(await documents.resolveAlias('project-summaries')).toBe('project-summaries_v2');
      expect(rebuilt).toEqual(replayInMemory(v2, await store.readAll({ limit: 10_000 })));
      expect([...rebuilt.values()].every((summary) => summary.label === 'rebuilt')).toBe(true);
      // The old version is untouched, for readers that had not switched yet and for rollback.
      const old = await documents
        .collection<Summary>('project-summaries_v1')
        .find({ limit: 1_000 });
      expect(new Map(old.items.map((item) => [item.id, item.body]))).toEqual(liveBefore);
    });

    it('serves a raised version once its live processor has caught up, not before, and not a newer version after a rollback', async () => {
      // The service ran version 3 until now: readers follow the alias to it.
      const v3 = summaries(3, 'third');
      await rebuildProjection(store, checkpoints, documents, v3);
      expect(await documents.resolveAlias(v3.name)).toBe('project-summaries_v3');
      const beforeRaise = await readModel(v3);

      // Deployed with version 4: until its processor reaches the end of the log, readers keep v3.
      const v4 = summaries(4, 'fourth');
      expect(await readModel(v4)).toEqual(beforeRaise);
      const processor = createProjectionProcessor(store, checkpoints, documents, v4, {
        batchSize: 10,
      });
      await processor.processBatch();
      expect(await documents.resolveAlias(v4.name)).toBe('project-summaries_v3');
      await processor.catchUp();
      await processor.stop();
      expect(await documents.resolveAlias(v4.name)).toBe('project-summaries_v4');
      const served = await readModel(v4);
      expect(served).toEqual(replayInMemory(v4, await store.readAll({ limit: 10_000 })));
      expect([...served.values()].every((summary) => summary.label === 'fourth')).toBe(true);

      // Rolled back to version 3: its readers read what its own processor keeps, and its
      // processor leaves the newer alias alone.
      const rolledBack = createProjectionProcessor(store, checkpoints, documents, v3);
      await rolledBack.catchUp();
      await rolledBack.processBatch();
      await rolledBack.stop();
      expect(await documents.resolveAlias(v3.name)).toBe('project-summaries_v4');
      expect([...(await readModel(v3)).values()].every((s) => s.label === 'third')).toBe(true);
    });
  },
);
