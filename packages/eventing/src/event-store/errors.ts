import { EbpError } from '@ebp/contracts';
import type { ExpectedVersion } from './event-store';

function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected;
}

/** Optimistic concurrency: the stream was not at the version the writer decided against. */
export class WrongExpectedVersionError extends EbpError {
  readonly code = 'WRONG_EXPECTED_VERSION';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was tried; 0 when the stream has no events. */
    readonly actual: number,
  ) {
    super(
      `Stream ${streamId}: expected ${describeExpected(expected)}, but it is at version ${actual}`,
    );
  }
}

/** An event id already stored, but not as part of the same append to the same stream. */
export class DuplicateEventIdError extends EbpError {
  readonly code = 'DUPLICATE_EVENT_ID';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(
      `Stream ${streamId}: event ids already stored by a different append: ${eventIds.join(', ')}`,
    );
  }
}

/** A stored event whose schema version no registered upcaster can lift to the current one. */
export class UpcastError extends EbpError {
  readonly code = 'UPCAST_FAILED';
}
