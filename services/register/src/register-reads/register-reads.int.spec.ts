import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  SqlCheckpointStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  type CommandContext,
  type DocumentStore,
  type SqlClient,
} from '@ebp/eventing';
import { documentTargets, sqlTargets } from '@ebp/eventing/testing';
import { projectDecider } from '../projects/project.decider';
import { projectStreamId } from '../projects/project.handler';
import {
  COMMITTEE,
  LEAD,
  REVIEWER_A,
  aProposal,
  allMet,
  findings,
} from '../projects/project.fixtures';
import { projectSummaries } from '../projects/projections/project-summary.projection';
import { listProjects } from './register-queries';
import { registerAsOf } from './time-travel';

const [sqlTarget] = sqlTargets();

describe.each(documentTargets())(
  `register reads (${sqlTarget!.name} events, $name read model)`,
  (documentTarget) => {
    let sql: SqlClient;
    let store: SqlEventStore;
    let documents: DocumentStore;
    let handler: CommandHandler<
      Parameters<typeof projectDecider.decide>[0],
      Parameters<typeof projectDecider.evolve>[1],
      ReturnType<typeof projectDecider.initialState>
    >;

    const on = (day: string, by = LEAD): CommandContext => ({
      commandId: randomUUID(),
      actor: { kind: 'person', id: by },
      now: new Date(`${day}T12:00:00Z`),
      classification: 'OFFICIAL',
    });

    beforeAll(async () => {
      sql = await sqlTarget!.create();
      store = await SqlEventStore.open(sql);
      documents = await documentTarget.create();
      handler = new CommandHandler(store, projectDecider);

      // p-hotspot runs its whole lifecycle; p-bwv is approved; p-knife is withdrawn; p-secret is sensitive.
      await handler.handle(
        projectStreamId('p-hotspot'),
        { type: 'propose', projectId: 'p-hotspot', proposal: aProposal(), by: LEAD },
        on('2026-01-10'),
      );
      await handler.handle(
        projectStreamId('p-hotspot'),
        { type: 'submit', by: LEAD },
        on('2026-01-20'),
      );
      await handler.handle(
        projectStreamId('p-hotspot'),
        {
          type: 'record-review',
          by: REVIEWER_A,
          verdict: 'meets_standards',
          checklist: allMet,
          comments: 'Sound.',
        },
        on('2026-02-01', REVIEWER_A),
      );
      await handler.handle(
        projectStreamId('p-hotspot'),
        {
          type: 'decide',
          decision: 'approve',
          by: COMMITTEE,
          reasons: 'A clear force priority, a sound design.',
        },
        on('2026-02-15', COMMITTEE),
      );
      await handler.handle(
        projectStreamId('p-hotspot'),
        { type: 'start', by: LEAD, today: '2026-04-01' },
        on('2026-04-01'),
      );
      await handler.handle(
        projectStreamId('p-hotspot'),
        { type: 'complete', by: LEAD, findings: findings(['Antisocial behaviour']) },
        on('2026-09-30'),
      );

      const bwv = aProposal({
        title: 'Body-worn video and complaints',
        summary: 'Does wearing body-worn video reduce complaints against officers?',
        plannedSmsLevel: 2,
        methods: ['before-after'],
        owningUnit: 'North Area BCU',
        priorityIds: ['priority-trust'],
        ebpLevel: 'tactical',
      });
      await handler.handle(
        projectStreamId('p-bwv'),
        { type: 'propose', projectId: 'p-bwv', proposal: bwv, by: LEAD },
        on('2026-02-01'),
      );
      await handler.handle(
        projectStreamId('p-bwv'),
        { type: 'submit', by: LEAD },
        on('2026-02-02'),
      );
      await handler.handle(
        projectStreamId('p-bwv'),
        {
          type: 'record-review',
          by: REVIEWER_A,
          verdict: 'meets_standards',
          checklist: allMet,
          comments: 'Fine.',
        },
        on('2026-02-03', REVIEWER_A),
      );
      await handler.handle(
        projectStreamId('p-bwv'),
        {
          type: 'decide',
          decision: 'approve',
          by: COMMITTEE,
          reasons: 'Useful for the trust priority.',
        },
        on('2026-03-01', COMMITTEE),
      );

      await handler.handle(
        projectStreamId('p-knife'),
        {
          type: 'propose',
          projectId: 'p-knife',
          proposal: aProposal({ title: 'Knife arches at stations', plannedSmsLevel: 4 }),
          by: LEAD,
        },
        on('2026-03-01'),
      );
      await handler.handle(
        projectStreamId('p-knife'),
        { type: 'withdraw', by: LEAD, reason: 'Duplicates a national study.' },
        on('2026-03-05'),
      );

      await handler.handle(
        projectStreamId('p-secret'),
        {
          type: 'propose',
          projectId: 'p-secret',
          proposal: aProposal({
            title: 'Covert tactics evaluation',
            classification: 'OFFICIAL_SENSITIVE',
          }),
          by: LEAD,
        },
        on('2026-03-10'),
      );
      await handler
        .handle(
          'p-hotspot',
          { type: 'report-progress', by: LEAD, summary: 'Ignored: already completed.' },
          on('2026-10-01'),
        )
        .catch(() => undefined);

      const checkpoints = await SqlCheckpointStore.open(sql);
      const projector = createProjectionProcessor(store, checkpoints, documents, projectSummaries);
      await projector.catchUp();
      await projector.stop();
    });

    afterAll(async () => {
      await documents.close();
      await sql.close();
    });

    const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id).sort();

    it('projects each project with its status, dates and flags', async () => {
      const projects = await liveCollection(documents, projectSummaries);
      const hotspot = (await projects.get('p-hotspot'))?.body;
      expect(hotspot).toMatchObject({
        status: 'completed',
        proposedAt: '2026-01-10T12:00:00.000Z',
        submittedAt: '2026-01-20T12:00:00.000Z',
        decidedAt: '2026-02-15T12:00:00.000Z',
        startedOn: '2026-04-01',
        completedAt: '2026-09-30T12:00:00.000Z',
        reviews: [{ reviewerId: REVIEWER_A, verdict: 'meets_standards' }],
        outcomeSwitching: true,
        effectDirection: 'positive',
        achievedSmsLevel: 3,
      });
    });

    it.each([
      ['status', { status: ['approved' as const] }, ['p-bwv']],
      ['priority', { priorityId: 'priority-trust' }, ['p-bwv']],
      ['unit', { owningUnit: 'North Area BCU' }, ['p-bwv']],
      ['EBP level', { ebpLevel: 'organisational' as const }, ['p-hotspot', 'p-knife', 'p-secret']],
      ['SMS range', { smsLevel: { min: 3, max: 3 } }, ['p-hotspot', 'p-secret']],
      ['method', { method: 'before-after' }, ['p-bwv']],
      ['classification', { classification: 'OFFICIAL_SENSITIVE' as const }, ['p-secret']],
      ['text, every word', { text: 'BODY-WORN complaints' }, ['p-bwv']],
      ['text with no match', { text: 'drones' }, []],
    ])('filters the register by %s', async (_label, filter, expected) => {
      const result = await listProjects(await liveCollection(documents, projectSummaries), {
        filter,
      });
      expect(ids(result)).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it('sorts and pages', async () => {
      const projects = await liveCollection(documents, projectSummaries);
      const first = await listProjects(projects, {
        sort: { by: 'title', direction: 'asc' },
        limit: 2,
      });
      const second = await listProjects(projects, {
        sort: { by: 'title', direction: 'asc' },
        limit: 2,
        offset: 2,
      });
      expect([...first.items, ...second.items].map((item) => item.body.title)).toEqual([
        'Body-worn video and complaints',
        'Covert tactics evaluation',
        'Hot-spot policing in the night-time economy',
        'Knife arches at stations',
      ]);
      expect(first.total).toBe(4);
      // The graph's snake_case sort values sort by the read model's fields.
      const bySms = await listProjects(projects, {
        sort: { by: 'planned_sms_level', direction: 'desc' },
      });
      const levels = bySms.items.map((item) => item.body.plannedSmsLevel);
      expect(levels).toEqual([...levels].sort((a, b) => b - a));
      expect(new Set(levels).size).toBeGreaterThan(1);
    });

    it('rebuilds the register as it stood on any date', async () => {
      const march = await registerAsOf(store, new Date('2026-03-02T00:00:00Z'));
      expect(march.map((project) => [project.projectId, project.status])).toEqual([
        ['p-bwv', 'approved'],
        ['p-hotspot', 'approved'],
        ['p-knife', 'proposed'],
      ]);
      const january = await registerAsOf(store, new Date('2026-01-31T23:59:59Z'));
      expect(january.map((project) => [project.projectId, project.status])).toEqual([
        ['p-hotspot', 'submitted'],
      ]);
      // The live model and a replay to now agree.
      const now = await registerAsOf(store, new Date('2030-01-01T00:00:00Z'));
      const live = await listProjects(await liveCollection(documents, projectSummaries), {
        limit: 100,
        sort: { by: 'title', direction: 'asc' },
      });
      expect(Object.fromEntries(now.map((project) => [project.projectId, project]))).toEqual(
        Object.fromEntries(live.items.map((item) => [item.id, item.body])),
      );
    });
  },
);
