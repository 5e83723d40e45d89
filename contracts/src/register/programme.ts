import { z } from 'zod';

/**
 * The Research Plan for a year and the EBP Programme (issue 20): the framework asks for "an agreed
 * MPS Research Plan and EBP programme": the year's priorities, agreed by the EBP Committee, and
 * work streams with their objectives, approach, outcomes, owners, and timelines and milestones.
 */

const personId = z.string().min(1).max(100).describe('A person (id).');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** A justification, reason or decision in words: 10 to 5,000 characters, kept as trimmed. */
export const JustificationSchema = text(10, 5_000).describe('Why, in 10 to 5,000 characters.');
const justification = JustificationSchema;
/** What is said when a milestone moves on: 3 to 2,000 characters. */
export const MilestoneNoteSchema = text(3, 2_000).describe(
  'What is said when a milestone moves on (why it is dropped, for one).',
);
/** A field changed by a revision: its value before and after. */
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }).strict());

/** The year a Research Plan is for (its id: one plan per year). */
export const PlanYearSchema = z
  .int()
  .min(2000)
  .max(2100)
  .describe('The year the plan is for, e.g. 2027.');

const ResearchPlanFieldsSchema = z
  .object({
    title: text(5, 300).describe('The plan’s title.'),
    summary: text(20, 5_000).describe('What the plan is for and how it was drawn up.'),
    priorityIds: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, 'each priority once')
      .describe('The Research Plan priorities (ids) that belong to this plan, each once.'),
  })
  .strict();

export const ResearchPlanSchema = ResearchPlanFieldsSchema.describe(
  'A Research Plan for a year: its title, summary and priorities.',
);
export type ResearchPlan = z.infer<typeof ResearchPlanSchema>;

export const ResearchPlanChangesSchema = ResearchPlanFieldsSchema.partial().describe(
  'The plan fields a revision changes, with their new values; fields left out stay as they are.',
);
export type ResearchPlanChanges = z.infer<typeof ResearchPlanChangesSchema>;

/** A work stream of the EBP Programme. */
const WorkstreamFieldsSchema = z
  .object({
    name: text(3, 200).describe('The work stream’s name, e.g. Build capability in the Met.'),
    objective: text(10, 2_000).describe('What the work stream is to achieve.'),
    approach: z
      .array(text(3, 1_000))
      .min(1)
      .max(20)
      .describe('How: the approach items, one per entry.'),
    outcomes: z.array(text(3, 1_000)).max(20).describe('The outcomes it is to bring about.'),
    ownerId: personId.describe('Who owns the work stream (a person id).'),
  })
  .strict();

export const WorkstreamSchema = WorkstreamFieldsSchema.describe(
  'A work stream of the EBP Programme: its objective, approach, outcomes and owner.',
);
export type Workstream = z.infer<typeof WorkstreamSchema>;

export const WorkstreamChangesSchema = WorkstreamFieldsSchema.partial().describe(
  'The work stream fields a revision changes; fields left out stay as they are.',
);
export type WorkstreamChanges = z.infer<typeof WorkstreamChangesSchema>;

export const MilestoneSchema = z
  .object({
    title: text(3, 300).describe('What is to be done by the date.'),
    due: z.iso.date().describe('When it is due (YYYY-MM-DD).'),
    ownerId: personId.describe('Who owns the milestone (a person id).'),
  })
  .strict()
  .describe('A milestone of a work stream: what, by when, and whose.');
export type Milestone = z.infer<typeof MilestoneSchema>;

/** Where a milestone stands. */
export const MilestoneStatusSchema = z
  .enum(['planned', 'in_progress', 'done', 'dropped'])
  .describe('Where a milestone stands: planned, in progress, done, or dropped.');
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

const id = z.string().min(1).max(100);

export const programmeEventData = {
  'register.plan.drafted': z
    .object({ year: PlanYearSchema, plan: ResearchPlanSchema, by: personId })
    .strict(),
  'register.plan.revised': z
    .object({ year: PlanYearSchema, by: personId, justification, changes })
    .strict(),
  /** The EBP Committee agrees the plan: once for its year. */
  'register.plan.agreed': z
    .object({ year: PlanYearSchema, by: personId, decision: justification })
    .strict(),
  'register.workstream.defined': z
    .object({ workstreamId: id, workstream: WorkstreamSchema, by: personId })
    .strict(),
  'register.workstream.revised': z
    .object({ workstreamId: id, by: personId, justification, changes })
    .strict(),
  'register.workstream.milestone-added': z
    .object({ workstreamId: id, milestoneId: id, milestone: MilestoneSchema, by: personId })
    .strict(),
  'register.workstream.milestone-progressed': z
    .object({
      workstreamId: id,
      milestoneId: id,
      status: MilestoneStatusSchema,
      note: MilestoneNoteSchema.optional(),
      by: personId,
    })
    .strict(),
  /** A milestone's due date moved, and why: its first due date stays in the record. */
  'register.workstream.milestone-rescheduled': z
    .object({
      workstreamId: id,
      milestoneId: id,
      from: z.iso.date(),
      to: z.iso.date(),
      justification,
      by: personId,
    })
    .strict(),
} as const;

export type ProgrammeEventType = keyof typeof programmeEventData;
export type ProgrammeEventData<Type extends ProgrammeEventType> = z.infer<
  (typeof programmeEventData)[Type]
>;
