import type { Vocabulary, VocabularyTerm } from './vocabulary';

export interface InterventionTerm extends VocabularyTerm {
  /**
   * True for an intervention the Crime Reduction Toolkit rates (it has at least one systematic
   * review appraised with EMMIE). Left out for interventions common in policing research that we
   * have not confirmed in the toolkit; a later review may add them.
   */
  readonly inCrimeReductionToolkit?: boolean;
}

/**
 * Crime reduction interventions: those rated in the What Works Centre for Crime Reduction's
 * Crime Reduction Toolkit, and others typical of policing research in the same terms. The
 * dissemination service files findings for the toolkit under these ids.
 */
export const INTERVENTIONS: Vocabulary<InterventionTerm> = {
  id: 'interventions',
  label: 'Interventions',
  source:
    'College of Policing, What Works Centre for Crime Reduction: Crime Reduction Toolkit (whatworks.college.police.uk/toolkit), for the terms marked inCrimeReductionToolkit; the others are compiled for the EBP Platform from policing research in common use.',
  terms: [
    // Places and situations
    {
      id: 'hot_spots_policing',
      label: 'Hot spots policing',
      inCrimeReductionToolkit: true,
      synonyms: [
        'hot-spot policing',
        'hotspot policing',
        'hot spot patrols',
        'hot spot patrolling',
      ],
    },
    {
      id: 'problem_oriented_policing',
      label: 'Problem-oriented policing',
      inCrimeReductionToolkit: true,
      synonyms: [
        'problem-orientated policing',
        'POP',
        'problem solving policing',
        'problem-solving approach',
        'SARA',
      ],
    },
    {
      id: 'cctv',
      label: 'CCTV',
      inCrimeReductionToolkit: true,
      synonyms: [
        'closed-circuit television',
        'closed circuit TV',
        'public space CCTV',
        'video surveillance',
      ],
    },
    {
      id: 'street_lighting',
      label: 'Improved street lighting',
      inCrimeReductionToolkit: true,
      synonyms: ['street lighting', 'street lights', 'improved lighting', 'lighting improvements'],
    },
    {
      id: 'alley_gating',
      label: 'Alley gating',
      inCrimeReductionToolkit: true,
      broader: 'situational_crime_prevention',
      synonyms: ['alley gates', 'alleygating', 'gating of alleys', 'gated alleys'],
    },
    {
      id: 'situational_crime_prevention',
      label: 'Situational crime prevention',
      synonyms: ['SCP', 'opportunity reduction'],
    },
    {
      id: 'crime_prevention_through_environmental_design',
      label: 'Crime prevention through environmental design',
      broader: 'situational_crime_prevention',
      synonyms: ['CPTED', 'designing out crime', 'environmental design'],
    },
    {
      id: 'target_hardening',
      label: 'Target hardening',
      broader: 'situational_crime_prevention',
      synonyms: ['home security improvements', 'security upgrades', 'locks and bolts'],
    },
    {
      id: 'repeat_victimisation_prevention',
      label: 'Repeat victimisation prevention',
      synonyms: [
        'preventing repeat victimisation',
        'repeat victimization reduction',
        'cocoon watch',
      ],
    },
    {
      id: 'neighbourhood_watch',
      label: 'Neighbourhood watch',
      inCrimeReductionToolkit: true,
      synonyms: ['neighborhood watch', 'home watch', 'block watch', 'community watch'],
    },
    // Policing strategies and tactics
    {
      id: 'focused_deterrence',
      label: 'Focused deterrence',
      inCrimeReductionToolkit: true,
      synonyms: [
        'focussed deterrence',
        'pulling levers',
        'pulling levers policing',
        'group violence intervention',
        'GVI',
      ],
    },
    {
      id: 'police_patrols',
      label: 'Increased police patrols',
      synonyms: [
        'police patrols',
        'increased patrols',
        'visible patrols',
        'high-visibility patrols',
      ],
    },
    {
      id: 'community_policing',
      label: 'Community-oriented policing',
      synonyms: ['community policing', 'community-orientated policing'],
    },
    {
      id: 'procedural_justice_training',
      label: 'Procedural justice training',
      synonyms: [
        'procedurally just policing',
        'legitimacy training',
        'procedural justice interventions',
      ],
    },
    {
      id: 'body_worn_cameras',
      label: 'Body-worn cameras',
      synonyms: ['body-worn video', 'BWV', 'BWC', 'body cameras', 'bodycams'],
    },
    {
      id: 'stop_and_search',
      label: 'Stop and search',
      synonyms: [
        'stop-and-search',
        'stop and frisk',
        'stop, question and frisk',
        'section 60 searches',
      ],
    },
    {
      id: 'predictive_policing',
      label: 'Predictive policing',
      synonyms: ['predictive patrols', 'crime forecasting for patrol'],
    },
    {
      id: 'sobriety_checkpoints',
      label: 'Sobriety checkpoints',
      inCrimeReductionToolkit: true,
      synonyms: [
        'drink-drive checkpoints',
        'random breath testing',
        'RBT',
        'breath testing checkpoints',
      ],
    },
    {
      id: 'alcohol_ignition_interlocks',
      label: 'Alcohol ignition interlocks',
      inCrimeReductionToolkit: true,
      synonyms: ['alcohol interlocks', 'breath alcohol ignition interlock devices', 'alcolocks'],
    },
    {
      id: 'weapon_surrender',
      label: 'Weapon amnesties and surrender',
      synonyms: [
        'knife amnesty',
        'knife bins',
        'gun amnesty',
        'weapons amnesty',
        'weapon surrender bins',
      ],
    },
    // Alcohol
    {
      id: 'alcohol_pricing',
      label: 'Alcohol pricing',
      inCrimeReductionToolkit: true,
      synonyms: ['minimum unit pricing', 'minimum alcohol pricing', 'MUP', 'alcohol taxation'],
    },
    {
      id: 'alcohol_licensing_enforcement',
      label: 'Alcohol licensing enforcement',
      synonyms: [
        'licensing enforcement',
        'licensed premises enforcement',
        'licensing interventions',
      ],
    },
    // Offenders, diversion and the courts
    {
      id: 'restorative_justice',
      label: 'Restorative justice',
      inCrimeReductionToolkit: true,
      synonyms: [
        'RJ',
        'restorative justice conferencing',
        'restorative conferencing',
        'victim-offender mediation',
      ],
    },
    {
      id: 'police_led_diversion',
      label: 'Police-led diversion',
      synonyms: [
        'police-initiated diversion',
        'pre-court diversion',
        'youth diversion',
        'diversion schemes',
      ],
    },
    {
      id: 'cognitive_behavioural_therapy',
      label: 'Cognitive behavioural therapy',
      inCrimeReductionToolkit: true,
      synonyms: [
        'CBT',
        'cognitive behavioral therapy',
        'cognitive-behavioural programmes',
        'cognitive behavioural interventions',
      ],
    },
    {
      id: 'multisystemic_therapy',
      label: 'Multisystemic therapy',
      inCrimeReductionToolkit: true,
      synonyms: ['MST', 'multi-systemic therapy'],
    },
    {
      id: 'mentoring',
      label: 'Mentoring',
      inCrimeReductionToolkit: true,
      synonyms: ['youth mentoring', 'mentoring programmes', 'mentors'],
    },
    {
      id: 'electronic_monitoring',
      label: 'Electronic monitoring',
      inCrimeReductionToolkit: true,
      synonyms: ['electronic tagging', 'electronic tags', 'GPS tagging', 'GPS monitoring'],
    },
    {
      id: 'drug_courts',
      label: 'Drug courts',
      inCrimeReductionToolkit: true,
      synonyms: ['drug court', 'drug treatment courts', 'dedicated drug courts'],
    },
    {
      id: 'correctional_boot_camps',
      label: 'Correctional boot camps',
      inCrimeReductionToolkit: true,
      synonyms: ['boot camps', 'shock incarceration', 'military-style boot camps'],
    },
    {
      id: 'scared_straight',
      label: 'Scared Straight programmes',
      inCrimeReductionToolkit: true,
      synonyms: [
        'Scared Straight',
        'prison visits to deter young offenders',
        'prison awareness programmes',
        'juvenile awareness programmes',
      ],
    },
    {
      id: 'integrated_offender_management',
      label: 'Integrated offender management',
      synonyms: ['IOM', 'offender management programmes'],
    },
    {
      id: 'second_responder_programmes',
      label: 'Second responder programmes',
      synonyms: ['second responder', 'second responders'],
    },
    {
      id: 'domestic_abuse_protection_orders',
      label: 'Domestic abuse protection notices and orders',
      synonyms: [
        'domestic violence protection orders',
        'domestic violence protection notices',
        'DVPO',
        'DVPN',
        'DAPO',
        'domestic abuse protection orders',
      ],
    },
  ],
};
