import { z } from 'zod';
import { OrcidSchema } from '../identifiers';

const text = (max: number) => z.string().trim().min(2).max(max);
const isoDate = z.iso.date();

export const CredentialSchema = z
  .object({
    level: z.enum(['certificate', 'diploma', 'bachelor', 'master', 'doctorate', 'professional']),
    subject: text(200),
    institution: text(200),
    year: z.int().min(1950).max(2100),
  })
  .strict();
export type Credential = z.infer<typeof CredentialSchema>;

/** Research-method skill levels: 1 aware, 2 practised, 3 proficient, 4 can teach it. */
export const SkillLevelSchema = z.int().min(1).max(4);

export const SkillSchema = z.object({ method: text(100), selfAssessed: SkillLevelSchema }).strict();
export type Skill = z.infer<typeof SkillSchema>;

export const ContactSchema = z
  .object({
    email: z.email(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a telephone number')
      .optional(),
  })
  .strict();

/** The shared ORCID iD schema (check digit included), kept under its old name here. */
export { OrcidSchema };

/** What a person says about themselves; the personal fields are sealed in events (PERSONAL_FIELDS). */
export const PersonProfileSchema = z
  .object({
    name: text(200),
    rankOrGrade: z.string().trim().min(1).max(100),
    unit: text(200),
    contact: ContactSchema,
    credentials: z.array(CredentialSchema).max(20),
    skills: z.array(SkillSchema).max(50),
    topics: z.array(text(100)).max(30),
    availability: z
      .object({ willing: z.boolean(), hoursPerMonth: z.int().min(0).max(160).optional() })
      .strict(),
    orcid: OrcidSchema.optional(),
    consent: z
      .object({ listedInExpertiseFinder: z.boolean(), contactableByResearchers: z.boolean() })
      .strict(),
  })
  .strict();
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

export const ErasureReasonSchema = z.enum([
  'subject_request',
  'left_the_force',
  'retention_expired',
]);

export const AuditQuestionSchema = z
  .object({ questionId: z.string().min(1).max(50), skill: text(100), text: text(500) })
  .strict();

export const SkillsAuditSchema = z
  .object({
    title: text(300),
    questions: z.array(AuditQuestionSchema).min(1).max(50),
    targetUnits: z.array(text(200)).min(1).max(100),
    opensOn: isoDate,
    closesOn: isoDate,
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
  );
export type SkillsAudit = z.infer<typeof SkillsAuditSchema>;

/** 0 none, 1 aware, 2 practised, 3 proficient, 4 can teach it. */
export const AuditAnswerSchema = z
  .object({ questionId: z.string().min(1).max(50), level: z.int().min(0).max(4) })
  .strict();

export const InvolvementRoleSchema = z.enum([
  'lead',
  'researcher',
  'analyst',
  'champion',
  'adviser',
]);
export type InvolvementRole = z.infer<typeof InvolvementRoleSchema>;

export const InvolvementEndReasonSchema = z.enum([
  'left',
  'project_completed',
  'project_stopped',
  'project_withdrawn',
]);
