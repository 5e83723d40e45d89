/**
 * Every community event is published here, personal fields sealed: readers without the
 * community's keys see ciphertext, and nothing readable remains once a person is erased.
 */
export const COMMUNITY_TOPIC = 'ebp.community.events';
