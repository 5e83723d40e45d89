import { dissemination, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  AlreadyExists,
  AlreadyRegistered,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NotRegistered,
} from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type MasterClassEvent =
  DisseminationEvent<'master-class.'> | DisseminationEvent<'attendance.'>;

/**
 * Who holds a place: a member of staff (a person of the talent pool), or a partner organisation
 * (decision 0039), whose place is the organisation's and names no person.
 */
export interface Attendee {
  readonly kind: 'person' | 'organisation';
  readonly id: string;
}

export interface MasterClassState {
  readonly masterClass: dissemination.MasterClass | undefined;
  readonly cancelled: boolean;
  readonly registered: readonly Attendee[];
  /** In the order they asked, people and organisations alike: the first takes a freed place. */
  readonly waiting: readonly Attendee[];
  readonly attended: readonly Attendee[];
}

export type MasterClassCommand =
  | { type: 'schedule'; masterClassId: string; masterClass: unknown; by: string }
  | { type: 'register'; masterClassId: string; personId: string; now: Date }
  | { type: 'cancel-registration'; masterClassId: string; personId: string; now: Date }
  | { type: 'record-attendance'; masterClassId: string; personId: string; now: Date }
  | { type: 'book'; masterClassId: string; organisationId: string; now: Date }
  | { type: 'cancel-booking'; masterClassId: string; organisationId: string; now: Date }
  | { type: 'record-partner-attendance'; masterClassId: string; organisationId: string; now: Date }
  | { type: 'cancel'; masterClassId: string; reason: string; by: string; now: Date };

const person = (id: string): Attendee => ({ kind: 'person', id });
const organisation = (id: string): Attendee => ({ kind: 'organisation', id });
const sameAttendee = (a: Attendee) => (b: Attendee) => a.kind === b.kind && a.id === b.id;
const holds = (list: readonly Attendee[], attendee: Attendee) => list.some(sameAttendee(attendee));
const without = (list: readonly Attendee[], attendee: Attendee) =>
  list.filter((entry) => !sameAttendee(attendee)(entry));

function requireOpen(state: MasterClassState, masterClassId: string, now: Date) {
  const { masterClass } = state;
  if (!masterClass) throw new NotFound(`No master class ${masterClassId}`);
  if (state.cancelled)
    throw new IllegalDisseminationTransition(`Master class ${masterClassId} was cancelled`);
  if (now >= new Date(masterClass.startsAt))
    throw new IllegalDisseminationTransition(`Master class ${masterClassId} has started`);
  return masterClass;
}

/**
 * A partner sees a master class only when it is open to partners: one that is not is answered,
 * to a partner, exactly as one that does not exist (same error, same words).
 */
function requireOpenToPartners(state: MasterClassState, masterClassId: string) {
  if (!state.masterClass?.openToPartners) throw new NotFound(`No master class ${masterClassId}`);
}

/** The event of each change to a place, for a person and for a partner organisation. */
function placeEvent(
  change: 'taken' | 'waiting' | 'given-up' | 'promoted',
  masterClassId: string,
  attendee: Attendee,
): MasterClassEvent {
  if (attendee.kind === 'person') {
    const data = { masterClassId, personId: attendee.id };
    switch (change) {
      case 'taken':
        return { type: 'dissemination.master-class.registered', data };
      case 'waiting':
        return { type: 'dissemination.master-class.waitlisted', data };
      case 'given-up':
        return { type: 'dissemination.master-class.registration-cancelled', data };
      case 'promoted':
        return { type: 'dissemination.master-class.promoted', data };
    }
  }
  const data = { masterClassId, organisationId: attendee.id };
  switch (change) {
    case 'taken':
      return { type: 'dissemination.master-class.partner-booked', data };
    case 'waiting':
      return { type: 'dissemination.master-class.partner-waitlisted', data };
    case 'given-up':
      return { type: 'dissemination.master-class.partner-booking-cancelled', data };
    case 'promoted':
      return { type: 'dissemination.master-class.partner-promoted', data };
  }
}

/** A place for the attendee, or a place on the waiting list when every place is taken. */
function takePlace(
  state: MasterClassState,
  masterClassId: string,
  attendee: Attendee,
  now: Date,
): MasterClassEvent[] {
  const masterClass = requireOpen(state, masterClassId, now);
  if (holds(state.registered, attendee) || holds(state.waiting, attendee))
    throw new AlreadyRegistered(`${attendee.id} has already asked for a place`);
  const full = state.registered.length >= masterClass.capacity;
  return [placeEvent(full ? 'waiting' : 'taken', masterClassId, attendee)];
}

/** Gives up a place (or a place on the waiting list); a freed place goes to the first waiting. */
function givePlaceUp(
  state: MasterClassState,
  masterClassId: string,
  attendee: Attendee,
  now: Date,
): MasterClassEvent[] {
  requireOpen(state, masterClassId, now);
  const hadPlace = holds(state.registered, attendee);
  if (!hadPlace && !holds(state.waiting, attendee))
    throw new NotRegistered(`${attendee.id} is not registered`);
  const next = without(state.waiting, attendee)[0];
  return [
    placeEvent('given-up', masterClassId, attendee),
    ...(hadPlace && next ? [placeEvent('promoted', masterClassId, next)] : []),
  ];
}

