import { z } from 'zod';
import { ClassificationSchema } from '../envelope';

/** DESIGN.md §6: tactical (local), organisational (force pilots), strategic (national/international). */
export const EbpLevelSchema = z.enum(['tactical', 'organisational', 'strategic']);
export type EbpLevel = z.infer<typeof EbpLevelSchema>;

/** Maryland Scientific Methods Scale, 1 (correlation at one time) to 5 (randomised controlled trial). */
export const SmsLevelSchema = z.int().min(1).max(5);

/** The George Mason CEBCP Evidence-Based Policing Matrix. */
export const EbpMatrixSchema = z
  .object({
    target: z.enum(['individual', 'group', 'micro_place', 'neighbourhood', 'jurisdiction']),
    proactivity: z.enum(['reactive', 'proactive', 'highly_proactive']),
    specificity: z.enum(['general', 'focused']),
  })
  .strict();

const isoDate = z.iso.date();

export const EthicsSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('approved'),
      board: z.string().min(2).max(200),
      reference: z.string().min(1).max(100),
      approvedOn: isoDate,
      expiresOn: isoDate.optional(),
    })
    .strict(),
  z
    .object({
      status: z.literal('pending'),
      board: z.string().min(2).max(200),
      reference: z.string().max(100).optional(),
    })
    .strict(),
  z.object({ status: z.literal('not_required'), reason: z.string().min(10).max(2_000) }).strict(),
]);
export type Ethics = z.infer<typeof EthicsSchema>;

export const OutcomeSchema = z
  .object({
    name: z.string().min(3).max(300),
    measure: z.string().min(3).max(1_000),
  })
  .strict();
export type Outcome = z.infer<typeof OutcomeSchema>;

export const PreRegisteredOutcomesSchema = z
  .object({
    primary: z
      .array(OutcomeSchema)
      .min(1, 'at least one primary outcome must be pre-registered')
      .max(10),
    secondary: z.array(OutcomeSchema).max(20),
  })
  .strict();
export type PreRegisteredOutcomes = z.infer<typeof PreRegisteredOutcomesSchema>;

/** Everything a research proposal states; amendments change these fields. */
export const ProjectProposalSchema = z
  .object({
    title: z.string().trim().min(5).max(300),
    summary: z.string().trim().min(20).max(5_000).describe('Plain-English summary.'),
    researchQuestions: z.array(z.string().min(5).max(1_000)).min(1).max(10),
    ebpLevel: EbpLevelSchema,
    priorityIds: z.array(z.string().min(1).max(100)).max(10),
    design: z.string().min(5).max(2_000),
    methods: z.array(z.string().min(2).max(100)).min(1).max(20),
    plannedSmsLevel: SmsLevelSchema,
    ebpMatrix: EbpMatrixSchema,
    plannedStart: isoDate,
    plannedEnd: isoDate,
    owningUnit: z.string().min(2).max(200),
    leadId: z.string().min(1).max(100),
    ethics: EthicsSchema,
    classification: ClassificationSchema,
    needToKnow: z
      .array(z.string().min(1).max(100))
      .max(200)
      .optional()
      .describe(
        'People (ids) who, besides the lead and proposer, need to know an OFFICIAL-SENSITIVE project.',
      ),
    outcomes: PreRegisteredOutcomesSchema,
  })
  .strict()
  .refine((proposal) => proposal.plannedEnd > proposal.plannedStart, {
    message: 'the planned end must be after the planned start',
    path: ['plannedEnd'],
  });
export type ProjectProposal = z.infer<typeof ProjectProposalSchema>;
export type ProposalField = keyof ProjectProposal;

/** National research-design and statistical standards a quality-assurance review checks. */
export const QA_CRITERIA = [
  'research_question_clear',
  'design_answers_question',
  'comparison_appropriate',
  'sample_size_justified',
  'outcomes_pre_registered',
  'analysis_plan_stated',
  'bias_risks_addressed',
  'ethics_and_data_protection',
] as const;
export const QaCriterionSchema = z.enum(QA_CRITERIA);
export type QaCriterion = z.infer<typeof QaCriterionSchema>;

export const QaChecklistSchema = z.record(
  QaCriterionSchema,
  z.enum(['met', 'not_met', 'not_applicable']),
);
export type QaChecklist = z.infer<typeof QaChecklistSchema>;

export const ReviewVerdictSchema = z.enum([
  'meets_standards',
  'revisions_required',
  'does_not_meet_standards',
]);
export type ReviewVerdict = z.infer<typeof ReviewVerdictSchema>;

const rating = z.enum(['strong', 'moderate', 'limited', 'none']);
const emmieDimension = z.object({ evidence: rating, quality: rating }).strict();
export const EmmieSchema = z
  .object({
    effect: emmieDimension,
    mechanism: emmieDimension,
    moderators: emmieDimension,
    implementation: emmieDimension,
    economicCost: emmieDimension,
  })
  .strict();

export const ReportedOutcomeSchema = z
  .object({
    name: z.string().min(3).max(300),
    primary: z.boolean(),
    result: z.string().min(3).max(2_000),
  })
  .strict();

export const FindingsSchema = z
  .object({
    summary: z.string().min(20).max(10_000),
    effectDirection: z.enum(['positive', 'negative', 'mixed', 'no_effect', 'inconclusive']),
    achievedSmsLevel: SmsLevelSchema,
    emmie: EmmieSchema,
    reportedOutcomes: z.array(ReportedOutcomeSchema).min(1).max(30),
  })
  .strict();
export type Findings = z.infer<typeof FindingsSchema>;
