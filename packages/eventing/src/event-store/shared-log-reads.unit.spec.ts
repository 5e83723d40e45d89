import { appendSignalFor } from '../processors/wake-signal';
import type { SqlClient } from '../sql/sql-client';
import { SharedLogReads } from './shared-log-reads';

/** A read the test finishes by hand, counting how often the database was asked. */
function pendingReads() {
  const finish: ((rows: string[]) => void)[] = [];
  let sent = 0;
  const read = () =>
    new Promise<string[]>((resolve) => {
      sent += 1;
      finish.push(resolve);
    });
  return { read, finish, sent: () => sent };
}

describe('SharedLogReads', () => {
  const client = () => ({}) as SqlClient;

  it('sends one read for readers asking for the same page at the same time', async () => {
    const reads = new SharedLogReads(client());
    const database = pendingReads();
    const first = reads.read('page', database.read);
    const second = reads.read('page', database.read);
    expect(database.sent()).toBe(1);
    database.finish[0]!(['e1']);
    await expect(first).resolves.toEqual(['e1']);
    await expect(second).resolves.toEqual(['e1']);
  });

  it('does not share reads of different pages, nor a read that has finished', async () => {
    const reads = new SharedLogReads(client());
    const database = pendingReads();
    const first = reads.read('after 1', database.read);
    void reads.read('after 2', database.read);
    expect(database.sent()).toBe(2);
    database.finish[0]!([]);
    await first;
    void reads.read('after 1', database.read);
    expect(database.sent()).toBe(3);
  });

  it('does not share a read sent before an append committed here (read your own writes)', () => {
    const reads = new SharedLogReads(client());
    const database = pendingReads();
    void reads.read('page', database.read);
    reads.committed();
    void reads.read('page', database.read);
    expect(database.sent()).toBe(2);
    // Readers after the commit share the newer read.
    void reads.read('page', database.read);
    expect(database.sent()).toBe(2);
  });

  it('does not share a read sent before a wake-up from another process', () => {
    const sql = client();
    const reads = new SharedLogReads(sql);
    const database = pendingReads();
    void reads.read('page', database.read);
    appendSignalFor(sql).signal.raise();
    void reads.read('page', database.read);
    expect(database.sent()).toBe(2);
  });

  it('gives every sharer the failure, and the next reader asks again', async () => {
    const reads = new SharedLogReads(client());
    let fail: (error: Error) => void = () => undefined;
    const failing = () => new Promise<string[]>((_resolve, reject) => (fail = reject));
    const first = reads.read('page', failing);
    const second = reads.read('page', failing);
    fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).rejects.toThrow('connection lost');
    const database = pendingReads();
    void reads.read('page', database.read);
    expect(database.sent()).toBe(1);
  });
});
