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
    /** Since version 3 of `dissemination.master-class.scheduled`; earlier ones were staff only. */
    openToPartners: z
      .boolean()
      .default(false)
      .describe(
        'Whether partner organisations (universities, the College of Policing, MOPAC) may see and book it; staff only unless set.',
      ),
  })
  .strict()
  .describe('A master class or course: what, who presents it, when, where and how many places.');
export type MasterClass = z.infer<typeof MasterClassSchema>;

export const LearningNetworkSchema = z
  .object({
    name: text(200).describe('The network’s name.'),
    /** A Local Learning Network is for an area (a BCU) or a theme. */
    focus: z
      .enum(['area', 'theme'])
      .describe('Whether the network is for an area (a BCU) or a theme.'),
    area: text(200).optional().describe('The area, for an area network.'),
    theme: tag.optional().describe('The theme, lower case, for a theme network.'),
    description: z
      .string()
      .trim()
      .min(10)
      .max(2_000)
      .describe('What the network is for and who it is for.'),
  })
  .strict()
  .refine((network) => (network.focus === 'area' ? network.area : network.theme) !== undefined, {
    message: 'an area network names its area, a theme network its theme',
    path: ['focus'],
  })
  .describe('A Local Learning Network: its name, its area or theme, and what it is for.');
export type LearningNetwork = z.infer<typeof LearningNetworkSchema>;

export const LearningPostSchema = z
  .object({
    title: text(300).describe('The post’s title.'),
    body: z.string().trim().min(10).max(20_000).describe('What the member shares.'),
    itemIds: z.array(id).max(20).default([]).describe('Library items (ids) the post points to.'),
  })
  .strict()
  .describe('Learning shared with a network: a title, the text and library items it points to.');
export type LearningPost = z.infer<typeof LearningPostSchema>;

/** What a person wants a digest of: topics (tags of any facet) and crime problems. */
export const SubscriptionSchema = z
  .object({
    topics: z.array(tag).max(50).default([]).describe('Topics (tags of any facet), lower case.'),
    crimeProblems: z.array(tag).max(50).default([]).describe('Crime problems, lower case.'),
  })
  .strict()
  .describe('What a person wants a digest of: topics and crime problems.');
export type Subscription = z.infer<typeof SubscriptionSchema>;
