import { dissemination, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import { InvalidDisseminationInput, NotFound, NothingChanged } from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type SubscriptionEvent = DisseminationEvent<'subscription.'>;

/** Where the subscriber's digest is e-mailed, while it is (decision 0037). */
export interface DigestEmailState {
  readonly address: string;
  readonly unsubscribeToken: string;
  readonly unsubscribeTokenHash: string;
}

export interface SubscriptionState extends dissemination.Subscription {
  readonly email: DigestEmailState | null;
}

export type SubscriptionCommand =
  | { type: 'set'; personId: string; subscription: unknown }
  /** The token comes with the command (made by the application), so `decide` stays pure. */
  | {
      type: 'start-email';
      personId: string;
      email: unknown;
      unsubscribeToken: string;
      unsubscribeTokenHash: string;
    }
  | { type: 'stop-email'; personId: string; via: 'signed_in' | 'erased' }
  /** From an unsubscribe link: only the token of the address now in use stops anything. */
  | { type: 'stop-email'; personId: string; via: 'link'; unsubscribeTokenHash: string };

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

function decide(command: SubscriptionCommand, state: SubscriptionState): SubscriptionEvent[] {
  switch (command.type) {
    case 'set': {
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
    }
    case 'start-email': {
      const { address } = parseOrThrow(
        dissemination.DigestEmailSchema,
        command.email,
        'digest e-mail',
        InvalidDisseminationInput,
      );
      if (state.email?.address.toLowerCase() === address.toLowerCase())
        throw new NothingChanged('The digest is already e-mailed to that address');
      // A new address gets a new token: a link sent to the old address stops nothing any more.
      return [
        {
          type: 'dissemination.subscription.email-started',
          data: {
            personId: command.personId,
            address,
            unsubscribeToken: command.unsubscribeToken,
            unsubscribeTokenHash: command.unsubscribeTokenHash,
          },
        },
      ];
    }
    case 'stop-email': {
      if (command.via === 'link') {
        // One answer for a token that never was and one that is no longer in use: a link
        // tells its holder nothing about the subscription it does not stop.
        if (state.email?.unsubscribeTokenHash !== command.unsubscribeTokenHash)
          throw new NotFound('No subscription has this unsubscribe link');
      } else if (!state.email) throw new NothingChanged('The digest is not e-mailed');
      return [
        {
          type: 'dissemination.subscription.email-stopped',
          data: { personId: command.personId, via: command.via },
        },
      ];
    }
  }
}

function evolve(state: SubscriptionState, event: SubscriptionEvent): SubscriptionState {
  switch (event.type) {
    case 'dissemination.subscription.set':
      return { ...state, topics: event.data.topics, crimeProblems: event.data.crimeProblems };
    case 'dissemination.subscription.email-started':
      return {
        ...state,
        email: {
          address: event.data.address,
          unsubscribeToken: event.data.unsubscribeToken,
          unsubscribeTokenHash: event.data.unsubscribeTokenHash,
        },
      };
    case 'dissemination.subscription.email-stopped':
      return { ...state, email: null };
  }
}

/**
 * What a person wants a digest of (topics and crime problems; setting it again unchanged is
 * refused), and whether it is e-mailed to them: started with an address, stopped when signed in
 * or by the link in a digest, which works only while its address is the one in use.
 */
export const subscriptionDecider: Decider<
  SubscriptionCommand,
  SubscriptionEvent,
  SubscriptionState
> = {
  decide,
  evolve,
  initialState: () => ({ topics: [], crimeProblems: [], email: null }),
  // Who wants which digest, and where it goes, is personal data.
  classificationOf: () => 'OFFICIAL_SENSITIVE',
};

export const subscriptionStreamId = (personId: string) => `subscription:${personId}`;

/** The subscription events' personal fields, sealed under the subscriber's key (decision 0037). */
export const SUBSCRIPTION_PERSONAL_DATA = {
  'dissemination.subscription.email-started': {
    subject: (data: Record<string, unknown>) => String(data.personId),
    fields: dissemination.DIGEST_PERSONAL_FIELDS,
  },
} as const;
