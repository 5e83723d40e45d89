import { contractTypeDefs, type ContractTypes } from '@ebp/platform';
import { ActorSchema, ClassificationSchema, register } from '@ebp/contracts';
import { DeadlineKindSchema } from '../register-reads/deadlines';
import { ResearchPlanStatusSchema } from '../programme/programme-application';

const { EbpMatrixSchema, EmmieSchema } = register;

/**
 * The register mutations' input types, and the object types of the values its answers carry
 * (a proposal, a review's checklist, findings), generated from the zod contracts that check them
 * (decision 0022): the schema and the contracts cannot disagree. Nested object types a value type
 * of another subgraph might also be generated from (EMMIE ratings) get register names: a value
 * type served by two subgraphs would have to be declared shareable in both.
 */
export const registerContractTypes: ContractTypes = {
  inputs: {
    ProjectProposalInput: register.ProjectProposalSchema,
    ProjectProposalChangesInput: register.ProjectProposalChangesSchema,
    QaChecklistInput: register.QaChecklistSchema,
    FindingsInput: register.FindingsSchema,
    ResearchPriorityInput: register.PriorityDefinitionSchema,
    ResearchPriorityChangesInput: register.PriorityChangesSchema,
    ResearchPlanInput: register.ResearchPlanSchema,
    ResearchPlanChangesInput: register.ResearchPlanChangesSchema,
    WorkstreamInput: register.WorkstreamSchema,
    WorkstreamChangesInput: register.WorkstreamChangesSchema,
    MilestoneInput: register.MilestoneSchema,
    MeetingPaperInput: register.MeetingPaperSchema,
    MeetingActionInput: register.MeetingActionSchema,
    MinutesInput: register.MinutesSchema,
    AgendaItemInput: register.AgendaItemChoiceSchema,
  },
  names: [
    [register.EbpLevelSchema, 'EbpLevel'],
    [ClassificationSchema, 'Classification'],
    [register.QaResultSchema, 'QaResult'],
    [register.EffectDirectionSchema, 'EffectDirection'],
    [register.EmmieRatingSchema, 'EmmieRating'],
    [EbpMatrixSchema.shape.target, 'EbpMatrixTarget'],
    [EbpMatrixSchema.shape.proactivity, 'EbpMatrixProactivity'],
    [EbpMatrixSchema.shape.specificity, 'EbpMatrixSpecificity'],
    [EbpMatrixSchema, 'EbpMatrixInput'],
    [register.EthicsSchema, 'EthicsInput'],
    [register.PreRegisteredOutcomesSchema, 'PreRegisteredOutcomesInput'],
    [register.OutcomeSchema, 'PreRegisteredOutcomeInput'],
    [EmmieSchema, 'EmmieInput'],
    [register.EmmieDimensionSchema, 'EmmieDimensionInput'],
    [register.ReportedOutcomeSchema, 'ReportedOutcomeInput'],
    [register.MinuteNoteSchema, 'MinuteNoteInput'],
  ],
  outputs: {
    ProjectProposal: register.ProjectProposalSchema,
    QaChecklist: register.QaChecklistSchema,
    Findings: register.FindingsSchema,
  },
  outputNames: [
    [EbpMatrixSchema, 'EbpMatrix'],
    [register.EthicsSchema, 'Ethics'],
    [register.PreRegisteredOutcomesSchema, 'PreRegisteredOutcomes'],
    [register.OutcomeSchema, 'PreRegisteredOutcome'],
    [EmmieSchema, 'FindingsEmmie'],
    [register.EmmieDimensionSchema, 'FindingsEmmieDimension'],
    [register.ReportedOutcomeSchema, 'ReportedOutcome'],
  ],
  enums: [
    [register.ProjectStatusSchema, 'ProjectStatus'],
    [register.ReviewVerdictSchema, 'ReviewVerdict'],
    [register.CommitteeDecisionSchema, 'CommitteeDecision'],
    [register.PriorityStatusSchema, 'PriorityStatus'],
    [DeadlineKindSchema, 'DeadlineKind'],
    [register.MilestoneStatusSchema, 'MilestoneStatus'],
    [ResearchPlanStatusSchema, 'ResearchPlanStatus'],
    [register.MeetingBodySchema, 'MeetingBody'],
    [register.MeetingStatusSchema, 'MeetingStatus'],
    [
      ActorSchema.shape.kind.describe('Who acted: a person, a service, a partner or the system.'),
      'ActorKind',
    ],
  ],
};

export const registerInputTypeDefs = contractTypeDefs(registerContractTypes);
