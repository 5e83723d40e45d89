import { z } from 'zod';

/** A Research Plan priority set by the EBP Committee. */
export const PriorityDefinitionSchema = z
  .object({
    title: z.string().trim().min(5).max(300),
    rationale: z.string().trim().min(20).max(5_000),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    ownerId: z.string().min(1).max(100),
  })
  .strict()
  .refine((priority) => priority.periodEnd > priority.periodStart, {
    message: 'the period must end after it starts',
    path: ['periodEnd'],
  });
export type PriorityDefinition = z.infer<typeof PriorityDefinitionSchema>;

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
