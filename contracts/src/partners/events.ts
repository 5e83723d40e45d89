import { z } from 'zod';
import { defineEvents } from '../envelope';
import {
  AcademicSchema,
  AffiliationSchema,
  AgreementSchema,
  CollaborationSchema,
  EngagementSchema,
  OrganisationSchema,
  OutcomeChannelSchema,
  PartnerIdSchema,
  RecordedPartnerOutcomeSchema,
} from './partner';

const id = z.string().min(1).max(100);
const isoDate = z.iso.date();
const reason = z.string().min(2).max(2000);

export const partnersEventData = {
  'partners.organisation.registered': z
    .object({ organisationId: PartnerIdSchema, organisation: OrganisationSchema, by: id })
    .strict(),
  'partners.organisation.updated': z
    .object({ organisationId: PartnerIdSchema, organisation: OrganisationSchema, by: id })
    .strict(),
  'partners.academic.registered': z
    .object({ academicId: PartnerIdSchema, academic: AcademicSchema, by: id })
    .strict(),
  'partners.academic.affiliated': z
    .object({ academicId: PartnerIdSchema, affiliation: AffiliationSchema, by: id })
    .strict(),
  'partners.academic.affiliation-ended': z
    .object({ academicId: PartnerIdSchema, organisationId: PartnerIdSchema, on: isoDate, by: id })
    .strict(),
  'partners.agreement.signed': z
    .object({ agreementId: id, agreement: AgreementSchema, by: id })
    .strict(),
  'partners.agreement.renewed': z.object({ agreementId: id, expiresOn: isoDate, by: id }).strict(),
  'partners.agreement.terminated': z
    .object({ agreementId: id, on: isoDate, reason, by: id })
    .strict(),
  'partners.collaboration.started': z
    .object({ collaboration: CollaborationSchema, by: id })
    .strict(),
  'partners.collaboration.ended': z
    .object({ projectId: id, partnerId: PartnerIdSchema, on: isoDate, by: id })
    .strict(),
  'partners.engagement.recorded': z
    .object({ engagementId: id, engagement: EngagementSchema, by: id })
    .strict(),
  'partners.outcome.submitted': z
    .object({
      submissionId: id,
      organisationId: PartnerIdSchema,
      channel: OutcomeChannelSchema,
      outcome: RecordedPartnerOutcomeSchema,
    })
    .strict(),
  /** Accepted by a moderator: the register (reported outcomes) and dissemination consume it. */
  'partners.outcome.published': z
    .object({
      submissionId: id,
      organisationId: PartnerIdSchema,
      outcome: RecordedPartnerOutcomeSchema,
      acceptedBy: id,
    })
    .strict(),
  'partners.outcome.rejected': z.object({ submissionId: id, reason, rejectedBy: id }).strict(),
  'partners.quarantine.held': z
    .object({
      itemId: id,
      channel: OutcomeChannelSchema,
      organisationId: PartnerIdSchema.nullable(),
      reason,
      /** The input as received (truncated to 64 KiB), for an administrator to inspect. */
      received: z.string().max(65_536),
    })
    .strict(),
  'partners.quarantine.resubmitted': z.object({ itemId: id, submissionId: id, by: id }).strict(),
  'partners.quarantine.discarded': z.object({ itemId: id, reason, by: id }).strict(),
} as const;

export type PartnersEventType = keyof typeof partnersEventData;
export type PartnersEventData<Type extends PartnersEventType> = z.infer<
  (typeof partnersEventData)[Type]
>;

export const partnersEventContracts = defineEvents(partnersEventData);
