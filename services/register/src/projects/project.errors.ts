import { DomainError } from '@ebp/eventing';

export class ProjectAlreadyExists extends DomainError {
  readonly code = 'PROJECT_ALREADY_EXISTS';
}

/** A proposal's idempotency key, sent again with a different proposal. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

export class ProjectNotFound extends DomainError {
  readonly code = 'PROJECT_NOT_FOUND';
}

/** A lifecycle move the project's current status does not allow. */
export class IllegalProjectTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';

  constructor(
    readonly action: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(`Cannot ${action} a project that is ${status}; allowed when ${allowedFrom.join(', ')}`);
  }
}

/** The reviewer may not review this submission (the project lead, or a second review of the same design by the same person). */
export class ReviewerNotEligible extends DomainError {
  readonly code = 'REVIEWER_NOT_ELIGIBLE';
}

/** A verdict that contradicts the reviewer's own checklist. */
export class VerdictContradictsChecklist extends DomainError {
  readonly code = 'VERDICT_CONTRADICTS_CHECKLIST';
}

/** The committee cannot approve before the required reviews of the current design have found it sound. */
export class ReviewsIncomplete extends DomainError {
  readonly code = 'REVIEWS_INCOMPLETE';
}

export class EthicsNotCleared extends DomainError {
  readonly code = 'ETHICS_NOT_CLEARED';
}

export class EmptyAmendment extends DomainError {
  readonly code = 'AMENDMENT_WITHOUT_CHANGES';
}

export class InvalidProjectInput extends DomainError {
  readonly code = 'INVALID_PROJECT_INPUT';
}
