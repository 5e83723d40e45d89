import { createPgliteClient } from './pglite-client';
import { sqlStatements } from './statement-count';

describe('the process statement count', () => {
  it('counts every statement, transaction boundaries included, under the client label', async () => {
    const sql = await createPgliteClient({ label: 'counted' });
    const before = sqlStatements.snapshot();
    await sql.query('select 1');
    await sql.transaction(async (tx) => {
      await tx.query('select 2');
      await tx.query('select 3');
    });
    const { byLabel, total } = sqlStatements.since(before);
    expect(byLabel.get('counted')).toBe(5);
    expect(total).toBe(5);
    await sql.close();
  });
});
