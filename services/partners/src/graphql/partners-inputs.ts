import { contractTypeDefs, type ContractTypes } from '@ebp/platform';
import { partners } from '@ebp/contracts';
import { CollaborationStatusSchema } from '../collaborations/projections/collaborations.projection';
import {
  PartnerOutcomeStatusSchema,
  QuarantineStatusSchema,
} from '../projections/partners-read-models';

/**
 * The partners mutations' input types and enums, and the object types of the values its answers
 * carry (an organisation's contacts, an academic's affiliations), generated from the zod contracts
 * that check them (decision 0022): the schema and the contracts cannot disagree. The statuses the
 * read models give (a collaboration's, a submission's, a quarantined item's) are enums from the
 * service's own zod enums.
 */
export const partnersContractTypes: ContractTypes = {
  inputs: {
    OrganisationInput: partners.OrganisationSchema,
    AcademicInput: partners.AcademicSchema,
    AgreementInput: partners.AgreementSchema,
    CollaborationInput: partners.CollaborationSchema,
    EngagementInput: partners.EngagementSchema,
    PartnerOutcomeInput: partners.PartnerOutcomeSchema,
  },
  names: [
    [partners.OrganisationKindSchema, 'OrganisationKind'],
    [partners.PartnerContactSchema, 'PartnerContactInput'],
    [partners.AffiliationSchema, 'AffiliationInput'],
    [partners.AgreementSchema.shape.kind, 'AgreementKind'],
    [partners.PartnerRefSchema, 'PartnerRefInput'],
    [partners.PartnerRefSchema.shape.kind, 'PartnerKind'],
    [partners.CollaborationRoleSchema, 'CollaborationRole'],
    [partners.EngagementSchema.shape.kind, 'EngagementKind'],
    [partners.PartnerOutcomeSchema.shape.kind, 'PartnerOutcomeKind'],
  ],
  outputs: {
    PartnerContact: partners.PartnerContactSchema,
    Affiliation: partners.AffiliationSchema,
  },
  enums: [
    [partners.OutcomeChannelSchema, 'OutcomeChannel'],
    [CollaborationStatusSchema, 'CollaborationStatus'],
    [PartnerOutcomeStatusSchema, 'PartnerOutcomeStatus'],
    [QuarantineStatusSchema, 'QuarantineStatus'],
  ],
};

export const partnersInputTypeDefs = contractTypeDefs(partnersContractTypes);
