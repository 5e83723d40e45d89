import { z } from 'zod';

const text = (max: number) => z.string().trim().min(2).max(max);
const id = z.string().min(1).max(100);
const tag = z.string().trim().toLowerCase().min(2).max(80);

export const MasterClassSchema = z
  .object({
    title: text(300).describe('The title, 2 to 300 characters.'),
    /** Matches the training kinds the community records. */
    kind: z.enum(['master_class', 'course']).describe('A master class or a course.'),
    description: z.string().trim().min(10).max(5_000).describe('What it covers and who it is for.'),
    presenter: text(200).describe('Who presents it.'),
    startsAt: z.iso
      .datetime({ offset: true })
      .describe('When it starts: an ISO 8601 date and time with its offset.'),
    durationMinutes: z
      .int()
      .min(15)
      .max(8 * 60)
      .describe('How long it lasts, in minutes (15 to 480).'),
    location: text(300).describe('Where it takes place.'),
    capacity: z.int().min(1).max(1_000).describe('How many places it has (1 to 1,000).'),
    topics: z.array(tag).max(20).default([]).describe('Topics it covers, lower case.'),
  })
  .strict()
  .describe('A master class or course: what, who presents it, when, where and how many places.');
export type MasterClass = z.infer<typeof MasterClassSchema>;

export const LearningNetworkSchema = z
  .object({
    name: text(200),
    /** A Local Learning Network is for an area (a BCU) or a theme. */
    focus: z.enum(['area', 'theme']),
    area: text(200).optional(),
    theme: tag.optional(),
    description: z.string().trim().min(10).max(2_000),
  })
  .strict()
  .refine((network) => (network.focus === 'area' ? network.area : network.theme) !== undefined, {
    message: 'an area network names its area, a theme network its theme',
    path: ['focus'],
  });
export type LearningNetwork = z.infer<typeof LearningNetworkSchema>;

export const LearningPostSchema = z
  .object({
    title: text(300),
    body: z.string().trim().min(10).max(20_000),
    itemIds: z.array(id).max(20).default([]),
  })
  .strict();
export type LearningPost = z.infer<typeof LearningPostSchema>;

/** What a person wants a digest of: topics (tags of any facet) and crime problems. */
export const SubscriptionSchema = z
  .object({
    topics: z.array(tag).max(50).default([]),
    crimeProblems: z.array(tag).max(50).default([]),
  })
  .strict();
export type Subscription = z.infer<typeof SubscriptionSchema>;
