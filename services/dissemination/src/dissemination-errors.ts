import { DomainError } from '@ebp/eventing';

export class InvalidDisseminationInput extends DomainError {
  readonly code = 'INVALID_DISSEMINATION_INPUT';
}
export class AlreadyExists extends DomainError {
  readonly code = 'ALREADY_EXISTS';
}
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
}
export class NothingChanged extends DomainError {
  readonly code = 'NOTHING_CHANGED';
}
export class IllegalDisseminationTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
}
/** OFFICIAL items need no release; only OFFICIAL-SENSITIVE ones are held for one. */
export class ReleaseNotNeeded extends DomainError {
  readonly code = 'RELEASE_NOT_NEEDED';
}
/** An attempt's outcome arrived for an attempt that is not the delivery's next one. */
export class StaleAttempt extends DomainError {
  readonly code = 'STALE_ATTEMPT';
}
export class AlreadyRegistered extends DomainError {
  readonly code = 'ALREADY_REGISTERED';
}
export class NotRegistered extends DomainError {
  readonly code = 'NOT_REGISTERED';
}
export class NotAMember extends DomainError {
  readonly code = 'NOT_A_MEMBER';
}
