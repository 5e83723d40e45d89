import type { partners } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

/** The partners events whose type starts with the prefix, as deciders emit them. */
export type PartnersEvent<Prefix extends string = ''> = {
  [Type in Extract<partners.PartnersEventType, `partners.${Prefix}${string}`>]: DomainEvent<
    Type,
    partners.PartnersEventData<Type>
  >;
}[Extract<partners.PartnersEventType, `partners.${Prefix}${string}`>];
