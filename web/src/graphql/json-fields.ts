import { z } from 'zod';

/**
 * The graph's JSON fields the page reads, parsed rather than trusted: a field that changes shape
 * shows as an error on the page instead of as wrong figures.
 */

const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.number() });
export type ReportCount = z.infer<typeof CountSchema>;

const ProjectLineSchema = z.object({
  projectId: z.string(),
  title: z.string(),
  due: z.string().optional(),
});

const DecisionStatsSchema = z.object({
  decisions: z.number(),
  medianDays: z.number().nullable(),
});

/** The parts of the governance report (JSON format) the dashboard shows. */
export const GovernanceReportSchema = z.object({
  asOf: z.string(),
  projects: z.object({
    total: z.number(),
    byStatus: z.array(CountSchema),
    byPriority: z.array(CountSchema),
    bySmsLevel: z.array(CountSchema),
  }),
  decisions: z.object({
    approved: DecisionStatsSchema,
    rejected: DecisionStatsSchema,
    deferred: DecisionStatsSchema,
  }),
  researchPlan: z.object({ gaps: z.array(z.string()) }),
  overdue: z.record(z.string(), z.array(ProjectLineSchema)),
  programme: z.object({
    overdueMilestones: z.array(
      z.object({
        workstreamId: z.string(),
        milestoneId: z.string(),
        title: z.string(),
        due: z.string(),
      }),
    ),
  }),
  outcomeSwitching: z.array(ProjectLineSchema),
  partners: z.object({
    organisations: z.object({ total: z.number() }),
    academics: z.number(),
    collaborations: z.object({ active: z.number() }),
  }),
  people: z.object({ inTalentPool: z.number(), involved: z.number() }),
  reach: z.object({
    library: z.object({ published: z.number() }),
    masterClasses: z.object({ held: z.number(), upcoming: z.number() }),
  }),
});
export type GovernanceReport = z.infer<typeof GovernanceReportSchema>;

/** Parses a JSON field, or says which field did not have the expected shape. */
export function parseJsonField<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
  if (!parsed.success) throw new Error(`The graph's ${field} field has an unexpected shape`);
  return parsed.data;
}
