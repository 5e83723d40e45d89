import { z } from 'zod';
import { ClassificationSchema } from '../envelope';

/** DESIGN.md §6: tactical (local), organisational (force pilots), strategic (national/international). */
export const EbpLevelSchema = z
  .enum(['tactical', 'organisational', 'strategic'])
  .describe(
    'The EBP level: tactical (local), organisational (force pilots) or strategic (national or international).',
  );
export type EbpLevel = z.infer<typeof EbpLevelSchema>;

/** Maryland Scientific Methods Scale, 1 (correlation at one time) to 5 (randomised controlled trial). */
export const SmsLevelSchema = z
  .int()
  .min(1)
  .max(5)
  .describe(
    'A Maryland Scientific Methods Scale level, 1 (correlation at one time) to 5 (randomised controlled trial).',
  );

/** The George Mason CEBCP Evidence-Based Policing Matrix. */
export const EbpMatrixSchema = z
  .object({
    target: z
      .enum(['individual', 'group', 'micro_place', 'neighbourhood', 'jurisdiction'])
      .describe(
        'Whom or where the intervention targets, from individuals to a whole jurisdiction.',
      ),
    proactivity: z
      .enum(['reactive', 'proactive', 'highly_proactive'])
      .describe('How far the intervention acts before harm rather than in response to it.'),
    specificity: z
      .enum(['general', 'focused'])
      .describe('Whether the intervention is general or focused on a specific problem.'),
  })
  .strict()
  .describe(
    'Where the research sits on the Evidence-Based Policing Matrix: its target, proactivity and specificity.',
  );

const isoDate = z.iso.date();

export const EthicsSchema = z
  .discriminatedUnion('status', [
    z
      .object({
        status: z.literal('approved').describe('Approved, pending or not required.'),
        board: z.string().min(2).max(200).describe('The ethics board that considers the research.'),
        reference: z.string().min(1).max(100).describe('The ethics board’s reference.'),
        approvedOn: isoDate.describe('When the ethics board approved the research.'),
        expiresOn: isoDate.optional().describe('When the ethics approval ends, if it does.'),
      })
      .strict(),
    z
      .object({
        status: z.literal('pending'),
        board: z.string().min(2).max(200),
        reference: z.string().max(100).optional(),
      })
      .strict(),
    z
      .object({
        status: z.literal('not_required'),
        reason: z
          .string()
          .min(10)
          .max(2_000)
          .describe('Why the research needs no ethics approval.'),
      })
      .strict(),
  ])
  .describe(
    'The ethics position: approved (board, reference, dates), pending (board), or not required (why).',
  );
export type Ethics = z.infer<typeof EthicsSchema>;

export const OutcomeSchema = z
  .object({
    name: z.string().min(3).max(300).describe('The outcome’s name.'),
    measure: z.string().min(3).max(1_000).describe('How the outcome is measured.'),
  })
  .strict()
  .describe('An outcome registered before the research starts, and how it is measured.');
export type Outcome = z.infer<typeof OutcomeSchema>;

export const PreRegisteredOutcomesSchema = z
  .object({
    primary: z
      .array(OutcomeSchema)
      .min(1, 'at least one primary outcome must be pre-registered')
      .max(10)
      .describe('The outcomes the research is designed to test; at least one.'),
    secondary: z.array(OutcomeSchema).max(20).describe('Further outcomes the research reports on.'),
  })
  .strict()
  .describe('The primary and secondary outcomes, registered before the research starts.');
export type PreRegisteredOutcomes = z.infer<typeof PreRegisteredOutcomesSchema>;

/** The fields of a research proposal, before the checks across fields. */
const ProjectProposalFieldsSchema = z
  .object({
    title: z.string().trim().min(5).max(300).describe('The project’s title.'),
    summary: z.string().trim().min(20).max(5_000).describe('Plain-English summary.'),
    researchQuestions: z
      .array(z.string().min(5).max(1_000))
      .min(1)
      .max(10)
      .describe('The questions the research sets out to answer.'),
    ebpLevel: EbpLevelSchema,
    priorityIds: z
      .array(z.string().min(1).max(100))
      .max(10)
      .describe('The Research Plan priorities (ids) the project serves.'),
    design: z.string().min(5).max(2_000).describe('The research design, in a few sentences.'),
    methods: z
      .array(z.string().min(2).max(100))
      .min(1)
      .max(20)
      .describe('The research methods used, matched through the research methods vocabulary.'),
    plannedSmsLevel: SmsLevelSchema.describe(
      'The Maryland Scientific Methods Scale level the design aims for (1 to 5).',
    ),
    ebpMatrix: EbpMatrixSchema,
    plannedStart: isoDate.describe('When the research is planned to start.'),
    plannedEnd: isoDate.describe('When the research is planned to end; after the start.'),
    owningUnit: z.string().min(2).max(200).describe('The unit of the force that owns the project.'),
    leadId: z.string().min(1).max(100).describe('The person (id) who leads the research.'),
    ethics: EthicsSchema,
    classification: ClassificationSchema.describe(
      'The project’s protective marking; OFFICIAL-SENSITIVE projects are shown only to those who need to know.',
    ),
    needToKnow: z
      .array(z.string().min(1).max(100))
      .max(200)
      .optional()
      .describe(
        'People (ids) who, besides the lead and proposer, need to know an OFFICIAL-SENSITIVE project.',
      ),
    outcomes: PreRegisteredOutcomesSchema,
  })
  .strict();

