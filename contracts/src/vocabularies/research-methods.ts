import type { SmsLevel } from './sms';
import type { Vocabulary, VocabularyTerm } from './vocabulary';

/** What part of a study a method is: its design, a review of studies, collecting or analysing. */
export type ResearchMethodKind =
  'design' | 'evaluation' | 'evidence_synthesis' | 'data_collection' | 'analysis';

export interface ResearchMethodTerm extends VocabularyTerm {
  readonly kind: ResearchMethodKind;
  /**
   * The Maryland Scientific Methods Scale level a well-conducted study of this design usually
   * reaches, where that is standard. Left out where the design spans levels (a quasi-experiment
   * is 3 or 4 depending on its comparison) or is not an impact design at all.
   */
  readonly smsLevel?: SmsLevel;
}

/**
 * Research designs and methods used in policing research: what people list as skills in the
 * talent pool, what proposals name as methods, and what the library indexes studies by.
 */
export const RESEARCH_METHODS: Vocabulary<ResearchMethodTerm> = {
  id: 'research_methods',
  label: 'Research methods',
  source:
    'Compiled for the EBP Platform. Designs keyed to the Maryland Scientific Methods Scale (Sherman et al. 1997; Farrington et al. 2002), with the placement of regression discontinuity and instrumental variables at level 4 and matching at level 3 following the What Works Centre for Local Economic Growth’s scoring guide; evaluation approaches after HM Treasury (2020) The Magenta Book: Central Government Guidance on Evaluation.',
  terms: [
    // Impact designs
    {
      id: 'randomised_controlled_trial',
      label: 'Randomised controlled trial',
      kind: 'design',
      smsLevel: 5,
      synonyms: [
        'RCT',
        'randomized controlled trial',
        'randomised control trial',
        'randomised trial',
        'randomised experiment',
        'randomised field trial',
        'randomised field experiment',
      ],
    },
    {
      id: 'cluster_randomised_trial',
      label: 'Cluster randomised trial',
      kind: 'design',
      smsLevel: 5,
      broader: 'randomised_controlled_trial',
      synonyms: [
        'cluster RCT',
        'cluster randomised controlled trial',
        'cluster-randomized trial',
        'place-randomised trial',
      ],
    },
    {
      id: 'quasi_experimental_design',
      label: 'Quasi-experimental design',
      kind: 'design',
      synonyms: [
        'quasi-experiment',
        'quasi-experimental study',
        'quasi-experimental evaluation',
        'QED',
      ],
    },
    {
      id: 'multi_site_controlled_comparison',
      label: 'Multi-site comparison with controls',
      kind: 'design',
      smsLevel: 4,
      broader: 'quasi_experimental_design',
      synonyms: [
        'multiple comparison sites with controls',
        'multi-site controlled comparison',
        'multiple site comparison',
      ],
    },
    {
      id: 'controlled_before_and_after_study',
      label: 'Before-and-after study with a comparison group',
      kind: 'design',
      smsLevel: 3,
      broader: 'quasi_experimental_design',
      synonyms: [
        'controlled before-and-after study',
        'controlled before and after study',
        'before and after with comparison group',
        'pre-post with comparison group',
        'matched comparison group design',
        'comparison group design',
      ],
    },
    {
      id: 'difference_in_differences',
      label: 'Difference-in-differences',
      kind: 'design',
      smsLevel: 3,
      broader: 'quasi_experimental_design',
      synonyms: ['difference in difference', 'diff-in-diff', 'DiD', 'DID analysis'],
    },
    {
      id: 'propensity_score_matching',
      label: 'Propensity score matching',
      kind: 'design',
      smsLevel: 3,
      broader: 'quasi_experimental_design',
      synonyms: ['PSM', 'propensity matching', 'propensity score analysis'],
    },
    {
      id: 'regression_discontinuity',
      label: 'Regression discontinuity design',
      kind: 'design',
      smsLevel: 4,
      broader: 'quasi_experimental_design',
      synonyms: ['regression discontinuity', 'RDD', 'RD design'],
    },
    {
      id: 'instrumental_variables',
      label: 'Instrumental variables',
      kind: 'design',
      smsLevel: 4,
      broader: 'quasi_experimental_design',
      synonyms: ['instrumental variable analysis', 'IV estimation', 'instrumental variable'],
    },
    {
      id: 'interrupted_time_series',
      label: 'Interrupted time series',
      kind: 'design',
      smsLevel: 2,
      broader: 'quasi_experimental_design',
      synonyms: ['ITS', 'interrupted time-series analysis', 'segmented regression'],
    },
    {
      id: 'synthetic_control',
      label: 'Synthetic control method',
      kind: 'design',
      broader: 'quasi_experimental_design',
      synonyms: ['synthetic control', 'synthetic controls', 'SCM'],
    },
    {
      id: 'natural_experiment',
      label: 'Natural experiment',
      kind: 'design',
      synonyms: ['natural experimental design'],
    },
    {
      id: 'before_and_after_study',
      label: 'Before-and-after study',
      kind: 'design',
      smsLevel: 2,
      synonyms: [
        'before and after study',
        'before/after study',
        'pre-post study',
        'pre and post study',
        'pre-test post-test design',
        'uncontrolled before-and-after study',
      ],
    },
    {
      id: 'cross_sectional_study',
      label: 'Cross-sectional study',
      kind: 'design',
      smsLevel: 1,
      synonyms: [
        'cross-sectional design',
        'cross-sectional analysis',
        'correlational study',
        'correlational design',
      ],
    },
    {
      id: 'longitudinal_study',
      label: 'Longitudinal study',
      kind: 'design',
      synonyms: ['longitudinal design', 'cohort study', 'panel study'],
    },
    {
      id: 'case_study',
      label: 'Case study',
      kind: 'design',
      synonyms: ['case study research', 'case study design'],
    },
    {
      id: 'pilot_study',
      label: 'Pilot or feasibility study',
      kind: 'design',
      synonyms: ['pilot study', 'feasibility study', 'pilot'],
    },
    {
      id: 'action_research',
      label: 'Action research',
      kind: 'design',
      synonyms: ['participatory action research', 'PAR'],
    },
    {
      id: 'mixed_methods',
      label: 'Mixed methods',
      kind: 'design',
      synonyms: ['mixed-methods research', 'mixed methods design', 'multi-method research'],
    },
    // Evaluation approaches
    {
      id: 'impact_evaluation',
      label: 'Impact evaluation',
      kind: 'evaluation',
      synonyms: ['outcome evaluation', 'impact assessment'],
    },
    {
      id: 'process_evaluation',
      label: 'Process evaluation',
      kind: 'evaluation',
      synonyms: ['implementation evaluation', 'process study'],
    },
    {
      id: 'realist_evaluation',
      label: 'Realist evaluation',
      kind: 'evaluation',
      synonyms: ['realistic evaluation', 'realist approach'],
    },
    {
      id: 'theory_of_change',
      label: 'Theory of change',
      kind: 'evaluation',
      synonyms: ['logic model', 'logic modelling', 'programme theory'],
    },
    {
      id: 'economic_evaluation',
      label: 'Economic evaluation',
      kind: 'evaluation',
      synonyms: ['economic analysis'],
    },
    {
      id: 'cost_benefit_analysis',
      label: 'Cost-benefit analysis',
      kind: 'evaluation',
      broader: 'economic_evaluation',
      synonyms: ['CBA', 'benefit-cost analysis', 'cost benefit evaluation'],
    },
    {
      id: 'cost_effectiveness_analysis',
      label: 'Cost-effectiveness analysis',
      kind: 'evaluation',
      broader: 'economic_evaluation',
      synonyms: ['CEA', 'cost-effectiveness', 'cost effectiveness evaluation'],
    },
    // Evidence synthesis
    {
      id: 'systematic_review',
      label: 'Systematic review',
      kind: 'evidence_synthesis',
      synonyms: ['Campbell systematic review', 'Campbell review'],
    },
    {
      id: 'meta_analysis',
      label: 'Meta-analysis',
      kind: 'evidence_synthesis',
      synonyms: ['meta analytic review', 'meta-analytic review', 'statistical meta-analysis'],
    },
    {
      id: 'rapid_evidence_assessment',
      label: 'Rapid evidence assessment',
      kind: 'evidence_synthesis',
      synonyms: ['REA', 'rapid evidence review', 'rapid review'],
    },
    {
      id: 'scoping_review',
      label: 'Scoping review',
      kind: 'evidence_synthesis',
      synonyms: ['scoping study', 'mapping review', 'evidence and gap map', 'evidence gap map'],
    },
    {
      id: 'realist_synthesis',
      label: 'Realist synthesis',
      kind: 'evidence_synthesis',
      synonyms: ['realist review'],
    },
    {
      id: 'literature_review',
      label: 'Literature review',
      kind: 'evidence_synthesis',
      synonyms: ['narrative review', 'review of the literature', 'desk review'],
    },
    // Data collection
    {
      id: 'interviews',
      label: 'Interviews',
      kind: 'data_collection',
      synonyms: [
        'interview',
        'semi-structured interviews',
        'in-depth interviews',
        'qualitative interviews',
        'structured interviews',
      ],
    },
    {
      id: 'focus_groups',
      label: 'Focus groups',
      kind: 'data_collection',
      synonyms: ['focus group discussions', 'group interviews'],
    },
    {
      id: 'surveys',
      label: 'Surveys',
      kind: 'data_collection',
      synonyms: ['survey', 'questionnaire', 'survey research', 'online survey'],
    },
    {
      id: 'ethnography',
      label: 'Ethnography',
      kind: 'data_collection',
      synonyms: ['ethnographic research', 'ethnographic fieldwork', 'participant observation'],
    },
    {
      id: 'observation',
      label: 'Observation',
      kind: 'data_collection',
      synonyms: [
        'systematic social observation',
        'SSO',
        'non-participant observation',
        'structured observation',
        'observational research',
      ],
    },
    {
      id: 'delphi_study',
      label: 'Delphi study',
      kind: 'data_collection',
      synonyms: ['Delphi method', 'Delphi technique', 'Delphi panel'],
    },
    // Analysis
    {
      id: 'crime_analysis',
      label: 'Crime analysis',
      kind: 'analysis',
      synonyms: ['crime pattern analysis', 'crime trend analysis', 'problem analysis'],
    },
    {
      id: 'crime_mapping',
      label: 'Crime mapping and spatial analysis',
      kind: 'analysis',
      broader: 'crime_analysis',
      synonyms: [
        'crime mapping',
        'spatial analysis',
        'geospatial analysis',
        'GIS',
        'geographic information systems',
        'hot spot analysis',
        'hot spot mapping',
      ],
    },
    {
      id: 'social_network_analysis',
      label: 'Social network analysis',
      kind: 'analysis',
      synonyms: ['network analysis', 'SNA'],
    },
    {
      id: 'qualitative_comparative_analysis',
      label: 'Qualitative comparative analysis',
      kind: 'analysis',
      synonyms: ['QCA', 'fuzzy-set QCA', 'fsQCA', 'crisp-set QCA'],
    },
    {
      id: 'thematic_analysis',
      label: 'Thematic analysis',
      kind: 'analysis',
      synonyms: ['thematic coding', 'qualitative coding'],
    },
    {
      id: 'content_analysis',
      label: 'Content analysis',
      kind: 'analysis',
      synonyms: ['qualitative content analysis', 'quantitative content analysis', 'media analysis'],
    },
    {
      id: 'documentary_analysis',
      label: 'Documentary analysis',
      kind: 'analysis',
      synonyms: ['document analysis', 'document review', 'case file review', 'case file analysis'],
    },
    {
      id: 'secondary_data_analysis',
      label: 'Secondary data analysis',
      kind: 'analysis',
      synonyms: [
        'secondary analysis',
        'administrative data analysis',
        'analysis of police records',
      ],
    },
    {
      id: 'statistical_modelling',
      label: 'Regression and statistical modelling',
      kind: 'analysis',
      synonyms: [
        'statistical modelling',
        'regression analysis',
        'regression',
        'multilevel modelling',
      ],
    },
    {
      id: 'machine_learning',
      label: 'Machine learning and predictive modelling',
      kind: 'analysis',
      synonyms: ['machine learning', 'predictive modelling', 'predictive analytics'],
    },
  ],
};
