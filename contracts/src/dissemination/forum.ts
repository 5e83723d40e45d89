import { z } from 'zod';
import { TermIdSchema, TermInputSchema } from '../vocabularies/vocabulary';

const id = z.string().min(1).max(100);
const body = z.string().trim().min(2).max(20_000);

/** What any post of the 'What Works' forum may point to: library items and research projects. */
const references = {
  itemIds: z.array(id).max(20).default([]).describe('Library items (ids) the post points to.'),
  projectIds: z
    .array(id)
    .max(20)
    .default([])
    .describe('Research projects (ids) of the register the post points to.'),
};

/** A new thread of the 'What Works' forum, as its author writes it. */
export const ForumThreadSchema = z
  .object({
    title: z.string().trim().min(2).max(300).describe('The thread’s title, 2 to 300 characters.'),
    topic: TermInputSchema.describe(
      'What the thread is about: a term of the shared vocabularies (a topic, crime problem, intervention or research method) in any spelling or synonym they know.',
    ),
    body: body.describe('The opening post, 2 to 20,000 characters.'),
    ...references,
  })
  .strict()
  .describe('A new forum thread: its title, its topic, the opening post and what it points to.');
export type ForumThread = z.infer<typeof ForumThreadSchema>;

/** A reply to a thread of the 'What Works' forum. */
export const ForumReplySchema = z
  .object({ body: body.describe('The reply, 2 to 20,000 characters.'), ...references })
  .strict()
  .describe('A reply to a forum thread: its text and what it points to.');
export type ForumReply = z.infer<typeof ForumReplySchema>;

/** The vocabulary term a thread is about, as recorded: the vocabulary, the term and its label. */
export const ForumTopicSchema = z
  .object({
    vocabularyId: z.enum(['topics', 'crime_problems', 'interventions', 'research_methods']),
    termId: TermIdSchema,
    label: z.string().min(1).max(200),
  })
  .strict();
export type ForumTopic = z.infer<typeof ForumTopicSchema>;

/** A thread as recorded: its topic matched to a term of the shared vocabularies. */
export const RecordedForumThreadSchema = ForumThreadSchema.extend({
  topic: ForumTopicSchema,
}).strict();
export type RecordedForumThread = z.infer<typeof RecordedForumThreadSchema>;

/** Why a post is reported, hidden or restored: said in words, for the audit trail. */
export const ModerationReasonSchema = z
  .string()
  .trim()
  .min(10)
  .max(2_000)
  .describe('Why, in at least 10 characters: it stays in the audit trail.');

/** What a moderation entry records: a report, or a moderator hiding or restoring a post. */
export const ModerationActionSchema = z
  .enum(['reported', 'hidden', 'restored'])
  .describe('A report of a post, or a moderator hiding or restoring it.');
export type ModerationAction = z.infer<typeof ModerationActionSchema>;
