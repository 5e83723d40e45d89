import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  createProjectionProcessor,
  liveCollection,
  type CommandContext,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { projectDecider, type ProjectCommand } from '../projects/project.decider';
import { projectStreamId } from '../projects/project.handler';
import { LEAD, REVIEWER_A, REVIEWER_B, aProposal, allMet } from '../projects/project.fixtures';
import { projectSummaries } from '../projects/projections/project-summary.projection';
import { projectRecord } from './project-record';

const [sqlTarget] = sqlTargets();

describe(`reviews of an amended design on the read side (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let documents: SqlDocumentStore;

  const on = (day: string, by = LEAD): CommandContext => ({
    commandId: randomUUID(),
    actor: { kind: 'person', id: by },
    now: new Date(`${day}T12:00:00Z`),
    classification: 'OFFICIAL',
  });
  const review = (by: string): ProjectCommand => ({
    type: 'record-review',
    by,
    verdict: 'meets_standards',
    checklist: allMet,
    comments: 'Sound design.',
  });
  const amend = (
    changes: Extract<ProjectCommand, { type: 'amend' }>['changes'],
  ): ProjectCommand => ({
    type: 'amend',
    by: LEAD,
    justification: 'The comparison sites could not be matched in time.',
    changes,
  });

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    store = await SqlEventStore.open(sql);
    documents = await SqlDocumentStore.open(sql);
    const handler = new CommandHandler(store, projectDecider);
    const run = (command: ProjectCommand, day: string, by = LEAD) =>
      handler.handle(projectStreamId('p-amended'), command, on(day, by));

    await run(
      { type: 'propose', projectId: 'p-amended', proposal: aProposal(), by: LEAD },
      '2026-01-05',
    );
    await run({ type: 'submit', by: LEAD }, '2026-01-06');
    await run(review(REVIEWER_A), '2026-01-10', REVIEWER_A);
    // A change of title leaves the review current; SMS 3 → 2 makes it a review of an earlier design.
    await run(amend({ title: 'Hot-spot patrols in the night-time economy' }), '2026-01-12');
    await run(amend({ plannedSmsLevel: 2 }), '2026-01-15');
    await run(review(REVIEWER_B), '2026-01-20', REVIEWER_B);

    const checkpoints = await SqlCheckpointStore.open(sql);
    const projector = createProjectionProcessor(store, checkpoints, documents, projectSummaries);
    await projector.catchUp();
    await projector.stop();
  });

  afterAll(async () => {
    await sql.close();
  });

  it('marks a review of a design since amended as not current, in the record and the summary', async () => {
    const record = await projectRecord(store, 'p-amended');
    expect(record?.reviews.map(({ reviewerId, current }) => ({ reviewerId, current }))).toEqual([
      { reviewerId: REVIEWER_A, current: false },
      { reviewerId: REVIEWER_B, current: true },
    ]);
    expect(record?.summary.reviews).toEqual([
      { reviewerId: REVIEWER_A, verdict: 'meets_standards', current: false },
      { reviewerId: REVIEWER_B, verdict: 'meets_standards', current: true },
    ]);
    // The live read model and the fold of the stream agree.
    const live = await (await liveCollection(documents, projectSummaries)).get('p-amended');
    expect(live?.body.reviews).toEqual(record?.summary.reviews);
  });

  it('shows the review as current as the register stood before the design was amended', async () => {
    const beforeSms = await projectRecord(store, 'p-amended', new Date('2026-01-13T00:00:00Z'));
    expect(beforeSms?.reviews.map(({ reviewerId, current }) => ({ reviewerId, current }))).toEqual([
      { reviewerId: REVIEWER_A, current: true },
    ]);
    expect(beforeSms?.summary.reviews).toEqual([
      { reviewerId: REVIEWER_A, verdict: 'meets_standards', current: true },
    ]);
  });
});
