import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@ebp/contracts';
import { SqlEventStore } from '../event-store/sql-event-store';
import type { SqlClient } from '../sql/sql-client';
import { SealingEventStore } from './sealing-event-store';
import { sqlTargets } from '../testing/sql-targets';
import { PersonalData, REDACTED, isSealed } from './personal-data';
import { SqlSubjectKeyStore, SubjectErasedError } from './subject-key-store';

describe.each(sqlTargets())('personal data (crypto-shredding) on $name', (target) => {
  let sql: SqlClient;
  let keys: SqlSubjectKeyStore;
  let personal: PersonalData;

  beforeAll(async () => {
    sql = await target.create();
    keys = await SqlSubjectKeyStore.open(sql);
    personal = new PersonalData(keys);
  });

  afterAll(async () => {
    await sql.close();
  });

  it('seals values so that nothing readable is stored, and opens them again', async () => {
    const sealed = await personal.seal('person-1', {
      name: 'Alex Example',
      email: 'alex@met.example',
    });
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/Alex|alex@/);
    expect(await personal.open(sealed)).toEqual({
      name: 'Alex Example',
      email: 'alex@met.example',
    });
    // The same value sealed twice differs (a fresh IV each time).
    expect((await personal.seal('person-1', 'Alex')).data).not.toBe(
      (await personal.seal('person-1', 'Alex')).data,
    );
  });

  it('seals only the named fields and opens sealed values anywhere in a structure', async () => {
    const record = {
      personId: 'person-2',
      name: 'Sam Sample',
      unit: 'Central West BCU',
      rank: 'PC',
    };
    const sealed = await personal.sealFields('person-2', record, ['name']);
    expect(sealed.personId).toBe('person-2');
    expect(sealed.unit).toBe('Central West BCU');
    expect(JSON.stringify(sealed)).not.toContain('Sam Sample');
    expect(await personal.openAll({ event: { data: sealed }, list: [sealed] })).toEqual({
      event: { data: record },
      list: [record],
    });
  });

  it('opens the values of several subjects with their keys read together, erased ones redacted', async () => {
    const first = await personal.seal('person-7', 'Lee Listed');
    const second = await personal.seal('person-8', 'Kim Listed');
    const erased = await personal.seal('person-9', 'Gone Person');
    await keys.destroy('person-9');
    expect(await personal.openMany([second, erased, first, second])).toEqual([
      'Kim Listed',
      REDACTED,
      'Lee Listed',
      'Kim Listed',
    ]);
    expect(await personal.openMany([])).toEqual([]);
    await expect(personal.openMany([{ ...first, subject: 'person-8' }])).rejects.toThrow();
  });

  it('binds a sealed value to its subject: moved to another subject it does not open', async () => {
    const sealed = await personal.seal('person-3', 'Jo Bloggs');
    await keys.keyFor('person-4');
    await expect(personal.open({ ...sealed, subject: 'person-4' })).rejects.toThrow();
  });

  it('erases a subject by destroying the key: values read as redacted, and no new key is made', async () => {
    const sealed = await personal.seal('person-5', 'Pat Person');
    const other = await personal.seal('person-6', 'Chris Colleague');
    await keys.destroy('person-5');
    await keys.destroy('person-5'); // idempotent
    expect(await keys.isErased('person-5')).toBe(true);
    expect(await personal.open(sealed)).toEqual(REDACTED);
    expect(await personal.open(other)).toBe('Chris Colleague');
    await expect(personal.seal('person-5', 'Pat again')).rejects.toThrow(SubjectErasedError);
    // Another process sharing the database sees the erasure too (no stale cached key).
    const elsewhere = new PersonalData(await SqlSubjectKeyStore.open(sql));
    expect(await elsewhere.open(sealed)).toEqual(REDACTED);
    const { rows } = await sql.query<{ key: unknown }>(
      "select key from ebp_subject_keys where subject_id = 'person-5'",
    );
    expect(rows).toEqual([{ key: null }]);
  });

  it('seals personal fields of events on append, opens them on read, and replays after erasure', async () => {
    const inner = await SqlEventStore.open(sql);
    const store = new SealingEventStore(inner, personal, {
      'test.person.registered': {
        subject: (data) => String(data.personId),
        fields: ['name', 'email'],
      },
    });
    const personId = `person-${randomUUID()}`;
    const registered: EventEnvelope = {
      id: randomUUID(),
      type: 'test.person.registered',
      schemaVersion: 1,
      data: { personId, name: 'Robin Hood', email: 'robin@met.example', unit: 'Sherwood' },
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: { kind: 'person', id: 'person-admin' },
        recordedAt: new Date().toISOString(),
        classification: 'OFFICIAL_SENSITIVE',
      },
    };
    const other = {
      ...registered,
      id: randomUUID(),
      type: 'test.unit.renamed',
      data: { unit: 'Sherwood' },
    };
    const stream = `person:${personId}`;
    await store.append(stream, [registered, other], { expectedVersion: 'no_stream' });
    // A retried command (same event ids) seals to the same bytes: idempotent, no conflict.
    expect(
      (await store.append(stream, [registered, other], { expectedVersion: 'no_stream' }))
        .alreadyStored,
    ).toBe(true);

    const raw = await inner.readStream(stream);
    expect(JSON.stringify(raw)).not.toMatch(/Robin|robin@/);
    expect(raw[0]?.data.unit).toBe('Sherwood');
    expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
      registered.data,
      other.data,
    ]);

    await keys.destroy(personId);
    const replayed = (await store.readAll({ limit: 10_000 })).filter(
      (event) => event.streamId === stream,
    );
    expect(replayed.map((event) => event.data)).toEqual([
      { personId, name: REDACTED, email: REDACTED, unit: 'Sherwood' },
      other.data,
    ]);
  });
});
