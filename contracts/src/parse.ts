import type { z } from 'zod';
import { ContractViolationError, type ContractIssue } from './errors';

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
 * Parses external input against a contract, throwing a typed error that lists every problem.
 * Use at every boundary: events read from the bus, feed payloads, request bodies.
 */
export function parseContract<Schema extends z.ZodType>(
  contract: string,
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ContractViolationError(contract, toContractIssues(result.error));
  return result.data;
}
