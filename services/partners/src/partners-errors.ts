import { DomainError } from '@ebp/eventing';

export class InvalidPartnerInput extends DomainError {
  readonly code = 'INVALID_PARTNER_INPUT';
}
export class PartnerAlreadyRegistered extends DomainError {
  readonly code = 'PARTNER_ALREADY_REGISTERED';
}
export class PartnerNotFound extends DomainError {
  readonly code = 'PARTNER_NOT_FOUND';
}
export class NothingChanged extends DomainError {
  readonly code = 'NOTHING_CHANGED';
}
export class IllegalPartnerTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
}
