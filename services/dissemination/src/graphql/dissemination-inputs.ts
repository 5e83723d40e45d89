import { contractTypeDefs, type ContractTypes } from '@ebp/platform';
import { dissemination } from '@ebp/contracts';

/**
 * The dissemination mutations' input types, generated from the zod contracts that check them
 * (decision 0022): the schema and the contracts cannot disagree.
 */
export const disseminationContractTypes: ContractTypes = {
  inputs: {
    LearningNetworkInput: dissemination.LearningNetworkSchema,
    LearningPostInput: dissemination.LearningPostSchema,
    SubscriptionInput: dissemination.SubscriptionSchema,
  },
  names: [[dissemination.LearningNetworkSchema.shape.focus, 'LearningNetworkFocus']],
};

export const disseminationInputTypeDefs = contractTypeDefs(disseminationContractTypes);
