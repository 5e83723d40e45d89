import { DomainError } from '@ebp/eventing';

export class PersonAlreadyRegistered extends DomainError {
  readonly code = 'PERSON_ALREADY_REGISTERED';
}

/** No such person, or one who has been erased: either way there is nobody to act on. */
export class PersonNotFound extends DomainError {
  readonly code = 'PERSON_NOT_FOUND';
}

export class InvalidPersonInput extends DomainError {
  readonly code = 'INVALID_PERSON_INPUT';
}

export class ProfileUnchanged extends DomainError {
  readonly code = 'PROFILE_UNCHANGED';
}

export class VerifierNotEligible extends DomainError {
  readonly code = 'VERIFIER_NOT_ELIGIBLE';
}

export class AlreadyChampion extends DomainError {
  readonly code = 'ALREADY_CHAMPION';
}

export class NotChampion extends DomainError {
  readonly code = 'NOT_CHAMPION';
}
