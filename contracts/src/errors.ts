/**
 * Base of every error the platform raises on purpose. The `code` is stable and machine-readable:
 * GraphQL errors carry it as `extensions.code`, HTTP problem responses as their `code` member.
 */
export abstract class EbpError extends Error {
  abstract readonly code: string;
  /** For an input that is not valid: what is wrong with which field (forms show them beside it). */
  readonly issues: readonly ContractIssue[];

  constructor(message: string, options?: ErrorOptions & { issues?: readonly ContractIssue[] }) {
    super(message, options);
    this.name = new.target.name;
    this.issues = options?.issues ?? [];
  }
}

/** One reason an input did not match its contract, addressed by its path inside the input. */
export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/** External input (an event, a feed message, a request) that does not match its zod contract. */
export class ContractViolationError extends EbpError {
  readonly code = 'CONTRACT_VIOLATION';

  constructor(
    readonly contract: string,
    issues: readonly ContractIssue[],
  ) {
    super(
      `Input does not match contract ${contract}: ` +
        issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; '),
      { issues },
    );
  }
}
