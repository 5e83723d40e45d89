import { randomUUID } from 'node:crypto';
import { ContractViolationError } from '@ebp/contracts';
import {
  CommandHandler,
  PersonalData,
  SealingEventStore,
  SqlEventStore,
  SqlSubjectKeyStore,
  type CommandContext,
  type SqlClient,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { personDecider } from './person.decider';
import { PersonNotFound } from './person.errors';
import { ADMIN, aProfile } from './person.fixtures';
import { PersonCommands } from './person.handler';
import { communityPersonalData } from './personal-data-policy';
import { personStreamId } from './projections/person-directory.projection';
import { recordAttendanceAsTraining } from './reactions/attendance.reaction';

describe.each(sqlTargets())('person commands on $name', (target) => {
  let sql: SqlClient;
  let inner: SqlEventStore;
  let keys: SqlSubjectKeyStore;
  let people: PersonCommands;
  const context = (): CommandContext => ({
    commandId: randomUUID(),
    actor: { kind: 'person', id: ADMIN },
    now: new Date(),
    classification: 'OFFICIAL_SENSITIVE',
  });

  beforeAll(async () => {
    sql = await target.create();
    inner = await SqlEventStore.open(sql);
    keys = await SqlSubjectKeyStore.open(sql);
    people = new PersonCommands(
      new SealingEventStore(inner, new PersonalData(keys), communityPersonalData),
      keys,
    );
  });

  afterAll(async () => {
    await sql.close();
  });

  const register = async () => {
    const personId = `person-${randomUUID()}`;
    await people.execute(
      personId,
      { type: 'register', personId, profile: aProfile(), by: ADMIN },
      context(),
    );
    return personId;
  };

  it('records attendance from the dissemination service once, however often it is delivered', async () => {
    const personId = await register();
    const attendance = {
      id: randomUUID(),
      type: 'dissemination.attendance.recorded',
      data: {
        activityId: 'masterclass-2026-07',
        title: 'Master class: evaluating hot-spot policing',
        kind: 'master_class',
        attendedOn: '2026-07-09',
        personId,
      },
      metadata: { recordedAt: '2026-07-09T17:00:00.000Z', correlationId: randomUUID() },
    };
    expect(await recordAttendanceAsTraining(attendance, people)).toBe('recorded');
    expect(await recordAttendanceAsTraining(attendance, people)).toBe('recorded');
    expect(await recordAttendanceAsTraining({ ...attendance, id: randomUUID() }, people)).toBe(
      'recorded',
    );
    const stored = await inner.readStream(personStreamId(personId));
    expect(stored.map((event) => event.type)).toEqual([
      'community.person.registered',
      'community.person.training-recorded',
    ]);
    // A person's training is personal data, whatever the event it comes from was labelled.
    expect(stored[1]?.metadata.classification).toBe('OFFICIAL_SENSITIVE');
    expect(
      await recordAttendanceAsTraining(
        { ...attendance, data: { ...attendance.data, personId: 'person-unknown' } },
        people,
      ),
    ).toBe('ignored');
    expect(
      await recordAttendanceAsTraining({ ...attendance, type: 'dissemination.other' }, people),
    ).toBe('ignored');
    await expect(
      recordAttendanceAsTraining(
        { ...attendance, data: { ...attendance.data, kind: 'party' } },
        people,
      ),
    ).rejects.toThrow(ContractViolationError);
  });

  it('never takes a partner organisation’s attendance as a person’s training (decision 0039)', async () => {
    // Even an organisation whose id is a person's: its place and attendance are the organisation's.
    const personId = await register();
    const partnerAttended = {
      id: randomUUID(),
      type: 'dissemination.master-class.partner-attended',
      data: { masterClassId: 'masterclass-2026-07', organisationId: personId },
      metadata: { recordedAt: '2026-07-09T17:00:00.000Z', correlationId: randomUUID() },
    };
    expect(await recordAttendanceAsTraining(partnerAttended, people)).toBe('ignored');
    const stored = await inner.readStream(personStreamId(personId));
    expect(stored.map((event) => event.type)).toEqual(['community.person.registered']);
  });

  it('erases a person: the event, then the key; erasing again finishes an interrupted erasure', async () => {
    const personId = await register();
    await people.erase(
      personId,
      { type: 'erase', reason: 'subject_request', by: ADMIN },
      context(),
    );
    expect(await keys.isErased(personId)).toBe(true);
    const events = await inner.readStream(personStreamId(personId));
    expect(events.map((event) => event.type)).toEqual([
      'community.person.registered',
      'community.person.erased',
    ]);
    await people.erase(
      personId,
      { type: 'erase', reason: 'subject_request', by: ADMIN },
      context(),
    );

    // A process that died after recording the erasure but before destroying the key.
    const interrupted = await register();
    const sealing = new SealingEventStore(inner, new PersonalData(keys), communityPersonalData);
    await new CommandHandler(sealing, personDecider).handle(
      personStreamId(interrupted),
      { type: 'erase', reason: 'left_the_force', by: ADMIN },
      context(),
    );
    expect(await keys.isErased(interrupted)).toBe(false);
    await people.erase(
      interrupted,
      { type: 'erase', reason: 'left_the_force', by: ADMIN },
      context(),
    );
    expect(await keys.isErased(interrupted)).toBe(true);

    await expect(
      people.erase(
        `person-${randomUUID()}`,
        { type: 'erase', reason: 'subject_request', by: ADMIN },
        context(),
      ),
    ).rejects.toThrow(PersonNotFound);
  });
});
