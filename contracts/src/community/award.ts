import { z } from 'zod';

const text = (max: number) => z.string().trim().min(2).max(max);
const isoDate = z.iso.date();
const id = z.string().min(1).max(100);

/**
 * A round of the Commissioner's EBP award and fund: nominations for the award and applications
 * to the fund are taken between its dates; the EBP Committee decides them once it closes. Money
 * is in whole pounds.
 */
export const AwardRoundSchema = z
  .object({
    title: text(300).describe(
      "The round's title, e.g. the Commissioner's EBP award and fund 2026.",
    ),
    opensOn: isoDate.describe('The first day it takes nominations and applications (YYYY-MM-DD).'),
    closesOn: isoDate.describe(
      'The last day it takes nominations and applications (YYYY-MM-DD), after the first.',
    ),
    fundBudget: z
      .int()
      .min(0)
      .max(10_000_000)
      .describe(
        'What the fund may award in this round, in whole pounds; 0 for an award-only round.',
      ),
  })
  .strict()
  .refine((round) => round.closesOn > round.opensOn, {
    message: 'the round must close after it opens',
    path: ['closesOn'],
  })
  .describe("A round of the Commissioner's EBP award and fund.");
export type AwardRound = z.infer<typeof AwardRoundSchema>;

/** A nomination for the award. The citation is about the nominee: it is sealed under their key. */
export const NominationSchema = z
  .object({
    nomineeId: id,
    citation: text(4000),
    projectIds: z.array(id).max(10).default([]),
  })
  .strict();
export type Nomination = z.infer<typeof NominationSchema>;

/** An application to the fund, for research the applicant will lead. */
export const FundApplicationSchema = z
  .object({
    title: text(300).describe('What the research is called.'),
    summary: text(4000).describe('What the research will do and why, in plain English.'),
    amountRequested: z
      .int()
      .min(1)
      .max(10_000_000)
      .describe('What the applicant asks the fund for, in whole pounds.'),
    projectId: id
      .optional()
      .describe('The research project the money is for, if it is on the register.'),
  })
  .strict()
  .describe('An application to the fund, for research the applicant will lead.');
export type FundApplication = z.infer<typeof FundApplicationSchema>;

export const NominationOutcomeSchema = z
  .enum(['awarded', 'commended', 'not_awarded'])
  .describe("The committee's decision on a nomination for the award.");
export type NominationOutcome = z.infer<typeof NominationOutcomeSchema>;
export const FundOutcomeSchema = z
  .enum(['funded', 'declined'])
  .describe("The committee's decision on an application to the fund.");
export type FundOutcome = z.infer<typeof FundOutcomeSchema>;

/** Award-round fields sealed under the nominee's key (crypto-shredded with the person). */
export const AWARD_PERSONAL_FIELDS = ['citation'] as const;
