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

export interface MasterClassState {
  readonly masterClass: dissemination.MasterClass | undefined;
  readonly cancelled: boolean;
  readonly registered: readonly string[];
  /** In the order they asked: the first is promoted when a place frees up. */
  readonly waiting: readonly string[];
  readonly attended: readonly string[];
}

export type MasterClassCommand =
  | { type: 'schedule'; masterClassId: string; masterClass: unknown; by: string }
  | { type: 'register'; masterClassId: string; personId: string; now: Date }
  | { type: 'cancel-registration'; masterClassId: string; personId: string; now: Date }
  | { type: 'record-attendance'; masterClassId: string; personId: string; now: Date }
  | { type: 'cancel'; masterClassId: string; reason: string; by: string; now: Date };

function requireOpen(state: MasterClassState, masterClassId: string, now: Date) {
  const { masterClass } = state;
  if (!masterClass) throw new NotFound(`No master class ${masterClassId}`);
  if (state.cancelled)
    throw new IllegalDisseminationTransition(`Master class ${masterClassId} was cancelled`);
  if (now >= new Date(masterClass.startsAt))
    throw new IllegalDisseminationTransition(`Master class ${masterClassId} has started`);
  return masterClass;
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
    case 'register': {
      const masterClass = requireOpen(state, masterClassId, command.now);
      const { personId } = command;
      if (state.registered.includes(personId) || state.waiting.includes(personId))
        throw new AlreadyRegistered(`${personId} has already asked for a place`);
      const full = state.registered.length >= masterClass.capacity;
      return [
        {
          type: full
            ? 'dissemination.master-class.waitlisted'
            : 'dissemination.master-class.registered',
          data: { masterClassId, personId },
        },
      ];
    }
    case 'cancel-registration': {
      requireOpen(state, masterClassId, command.now);
      const { personId } = command;
      const hadPlace = state.registered.includes(personId);
      if (!hadPlace && !state.waiting.includes(personId))
        throw new NotRegistered(`${personId} is not registered`);
      const next = state.waiting.find((waiting) => waiting !== personId);
      return [
        {
          type: 'dissemination.master-class.registration-cancelled',
          data: { masterClassId, personId },
        },
        ...(hadPlace && next
          ? [
              {
                type: 'dissemination.master-class.promoted' as const,
                data: { masterClassId, personId: next },
              },
            ]
          : []),
      ];
    }
    case 'record-attendance': {
      const { masterClass } = state;
      if (!masterClass) throw new NotFound(`No master class ${masterClassId}`);
      if (state.cancelled)
        throw new IllegalDisseminationTransition(`Master class ${masterClassId} was cancelled`);
      if (command.now < new Date(masterClass.startsAt))
        throw new IllegalDisseminationTransition(
          `Master class ${masterClassId} has not started: attendance comes after`,
        );
      if (!state.registered.includes(command.personId))
        throw new NotRegistered(`${command.personId} had no place at ${masterClassId}`);
      if (state.attended.includes(command.personId)) return [];
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

const without = (list: readonly string[], personId: string) =>
  list.filter((entry) => entry !== personId);

function evolve(state: MasterClassState, event: MasterClassEvent): MasterClassState {
  switch (event.type) {
    case 'dissemination.master-class.scheduled':
      return { ...state, masterClass: event.data.masterClass };
    case 'dissemination.master-class.registered':
      return { ...state, registered: [...state.registered, event.data.personId] };
    case 'dissemination.master-class.waitlisted':
      return { ...state, waiting: [...state.waiting, event.data.personId] };
    case 'dissemination.master-class.registration-cancelled':
      return {
        ...state,
        registered: without(state.registered, event.data.personId),
        waiting: without(state.waiting, event.data.personId),
      };
    case 'dissemination.master-class.promoted':
      return {
        ...state,
        registered: [...state.registered, event.data.personId],
        waiting: without(state.waiting, event.data.personId),
      };
    case 'dissemination.master-class.cancelled':
      return { ...state, cancelled: true };
    case 'dissemination.attendance.recorded':
      return { ...state, attended: [...state.attended, event.data.personId] };
  }
}

/**
 * A master class or course: scheduled with a capacity; places are taken in order, then a waiting
 * list fills, and a cancelled place goes to the first waiting. Attendance is recorded once per
 * person after it starts, and only for those who had a place; the community records it as training.
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
