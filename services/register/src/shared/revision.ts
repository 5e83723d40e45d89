import type { z } from 'zod';
import { parseOrThrow, register, type InvalidInputError } from '@ebp/contracts';
import { changedFields, type FieldChange } from './field-changes';

/**
 * A reason, justification or decision as recorded: trimmed, 10 to 5,000 characters, or the
 * domain's invalid-input error saying what is wrong.
 */
export function requireText(value: unknown, what: string, Invalid: InvalidInputError): string {
  return parseOrThrow(register.JustificationSchema, value, what, Invalid);
}

/**
 * The fields a revision changes, each with its value before and after: the justification is
 * required (and recorded trimmed), each changed field is checked as the changes contract says, then the revised whole as
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
}): { changes: Record<string, FieldChange>; justification: string } {
  const { current, changesSchema, wholeSchema, what, Invalid } = revision;
  const justification = requireText(revision.justification, 'justification', Invalid);
  const revised = parseOrThrow(changesSchema, revision.changes, 'revision', Invalid);
  const merged = parseOrThrow(wholeSchema, { ...current, ...revised }, what, Invalid);
  const fields = Object.keys(revised) as (keyof Whole)[];
  const changes = changedFields(current, merged, fields);
  if (Object.keys(changes).length === 0)
    throw new Invalid('The revision changes nothing', { issues: [] });
  return { changes, justification };
}
