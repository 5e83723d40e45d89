import { z } from 'zod';
import { CRIME_PROBLEMS } from './crime-problems';
import { EBP_MATRIX_PROACTIVITY, EBP_MATRIX_SPECIFICITY, EBP_MATRIX_TARGET } from './ebp-matrix';
import { EMMIE } from './emmie';
import { INTERVENTIONS } from './interventions';
import { RESEARCH_METHODS } from './research-methods';
import { SMS } from './sms';
import { TOPICS } from './topics';
import type { Vocabulary } from './vocabulary';

export * from './vocabulary';
export * from './matching';
export * from './research-methods';
export * from './interventions';
export * from './crime-problems';
export * from './topics';
export * from './emmie';
export * from './sms';
export * from './ebp-matrix';

/** Every shared vocabulary by its id, for the graph to list and for services to match against. */
export const VOCABULARIES = {
  research_methods: RESEARCH_METHODS,
  interventions: INTERVENTIONS,
  crime_problems: CRIME_PROBLEMS,
  topics: TOPICS,
  emmie: EMMIE,
  sms: SMS,
  ebp_matrix_target: EBP_MATRIX_TARGET,
  ebp_matrix_proactivity: EBP_MATRIX_PROACTIVITY,
  ebp_matrix_specificity: EBP_MATRIX_SPECIFICITY,
} as const satisfies Readonly<Record<string, Vocabulary>>;

export type VocabularyId = keyof typeof VOCABULARIES;

/** The id of one of the shared vocabularies, e.g. `research_methods`. */
export const VocabularyIdSchema = z
  .enum(Object.keys(VOCABULARIES) as [VocabularyId, ...VocabularyId[]])
  .describe('Which shared vocabulary: research methods, crime problems, interventions, and so on.');
