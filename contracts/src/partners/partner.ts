import { z } from 'zod';
import { HttpUrlSchema } from '../http-url';
import { DoiSchema, OrcidSchema, RorIdSchema } from '../identifiers';

const text = (max: number) => z.string().trim().min(2).max(max);
export const IsoDateSchema = z.iso.date();
const isoDate = IsoDateSchema;
export const PartnerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'must be lower case letters, digits and hyphens');

export const OrganisationKindSchema = z.enum([
  'university',
  'consortium',
  'college_of_policing',
  'mopac',
  'society_of_evidence_based_policing',
  'police_force',
  'third_sector',
  'other',
]);

/** The shared ROR id schema (checksum included), kept under its old name here. */
export { RorIdSchema };

export const PartnerContactSchema = z
  .object({ name: text(200), role: text(200), email: z.email() })
  .strict();

export const OrganisationSchema = z
  .object({
    name: text(300),
    kind: OrganisationKindSchema,
    rorId: RorIdSchema.optional(),
    expertise: z.array(text(100)).max(50),
    contacts: z.array(PartnerContactSchema).max(20),
  })
  .strict();
export type Organisation = z.infer<typeof OrganisationSchema>;

export const AffiliationSchema = z
  .object({ organisationId: PartnerIdSchema, from: isoDate, until: isoDate.optional() })
  .strict()
  .refine((affiliation) => !affiliation.until || affiliation.until >= affiliation.from, {
    message: 'an affiliation cannot end before it starts',
    path: ['until'],
  });

export const AcademicSchema = z
  .object({
    name: text(200),
    orcid: OrcidSchema.optional(),
    expertise: z.array(text(100)).max(50),
    affiliations: z.array(AffiliationSchema).max(20),
  })
  .strict();
export type Academic = z.infer<typeof AcademicSchema>;

export const AgreementSchema = z
  .object({
    kind: z.enum(['memorandum_of_understanding', 'data_sharing']),
    title: text(300),
    partyIds: z.array(PartnerIdSchema).min(1).max(20),
    scope: text(4000),
    startsOn: isoDate,
    expiresOn: isoDate,
  })
  .strict()
  .refine((agreement) => agreement.expiresOn > agreement.startsOn, {
    message: 'an agreement must expire after it starts',
    path: ['expiresOn'],
  });
export type Agreement = z.infer<typeof AgreementSchema>;

export const PartnerRefSchema = z
  .object({ kind: z.enum(['organisation', 'academic']), id: PartnerIdSchema })
  .strict();
export type PartnerRef = z.infer<typeof PartnerRefSchema>;

export const CollaborationRoleSchema = z.enum([
  'co_investigator',
  'evaluator',
  'funder',
  'data_provider',
]);

export const CollaborationSchema = z
  .object({
    projectId: z.string().min(1).max(100),
    partner: PartnerRefSchema,
    role: CollaborationRoleSchema,
    from: isoDate,
    until: isoDate.optional(),
  })
  .strict();
export type Collaboration = z.infer<typeof CollaborationSchema>;

export const EngagementSchema = z
  .object({
    kind: z.enum(['meeting', 'research_fair', 'master_class']),
    title: text(300),
    on: isoDate,
    organisationIds: z.array(PartnerIdSchema).max(50),
    academicIds: z.array(PartnerIdSchema).max(50),
    /** Members of staff who took part (the community's person ids). */
    peopleIds: z.array(z.string().min(1).max(100)).max(200),
  })
  .strict()
  .refine((engagement) => engagement.organisationIds.length + engagement.academicIds.length > 0, {
    message: 'an engagement involves at least one organisation or academic',
  });
export type Engagement = z.infer<typeof EngagementSchema>;

/**
 * An outcome a partner publishes for a project it collaborates on, by signed webhook or on the
 * inbound Kafka topic: findings, a publication (with its DOI), a dataset or a presentation. Its
 * link is `http` or `https` only.
 */
export const PartnerOutcomeSchema = z
  .object({
    projectId: z.string().min(1).max(100),
    kind: z.enum(['findings', 'publication', 'dataset', 'presentation']),
    title: text(500),
    summary: text(4000).optional(),
    doi: DoiSchema.optional(),
    url: HttpUrlSchema.optional(),
    publishedOn: isoDate,
  })
  .strict()
  .refine((outcome) => outcome.kind !== 'publication' || outcome.doi !== undefined, {
    message: 'a publication needs its DOI',
    path: ['doi'],
  });
export type PartnerOutcome = z.infer<typeof PartnerOutcomeSchema>;

/**
 * An outcome as the events record it: outcomes received before links had to be `http` or `https`
 * keep theirs, so the services that read published outcomes never fail on them.
 */
export const RecordedPartnerOutcomeSchema = PartnerOutcomeSchema.safeExtend({
  url: z.url().optional(),
});

/** How an outcome arrived. */
export const OutcomeChannelSchema = z.enum(['webhook', 'kafka', 'resubmission']);
