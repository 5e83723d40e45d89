import { z } from 'zod';

/**
 * Training and evidence (issue 20, decision 0040): the force's courses, each with its provider
 * and audience and the parts it teaches, and the library items that support each part.
 */

const text = (max: number) => z.string().trim().min(2).max(max);
const id = z.string().min(1).max(100);

/** A part's id: spelt as the shared vocabularies spell their terms, unique within its course. */
export const CoursePartIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'must be lower case words joined by underscores')
  .describe('The part’s id within its course: lower case words joined by underscores.');

export const CoursePartSchema = z
  .object({
    partId: CoursePartIdSchema,
    title: text(300).describe('What the part teaches, 2 to 300 characters.'),
  })
  .strict()
  .describe('One part of a course: a module, session or tactic it teaches.');
export type CoursePart = z.infer<typeof CoursePartSchema>;

/** Parts a course may have: its read model is one document, and a map lists them all. */
export const MAX_COURSE_PARTS = 50;
/** Library items one part may cite, of those the editor citing may read. */
export const MAX_PART_EVIDENCE = 20;
/**
 * Citations a part holds at most, whoever may read them: a ceiling for the read model that normal
 * use never reaches, well above `MAX_PART_EVIDENCE`, so that reaching it does not tell an editor
 * how many citations they may not read there are.
 */
export const MAX_PART_CITATIONS = 100;

export const CourseSchema = z
  .object({
    title: text(300).describe('The course’s title, 2 to 300 characters.'),
    provider: text(200).describe(
      'Who delivers it: a Met training unit or an outside provider, e.g. Met Learning and Development.',
    ),
    audience: text(300).describe('Who it is for, e.g. newly promoted sergeants.'),
    description: text(5_000).optional().describe('What the course is, in plain English.'),
    parts: z
      .array(CoursePartSchema)
      .min(1)
      .max(MAX_COURSE_PARTS)
      .refine((parts) => new Set(parts.map((part) => part.partId)).size === parts.length, {
        message: 'part ids must be unique within the course',
      })
      .describe(`The parts it teaches, 1 to ${MAX_COURSE_PARTS}, each with an id of its own.`),
  })
  .strict()
  .describe('A course: its title, provider, audience and the parts it teaches.');
export type Course = z.infer<typeof CourseSchema>;

export const CourseStatusSchema = z
  .enum(['active', 'retired'])
  .describe(
    'Whether a course is still taught: active, or retired and left out of the evidence map.',
  );
export type CourseStatus = z.infer<typeof CourseStatusSchema>;

/** A library item cited as evidence for one part of a course. */
export const CourseEvidenceLinkSchema = z
  .object({
    partId: CoursePartIdSchema.describe('The part the item supports.'),
    itemId: id.describe('The published library item that supports it.'),
    note: text(1_000)
      .optional()
      .describe('How the item supports the part, e.g. the finding the session teaches.'),
  })
  .strict()
  .describe('A published library item cited as evidence for one part of a course.');
export type CourseEvidenceLink = z.infer<typeof CourseEvidenceLinkSchema>;

/** Why evidence is unlinked or a course retired: said in words, for the audit trail. */
export const CourseReasonSchema = z
  .string()
  .trim()
  .min(10)
  .max(2_000)
  .describe('Why, in at least 10 characters: it stays in the course’s history.');

/**
 * The SMS level from which the evidence map counts an item as strong when the caller names none:
 * level 3 (a comparison with a control group) is where the What Works Centre for Crime Reduction
 * starts to treat evidence of effect as robust.
 */
export const DEFAULT_STRONG_SMS_LEVEL = 3;
