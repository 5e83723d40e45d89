/** Every dissemination event (attendance included) goes here, for other services and analysts. */
export const DISSEMINATION_TOPIC = 'ebp.dissemination.events';
