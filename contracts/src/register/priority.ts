import { z } from 'zod';

/** The fields of a Research Plan priority, before the checks across fields. */
const PriorityDefinitionFieldsSchema = z
  .object({
    title: z.string().trim().min(5).max(300).describe('The priority’s title.'),
    rationale: z.string().trim().min(20).max(5_000).describe('Why the force wants research on it.'),
    periodStart: z.iso.date().describe('When the priority starts.'),
    periodEnd: z.iso.date().describe('When the priority ends; after it starts.'),
    ownerId: z.string().min(1).max(100).describe('The person (id) who owns the priority.'),
  })
  .strict();

/** A Research Plan priority set by the EBP Committee. */
export const PriorityDefinitionSchema = PriorityDefinitionFieldsSchema.refine(
  (priority) => priority.periodEnd > priority.periodStart,
  { message: 'the period must end after it starts', path: ['periodEnd'] },
).describe('A Research Plan priority: what the force wants research on, why, when and whose.');
export type PriorityDefinition = z.infer<typeof PriorityDefinitionSchema>;

/** A revision's changes: any of the priority's fields (the revised priority is checked whole). */
export const PriorityChangesSchema = PriorityDefinitionFieldsSchema.partial().describe(
  'The priority fields a revision changes, with their new values; fields left out stay as they are.',
);
export type PriorityChanges = z.infer<typeof PriorityChangesSchema>;

/** Whether a priority is still part of the Research Plan. */
export const PriorityStatusSchema = z
  .enum(['active', 'retired'])
  .describe('Whether a priority is part of the Research Plan (active) or has been retired.');
export type PriorityStatus = z.infer<typeof PriorityStatusSchema>;

const personId = z.string().min(1).max(100);

export const priorityEventData = {
  'register.priority.set': z
    .object({
      priorityId: z.string().min(1).max(100),
      priority: PriorityDefinitionSchema,
      setBy: personId,
    })
    .strict(),
  'register.priority.revised': z
    .object({
      by: personId,
      justification: z.string().trim().min(10).max(5_000),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }).strict()),
    })
    .strict(),
  'register.priority.retired': z
    .object({ by: personId, reason: z.string().trim().min(10).max(5_000) })
    .strict(),
} as const;

export type PriorityEventType = keyof typeof priorityEventData;
export type PriorityEventData<Type extends PriorityEventType> = z.infer<
  (typeof priorityEventData)[Type]
>;
