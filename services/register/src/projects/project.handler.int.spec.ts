import { randomUUID } from 'node:crypto';
import {
  SqlCheckpointStore,
  SqlDocumentStore,
  SqlEventStore,
  WrongExpectedVersionError,
  createProjectionProcessor,
  liveCollection,
  type CommandContext,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets, testEvent } from '@ebp/eventing/testing';
import { readableBy } from '@ebp/access';
import { IllegalProjectTransition } from './project.errors';
import { COMMITTEE, LEAD, REVIEWER_A, aProposal, allMet } from './project.fixtures';
import {
  ProjectCommands,
  projectAsOf,
  projectHistory,
  projectStreamId,
  publishMissingAudiences,
} from './project.handler';
import { projectSummaries } from './projections/project-summary.projection';

const [sqlTarget] = sqlTargets();

describe(`project commands on ${sqlTarget!.name}`, () => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let commands: ProjectCommands;
  let catchUp: () => Promise<void>;
  let documents: SqlDocumentStore;

  const on = (day: string, by = LEAD): CommandContext => ({
    commandId: randomUUID(),
    actor: { kind: 'person', id: by },
    now: new Date(`${day}T09:00:00Z`),
    classification: 'OFFICIAL',
  });

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    store = await SqlEventStore.open(sql);
    documents = await SqlDocumentStore.open(sql);
    const checkpoints = await SqlCheckpointStore.open(sql);
    const projector = createProjectionProcessor(store, checkpoints, documents, projectSummaries);
    catchUp = async () => void (await projector.catchUp());
    commands = new ProjectCommands(store, () => liveCollection(documents, projectSummaries));
  });

  afterAll(async () => {
    await sql.close();
  });

  it('warns of similar existing projects when a project is proposed', async () => {
    const first = await commands.propose('p-1', aProposal(), on('2026-01-05'));
    expect(first.similar).toEqual([]);
    await catchUp();
    const second = await commands.propose(
      'p-2',
      aProposal({
        title: 'Hotspot patrols in the night time economy',
        summary:
          'Does visible patrolling at busy late-night hot spots reduce violence with injury?',
      }),
      on('2026-01-06'),
    );
    expect(second.similar.map((match) => match.projectId)).toEqual(['p-1']);
    expect(second.similar[0]?.score).toBeGreaterThan(0.5);
  });

  it('chooses the five closest among the projects the proposer may read', async () => {
    const nightTime = (n: number, classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE') =>
      aProposal({
        title: `Hot-spot patrols in the night-time economy, borough ${n}`,
        summary: 'Does visible patrolling of late-night hot spots reduce violence with injury?',
        classification,
      });
    for (const n of [3, 4, 5, 6])
      await commands.propose(`p-${n}`, nightTime(n, 'OFFICIAL'), on('2026-01-06'));
    // The closest of all, and hidden from an uncleared proposer.
    await commands.propose('p-hidden', nightTime(9, 'OFFICIAL_SENSITIVE'), on('2026-01-06'));
    await catchUp();
    const uncleared = readableBy({
      actor: { kind: 'person', id: 'person-rae' },
      roles: ['researcher'],
      clearances: ['OFFICIAL'],
    });
    const guess = await commands.propose(
      'p-guess',
      nightTime(9, 'OFFICIAL'),
      on('2026-01-07'),
      uncleared,
    );
    expect(guess.similar).toHaveLength(5);
    expect(guess.similar.map((match) => match.projectId)).not.toContain('p-hidden');
    await catchUp();
    const cleared = await commands.propose('p-guess-2', nightTime(9, 'OFFICIAL'), on('2026-01-07'));
    expect(cleared.similar.map((match) => match.projectId)).toContain('p-hidden');
  });

  it('publishes the audience of projects recorded before audiences were, once', async () => {
    // A proposal as the register stored it before it published audiences.
    await store.append(
      projectStreamId('p-legacy'),
      [
        testEvent({
          type: 'register.project.proposed',
          data: { projectId: 'p-legacy', proposal: aProposal(), proposedBy: LEAD },
        }),
      ],
      { expectedVersion: 'no_stream' },
    );
    await catchUp();
    const summaries = () => liveCollection(documents, projectSummaries);
    const now = () => new Date('2026-01-08T09:00:00Z');
    expect(await publishMissingAudiences(commands, await summaries(), now)).toBe(1);
    const types = (await store.readStream(projectStreamId('p-legacy'))).map((event) => event.type);
    expect(types).toEqual(['register.project.proposed', 'register.project.audience-changed']);
    await catchUp();
    expect(await publishMissingAudiences(commands, await summaries(), now)).toBe(0);
  });

  it('reports a concurrent edit as a conflict when the client states the version it saw', async () => {
    const seen = (await projectAsOf(store, 'p-1', new Date())).version;
    await commands.execute(
      'p-1',
      {
        type: 'amend',
        by: LEAD,
        justification: 'The partner asked for a later end.',
        changes: { plannedEnd: '2027-06-30' },
      },
      on('2026-01-07'),
      seen,
    );
    const stale = commands.execute(
      'p-1',
      {
        type: 'amend',
        by: 'person-other',
        justification: 'A different change on an old page.',
        changes: { owningUnit: 'North Area BCU' },
      },
      on('2026-01-07', 'person-other'),
      seen,
    );
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      expected: seen,
      actual: seen + 1,
    });
  });

  it('labels a project’s events as sensitive as the project was before and is after them', async () => {
    const labels = async () =>
      (await store.readStream(projectStreamId('p-restricted'))).map(
        (event) => `${event.type} ${event.metadata.classification}`,
      );
    await commands.propose('p-restricted', aProposal(), on('2026-02-01'));
    // The application labels a command as the project stood: OFFICIAL, before this amendment.
    await commands.execute(
      'p-restricted',
      {
        type: 'amend',
        by: LEAD,
        justification: 'It now concerns a covert operation',
        changes: { classification: 'OFFICIAL_SENSITIVE', needToKnow: [LEAD] },
      },
      on('2026-02-02'),
    );
    // A partner's findings, from an event the partners labelled OFFICIAL (their view lagged).
    await commands.execute(
      'p-restricted',
      {
        type: 'report-partner-outcome',
        outcome: {
          submissionId: 'cambridge.msg_9',
          organisationId: 'cambridge',
          kind: 'findings',
          title: 'Informant tasking and robbery',
          publishedOn: '2026-02-01',
        },
      },
      on('2026-02-03'),
    );
    // Released again: the release itself is labelled as the project was, what follows as it is.
    await commands.execute(
      'p-restricted',
      {
        type: 'amend',
        by: LEAD,
        justification: 'The operation has ended',
        changes: { classification: 'OFFICIAL' },
      },
      on('2026-02-04'),
    );
    await commands.execute('p-restricted', { type: 'submit', by: LEAD }, on('2026-02-05'));
    expect(await labels()).toEqual([
      'register.project.proposed OFFICIAL',
      'register.project.audience-changed OFFICIAL',
      'register.project.amended OFFICIAL_SENSITIVE',
      'register.project.audience-changed OFFICIAL_SENSITIVE',
      'register.project.partner-outcome-reported OFFICIAL_SENSITIVE',
      'register.project.amended OFFICIAL_SENSITIVE',
      'register.project.audience-changed OFFICIAL_SENSITIVE',
      'register.project.submitted OFFICIAL',
    ]);
  });

  it('passes domain errors through unchanged', async () => {
    await expect(
      commands.execute('p-1', { type: 'start', by: LEAD, today: '2026-04-01' }, on('2026-01-08')),
    ).rejects.toBeInstanceOf(IllegalProjectTransition);
  });

  it('lists the history with actor, time and justification, and rebuilds the project as of a date', async () => {
    await commands.execute('p-1', { type: 'submit', by: LEAD }, on('2026-01-10'));
    await commands.execute(
      'p-1',
      {
        type: 'record-review',
        by: REVIEWER_A,
        verdict: 'meets_standards',
        checklist: allMet,
        comments: 'Sound.',
      },
      on('2026-01-20', REVIEWER_A),
    );
    await commands.execute(
      'p-1',
      {
        type: 'decide',
        decision: 'approve',
        by: COMMITTEE,
        reasons: 'A sound design for a force priority.',
      },
      on('2026-02-01', COMMITTEE),
    );

    const history = await projectHistory(store, 'p-1');
    expect(
      history.map((entry) => [
        entry.version,
        entry.type,
        entry.actor.id,
        entry.at.slice(0, 10),
        entry.why,
      ]),
    ).toEqual([
      // Version 2 is the project's first audience, which the history leaves out.
      [1, 'register.project.proposed', LEAD, '2026-01-05', null],
      [3, 'register.project.amended', LEAD, '2026-01-07', 'The partner asked for a later end.'],
      [4, 'register.project.submitted', LEAD, '2026-01-10', null],
      [5, 'register.project.review-recorded', REVIEWER_A, '2026-01-20', null],
      [
        6,
        'register.project.approved',
        COMMITTEE,
        '2026-02-01',
        'A sound design for a force priority.',
      ],
    ]);

    const midJanuary = await projectAsOf(store, 'p-1', new Date('2026-01-15T00:00:00Z'));
    expect(midJanuary).toMatchObject({
      version: 4,
      state: { status: 'submitted', proposal: { plannedEnd: '2027-06-30' } },
    });
    expect((await projectAsOf(store, 'p-1', new Date('2025-12-31T00:00:00Z'))).state.status).toBe(
      'none',
    );
    expect((await projectAsOf(store, 'p-1', new Date('2026-03-01T00:00:00Z'))).state.status).toBe(
      'approved',
    );
  });
});
