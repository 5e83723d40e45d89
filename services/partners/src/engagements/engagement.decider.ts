import { parseOrThrow, partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import { InvalidPartnerInput, PartnerAlreadyRegistered } from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

export type EngagementEvent = PartnersEvent<'engagement.'>;
export type EngagementState = { readonly recorded: boolean };
export type EngagementCommand = {
  type: 'record';
  engagementId: string;
  engagement: unknown;
  by: string;
};

/** The engagement log: meetings, research fairs and master classes, each recorded once. */
export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  decide: (command, state) => {
    if (state.recorded)
      throw new PartnerAlreadyRegistered(`Engagement ${command.engagementId} is already recorded`);
    const engagement = parseOrThrow(
      partners.EngagementSchema,
      command.engagement,
      'engagement',
      InvalidPartnerInput,
    );
    return [
      {
        type: 'partners.engagement.recorded',
        data: { engagementId: command.engagementId, engagement, by: command.by },
      },
    ];
  },
  evolve: () => ({ recorded: true }),
  initialState: () => ({ recorded: false }),
};
