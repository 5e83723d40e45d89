// A small decider used by the kit's own tests: a master-class booking list with a capacity.
import { DomainError, type Decider, type DomainEvent } from './decider';

export type BookingCommand =
  { type: 'open'; capacity: number } | { type: 'book'; personId: string } | { type: 'close' };

export type BookingEvent =
  | DomainEvent<'test.booking.opened', { capacity: number }>
  | DomainEvent<'test.booking.booked', { personId: string }>
  | DomainEvent<'test.booking.closed', Record<string, never>>;

export interface BookingState {
  status: 'none' | 'open' | 'closed';
  capacity: number;
  booked: string[];
}

export class BookingNotOpen extends DomainError {
  readonly code = 'BOOKING_NOT_OPEN';
}

export class BookingFull extends DomainError {
  readonly code = 'BOOKING_FULL';
}

export const bookingDecider: Decider<BookingCommand, BookingEvent, BookingState> = {
  initialState: () => ({ status: 'none', capacity: 0, booked: [] }),
  decide(command, state) {
    switch (command.type) {
      case 'open':
        if (state.status !== 'none') throw new BookingNotOpen('Already opened');
        return [{ type: 'test.booking.opened', data: { capacity: command.capacity } }];
      case 'book':
        if (state.status !== 'open') throw new BookingNotOpen('Bookings are not open');
        if (state.booked.includes(command.personId)) return [];
        if (state.booked.length >= state.capacity)
          throw new BookingFull(`All ${state.capacity} places are taken`);
        return [{ type: 'test.booking.booked', data: { personId: command.personId } }];
      case 'close':
        if (state.status !== 'open') throw new BookingNotOpen('Bookings are not open');
        return [{ type: 'test.booking.closed', data: {} }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'test.booking.opened':
        return { ...state, status: 'open', capacity: event.data.capacity };
      case 'test.booking.booked':
        return { ...state, booked: [...state.booked, event.data.personId] };
      case 'test.booking.closed':
        return { ...state, status: 'closed' };
    }
  },
};
