import type { dissemination } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

/** The dissemination events whose type starts with the prefix, as deciders emit them. */
export type DisseminationEvent<Prefix extends string = ''> = {
  [
    Type in Extract<dissemination.DisseminationEventType, `dissemination.${Prefix}${string}`>
  ]: DomainEvent<Type, dissemination.DisseminationEventData<Type>>;
}[Extract<dissemination.DisseminationEventType, `dissemination.${Prefix}${string}`>];
