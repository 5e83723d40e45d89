import { formatIssuePath } from '@ebp/contracts';
import type { z } from 'zod';

/** Parses input with a contract schema, or throws the given error naming every problem. */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
  toError: (message: string) => Error,
): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${formatIssuePath(issue.path) || `(${what})`}: ${issue.message}`)
      .join('; ');
    throw toError(`The ${what} is not valid: ${problems}`);
  }
  return parsed.data;
}
