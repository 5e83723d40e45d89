import { Client } from 'pg';
import { engineSettings, uniqueName } from './engine-settings';

describe('PostgreSQL engine', () => {
  const { postgres } = engineSettings();
  const writer = new Client({ connectionString: postgres.url });
  const observer = new Client({ connectionString: postgres.url });
  const table = uniqueName('smoke_events');

  beforeAll(async () => {
    await writer.connect();
    await observer.connect();
    await writer.query(
      `create table ${table} (position bigserial primary key, body text not null)`,
    );
  });

  afterAll(async () => {
    await writer.query(`drop table if exists ${table}`);
    await writer.end();
    await observer.end();
  });

  it('is PostgreSQL 15 or later', async () => {
    const { rows } = await writer.query<{ server_version_num: string }>('show server_version_num');
    expect(Number(rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('commits a transaction atomically and rolls one back completely', async () => {
    await writer.query('begin');
    await writer.query(`insert into ${table} (body) values ('kept-1'), ('kept-2')`);
    await writer.query('commit');
    await writer.query('begin');
    await writer.query(`insert into ${table} (body) values ('discarded')`);
    await writer.query('rollback');
    const { rows } = await observer.query<{ body: string }>(
      `select body from ${table} order by position`,
    );
    expect(rows.map((row) => row.body)).toEqual(['kept-1', 'kept-2']);
  });

  it('gives a transaction one xid8 id and holds the snapshot horizon back while it is open', async () => {
    await writer.query('begin');
    await writer.query(`insert into ${table} (body) values ('held-open')`);
    const first = await writer.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
    const again = await writer.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
    const openXid = BigInt(first.rows[0]?.xid ?? '0');
    expect(openXid).toBeGreaterThan(0n);
    expect(again.rows[0]?.xid).toBe(first.rows[0]?.xid);

    // A reader's snapshot horizon cannot pass the open transaction: the basis of gap-safe reads.
    const during = await observer.query<{ xmin: string; visible: string }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
              (select count(*) from ${table} where body = 'held-open')::text as visible`,
    );
    expect(BigInt(during.rows[0]?.xmin ?? '0')).toBeLessThanOrEqual(openXid);
    expect(during.rows[0]?.visible).toBe('0');

    await writer.query('commit');
    const after = await observer.query<{ xmin: string; status: string }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
              pg_xact_status($1::text::xid8) as status`,
      [openXid.toString()],
    );
    expect(BigInt(after.rows[0]?.xmin ?? '0')).toBeGreaterThan(openXid);
    expect(after.rows[0]?.status).toBe('committed');
  });
});
