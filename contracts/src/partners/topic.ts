/** Every partners event (published outcomes included) goes here, for other services. */
export const PARTNERS_TOPIC = 'ebp.partners.events';
/** Where partners connected to the bus publish outcomes in (validated, then moderated). */
export const PARTNER_OUTCOMES_INBOUND_TOPIC = 'ebp.partners.outcomes.inbound';
