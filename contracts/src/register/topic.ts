/** Every register event is published here, for other services and analytics teams. */
export const REGISTER_TOPIC = 'ebp.register.events';
