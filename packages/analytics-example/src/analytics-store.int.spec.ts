import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishedEvent } from '@ebp/contracts';
import { AnalyticsStore } from './analytics-store';

const published = (type: string, streamId: string): PublishedEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: { by: 'person-rae' },
  metadata: {
    correlationId: randomUUID(),
    causationId: null,
    actor: { kind: 'person', id: 'person-rae' },
    recordedAt: '2026-03-31T12:00:00.000Z',
    classification: 'OFFICIAL',
  },
  streamId,
  streamVersion: 1,
  position: '00000000000000000001-00000000000000000001',
});

describe('the analytics store (DuckDB)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ebp-duckdb-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps each event once, across redeliveries and reopening, and answers SQL', async () => {
    const path = join(folder, 'analytics.duckdb');
    const events = [
      published('register.project.proposed', 'project:a'),
      published('register.project.proposed', 'project:b'),
      published('register.project.submitted', 'project:a'),
    ];
    const store = await AnalyticsStore.open(path);
    expect(await store.add('ebp.register.events', events)).toBe(3);
    expect(await store.add('ebp.register.events', events.slice(1))).toBe(0);
    store.close();
    const reopened = await AnalyticsStore.open(path);
    try {
      expect(await reopened.add('ebp.register.events', events)).toBe(0);
      expect(
        await reopened.query('select type, count(*) as n from events group by type order by type'),
      ).toEqual([
        { type: 'register.project.proposed', n: '2' },
        { type: 'register.project.submitted', n: '1' },
      ]);
    } finally {
      reopened.close();
    }
  });
});
