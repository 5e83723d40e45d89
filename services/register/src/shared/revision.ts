import type { z } from 'zod';
import { parseOrThrow, type InvalidInputError } from '@ebp/contracts';
import { changedFields, type FieldChange } from './field-changes';

/** Refuses a reason, justification or decision shorter than ten characters. */
export function requireText(value: string, what: string, Invalid: InvalidInputError): void {
  if (value.trim().length < 10)
    throw new Invalid(`${what} needs at least 10 characters`, { issues: [] });
}

/**
 * The fields a revision changes, each with its value before and after: the justification is
 * required, each changed field is checked as the changes contract says, then the revised whole as
 * its own contract says; a revision that changes nothing is refused.
 */
export function revisedFields<Whole extends object>(revision: {
  readonly current: Whole;
  readonly changes: unknown;
  readonly justification: string;
  readonly changesSchema: z.ZodType<Partial<Whole>>;
  readonly wholeSchema: z.ZodType<Whole>;
  readonly what: string;
  readonly Invalid: InvalidInputError;
}): Record<string, FieldChange> {
  const { current, changesSchema, wholeSchema, what, Invalid } = revision;
  requireText(revision.justification, 'The justification', Invalid);
  const revised = parseOrThrow(changesSchema, revision.changes, 'revision', Invalid);
  const merged = parseOrThrow(wholeSchema, { ...current, ...revised }, what, Invalid);
  const fields = Object.keys(revised) as (keyof Whole)[];
  const changes = changedFields(current, merged, fields);
  if (Object.keys(changes).length === 0)
    throw new Invalid('The revision changes nothing', { issues: [] });
  return changes;
}
