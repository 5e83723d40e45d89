import { z } from 'zod';
import { ContractViolationError, EbpError } from './errors';
import { parseContract, parseOrThrow } from './parse';

const Form = z
  .object({
    title: z.string().min(5).max(10),
    name: z.string().min(1),
    questions: z.array(z.string()).min(1).max(2),
    level: z.int().min(1).max(5),
    on: z.iso.date(),
    email: z.email(),
    kind: z.enum(['a', 'b']),
    start: z.string(),
    end: z.string(),
  })
  .strict()
  .refine((form) => form.end > form.start, {
    message: 'the end must be after the start',
    path: ['end'],
  });

class InvalidForm extends EbpError {
  readonly code = 'INVALID_FORM';
}

function issuesOf(input: unknown): Record<string, string> {
  try {
    parseOrThrow(Form, input, 'form', InvalidForm);
  } catch (error) {
    const { issues } = error as InvalidForm;
    return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
  }
  throw new Error('the input was valid');
}

describe('plain-English validation messages', () => {
  it('words the common problems as a form shows them beside a field', () => {
    expect(
      issuesOf({
        title: 'abc',
        name: '',
        questions: [],
        level: 0,
        on: '26/11/2026',
        email: 'nobody',
        kind: 'c',
        start: 'b',
        end: 'a',
        extra: true,
      }),
    ).toEqual({
      title: 'Enter at least 5 characters',
      name: 'Enter a value',
      questions: 'Give at least one',
      level: 'Must be at least 1',
      on: 'Enter a date as YYYY-MM-DD',
      email: 'Enter an email address',
      kind: 'Choose one of: a, b',
      '': 'Not a field here: extra',
    });
  });

  it('says what is too long or too many, and what is missing', () => {
    expect(
      issuesOf({
        title: 'far too long a title',
        questions: ['a', 'b', 'c'],
        level: 6,
        on: '2026-11-26',
        email: 'a@b.example',
        kind: 'a',
        start: 'a',
        end: 'b',
      }),
    ).toEqual({
      title: 'Use at most 10 characters',
      name: 'Required',
      questions: 'Give at most 2',
      level: 'Must be at most 5',
    });
  });

  it('keeps a schema’s own message, and words contract violations the same way', () => {
    const valid = {
      title: 'A title',
      name: 'n',
      questions: ['q'],
      level: 3,
      on: '2026-11-26',
      email: 'a@b.example',
      kind: 'a',
    };
    expect(issuesOf({ ...valid, start: 'b', end: 'a' })).toEqual({
      end: 'the end must be after the start',
    });
    const violation = (() => {
      try {
        parseContract('test.form', Form, { ...valid, start: 'a', end: 'b', level: 'three' });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(violation).toBeInstanceOf(ContractViolationError);
    expect((violation as ContractViolationError).issues).toEqual([
      { path: 'level', message: 'Enter a number' },
    ]);
  });
});