/** Attendance comes after the start, only for a place held, and is recorded once. */
function requireAttendable(
  state: MasterClassState,
  masterClassId: string,
  attendee: Attendee,
  now: Date,
): dissemination.MasterClass | undefined {
  const { masterClass } = state;
  if (!masterClass) throw new NotFound(`No master class ${masterClassId}`);
  if (state.cancelled)
    throw new IllegalDisseminationTransition(`Master class ${masterClassId} was cancelled`);
  if (now < new Date(masterClass.startsAt))
    throw new IllegalDisseminationTransition(
      `Master class ${masterClassId} has not started: attendance comes after`,
    );
  if (!holds(state.registered, attendee))
    throw new NotRegistered(`${attendee.id} had no place at ${masterClassId}`);
  return holds(state.attended, attendee) ? undefined : masterClass;
}

function decide(command: MasterClassCommand, state: MasterClassState): MasterClassEvent[] {
  const { masterClassId } = command;
  switch (command.type) {
    case 'schedule':
      if (state.masterClass) throw new AlreadyExists(`Master class ${masterClassId} exists`);
      return [
        {
          type: 'dissemination.master-class.scheduled',
          data: {
            masterClassId,
            masterClass: parseOrThrow(
              dissemination.MasterClassSchema,
              command.masterClass,
              'master class',
              InvalidDisseminationInput,
            ),
            by: command.by,
          },
        },
      ];
    case 'register':
      return takePlace(state, masterClassId, person(command.personId), command.now);
    case 'cancel-registration':
      return givePlaceUp(state, masterClassId, person(command.personId), command.now);
    case 'book':
      requireOpenToPartners(state, masterClassId);
      return takePlace(state, masterClassId, organisation(command.organisationId), command.now);
    case 'cancel-booking':
      requireOpenToPartners(state, masterClassId);
      return givePlaceUp(state, masterClassId, organisation(command.organisationId), command.now);
    case 'record-attendance': {
      const masterClass = requireAttendable(
        state,
        masterClassId,
        person(command.personId),
        command.now,
      );
      if (!masterClass) return [];
      return [
        {
          type: dissemination.ATTENDANCE_RECORDED,
          data: {
            activityId: masterClassId,
            title: masterClass.title,
            kind: masterClass.kind,
            attendedOn: masterClass.startsAt.slice(0, 10),
            personId: command.personId,
          },
        },
      ];
    }
    case 'record-partner-attendance': {
      const { organisationId } = command;
      const attendee = organisation(organisationId);
      if (!requireAttendable(state, masterClassId, attendee, command.now)) return [];
      return [
        {
          type: 'dissemination.master-class.partner-attended',
          data: { masterClassId, organisationId },
        },
      ];
    }
    case 'cancel':
      requireOpen(state, masterClassId, command.now);
      return [
        {
          type: 'dissemination.master-class.cancelled',
          data: {
            masterClassId,
            reason: parseOrThrow(
              dissemination.disseminationEventData['dissemination.master-class.cancelled'].shape
                .reason,
              command.reason,
              'reason',
              InvalidDisseminationInput,
            ),
            by: command.by,
          },
        },
      ];
  }
}

/** Who an event about a place is about. */
function attendeeOf(event: MasterClassEvent): Attendee | undefined {
  const data = event.data as { personId?: string; organisationId?: string };
  if (data.organisationId !== undefined) return organisation(data.organisationId);
  return data.personId !== undefined ? person(data.personId) : undefined;
}

function evolve(state: MasterClassState, event: MasterClassEvent): MasterClassState {
  if (event.type === 'dissemination.master-class.scheduled')
    return { ...state, masterClass: event.data.masterClass };
  if (event.type === 'dissemination.master-class.cancelled') return { ...state, cancelled: true };
  const attendee = attendeeOf(event);
  if (!attendee) return state;
  switch (event.type) {
    case 'dissemination.master-class.registered':
    case 'dissemination.master-class.partner-booked':
      return { ...state, registered: [...state.registered, attendee] };
    case 'dissemination.master-class.waitlisted':
    case 'dissemination.master-class.partner-waitlisted':
      return { ...state, waiting: [...state.waiting, attendee] };
    case 'dissemination.master-class.registration-cancelled':
    case 'dissemination.master-class.partner-booking-cancelled':
      return {
        ...state,
        registered: without(state.registered, attendee),
        waiting: without(state.waiting, attendee),
      };
    case 'dissemination.master-class.promoted':
    case 'dissemination.master-class.partner-promoted':
      return {
        ...state,
        registered: [...state.registered, attendee],
        waiting: without(state.waiting, attendee),
      };
    case 'dissemination.attendance.recorded':
    case 'dissemination.master-class.partner-attended':
      return { ...state, attended: [...state.attended, attendee] };
  }
}

/**
 * A master class or course: scheduled with a capacity, for staff only or open to partners too;
 * places are taken in order, by people and (when open) partner organisations alike, then a
 * waiting list fills, and a cancelled place goes to the first waiting. Attendance is recorded once
 * per attendee after it starts, and only for those who had a place; the community records a
 * person's as training, and an organisation's is the organisation's (decision 0039).
 */
export const masterClassDecider: Decider<MasterClassCommand, MasterClassEvent, MasterClassState> = {
  decide,
  evolve,
  initialState: () => ({
    masterClass: undefined,
    cancelled: false,
    registered: [],
    waiting: [],
    attended: [],
  }),
};

export const masterClassStreamId = (masterClassId: string) => `master-class:${masterClassId}`;
