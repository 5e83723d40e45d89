import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  AlreadyRegistered,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NotRegistered,
} from '../dissemination-errors';
import {
  masterClassDecider,
  type MasterClassCommand,
  type MasterClassEvent,
} from './master-class.decider';

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
  openToPartners: false,
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

  describe('open to partners (decision 0039)', () => {
    const open: MasterClassEvent = {
      type: 'dissemination.master-class.scheduled',
      data: { masterClassId, masterClass: { ...masterClass, openToPartners: true }, by: 'p-ada' },
    };
    type PartnerEventType =
      | 'dissemination.master-class.partner-booked'
      | 'dissemination.master-class.partner-waitlisted'
      | 'dissemination.master-class.partner-booking-cancelled'
      | 'dissemination.master-class.partner-promoted'
      | 'dissemination.master-class.partner-attended';
    const partner = (type: PartnerEventType, organisationId: string): MasterClassEvent => ({
      type,
      data: { masterClassId, organisationId },
    });
    const book = (organisationId: string, now = before) =>
      ({ type: 'book', masterClassId, organisationId, now }) as const;
    const cancelBooking = (organisationId: string) =>
      ({ type: 'cancel-booking', masterClassId, organisationId, now: before }) as const;
    const attend = (organisationId: string, now = after) =>
      ({ type: 'record-partner-attendance', masterClassId, organisationId, now }) as const;

    it('records whether a master class is open to partners, closed unless said', () => {
      const { openToPartners: _unsaid, ...unsaid } = masterClass;
      spec
        .given([])
        .when({ type: 'schedule', masterClassId, masterClass: unsaid, by: 'person-ada' })
        .then([scheduled]);
      spec
        .given([])
        .when({ type: 'schedule', masterClassId, masterClass: open.data.masterClass, by: 'p-ada' })
        .then([open]);
    });

    it('books a place for the organisation on an open one, once, by the same capacity', () => {
      spec
        .given([open])
        .when(book('org-uni'))
        .then([partner('dissemination.master-class.partner-booked', 'org-uni')]);
      spec
        .given([open, partner('dissemination.master-class.partner-booked', 'org-uni')])
        .when(book('org-uni'))
        .thenThrows(AlreadyRegistered);
      // People and organisations share the places: a full class puts the organisation on the list.
      spec
        .given([open, ...full.slice(1)])
        .when(book('org-uni'))
        .then([partner('dissemination.master-class.partner-waitlisted', 'org-uni')]);
      // An organisation and a person with the same id are two attendees.
      spec
        .given([open, event('dissemination.master-class.registered', 'org-uni')])
        .when(book('org-uni'))
        .then([partner('dissemination.master-class.partner-booked', 'org-uni')]);
      spec.given([open]).when(book('org-uni', after)).thenThrows(IllegalDisseminationTransition);
    });

    it('answers a partner on a class closed to partners exactly as on one that does not exist', () => {
      /** The error deciding the command throws, given these events. */
      const refusal = (given: MasterClassEvent[], command: MasterClassCommand) => {
        const state = given.reduce(masterClassDecider.evolve, masterClassDecider.initialState());
        try {
          masterClassDecider.decide(command, state);
        } catch (error) {
          return error;
        }
        throw new Error(`${command.type} was not refused`);
      };
      for (const command of [book('org-uni'), cancelBooking('org-uni')]) {
        const closed = refusal([scheduled], command);
        expect(closed).toBeInstanceOf(NotFound);
        expect(closed).toEqual(refusal([], command));
      }
    });

    it('gives a freed place to the first waiting, person or organisation', () => {
      const booked = [
        open,
        event('dissemination.master-class.registered', 'p-rae'),
        partner('dissemination.master-class.partner-booked', 'org-uni'),
        partner('dissemination.master-class.partner-waitlisted', 'org-ins'),
        event('dissemination.master-class.waitlisted', 'p-rob'),
      ];
      spec
        .given(booked)
        .when({ type: 'cancel-registration', masterClassId, personId: 'p-rae', now: before })
        .then([
          event('dissemination.master-class.registration-cancelled', 'p-rae'),
          partner('dissemination.master-class.partner-promoted', 'org-ins'),
        ]);
      spec
        .given([...booked.slice(0, 3), booked[4]!])
        .when(cancelBooking('org-uni'))
        .then([
          partner('dissemination.master-class.partner-booking-cancelled', 'org-uni'),
          event('dissemination.master-class.promoted', 'p-rob'),
        ]);
      spec
        .given(booked)
        .when(cancelBooking('org-ins'))
        .then([partner('dissemination.master-class.partner-booking-cancelled', 'org-ins')]);
      spec.given(booked).when(cancelBooking('org-other')).thenThrows(NotRegistered);
    });

    it('records the organisation’s attendance once, after the start, if it had a place, never as a person’s', () => {
      const booked = [open, partner('dissemination.master-class.partner-booked', 'org-uni')];
      const attended = partner('dissemination.master-class.partner-attended', 'org-uni');
      spec.given(booked).when(attend('org-uni')).then([attended]);
      spec
        .given([...booked, attended])
        .when(attend('org-uni'))
        .thenNothing();
      spec.given(booked).when(attend('org-uni', before)).thenThrows(IllegalDisseminationTransition);
      // Only an organisation that booked: any other id, of an organisation or of nothing.
      spec.given(booked).when(attend('no-such-organisation')).thenThrows(NotRegistered);
      // A person's attendance is not the organisation's, nor the other way round.
      spec
        .given(booked)
        .when({ type: 'record-attendance', masterClassId, personId: 'org-uni', now: after })
        .thenThrows(NotRegistered);
      spec
        .given([open, event('dissemination.master-class.registered', 'p-rae')])
        .when(attend('p-rae'))
        .thenThrows(NotRegistered);
    });
  });
});