/** Everything a research proposal states; amendments change these fields. */
export const ProjectProposalSchema = ProjectProposalFieldsSchema.refine(
  (proposal) => proposal.plannedEnd > proposal.plannedStart,
  { message: 'the planned end must be after the planned start', path: ['plannedEnd'] },
).describe(
  'A research proposal: questions, design, EBP Matrix, ethics and pre-registered outcomes.',
);
export type ProjectProposal = z.infer<typeof ProjectProposalSchema>;
export type ProposalField = keyof ProjectProposal;

/**
 * An amendment's changes: any of the proposal's fields, each checked as the proposal checks it
 * (the amended proposal as a whole is then checked again).
 */
export const ProjectProposalChangesSchema = ProjectProposalFieldsSchema.partial().describe(
  'The proposal fields an amendment changes, with their new values; fields left out stay as they are.',
);
export type ProjectProposalChanges = z.infer<typeof ProjectProposalChangesSchema>;

/** DESIGN.md §6: the project lifecycle. */
export const ProjectStatusSchema = z
  .enum([
    'proposed',
    'submitted',
    'under_review',
    'approved',
    'rejected',
    'deferred',
    'in_progress',
    'suspended',
    'completed',
    'stopped',
    'withdrawn',
  ])
  .describe('Where a research project is in its lifecycle.');
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** What the EBP Committee decides on a submitted proposal. */
export const CommitteeDecisionSchema = z
  .enum(['approve', 'reject', 'defer'])
  .describe('The EBP Committee’s decision on a submitted proposal.');
export type CommitteeDecision = z.infer<typeof CommitteeDecisionSchema>;

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

/** How a design fares against one criterion. */
export const QaResultSchema = z
  .enum(['met', 'not_met', 'not_applicable'])
  .describe('How the design fares against one criterion.');
export type QaResult = z.infer<typeof QaResultSchema>;

export const QaChecklistSchema = z
  .record(QaCriterionSchema, QaResultSchema)
  .describe(
    'The national research-design and statistical standards checklist: an answer for every criterion.',
  );
export type QaChecklist = z.infer<typeof QaChecklistSchema>;

export const ReviewVerdictSchema = z
  .enum(['meets_standards', 'revisions_required', 'does_not_meet_standards'])
  .describe('A quality-assurance review’s verdict on the research design.');
export type ReviewVerdict = z.infer<typeof ReviewVerdictSchema>;

/** An EMMIE rating of the evidence, or of its quality. */
export const EmmieRatingSchema = z
  .enum(['strong', 'moderate', 'limited', 'none'])
  .describe('An EMMIE rating.');
/** One EMMIE dimension: how strong the evidence is, and how good. */
export const EmmieDimensionSchema = z
  .object({
    evidence: EmmieRatingSchema.describe('How strong the evidence is.'),
    quality: EmmieRatingSchema.describe('How good that evidence is.'),
  })
  .strict()
  .describe('One EMMIE dimension: the rating of its evidence, and of that evidence’s quality.');
export const EmmieSchema = z
  .object({
    effect: EmmieDimensionSchema.describe(
      'Did the intervention change the outcome, and by how much.',
    ),
    mechanism: EmmieDimensionSchema.describe('How the intervention works.'),
    moderators: EmmieDimensionSchema.describe('Where and for whom it works, or does not.'),
    implementation: EmmieDimensionSchema.describe('What it takes to implement it.'),
    economicCost: EmmieDimensionSchema.describe('What it costs.'),
  })
  .strict()
  .describe(
    'EMMIE ratings: effect, mechanism, moderators, implementation and economic cost, each rated for its evidence and the quality of that evidence.',
  );

export const ReportedOutcomeSchema = z
  .object({
    name: z.string().min(3).max(300).describe('The outcome’s name.'),
    primary: z.boolean().describe('Whether it is a primary outcome.'),
    result: z.string().min(3).max(2_000).describe('What the research found for this outcome.'),
  })
  .strict()
  .describe('An outcome the research reports, whether it is a primary one, and what was found.');

/** Which way the intervention moved the primary outcomes. */
export const EffectDirectionSchema = z
  .enum(['positive', 'negative', 'mixed', 'no_effect', 'inconclusive'])
  .describe('Which way the intervention moved the primary outcomes.');
export type EffectDirection = z.infer<typeof EffectDirectionSchema>;

export const FindingsSchema = z
  .object({
    summary: z.string().min(20).max(10_000).describe('What the research found, in plain English.'),
    effectDirection: EffectDirectionSchema,
    achievedSmsLevel: SmsLevelSchema.describe(
      'The Maryland Scientific Methods Scale level the research achieved (1 to 5).',
    ),
    emmie: EmmieSchema,
    reportedOutcomes: z
      .array(ReportedOutcomeSchema)
      .min(1)
      .max(30)
      .describe('Every outcome the research reports; compared with those pre-registered.'),
  })
  .strict()
  .describe(
    'A completed project’s findings: what was found, the direction of effect, the SMS level achieved, EMMIE ratings and the outcomes reported.',
  );
export type Findings = z.infer<typeof FindingsSchema>;
