import type { Vocabulary, VocabularyTerm } from './vocabulary';

export interface EmmieTerm extends VocabularyTerm {
  /** The question this dimension answers about an intervention. */
  readonly description: string;
}

/**
 * The five EMMIE dimensions by which the Crime Reduction Toolkit rates the evidence on an
 * intervention (DESIGN.md §6). Each dimension gets an evidence rating and a quality rating.
 */
export const EMMIE: Vocabulary<EmmieTerm> = {
  id: 'emmie',
  label: 'EMMIE framework',
  source:
    'Johnson, S. D., Tilley, N. and Bowers, K. J. (2015) ‘Introducing EMMIE: an evidence rating scale to encourage mixed-method crime prevention synthesis reviews’, Journal of Experimental Criminology, 11(3), 459–473, doi:10.1007/s11292-015-9238-7; as used by the College of Policing’s Crime Reduction Toolkit (What Works Centre for Crime Reduction).',
  terms: [
    {
      id: 'effect',
      label: 'Effect',
      synonyms: ['effect size', 'impact', 'impact on crime'],
      description: 'Did the intervention reduce (or increase) crime, and by how much?',
    },
    {
      id: 'mechanism',
      label: 'Mechanism',
      synonyms: ['causal mechanism', 'how it works'],
      description: 'How is the intervention meant to work: what does it change that reduces crime?',
    },
    {
      id: 'moderators',
      label: 'Moderators',
      synonyms: ['moderator', 'context', 'where it works'],
      description:
        'In which circumstances, places and groups does it work best, less well or not at all?',
    },
    {
      id: 'implementation',
      label: 'Implementation',
      synonyms: ['implementation conditions', 'how to do it'],
      description: 'What helped or hindered delivering it as intended?',
    },
    {
      id: 'economic_cost',
      label: 'Economic cost',
      synonyms: ['economic', 'economics', 'cost', 'economic assessment', 'what it costs'],
      description: 'What does it cost, directly and indirectly, and are the benefits worth it?',
    },
  ],
};
