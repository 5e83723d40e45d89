import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { buildGovernanceReport } from './governance-report';
import { replayGovernance, type ReplayProgress } from './governance-replay';
import {
  HISTORY_AFTER_A,
  HISTORY_TO_A,
  PRIORITIES_TO_A,
  recordHistory,
} from './governance.fixtures';
import { REPORT_FORMATS, renderReport } from './report-formats';

const A = '2026-03-31';
const expectedFile = (format: string) =>
  join(__dirname, 'expected', `governance-${A}.${format === 'markdown' ? 'md' : format}`);

describe.each(sqlTargets())(
  'the governance report, rebuilt by replaying the register, on $name',
  (target) => {
    let sql: SqlClient;
    let store: SqlEventStore;
    const reportAsOf = async (asOf: string) =>
      buildGovernanceReport(await replayGovernance(store, asOf, { pageSize: 7 }));

    beforeAll(async () => {
      sql = await target.create();
      store = await SqlEventStore.open(sql);
      await recordHistory(store, HISTORY_TO_A, PRIORITIES_TO_A);
    });

    afterAll(async () => {
      await sql.close();
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
      const lastType = new Map<string, string>();
      for (const event of events)
        if (event.type.startsWith('register.project.')) lastType.set(event.streamId, event.type);
      const statusOf: Record<string, string> = {
        'register.project.proposed': 'proposed',
        'register.project.submitted': 'submitted',
        'register.project.review-recorded': 'under-review',
        'register.project.approved': 'approved',
        'register.project.rejected': 'rejected',
        'register.project.deferred': 'deferred',
        'register.project.started': 'in-progress',
        'register.project.progress-reported': 'in-progress',
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
      expect(report.basis.events).toBe(events.length);
      // Lead time of the rejection: proposed 15 January, rejected 20 February, both at noon.
      expect(
        report.decisions.list.find((line) => line.projectId === 'p-reject')?.leadTimeDays,
      ).toBe(36);
    });

    it('stays the same, byte for byte, whatever is recorded after A', async () => {
      const before = await reportAsOf(A);
      const progress: ReplayProgress[] = [];
      await recordHistory(store, HISTORY_AFTER_A);
      const after = buildGovernanceReport(
        await replayGovernance(store, A, {
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
    });

    it('refuses a date that is not one', async () => {
      await expect(replayGovernance(store, '31/03/2026')).rejects.toThrow('asOf must be a date');
    });
  },
);
