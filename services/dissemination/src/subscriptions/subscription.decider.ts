import { dissemination, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import { InvalidDisseminationInput, NothingChanged } from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type SubscriptionEvent = DisseminationEvent<'subscription.'>;
export type SubscriptionState = dissemination.Subscription;
export type SubscriptionCommand = { type: 'set'; personId: string; subscription: unknown };

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/** What a person wants a digest of: topics and crime problems; setting it again unchanged is refused. */
export const subscriptionDecider: Decider<
  SubscriptionCommand,
  SubscriptionEvent,
  SubscriptionState
> = {
  decide: (command, state) => {
    const parsed = parseOrThrow(
      dissemination.SubscriptionSchema,
      command.subscription,
      'subscription',
      InvalidDisseminationInput,
    );
    const topics = sorted(parsed.topics);
    const crimeProblems = sorted(parsed.crimeProblems);
    if (
      JSON.stringify({ topics, crimeProblems }) ===
      JSON.stringify({ topics: state.topics, crimeProblems: state.crimeProblems })
    )
      throw new NothingChanged('The subscription is unchanged');
    return [
      {
        type: 'dissemination.subscription.set',
        data: { personId: command.personId, topics, crimeProblems },
      },
    ];
  },
  evolve: (_state, event) => ({
    topics: event.data.topics,
    crimeProblems: event.data.crimeProblems,
  }),
  initialState: () => ({ topics: [], crimeProblems: [] }),
};

export const subscriptionStreamId = (personId: string) => `subscription:${personId}`;
