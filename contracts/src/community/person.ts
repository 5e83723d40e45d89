import { z } from 'zod';
import { OrcidSchema } from '../identifiers';

const text = (max: number) => z.string().trim().min(2).max(max);
const isoDate = z.iso.date();

export const CredentialSchema = z
  .object({
    level: z
      .enum(['certificate', 'diploma', 'bachelor', 'master', 'doctorate', 'professional'])
      .describe('The level of a qualification.'),
    subject: text(200).describe('What it is in, e.g. Applied Criminology.'),
    institution: text(200).describe('Who awarded it.'),
    year: z.int().min(1950).max(2100).describe('The year it was awarded.'),
  })
  .strict()
  .describe('A qualification the person holds.');
export type Credential = z.infer<typeof CredentialSchema>;

/** Research-method skill levels: 1 aware, 2 practised, 3 proficient, 4 can teach it. */
export const SkillLevelSchema = z
  .int()
  .min(1)
  .max(4)
  .describe('A skill level: 1 aware, 2 practised, 3 proficient, 4 can teach it.');

export const SkillSchema = z
  .object({
    method: text(100).describe('The research method, e.g. randomised controlled trial.'),
    selfAssessed: SkillLevelSchema,
  })
  .strict()
  .describe('A research method the person has, at the level they give themselves.');
export type Skill = z.infer<typeof SkillSchema>;

export const ContactSchema = z
  .object({
    email: z.email().describe('A work email address.'),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a telephone number')
      .optional()
      .describe('A work telephone number.'),
  })
  .strict()
  .describe('How to reach the person.');

/** The shared ORCID iD schema (check digit included), kept under its old name here. */
export { OrcidSchema };

/** What a person says about themselves; the personal fields are sealed in events (PERSONAL_FIELDS). */
export const PersonProfileSchema = z
  .object({
    name: text(200).describe("The person's name (personal: sealed, shredded on erasure)."),
    rankOrGrade: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('Their rank or grade, e.g. Police Sergeant.'),
    unit: text(200).describe('The unit they work in, e.g. Central West BCU.'),
    contact: ContactSchema,
    credentials: z
      .array(CredentialSchema)
      .max(20)
      .describe('Their qualifications (personal: sealed, shredded on erasure).'),
    skills: z.array(SkillSchema).max(50).describe('The research methods they have.'),
    topics: z.array(text(100)).max(30).describe('The topics they are interested in.'),
    availability: z
      .object({
        willing: z.boolean().describe('Whether they are willing to contribute to research.'),
        hoursPerMonth: z
          .int()
          .min(0)
          .max(160)
          .optional()
          .describe('How many hours a month they could give.'),
      })
      .strict()
      .describe('Whether and how much they can contribute to research.'),
    orcid: OrcidSchema.optional(),
    consent: z
      .object({
        listedInExpertiseFinder: z
          .boolean()
          .describe('Whether the expertise finder may list them.'),
        contactableByResearchers: z
          .boolean()
          .describe('Whether those who build research teams may see their contact details.'),
      })
      .strict()
      .describe('What they agreed to.'),
  })
  .strict()
  .describe('What a person says about themselves.');
export type PersonProfile = z.infer<typeof PersonProfileSchema>;
export type ProfileField = keyof PersonProfile;

/** Fields that identify the person: sealed under their key, shredded on erasure. */
export const PERSONAL_FIELDS = [
  'name',
  'contact',
  'credentials',
  'orcid',
] as const satisfies readonly ProfileField[];

export const ChampionAreaSchema = text(200);

export const ErasureReasonSchema = z
  .enum(['subject_request', 'left_the_force', 'retention_expired'])
  .describe(
    "Why a person's data is erased: they asked, they left the force, or it was kept as long as it may be.",
  );

export const AuditQuestionSchema = z
  .object({
    questionId: z.string().min(1).max(50).describe("The question's id, as answers name it."),
    skill: text(100).describe('The skill (e.g. a research method) the question is about.'),
    text: text(500).describe('The question as put to people.'),
  })
  .strict()
  .describe('A question of a skills audit.');

export const SkillsAuditSchema = z
  .object({
    title: text(300).describe("The audit's title."),
    questions: z.array(AuditQuestionSchema).min(1).max(50).describe('What it asks.'),
    targetUnits: z.array(text(200)).min(1).max(100).describe('The units whose people it asks.'),
    opensOn: isoDate.describe('The first day it takes answers (YYYY-MM-DD).'),
    closesOn: isoDate.describe('The last day it takes answers (YYYY-MM-DD), after the first.'),
  })
  .strict()
  .refine((audit) => audit.closesOn > audit.opensOn, {
    message: 'the audit must close after it opens',
    path: ['closesOn'],
  })
  .refine(
    (audit) =>
      new Set(audit.questions.map((question) => question.questionId)).size ===
      audit.questions.length,
    { message: 'question ids must be unique', path: ['questions'] },
  )
  .describe('A skills audit: what it asks, of which units, and when.');
export type SkillsAudit = z.infer<typeof SkillsAuditSchema>;

/** 0 none, 1 aware, 2 practised, 3 proficient, 4 can teach it. */
export const AuditAnswerSchema = z
  .object({
    questionId: z.string().min(1).max(50).describe('The question answered.'),
    level: z
      .int()
      .min(0)
      .max(4)
      .describe('0 none, 1 aware, 2 practised, 3 proficient, 4 can teach it.'),
  })
  .strict()
  .describe("One answer to a skills audit's question.");

export const InvolvementRoleSchema = z
  .enum(['lead', 'researcher', 'analyst', 'champion', 'adviser'])
  .describe("A person's part in a research project.");
export type InvolvementRole = z.infer<typeof InvolvementRoleSchema>;

export const InvolvementEndReasonSchema = z
  .enum(['left', 'project_completed', 'project_stopped', 'project_withdrawn'])
  .describe("Why a person's part in a project ended: they left, or the project ended.");
