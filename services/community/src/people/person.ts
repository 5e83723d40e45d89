import type { community } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

type EventOf<Type extends community.CommunityEventType> = DomainEvent<
  Type,
  community.CommunityEventData<Type>
>;

export type PersonEventType = Extract<community.CommunityEventType, `community.person.${string}`>;

/** Every event of a person's stream. */
export type PersonEvent = { [Type in PersonEventType]: EventOf<Type> }[PersonEventType];

export interface Championship {
  readonly area: string;
  readonly from: string;
  readonly until?: string;
}

export type PersonState =
  | { readonly status: 'none' }
  | { readonly status: 'erased'; readonly personId: string }
  | {
      readonly status: 'active';
      readonly personId: string;
      readonly profile: community.PersonProfile;
      /** Verified skill levels by method. */
      readonly verified: Readonly<Record<string, number>>;
      readonly championships: readonly Championship[];
      readonly training: readonly string[];
    };

export const initialPersonState = (): PersonState => ({ status: 'none' });

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (event.type === 'community.person.registered') {
    const { personId, registeredBy: _by, ...profile } = event.data;
    return { status: 'active', personId, profile, verified: {}, championships: [], training: [] };
  }
  if (event.type === 'community.person.erased')
    return { status: 'erased', personId: event.data.personId };
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'community.person.profile-updated': {
      const { personId: _id, updatedBy: _by, changedFields: _fields, ...changes } = event.data;
      return { ...state, profile: { ...state.profile, ...changes } };
    }
    case 'community.person.skill-verified':
      return { ...state, verified: { ...state.verified, [event.data.method]: event.data.level } };
    case 'community.person.champion-appointed':
      return {
        ...state,
        championships: [
          ...state.championships,
          {
            area: event.data.area,
            from: event.data.from,
            ...(event.data.until ? { until: event.data.until } : {}),
          },
        ],
      };
    case 'community.person.champion-stood-down':
      return {
        ...state,
        championships: state.championships.filter(
          (championship) => championship.area !== event.data.area,
        ),
      };
    case 'community.person.training-recorded':
      return { ...state, training: [...state.training, event.data.activityId] };
  }
}
