import { z } from 'zod';
import { defineEvents } from '../envelope';
import {
  AuditAnswerSchema,
  ChampionAreaSchema,
  ContactSchema,
  CredentialSchema,
  ErasureReasonSchema,
  InvolvementEndReasonSchema,
  InvolvementRoleSchema,
  OrcidSchema,
  PersonProfileSchema,
  SkillLevelSchema,
  SkillsAuditSchema,
} from './person';
import {
  BusinessAreaSchema,
  QuestionSetSchema,
  RankBandSchema,
  SurveyAnswerSchema,
  SurveyCampaignSchema,
} from './benchmarking';
import {
  AwardRoundSchema,
  FundApplicationSchema,
  FundOutcomeSchema,
  NominationOutcomeSchema,
} from './award';

const id = z.string().min(1).max(100);
const isoDate = z.iso.date();

/**
 * A personal field as it travels: sealed (AES-256-GCM under the person's key) or, after erasure,
 * redacted. Consumers never see it in clear on the bus.
 */
export const SealedFieldSchema = z.union([
  z
    .object({
      sealedWith: z.literal('aes-256-gcm/v1'),
      subject: z.string(),
      iv: z.string(),
      data: z.string(),
      tag: z.string(),
    })
    .strict(),
  z.object({ redacted: z.literal(true) }).strict(),
]);

const profileShape = PersonProfileSchema.shape;

export const communityEventData = {
  'community.person.registered': PersonProfileSchema.extend({
    personId: id,
    registeredBy: id,
  }).strict(),
  'community.person.profile-updated': z
    .object({
      personId: id,
      updatedBy: id,
      changedFields: z.array(z.string()).min(1),
      name: profileShape.name.optional(),
      rankOrGrade: profileShape.rankOrGrade.optional(),
      unit: profileShape.unit.optional(),
      contact: ContactSchema.optional(),
      credentials: z.array(CredentialSchema).optional(),
      skills: profileShape.skills.optional(),
      topics: profileShape.topics.optional(),
      availability: profileShape.availability.optional(),
      orcid: OrcidSchema.optional(),
      consent: profileShape.consent.optional(),
    })
    .strict(),
  'community.person.skill-verified': z
    .object({ personId: id, method: z.string(), level: SkillLevelSchema, verifiedBy: id })
    .strict(),
  'community.person.champion-appointed': z
    .object({
      personId: id,
      area: ChampionAreaSchema,
      from: isoDate,
      until: isoDate.optional(),
      appointedBy: id,
    })
    .strict(),
  'community.person.champion-stood-down': z
    .object({ personId: id, area: ChampionAreaSchema, on: isoDate, by: id })
    .strict(),
  'community.person.training-recorded': z
    .object({
      personId: id,
      activityId: id,
      title: z.string().min(2).max(300),
      kind: z.enum(['course', 'master_class']).describe('What kind of training it was.'),
      attendedOn: isoDate,
    })
    .strict(),
  'community.person.erased': z
    .object({ personId: id, erasedBy: id, reason: ErasureReasonSchema })
    .strict(),
  'community.audit.launched': z
    .object({ auditId: id, audit: SkillsAuditSchema, launchedBy: id })
    .strict(),
  'community.audit.answered': z
    .object({
      auditId: id,
      personId: id,
      unit: z.string(),
      answers: z.array(AuditAnswerSchema).min(1),
    })
    .strict(),
  'community.audit.closed': z.object({ auditId: id, closedBy: id }).strict(),
  'community.involvement.joined': z
    .object({ personId: id, projectId: id, role: InvolvementRoleSchema, from: isoDate, by: id })
    .strict(),
  'community.involvement.ended': z
    .object({
      personId: id,
      projectId: id,
      on: isoDate,
      reason: InvolvementEndReasonSchema,
      by: id,
    })
    .strict(),
  'community.award-round.opened': z
    .object({ roundId: id, round: AwardRoundSchema, openedBy: id })
    .strict(),
  'community.award-round.nominated': z
    .object({
      roundId: id,
      nominationId: id,
      nomineeId: id,
      // Sealed under the nominee's key as stored; the schema describes it as written.
      citation: z.string().min(2).max(4000),
      projectIds: z.array(id).max(10),
      nominatedBy: id,
    })
    .strict(),
  'community.award-round.applied': z
    .object({
      roundId: id,
      applicationId: id,
      applicantId: id,
      application: FundApplicationSchema,
    })
    .strict(),
  'community.award-round.closed': z.object({ roundId: id, closedBy: id }).strict(),
  'community.award-round.nomination-decided': z
    .object({
      roundId: id,
      nominationId: id,
      outcome: NominationOutcomeSchema,
      reason: z.string().min(2).max(2000),
      decidedBy: id,
    })
    .strict(),
  'community.award-round.application-decided': z
    .object({
      roundId: id,
      applicationId: id,
      outcome: FundOutcomeSchema,
      amountAwarded: z.int().min(0),
      reason: z.string().min(2).max(2000),
      decidedBy: id,
    })
    .strict(),
  'community.survey.launched': z
    .object({
      campaignId: id,
      campaign: SurveyCampaignSchema,
      // The question set as it stood at launch: results never depend on a later version.
      questionSet: QuestionSetSchema,
      launchedBy: id,
    })
    .strict(),
  // Anonymous (decision 0038): no person, only a keyed hash of campaign and person that nobody
  // without the service's configured secret can compute, and coarse attributes.
  'community.survey.answered': z
    .object({
      campaignId: id,
      ballot: z
        .string()
        .length(64)
        .describe('HMAC-SHA256, in hex, of the campaign and the person.'),
      rankBand: RankBandSchema,
      businessArea: BusinessAreaSchema,
      answers: z.array(SurveyAnswerSchema).min(1),
    })
    .strict(),
  'community.survey.closed': z.object({ campaignId: id, closedBy: id }).strict(),
} as const;

export type CommunityEventType = keyof typeof communityEventData;
export type CommunityEventData<Type extends CommunityEventType> = z.infer<
  (typeof communityEventData)[Type]
>;

export const communityEventContracts = defineEvents(communityEventData);
