import type { SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { PersonalReadLog } from './personal-read-log';

describe.each(sqlTargets())('personal read log on $name', (target) => {
  let sql: SqlClient;
  let log: PersonalReadLog;

  beforeAll(async () => {
    sql = await target.create();
    log = await PersonalReadLog.open(sql);
  });

  afterAll(async () => {
    await sql.close();
  });

  it('records who read which fields of whom, why and when, in order', async () => {
    await log.record([
      {
        readerId: 'p-rae',
        subjectId: 'p-alex',
        fields: ['name', 'contact'],
        purpose: 'team_building',
        correlationId: 'req-1',
      },
      {
        readerId: 'p-vic',
        subjectId: 'p-sam',
        fields: ['name'],
        purpose: 'expertise_search',
        correlationId: null,
      },
    ]);
    await log.record([
      {
        readerId: 'p-ada',
        subjectId: 'p-alex',
        fields: ['credentials'],
        purpose: 'governance',
        correlationId: 'req-2',
      },
    ]);
    const reads = await log.readsOf('p-alex');
    expect(reads.map(({ at: _at, ...read }) => read)).toEqual([
      {
        readerId: 'p-rae',
        subjectId: 'p-alex',
        fields: ['name', 'contact'],
        purpose: 'team_building',
        correlationId: 'req-1',
      },
      {
        readerId: 'p-ada',
        subjectId: 'p-alex',
        fields: ['credentials'],
        purpose: 'governance',
        correlationId: 'req-2',
      },
    ]);
    for (const read of reads) expect(Date.now() - Date.parse(read.at)).toBeLessThan(60_000);
  });
});
