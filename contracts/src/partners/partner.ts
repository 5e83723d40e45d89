import { z } from 'zod';
import { HttpUrlSchema } from '../http-url';
import { DoiSchema, OrcidSchema, RorIdSchema } from '../identifiers';

const text = (max: number) => z.string().trim().min(2).max(max);
export const IsoDateSchema = z.iso.date();
const isoDate = IsoDateSchema;
export const PartnerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'must be lower case letters, digits and hyphens');

export const OrganisationKindSchema = z
  .enum([
    'university',
    'consortium',
    'college_of_policing',
    'mopac',
    'society_of_evidence_based_policing',
    'police_force',
    'third_sector',
    'other',
  ])
  .describe('What kind of organisation it is.');

/** The shared ROR id schema (checksum included), kept under its old name here. */
export { RorIdSchema };

export const PartnerContactSchema = z
  .object({
    name: text(200).describe("The contact's name."),
    role: text(200).describe('Their role at the organisation, e.g. Director of Studies.'),
    email: z.email().describe('Their work email address.'),
  })
  .strict()
  .describe('Someone to contact at a partner organisation.');

export const OrganisationSchema = z
  .object({
    name: text(300).describe("The organisation's name, 2 to 300 characters."),
    kind: OrganisationKindSchema,
    rorId: RorIdSchema.optional(),
    expertise: z
      .array(text(100))
      .max(50)
      .describe('Its areas of expertise, e.g. randomised controlled trials (at most 50).'),
    contacts: z
      .array(PartnerContactSchema)
      .max(20)
      .describe('The people to contact there (at most 20).'),
  })
  .strict()
  .describe('A partner organisation: a university, a consortium, a national body and so on.');
export type Organisation = z.infer<typeof OrganisationSchema>;

export const AffiliationSchema = z
  .object({
    organisationId: PartnerIdSchema.describe('The organisation (registered in the network).'),
    from: isoDate.describe('The day the affiliation began (YYYY-MM-DD).'),
    until: isoDate
      .optional()
      .describe('The day it ended (YYYY-MM-DD), not before it began; absent while it lasts.'),
  })
  .strict()
  .refine((affiliation) => !affiliation.until || affiliation.until >= affiliation.from, {
    message: 'an affiliation cannot end before it starts',
    path: ['until'],
  })
  .describe(
    "An academic's affiliation with a partner organisation, from a day and maybe until one.",
  );

export const AcademicSchema = z
  .object({
    name: text(200).describe("The academic's name, 2 to 200 characters."),
    orcid: OrcidSchema.optional(),
    expertise: z
      .array(text(100))
      .max(50)
      .describe('Their areas of expertise, e.g. realist evaluation (at most 50).'),
    affiliations: z
      .array(AffiliationSchema)
      .max(20)
      .describe('The organisations they are or were affiliated with (at most 20).'),
  })
  .strict()
  .describe('An academic in the research network.');
export type Academic = z.infer<typeof AcademicSchema>;

export const AgreementSchema = z
  .object({
    kind: z
      .enum(['memorandum_of_understanding', 'data_sharing'])
      .describe('What kind of agreement it is: a memorandum of understanding or data sharing.'),
    title: text(300).describe("The agreement's title, 2 to 300 characters."),
    partyIds: z
      .array(PartnerIdSchema)
      .min(1)
      .max(20)
      .describe('The organisations party to it (1 to 20, each registered in the network).'),
    scope: text(4000).describe('What it covers, 2 to 4,000 characters.'),
    startsOn: isoDate.describe('The day it takes effect (YYYY-MM-DD).'),
    expiresOn: isoDate.describe(
      'The last day it is in force unless renewed (YYYY-MM-DD), after the day it takes effect.',
    ),
  })
  .strict()
  .refine((agreement) => agreement.expiresOn > agreement.startsOn, {
    message: 'an agreement must expire after it starts',
    path: ['expiresOn'],
  })
  .describe('An agreement between the force and partner organisations.');
export type Agreement = z.infer<typeof AgreementSchema>;

