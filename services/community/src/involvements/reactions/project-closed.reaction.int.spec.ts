import { randomUUID } from 'node:crypto';
import {
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { InvolvementCommands, involvementStreamId } from '../involvement.handler';
import { involvementDocumentId, involvements } from '../projections/involvement.projection';
import { closeInvolvementsOfClosedProject } from './project-closed.reaction';

describe.each(sqlTargets())(
  'closing involvements when the register closes a project, on $name',
  (target) => {
    let sql: SqlClient;

    beforeAll(async () => {
      sql = await target.create();
    });

    afterAll(async () => {
      await sql.close();
    });

    it('ends every open involvement once, however often the event is delivered', async () => {
      const store = await SqlEventStore.open(sql);
      const documents = await SqlDocumentStore.open(sql);
      const projector = createProjectionProcessor(
        store,
        await SqlCheckpointStore.open(sql),
        documents,
        involvements,
      );
      const commands = new InvolvementCommands(store);
      const projectId = `project-${randomUUID()}`;
      const context = () => ({
        commandId: randomUUID(),
        actor: { kind: 'person' as const, id: 'person-lead' },
        now: new Date('2026-04-01T09:00:00Z'),
        classification: 'OFFICIAL' as const,
      });
      for (const [personId, role] of [
        ['p-alex', 'analyst'],
        ['p-sam', 'researcher'],
        ['p-kim', 'adviser'],
      ] as const)
        await commands.execute(
          { type: 'join', personId, projectId, role, from: '2026-04-01', by: 'person-lead' },
          context(),
        );
      await commands.execute(
        {
          type: 'end',
          personId: 'p-kim',
          projectId,
          on: '2026-06-01',
          reason: 'left',
          by: 'p-kim',
        },
        context(),
      );
      await projector.catchUp();

      const completed = {
        id: randomUUID(),
        type: 'register.project.completed',
        streamId: `project:${projectId}`,
        metadata: { recordedAt: '2027-03-31T16:00:00.000Z', correlationId: randomUUID() },
      };
      const collection = await liveCollection(documents, involvements);
      expect(await closeInvolvementsOfClosedProject(completed, collection, commands)).toBe(2);
      // Redelivered before the read model caught up: the same command ids store nothing new.
      expect(await closeInvolvementsOfClosedProject(completed, collection, commands)).toBe(2);
      await projector.catchUp();
      // Redelivered after: nothing is open any more.
      expect(await closeInvolvementsOfClosedProject(completed, collection, commands)).toBe(0);

      const entry = async (personId: string) =>
        (await collection.get(involvementDocumentId(personId, projectId)))?.body;
      expect(await entry('p-alex')).toMatchObject({
        status: 'ended',
        endedOn: '2027-03-31',
        endReason: 'project_completed',
      });
      expect(await entry('p-sam')).toMatchObject({
        status: 'ended',
        endReason: 'project_completed',
      });
      expect(await entry('p-kim')).toMatchObject({
        status: 'ended',
        endedOn: '2026-06-01',
        endReason: 'left',
      });
      const alexEvents = await store.readStream(involvementStreamId('p-alex', projectId));
      expect(alexEvents.map((event) => event.type)).toEqual([
        'community.involvement.joined',
        'community.involvement.ended',
      ]);
      expect(alexEvents[1]?.metadata.causationId).toBe(completed.id);
      // Who was involved in which project is personal data: OFFICIAL-SENSITIVE, as every
      // community event is, though the register's event that closed the project was OFFICIAL.
      expect(alexEvents[1]?.metadata.classification).toBe('OFFICIAL_SENSITIVE');
      // Events of other kinds, or of other streams, are not the reaction's business.
      expect(
        await closeInvolvementsOfClosedProject(
          { ...completed, type: 'register.project.started' },
          collection,
          commands,
        ),
      ).toBe(0);
    });
  },
);
