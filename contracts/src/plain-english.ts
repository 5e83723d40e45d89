import type { z } from 'zod';

const count = (n: number | bigint, one: string, many: string) =>
  `${n} ${Number(n) === 1 ? one : many}`;

const EXPECTED: Partial<Record<string, string>> = {
  string: 'Enter text',
  number: 'Enter a number',
  int: 'Enter a whole number',
  boolean: 'Choose yes or no',
  array: 'Give a list',
};

/**
 * Zod's issues in the words a form shows beside a field ("Enter at least 5 characters", not
 * "Too small: expected string to have >=5 characters"). Used per parse, so a schema's own message
 * (a refinement's, say) still wins; issues it does not word fall back to zod's.
 */
export const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required';
      return EXPECTED[issue.expected] ?? `Expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Enter a value'
          : `Enter at least ${count(issue.minimum, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Give at least ${issue.minimum === 1 ? 'one' : String(issue.minimum)}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return `Must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string')
        return `Use at most ${count(issue.maximum, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Give at most ${issue.maximum}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return `Must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
      return undefined;
    case 'invalid_format':
      if (issue.format === 'date') return 'Enter a date as YYYY-MM-DD';
      if (issue.format === 'datetime') return 'Enter a date and time (ISO 8601)';
      if (issue.format === 'email') return 'Enter an email address';
      if (issue.format === 'url') return 'Enter a web address';
      return undefined;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `Not a field here: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
};
