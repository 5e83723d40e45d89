import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlEventStore } from '../event-store/sql-event-store';
import { testEvent } from '../testing/events';
import { EmbeddedDatabase, EmbeddedDatabaseError } from './embedded-database';
import type { SqlClient } from './sql-client';
import { sqlStatements } from './statement-count';

describe('EmbeddedDatabase: one PGlite, a schema per owner', () => {
  let database: EmbeddedDatabase;
  let alpha: SqlClient;
  let beta: SqlClient;

  beforeAll(async () => {
    database = await EmbeddedDatabase.open({ label: 'embedded-spec' });
    alpha = await database.schemaClient('alpha', { label: 'alpha-spec' });
    beta = await database.schemaClient('beta', { label: 'beta-spec' });
    await alpha.exec('create table only_alpha (n integer); insert into only_alpha values (1);');
    await beta.exec('create table only_beta (n integer); insert into only_beta values (2);');
    await alpha.exec(
      'create table shared_name (owner text); insert into shared_name values ($$alpha$$);',
    );
    await beta.exec(
      'create table shared_name (owner text); insert into shared_name values ($$beta$$);',
    );
  });

  afterAll(async () => {
    await database.close();
  });

  it('lets each client see its own schema and not find another schema’s tables', async () => {
    expect((await alpha.query('select n from only_alpha')).rows).toEqual([{ n: 1 }]);
    expect((await beta.query('select n from only_beta')).rows).toEqual([{ n: 2 }]);
    await expect(alpha.query('select n from only_beta')).rejects.toThrow(
      'relation "only_beta" does not exist',
    );
    await expect(beta.query('select n from only_alpha')).rejects.toThrow(
      'relation "only_alpha" does not exist',
    );
    expect(await database.schemas()).toEqual(['alpha', 'beta']);
  });

  it('keeps every statement in its own schema when the owners’ statements interleave', async () => {
    const asked = Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 'beta' : 'alpha'));
    const answers = await Promise.all(
      asked.map((owner) =>
        (owner === 'alpha' ? alpha : beta)
          .query<{ owner: string; schema: string }>(
            'select owner, current_schema() as schema from shared_name',
          )
          .then(({ rows }) => rows[0]),
      ),
    );
    expect(answers).toEqual(asked.map((owner) => ({ owner, schema: owner })));
  });

  it('runs a transaction in its schema while the other owner’s statements wait their turn', async () => {
    const inTransaction = alpha.transaction(async (tx) => {
      await tx.query('insert into shared_name values ($1)', ['alpha-2']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return (await tx.query<{ count: number }>('select count(*)::int as count from shared_name'))
        .rows[0]?.count;
    });
    const meanwhile = beta.query<{ count: number }>(
      'select count(*)::int as count from shared_name',
    );
    expect(await inTransaction).toBe(2);
    expect((await meanwhile).rows[0]?.count).toBe(1);

    await expect(
      beta.transaction(async (tx) => {
        await tx.query('insert into shared_name values ($1)', ['beta-rolled-back']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await beta.query('select owner from shared_name')).rows).toEqual([{ owner: 'beta' }]);
  });

  it('refuses a statement sent from inside a transaction past its executor, instead of hanging', async () => {
    const refused = await alpha
      .transaction(async () => beta.query('select 1'))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(EmbeddedDatabaseError);
    expect(refused).toMatchObject({ code: 'STATEMENT_OUTSIDE_OPEN_TRANSACTION' });
    // The database is free again afterwards.
    expect((await beta.query('select n from only_beta')).rows).toEqual([{ n: 2 }]);
  });

  it('keeps two event stores apart: each reads only its own log', async () => {
    const alphaStore = await SqlEventStore.open(alpha);
    const betaStore = await SqlEventStore.open(beta);
    const alphaEvent = testEvent({ type: 'test.alpha.happened', data: { n: 1 } });
    const betaEvent = testEvent({ type: 'test.beta.happened', data: { n: 2 } });
    await Promise.all([
      alphaStore.append('thing-1', [alphaEvent], { expectedVersion: 'no_stream' }),
      betaStore.append('thing-1', [betaEvent], { expectedVersion: 'no_stream' }),
    ]);
    expect((await alphaStore.readAll({ limit: 100 })).map((event) => event.id)).toEqual([
      alphaEvent.id,
    ]);
    expect((await betaStore.readStream('thing-1')).map((event) => event.id)).toEqual([
      betaEvent.id,
    ]);
  });

  it('counts each client’s statements under its own label and the schema switches under the database’s', async () => {
    const before = sqlStatements.snapshot();
    await alpha.query('select 1');
    await alpha.query('select 1');
    await beta.transaction(async (tx) => tx.query('select 1'));
    const { byLabel } = sqlStatements.since(before);
    expect(byLabel.get('alpha-spec')).toBe(2);
    expect(byLabel.get('beta-spec')).toBe(3);
    // At most a switch into alpha and one into beta.
    expect(byLabel.get('embedded-spec') ?? 0).toBeLessThanOrEqual(2);
  });

  it('runs with the small buffer pool it was given', async () => {
    const { rows } = await alpha.query<{ size: string }>(
      "select current_setting('shared_buffers') as size",
    );
    expect(rows).toEqual([{ size: '16MB' }]);
    await expect(EmbeddedDatabase.open({ sharedBuffers: '16MB; drop' })).rejects.toMatchObject({
      code: 'INVALID_MEMORY_SETTING',
    });
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(database.schemaClient('alpha; drop table x')).rejects.toMatchObject({
      code: 'INVALID_SCHEMA_NAME',
    });
  });
});

describe('EmbeddedDatabase on disk', () => {
  it('keeps every schema’s data across a close and a reopen', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ebp-embedded-'));
    try {
      const first = await EmbeddedDatabase.open({ dataDir: directory });
      const store = await SqlEventStore.open(await first.schemaClient('gamma'));
      const event = testEvent({ type: 'test.gamma.happened', data: { n: 3 } });
      await store.append('thing-1', [event], { expectedVersion: 'no_stream' });
      await first.close();

      const again = await EmbeddedDatabase.open({ dataDir: directory });
      const reopened = await SqlEventStore.open(await again.schemaClient('gamma'));
      expect((await reopened.readStream('thing-1')).map((read) => read.id)).toEqual([event.id]);
      expect(await again.schemas()).toEqual(['gamma']);
      await again.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
