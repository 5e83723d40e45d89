import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  AlreadyRegistered,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NotRegistered,
} from '../dissemination-errors';
import { masterClassDecider, type MasterClassEvent } from './master-class.decider';

const spec = deciderSpecification(masterClassDecider);
const masterClassId = 'mc-rct';
const masterClass = {
  title: 'Running a randomised trial in a BCU',
  kind: 'master_class' as const,
  description: 'From power calculation to analysis, with the Cambridge team.',
  presenter: 'Professor L. Sherman',
  startsAt: '2026-12-10T14:00:00Z',
  durationMinutes: 120,
  location: 'New Scotland Yard, room 4.12',
  capacity: 2,
  topics: ['randomised trials'],
};
const before = new Date('2026-12-01T09:00:00Z');
const after = new Date('2026-12-10T16:00:00Z');
const scheduled: MasterClassEvent = {
  type: 'dissemination.master-class.scheduled',
  data: { masterClassId, masterClass, by: 'person-ada' },
};
const event = (
  type:
    | 'dissemination.master-class.registered'
    | 'dissemination.master-class.waitlisted'
    | 'dissemination.master-class.registration-cancelled'
    | 'dissemination.master-class.promoted',
  personId: string,
): MasterClassEvent => ({ type, data: { masterClassId, personId } });
const full = [
  scheduled,
  event('dissemination.master-class.registered', 'p-rae'),
  event('dissemination.master-class.registered', 'p-sam'),
];
const register = (personId: string, now = before) =>
  ({ type: 'register', masterClassId, personId, now }) as const;

describe('master class decider', () => {
  it('schedules a valid master class once', () => {
    const schedule = { type: 'schedule' as const, masterClassId, masterClass, by: 'person-ada' };
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).thenThrows(AlreadyExists);
    spec
      .given([])
      .when({ ...schedule, masterClass: { ...masterClass, capacity: 0 } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('gives places in order up to capacity, then puts people on the waiting list', () => {
    spec.given([scheduled]).when(register('p-rae')).then([full[1]!]);
    spec
      .given(full)
      .when(register('p-rob'))
      .then([event('dissemination.master-class.waitlisted', 'p-rob')]);
    spec.given(full).when(register('p-rae')).thenThrows(AlreadyRegistered);
    spec
      .given([...full, event('dissemination.master-class.waitlisted', 'p-rob')])
      .when(register('p-rob'))
      .thenThrows(AlreadyRegistered);
  });

  it('refuses registration for a class that does not exist, has started or was cancelled', () => {
    spec.given([]).when(register('p-rae')).thenThrows(NotFound);
    spec
      .given([scheduled])
      .when(register('p-rae', after))
      .thenThrows(IllegalDisseminationTransition);
    const cancelled: MasterClassEvent = {
      type: 'dissemination.master-class.cancelled',
      data: { masterClassId, reason: 'The presenter is unwell.', by: 'person-ada' },
    };
    spec
      .given([scheduled, cancelled])
      .when(register('p-rae'))
      .thenThrows(IllegalDisseminationTransition);
    spec
      .given([scheduled])
      .when({
        type: 'cancel',
        masterClassId,
        reason: cancelled.data.reason,
        by: 'person-ada',
        now: before,
      })
      .then([cancelled]);
  });

  it('gives a cancelled place to the first on the waiting list', () => {
    const waiting = [
      ...full,
      event('dissemination.master-class.waitlisted', 'p-rob'),
      event('dissemination.master-class.waitlisted', 'p-cat'),
    ];
    const cancel = (personId: string) =>
      ({ type: 'cancel-registration', masterClassId, personId, now: before }) as const;
    spec
      .given(waiting)
      .when(cancel('p-sam'))
      .then([
        event('dissemination.master-class.registration-cancelled', 'p-sam'),
        event('dissemination.master-class.promoted', 'p-rob'),
      ]);
    // Leaving the waiting list frees no place.
    spec
      .given(waiting)
      .when(cancel('p-rob'))
      .then([event('dissemination.master-class.registration-cancelled', 'p-rob')]);
    spec.given(waiting).when(cancel('p-vic')).thenThrows(NotRegistered);
  });

  it('records attendance once, after the start, for those who had a place', () => {
    const attended: MasterClassEvent = {
      type: 'dissemination.attendance.recorded',
      data: {
        activityId: masterClassId,
        title: masterClass.title,
        kind: 'master_class',
        attendedOn: '2026-12-10',
        personId: 'p-rae',
      },
    };
    const attend = (personId: string, now = after) =>
      ({ type: 'record-attendance', masterClassId, personId, now }) as const;
    spec.given(full).when(attend('p-rae')).then([attended]);
    spec
      .given([...full, attended])
      .when(attend('p-rae'))
      .thenNothing();
    spec.given(full).when(attend('p-rae', before)).thenThrows(IllegalDisseminationTransition);
    spec
      .given([...full, event('dissemination.master-class.waitlisted', 'p-rob')])
      .when(attend('p-rob'))
      .thenThrows(NotRegistered);
  });
});
