import type { FundOutcome, NominationOutcome } from '../../graphql/generated';

export const NOMINATION_OUTCOMES: readonly { value: NominationOutcome; label: string }[] = [
  { value: 'awarded', label: 'Awarded' },
  { value: 'commended', label: 'Commended' },
  { value: 'not_awarded', label: 'Not awarded' },
];

export const FUND_OUTCOMES: readonly { value: FundOutcome; label: string }[] = [
  { value: 'funded', label: 'Funded' },
  { value: 'declined', label: 'Declined' },
];

export const nominationOutcomeLabel = (outcome: NominationOutcome | null | undefined): string =>
  NOMINATION_OUTCOMES.find((each) => each.value === outcome)?.label ?? 'Not yet decided';

export const fundOutcomeLabel = (outcome: FundOutcome | null | undefined): string =>
  FUND_OUTCOMES.find((each) => each.value === outcome)?.label ?? 'Not yet decided';
