import { contractTypeDefs, type ContractTypes } from '@ebp/platform';
import { ClassificationSchema, dissemination, register, vocabularies } from '@ebp/contracts';
import {
  LibraryItemStatusSchema,
  MasterClassPlaceSchema,
} from '../application/dissemination-application';

const { EvidenceSchema, LibraryContentSchema, LibraryTagsSchema } = dissemination;
const { EmmieSchema } = register;
/** One EMMIE dimension (its evidence and the quality of that evidence), as the contract nests it. */
const EmmieDimensionSchema = EmmieSchema.shape.effect;

/**
 * The dissemination mutations' input types, and the object types of the values its answers carry
 * (an item's working copy and source, EMMIE ratings), generated from the zod contracts that check
 * them (decision 0022): the schema and the contracts cannot disagree. The register generates
 * object types from the same EMMIE contract under its own names (`FindingsEmmie`): a value type
 * served by two subgraphs would have to be declared shareable in both. Enums and input types may
 * be served by both, and are, under one name.
 */
export const disseminationContractTypes: ContractTypes = {
  inputs: {
    LearningNetworkInput: dissemination.LearningNetworkSchema,
    LearningPostInput: dissemination.LearningPostSchema,
    ForumThreadInput: dissemination.ForumThreadSchema,
    ForumReplyInput: dissemination.ForumReplySchema,
    CourseInput: dissemination.CourseSchema,
    CourseEvidenceInput: dissemination.CourseEvidenceLinkSchema,
    SubscriptionInput: dissemination.SubscriptionSchema,
    DigestEmailInput: dissemination.DigestEmailSchema,
    LibraryContentInput: LibraryContentSchema,
    MasterClassInput: dissemination.MasterClassSchema,
  },
  names: [
    [dissemination.LearningNetworkSchema.shape.focus, 'LearningNetworkFocus'],
    [dissemination.LibraryItemKindSchema, 'LibraryItemKind'],
    [dissemination.MasterClassSchema.shape.kind, 'MasterClassKind'],
    [ClassificationSchema, 'Classification'],
    [register.EbpLevelSchema, 'EbpLevel'],
    [EvidenceSchema.shape.effectDirection.unwrap(), 'EffectDirection'],
    [EmmieDimensionSchema.shape.evidence, 'EmmieRating'],
    [EvidenceSchema, 'EvidenceInput'],
    [LibraryTagsSchema, 'LibraryTagsInput'],
    [dissemination.CoursePartSchema, 'CoursePartInput'],
    [EmmieSchema, 'EmmieInput'],
    [EmmieDimensionSchema, 'EmmieDimensionInput'],
  ],
  outputs: {
    LibraryContent: LibraryContentSchema,
    ItemSource: dissemination.ItemSourceSchema,
    Emmie: EmmieSchema,
  },
  outputNames: [
    // The item's own `Evidence` and `Tags` types carry what readers see (with the EMMIE effect
    // rating drawn out); these are the working copy's, as the contract has them.
    [EvidenceSchema, 'LibraryEvidence'],
    [LibraryTagsSchema, 'LibraryTags'],
    [EmmieSchema, 'Emmie'],
    [EmmieDimensionSchema, 'EmmieDimension'],
  ],
  enums: [
    [LibraryItemStatusSchema, 'LibraryItemStatus'],
    [dissemination.DeliveryStateSchema, 'DeliveryStatus'],
    [MasterClassPlaceSchema, 'MasterClassPlace'],
    [vocabularies.VocabularyIdSchema, 'VocabularyId'],
    [dissemination.ModerationActionSchema, 'ForumModerationAction'],
    [dissemination.CourseStatusSchema, 'CourseStatus'],
  ],
};

export const disseminationInputTypeDefs = contractTypeDefs(disseminationContractTypes);
