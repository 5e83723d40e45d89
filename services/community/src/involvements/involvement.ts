import type { community } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

export type InvolvementEventType = Extract<
  community.CommunityEventType,
  `community.involvement.${string}`
>;
export type InvolvementEvent = {
  [Type in InvolvementEventType]: DomainEvent<Type, community.CommunityEventData<Type>>;
}[InvolvementEventType];

/** One person's part in one research project (a stream per pair, so joins never contend). */
export type InvolvementState =
  | { readonly status: 'none' | 'ended' }
  | { readonly status: 'active'; readonly role: community.InvolvementRole; readonly from: string };

export const initialInvolvementState = (): InvolvementState => ({ status: 'none' });

export function evolveInvolvement(
  state: InvolvementState,
  event: InvolvementEvent,
): InvolvementState {
  switch (event.type) {
    case 'community.involvement.joined':
      return { status: 'active', role: event.data.role, from: event.data.from };
    case 'community.involvement.ended':
      return { status: 'ended' };
  }
}
