import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SqlCheckpointStore,
  SqlEventArchive,
  SqlEventStore,
  type BackgroundWork,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { compareGovernanceReports, comparisonMarkdown } from './governance-comparison';
import { buildGovernanceReport } from './governance-report';
import { replayGovernance, type ReplayProgress } from './governance-replay';
import {
  HISTORY_AFTER_A,
  HISTORY_TO_A,
  PRIORITIES_TO_A,
  PROGRAMME_AFTER_A,
  PROGRAMME_TO_A,
  recordHistory,
  recordProgramme,
  MEETINGS_AFTER_A,
  MEETINGS_TO_A,
  recordMeetings,
} from './governance.fixtures';
import { REPORT_FORMATS, renderReport } from './report-formats';
import { scopeToReader } from './report-scope';
import { keepForGovernance, type ArchiveSource } from './governance-archive';
import { OTHERS_AFTER_A, OTHERS_TO_A, recordOtherService } from './governance-others.fixtures';

const A = '2026-03-31';
const sum = (counts: readonly { count: number }[]) =>
  counts.reduce((total, row) => total + row.count, 0);
const expectedFile = (format: string) =>
  // A suffix no formatter knows: the files must stay exactly as the report renders them.
  join(__dirname, 'expected', `governance-${A}.${format}.expected`);

