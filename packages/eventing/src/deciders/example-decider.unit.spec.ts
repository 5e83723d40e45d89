import { deciderSpecification } from '../testing/decider-specification';
import { BookingFull, BookingNotOpen, bookingDecider, type BookingEvent } from './example-decider';

const spec = deciderSpecification(bookingDecider);
const opened: BookingEvent = { type: 'test.booking.opened', data: { capacity: 2 } };
const booked = (personId: string): BookingEvent => ({
  type: 'test.booking.booked',
  data: { personId },
});

describe('given/when/then specifications', () => {
  it('then: the events decided', () => {
    spec
      .given([opened])
      .when({ type: 'book', personId: 'p1' })
      .then([booked('p1')]);
  });

  it('thenNothing: an idempotent command decides no events', () => {
    spec
      .given([opened, booked('p1')])
      .when({ type: 'book', personId: 'p1' })
      .thenNothing();
  });

  it('thenThrows: the typed domain error, optionally matching fields', () => {
    spec
      .given([opened, booked('p1'), booked('p2')])
      .when({ type: 'book', personId: 'p3' })
      .thenThrows(BookingFull, {
        code: 'BOOKING_FULL',
      });
    spec.given([]).when({ type: 'book', personId: 'p1' }).thenThrows(BookingNotOpen);
  });

  it('fails when the decider does something else (the helper is not vacuous)', () => {
    expect(() => spec.given([opened]).when({ type: 'book', personId: 'p1' }).then([])).toThrow();
    expect(() =>
      spec.given([opened]).when({ type: 'book', personId: 'p1' }).thenThrows(BookingFull),
    ).toThrow();
    expect(() => spec.given([]).when({ type: 'open', capacity: 1 }).thenNothing()).toThrow();
  });
});
