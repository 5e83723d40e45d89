import { PERSONAL_DATA_CLASSIFICATION, type Classification } from '@ebp/contracts';

/**
 * The community holds personal data (who is involved in which project, trained in what, holds
 * which credentials): every event it records is OFFICIAL-SENSITIVE, whoever causes it, a person
 * or another service's event.
 */
export const COMMUNITY_CLASSIFICATION: Classification = PERSONAL_DATA_CLASSIFICATION;