describe.each(sqlTargets())(
  'the governance report, rebuilt by replaying the register, on $name',
  (target) => {
    const clients: SqlClient[] = [];
    let store: SqlEventStore;
    let archive: SqlEventArchive;
    const others = {} as Record<ArchiveSource, SqlEventStore>;
    let keepers: BackgroundWork[] = [];
    const history = () => ({ log: store, archive });
    const reportAsOf = async (asOf: string) =>
      buildGovernanceReport(await replayGovernance(history(), asOf, { pageSize: 7 }));
    /** The other services record their part; the register keeps its copies, as in service. */
    const recordOthers = async (events: typeof OTHERS_TO_A) => {
      for (const source of Object.keys(events) as ArchiveSource[])
        await recordOtherService(others[source], source, events[source]);
      for (const keeper of keepers) await keeper.catchUp();
    };
    const database = async () => {
      const sql = await target.create();
      clients.push(sql);
      return sql;
    };

    beforeAll(async () => {
      const sql = await database();
      store = await SqlEventStore.open(sql);
      archive = await SqlEventArchive.open(sql);
      for (const source of Object.keys(OTHERS_TO_A) as ArchiveSource[])
        others[source] = await SqlEventStore.open(await database());
      keepers = await keepForGovernance(
        {
          partners: { kind: 'store', store: others.partners },
          community: { kind: 'store', store: others.community },
          dissemination: { kind: 'store', store: others.dissemination },
        },
        await SqlCheckpointStore.open(sql),
        archive,
      );
      await recordMeetings(store, MEETINGS_TO_A);
      await recordHistory(store, HISTORY_TO_A, PRIORITIES_TO_A);
      await recordProgramme(store, PROGRAMME_TO_A);
      await recordOthers(OTHERS_TO_A);
    }, 120_000);

    afterAll(async () => {
      for (const keeper of keepers) await keeper.stop();
      for (const sql of clients) await sql.close();
    });

    it('equals the stored expected report as of A, in every format', async () => {
      const report = await reportAsOf(A);
      for (const format of REPORT_FORMATS) {
        const rendered = renderReport(report, format);
        // EBP_UPDATE_EXPECTED=1 rewrites the files after a deliberate change; review the diff.
        if (process.env.EBP_UPDATE_EXPECTED === '1') writeFileSync(expectedFile(format), rendered);
        expect([format, rendered]).toEqual([format, readFileSync(expectedFile(format), 'utf8')]);
      }
    });

    it('matches counts computed independently from the raw events', async () => {
      const report = await reportAsOf(A);
      const end = '2026-04-01T00:00:00.000Z';
      const events = (await store.readAll({ limit: 100_000 })).filter(
        (event) => event.metadata.recordedAt < end,
      );
      // Audience events say who may read a project, not where it stands.
      const AUDIENCE = 'register.project.audience-changed';
      const lastType = new Map<string, string>();
      for (const event of events)
        if (event.type.startsWith('register.project.') && event.type !== AUDIENCE)
          lastType.set(event.streamId, event.type);
      const statusOf: Record<string, string> = {
        'register.project.proposed': 'proposed',
        'register.project.submitted': 'submitted',
        'register.project.review-recorded': 'under_review',
        'register.project.approved': 'approved',
        'register.project.rejected': 'rejected',
        'register.project.deferred': 'deferred',
        'register.project.started': 'in_progress',
        'register.project.progress-reported': 'in_progress',
        'register.project.completed': 'completed',
        'register.project.withdrawn': 'withdrawn',
      };
      const byStatus = new Map<string, number>();
      for (const type of lastType.values())
        byStatus.set(statusOf[type]!, (byStatus.get(statusOf[type]!) ?? 0) + 1);
      expect(report.projects.total).toBe(lastType.size);
      for (const { key, count } of report.projects.byStatus)
        expect([key, count]).toEqual([key, byStatus.get(key) ?? 0]);
      const decisions = (type: string) => events.filter((event) => event.type === type).length;
      expect(report.decisions.approved.decisions).toBe(decisions('register.project.approved'));
      expect(report.decisions.rejected.decisions).toBe(decisions('register.project.rejected'));
      expect(report.decisions.deferred.decisions).toBe(decisions('register.project.deferred'));
      expect(report.basis.events).toBe(events.filter((event) => event.type !== AUDIENCE).length);
      // The other services' part, counted from their own logs rather than the register's copies.
      const raw = async (source: ArchiveSource) =>
        (await others[source].readAll({ limit: 100_000 })).filter(
          (event) => event.metadata.recordedAt < end,
        );
      const [partnerEvents, communityEvents, libraryEvents] = await Promise.all([
        raw('partners'),
        raw('community'),
        raw('dissemination'),
      ]);
      const ofType = (events: typeof partnerEvents, type: string) =>
        events.filter((event) => event.type === type).map((event) => event.data);
      expect(report.basis.otherServicesEvents).toBe(
        partnerEvents.length + communityEvents.length + libraryEvents.length,
      );
      expect(report.partners.organisations.total).toBe(
        new Set(
          ofType(partnerEvents, 'partners.organisation.registered').map((d) => d.organisationId),
        ).size,
      );
      const pairs = (events: typeof partnerEvents, type: string) =>
        ofType(events, type).map((d) => `${String(d.personId)} ${String(d.projectId)}`);
      const joined = pairs(communityEvents, 'community.involvement.joined');
      const ended = new Set(pairs(communityEvents, 'community.involvement.ended'));
      const active = joined.filter((pair) => !ended.has(pair));
      expect(sum(report.people.involvementsByRole)).toBe(active.length);
      expect(report.people.involved).toBe(new Set(active.map((pair) => pair.split(' ')[0])).size);
      const published = new Set(
        ofType(libraryEvents, 'dissemination.library.item-published').map((d) => d.itemId),
      );
      for (const d of ofType(libraryEvents, 'dissemination.library.item-withdrawn'))
        published.delete(d.itemId);
      expect(report.reach.library.published).toBe(published.size);
      expect(report.reach.deliveries.map((row) => row.acknowledged).reduce((a, b) => a + b)).toBe(
        ofType(libraryEvents, 'dissemination.delivery.acknowledged').length,
      );
      expect(sum(report.reach.masterClasses.attendances)).toBe(
        ofType(libraryEvents, 'dissemination.attendance.recorded').length,
      );
      // Lead time of the rejection: proposed 15 January, rejected 20 February, both at noon.
      expect(
        report.decisions.list.find((line) => line.projectId === 'p-reject')?.leadTimeDays,
      ).toBe(36);
    });

    it('shows the Research Plan and the EBP Programme as they stood: plans, milestones, overdue ones', async () => {
      const { programme } = await reportAsOf(A);
      expect(programme.plans).toEqual([
        {
          year: 2025,
          title: 'MPS Research Plan 2025',
          status: 'superseded',
          agreedOn: '2025-04-01',
          priorities: 2,
        },
        {
          year: 2026,
          title: 'MPS Research Plan 2026',
          status: 'agreed',
          agreedOn: '2026-01-20',
          priorities: 3,
        },
      ]);
      expect(programme.workstreams).toEqual([
        {
          workstreamId: 'capability',
          name: 'Build capability in the Met',
          milestones: 3,
          planned: 1,
          inProgress: 1,
          done: 1,
          dropped: 0,
          overdue: 1,
        },
        {
          workstreamId: 'sharing',
          name: 'Share what works',
          milestones: 1,
          planned: 1,
          inProgress: 0,
          done: 0,
          dropped: 0,
          overdue: 1,
        },
      ]);
      expect(programme.overdueMilestones.map((line) => [line.milestoneId, line.due])).toEqual([
        ['library', '2026-02-28'],
        ['classes', '2026-03-01'],
      ]);
      // The day before the 2026 plan was agreed, the 2025 plan was the one in force.
      const january = await reportAsOf('2026-01-19');
      expect(january.programme.plans.map((plan) => [plan.year, plan.status])).toEqual([
        [2025, 'agreed'],
        [2026, 'draft'],
      ]);
    });

    it('shows the committee’s meetings as they stood: decisions taken in them, actions, minutes', async () => {
      const { meetings } = await reportAsOf(A);
      expect(meetings.held).toEqual([
        {
          meetingId: 'm-2025-06',
          body: 'ebp_committee',
          title: 'EBP Committee, June 2025',
          heldOn: '2025-06-30',
          status: 'held',
          decisions: 1,
          actions: 1,
          actionsDone: 0,
          minutes: 'approved',
        },
        {
          meetingId: 'm-2025-10',
          body: 'ebp_committee',
          title: 'EBP Committee, October 2025',
          heldOn: '2025-10-15',
          status: 'held',
          decisions: 1,
          actions: 0,
          actionsDone: 0,
          minutes: 'none',
        },
      ]);
      expect(meetings.cancelled).toBe(1);
      expect(meetings.overdueActions.map((line) => [line.actionId, line.dueOn])).toEqual([
        ['a-briefing', '2025-07-31'],
      ]);
      // The day before the October meeting, June's minutes were still a draft.
      const september = await reportAsOf('2025-10-14');
      expect(september.meetings.held.map((row) => [row.meetingId, row.minutes])).toEqual([
        ['m-2025-06', 'drafted'],
      ]);
      // A reader who may not see the patrol project sees the meeting without its decision.
      const scoped = buildGovernanceReport(
        scopeToReader(await replayGovernance(history(), A), (id) => id !== 'p-patrol'),
      );
      expect(scoped.meetings.held[0]).toEqual(
        expect.objectContaining({ meetingId: 'm-2025-06', decisions: 0, actions: 0 }),
      );
    });

    it('shows the latest closed benchmarking campaign against the 2012/13 published figures', async () => {
      const { benchmarking } = await reportAsOf(A);
      expect(benchmarking.campaignsClosed).toBe(1);
      expect(benchmarking.latest).toEqual(
        expect.objectContaining({ campaignId: 'staff-2026', respondents: 12, minimumCellSize: 5 }),
      );
      const line = (questionId: string) =>
        benchmarking.latest?.questions.find((question) => question.questionId === questionId);
      expect(line('source_academic_journals')).toEqual(
        expect.objectContaining({ baseline: 7, latest: 66.7, change: 59.7 }),
      );
      // A figure the framework did not publish is said to be missing, never made up.
      expect(line('understanding_ebp')).toEqual(
        expect.objectContaining({ baseline: null, baselineMissing: 'not_published', change: null }),
      );
      // While the campaign took answers, the report showed none of them.
      const open = await reportAsOf('2026-02-20');
      expect(open.benchmarking).toEqual({ campaignsClosed: 0, latest: null });
    });

    it('stays the same, byte for byte, whatever is recorded after A', async () => {
      const before = await reportAsOf(A);
      const progress: ReplayProgress[] = [];
      await recordMeetings(store, MEETINGS_AFTER_A);
      await recordHistory(store, HISTORY_AFTER_A);
      await recordProgramme(store, PROGRAMME_AFTER_A);
      await recordOthers(OTHERS_AFTER_A);
      const after = buildGovernanceReport(
        await replayGovernance(history(), A, {
          pageSize: 7,
          onProgress: (step) => progress.push(step),
        }),
      );
      for (const format of REPORT_FORMATS)
        expect(renderReport(after, format)).toBe(renderReport(before, format));
      // The replay read the whole log (later events included) and said how far it had got.
      expect(progress.at(-1)).toEqual({
        read: progress.at(-1)!.total,
        total: progress.at(-1)!.total,
      });
      expect(progress.length).toBeGreaterThan(3);
      // A later date sees the later events.
      const may = await reportAsOf('2026-05-31');
      expect(may.projects.total).toBe(before.projects.total + 1);
      expect(may.decisions.approved.decisions).toBe(before.decisions.approved.decisions + 1);
      // The Knowledge Hub acknowledged on 2 April; the data-sharing agreement ended on 20 April.
      expect(may.reach.deliveries.find((row) => row.targetId === 'knowledge-hub')).toMatchObject({
        acknowledged: 1,
        pending: 0,
      });
      expect(before.partners.agreementsInForce).toEqual([
        { key: 'data_sharing', label: 'data_sharing', count: 1 },
      ]);
      expect(may.partners.agreementsInForce).toEqual([]);
      expect(may.partners.collaborations.active).toBe(before.partners.collaborations.active + 1);
      expect(sum(may.people.involvementsByRole)).toBe(sum(before.people.involvementsByRole) + 1);
    });

    it('compares two dates: what changed between the committee’s meetings', async () => {
      // Runs after the events after A were recorded (the test above).
      const comparison = compareGovernanceReports(
        await reportAsOf(A),
        await reportAsOf('2026-05-31'),
      );
      expect(comparison.projects.total).toMatchObject({ from: 7, to: 8, change: 1 });
      expect(comparison.projects.byStatus.filter((row) => row.change !== 0)).toEqual([
        { key: 'proposed', label: 'proposed', from: 1, to: 0, change: -1 },
        { key: 'submitted', label: 'submitted', from: 0, to: 1, change: 1 },
        { key: 'approved', label: 'approved', from: 0, to: 1, change: 1 },
        { key: 'deferred', label: 'deferred', from: 1, to: 0, change: -1 },
        { key: 'in_progress', label: 'in_progress', from: 2, to: 1, change: -1 },
        { key: 'completed', label: 'completed', from: 1, to: 2, change: 1 },
        { key: 'withdrawn', label: 'withdrawn', from: 1, to: 2, change: 1 },
      ]);
      expect(comparison.decisions.map((line) => [line.projectId, line.decision])).toEqual([
        ['p-defer', 'approved'],
      ]);
      expect(comparison.overdue.noLongerOverdue.map((line) => [line.projectId, line.kind])).toEqual(
        [
          ['p-patrol', 'progress'],
          ['p-patrol', 'results'],
        ],
      );
      expect(comparison.researchPlan).toEqual({ newGaps: [], closedGaps: ['priority-vawg'] });
      expect(comparisonMarkdown(comparison)).toContain('| in_progress | 2 | 1 | -1 |');
      expect(
        comparison.headlines.find((row) => row.key === 'deliveries-acknowledged'),
      ).toMatchObject({ from: 1, to: 2, change: 1 });
      expect(comparisonMarkdown(comparison)).toContain(
        '| Deliveries acknowledged by national bodies | 1 | 2 | +1 |',
      );
      // The programme's progress between the meetings: one milestone done, none overdue now.
      expect(comparison.headlines.filter((row) => row.key.startsWith('milestones-'))).toEqual([
        {
          key: 'milestones-done',
          label: 'EBP Programme milestones done',
          from: 1,
          to: 2,
          change: 1,
        },
        {
          key: 'milestones-overdue',
          label: 'EBP Programme milestones overdue',
          from: 2,
          to: 0,
          change: -2,
        },
      ]);
      expect(() => compareGovernanceReports(comparison as never, comparison as never)).toThrow();
    });

    it('refuses a date that is not one', async () => {
      await expect(replayGovernance(history(), '31/03/2026')).rejects.toThrow(
        'asOf must be a date',
      );
    });
  },
);