export const PartnerRefSchema = z
  .object({
    kind: z
      .enum(['organisation', 'academic'])
      .describe('Whether the partner is an organisation or an academic.'),
    id: PartnerIdSchema.describe("The organisation's or academic's id."),
  })
  .strict()
  .describe('A partner in the network: an organisation or an academic.');
export type PartnerRef = z.infer<typeof PartnerRefSchema>;

export const CollaborationRoleSchema = z
  .enum(['co_investigator', 'evaluator', 'funder', 'data_provider'])
  .describe('The part a partner plays in a project.');

export const CollaborationSchema = z
  .object({
    projectId: z.string().min(1).max(100).describe("The register's project."),
    partner: PartnerRefSchema,
    role: CollaborationRoleSchema,
    from: isoDate.describe('The day the collaboration begins (YYYY-MM-DD).'),
    until: isoDate.optional().describe('The day it is planned to end (YYYY-MM-DD), if known.'),
  })
  .strict()
  .describe('A partner linked to a register project with a role.');
export type Collaboration = z.infer<typeof CollaborationSchema>;

export const EngagementSchema = z
  .object({
    kind: z
      .enum(['meeting', 'research_fair', 'master_class'])
      .describe('What kind of engagement it was: a meeting, a research fair or a master class.'),
    title: text(300).describe('What it was, 2 to 300 characters.'),
    on: isoDate.describe('The day it took place (YYYY-MM-DD).'),
    organisationIds: z
      .array(PartnerIdSchema)
      .max(50)
      .describe('The organisations that took part (registered in the network).'),
    academicIds: z
      .array(PartnerIdSchema)
      .max(50)
      .describe('The academics who took part (registered in the network).'),
    /** Members of staff who took part (the community's person ids). */
    peopleIds: z
      .array(z.string().min(1).max(100))
      .max(200)
      .describe("The members of staff who took part (the community's person ids)."),
  })
  .strict()
  .refine((engagement) => engagement.organisationIds.length + engagement.academicIds.length > 0, {
    message: 'an engagement involves at least one organisation or academic',
  })
  .describe(
    'A meeting, research fair or master class with partners (at least one organisation or academic), and the staff who took part.',
  );
export type Engagement = z.infer<typeof EngagementSchema>;

/**
 * An outcome a partner publishes for a project it collaborates on, by signed webhook or on the
 * inbound Kafka topic: findings, a publication (with its DOI), a dataset or a presentation. Its
 * link is `http` or `https` only.
 */
export const PartnerOutcomeSchema = z
  .object({
    projectId: z
      .string()
      .min(1)
      .max(100)
      .describe("The register's project the partner collaborates on."),
    kind: z
      .enum(['findings', 'publication', 'dataset', 'presentation'])
      .describe('What kind of outcome it is.'),
    title: text(500).describe('Its title, 2 to 500 characters.'),
    summary: text(4000).optional().describe('A summary, 2 to 4,000 characters.'),
    doi: DoiSchema.optional().describe('Its DOI: required for a publication.'),
    url: HttpUrlSchema.optional().describe('A link to it (http or https).'),
    publishedOn: isoDate.describe('The day it was published (YYYY-MM-DD).'),
  })
  .strict()
  .refine((outcome) => outcome.kind !== 'publication' || outcome.doi !== undefined, {
    message: 'a publication needs its DOI',
    path: ['doi'],
  })
  .describe(
    'An outcome a partner publishes for a project it collaborates on: findings, a publication (with its DOI), a dataset or a presentation.',
  );
export type PartnerOutcome = z.infer<typeof PartnerOutcomeSchema>;

/**
 * An outcome as the events record it: outcomes received before links had to be `http` or `https`
 * keep theirs, so the services that read published outcomes never fail on them.
 */
export const RecordedPartnerOutcomeSchema = PartnerOutcomeSchema.safeExtend({
  url: z.url().optional(),
});

/** How an outcome arrived. */
export const OutcomeChannelSchema = z
  .enum(['webhook', 'kafka', 'resubmission'])
  .describe(
    'How an outcome arrived: by signed webhook, on the inbound Kafka topic, or resubmitted by an administrator from the quarantine.',
  );
