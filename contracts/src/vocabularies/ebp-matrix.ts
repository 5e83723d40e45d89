import type { Vocabulary, VocabularyTerm } from './vocabulary';

export interface EbpMatrixTerm extends VocabularyTerm {
  readonly description: string;
}

const SOURCE =
  'Lum, C., Koper, C. S. and Telep, C. W. (2011) ‘The Evidence-Based Policing Matrix’, Journal of Experimental Criminology, 7(1), 3–26, doi:10.1007/s11292-010-9108-2; Center for Evidence-Based Crime Policy, George Mason University.';

/** Matrix dimension 1: the nature of the target of a strategy. */
export const EBP_MATRIX_TARGET: Vocabulary<EbpMatrixTerm> = {
  id: 'ebp_matrix_target',
  label: 'Evidence-Based Policing Matrix: target',
  source: SOURCE,
  terms: [
    {
      id: 'individual',
      label: 'Individual',
      synonyms: ['individuals', 'person-based', 'people'],
      description: 'Particular people: offenders, victims or people at risk.',
    },
    {
      id: 'group',
      label: 'Group',
      synonyms: ['groups', 'gangs', 'networks'],
      description: 'Groups of people, such as gangs or offending networks.',
    },
    {
      id: 'micro_place',
      label: 'Micro-place',
      synonyms: ['micro place', 'micro-places', 'hot spots', 'street segments', 'addresses'],
      description: 'Small places: addresses, street segments, blocks and hot spots.',
    },
    {
      id: 'neighbourhood',
      label: 'Neighbourhood',
      synonyms: ['neighborhood', 'community', 'communities', 'beat', 'ward'],
      description: 'Larger areas: neighbourhoods, communities, wards or beats.',
    },
    {
      id: 'jurisdiction',
      label: 'Jurisdiction',
      synonyms: ['jurisdictions', 'force area', 'city', 'national'],
      description: 'A whole city, force area, region or country.',
    },
  ],
};

/** Matrix dimension 2: how far a strategy acts before crime rather than in response to it. */
export const EBP_MATRIX_PROACTIVITY: Vocabulary<EbpMatrixTerm> = {
  id: 'ebp_matrix_proactivity',
  label: 'Evidence-Based Policing Matrix: proactivity',
  source: SOURCE,
  terms: [
    {
      id: 'reactive',
      label: 'Reactive',
      synonyms: ['responsive', 'response'],
      description: 'Responds to crimes and calls after they happen.',
    },
    {
      id: 'proactive',
      label: 'Proactive',
      synonyms: ['preventive', 'preventative'],
      description: 'Acts ahead of crime, with some preventive focus.',
    },
    {
      id: 'highly_proactive',
      label: 'Highly proactive',
      synonyms: ['highly-proactive', 'very proactive'],
      description:
        'Acts well ahead of crime, on the conditions and opportunities that give rise to it.',
    },
  ],
};

/** Matrix dimension 3: how tailored a strategy is to a particular problem. */
export const EBP_MATRIX_SPECIFICITY: Vocabulary<EbpMatrixTerm> = {
  id: 'ebp_matrix_specificity',
  label: 'Evidence-Based Policing Matrix: specificity',
  source: SOURCE,
  terms: [
    {
      id: 'general',
      label: 'General',
      synonyms: ['generic', 'non-specific', 'unfocused'],
      description: 'Broad strategies applied without tailoring to a particular problem.',
    },
    {
      id: 'focused',
      label: 'Focused',
      synonyms: ['focussed', 'specific', 'tailored', 'targeted'],
      description: 'Strategies tailored to a particular problem, place or group.',
    },
  ],
};

/** The three dimensions of the Matrix, each with its values. */
export const EBP_MATRIX = {
  id: 'ebp_matrix',
  label: 'Evidence-Based Policing Matrix',
  source: SOURCE,
  dimensions: {
    target: EBP_MATRIX_TARGET,
    proactivity: EBP_MATRIX_PROACTIVITY,
    specificity: EBP_MATRIX_SPECIFICITY,
  },
} as const;
