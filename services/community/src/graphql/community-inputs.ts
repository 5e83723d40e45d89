import { contractTypeDefs, type ContractTypes } from '@ebp/platform';
import { community } from '@ebp/contracts';
import { ProfileChangesSchema } from '../people/person.decider';

const profile = community.PersonProfileSchema.shape;

/**
 * The community mutations' input types and enums, and the object types of the answers that carry
 * a contract's value, generated from the zod contracts that check them (decision 0022): the
 * schema and the contracts cannot disagree.
 */
export const communityContractTypes: ContractTypes = {
  inputs: {
    AwardRoundInput: community.AwardRoundSchema,
    FundApplicationInput: community.FundApplicationSchema,
    PersonProfileInput: community.PersonProfileSchema,
    PersonProfileChangesInput: ProfileChangesSchema,
    SkillsAuditInput: community.SkillsAuditSchema,
    SkillsAuditAnswerInput: community.AuditAnswerSchema,
    SurveyCampaignInput: community.SurveyCampaignSchema,
    SurveyAnswerInput: community.SurveyAnswerSchema,
  },
  names: [
    [community.ContactSchema, 'PersonContactInput'],
    [community.CredentialSchema, 'CredentialInput'],
    [community.CredentialSchema.shape.level, 'CredentialLevel'],
    [community.SkillSchema, 'PersonSkillInput'],
    [profile.availability, 'AvailabilityInput'],
    [profile.consent, 'PersonConsentInput'],
    [community.AuditQuestionSchema, 'SkillsAuditQuestionInput'],
  ],
  enums: [
    [community.NominationOutcomeSchema, 'NominationOutcome'],
    [community.FundOutcomeSchema, 'FundOutcome'],
    [community.InvolvementRoleSchema, 'InvolvementRole'],
    [community.InvolvementEndReasonSchema, 'InvolvementEndReason'],
    [community.ErasureReasonSchema, 'ErasureReason'],
    [community.RankBandSchema, 'RankBand'],
    [community.BusinessAreaSchema, 'BusinessArea'],
    [community.SurveyQuestionKindSchema, 'SurveyQuestionKind'],
    [community.communityEventData['community.person.training-recorded'].shape.kind, 'TrainingKind'],
  ],
  outputs: {
    Credential: community.CredentialSchema,
    SkillsAuditAnswer: community.AuditAnswerSchema,
  },
};

export const communityInputTypeDefs = contractTypeDefs(communityContractTypes);
