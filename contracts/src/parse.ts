import type { z } from 'zod';
import { ContractViolationError, type ContractIssue } from './errors';
import { plainEnglish } from './plain-english';

/** Renders a zod issue path the way people write it: `metadata.actor.id`, `items[2].doi`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

export function toContractIssues(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}

/**
 * Parses with zod's own fast path first: a custom error map per call makes every parse about
 * 1.7 times slower (measured on the event envelope), though only a failure needs its words. A
 * failure is parsed again with the plain-English map.
 */
function safeParseInPlainEnglish<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.ZodSafeParseResult<z.output<Schema>> {
  const fast = schema.safeParse(input);
  return fast.success ? fast : schema.safeParse(input, { error: plainEnglish });
}

/**
 * Parses external input against a contract, throwing a typed error that lists every problem.
 * Use at every boundary: events read from the bus, feed payloads, request bodies.
 */
export function parseContract<Schema extends z.ZodType>(
  contract: string,
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = safeParseInPlainEnglish(schema, input);
  if (!result.success) throw new ContractViolationError(contract, toContractIssues(result.error));
  return result.data;
}

/** A domain's error for invalid input: a message for people, and the issues field by field. */
export type InvalidInputError = new (
  message: string,
  options: { readonly issues: readonly ContractIssue[] },
) => Error;

/**
 * Parses a command's input against a contract, throwing the domain's own error (its code names
 * the input) with every problem in one message, e.g. `The profile is not valid: contact.email: …`,
 * and the issues by field for a form to show beside each.
 */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
  Invalid: InvalidInputError,
): z.output<Schema> {
  const parsed = safeParseInPlainEnglish(schema, input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${formatIssuePath(issue.path) || `(${what})`}: ${issue.message}`)
      .join('; ');
    throw new Invalid(`The ${what} is not valid: ${problems}`, {
      issues: toContractIssues(parsed.error),
    });
  }
  return parsed.data;
}
