import type { Vocabulary } from './vocabulary';

/**
 * Broader research topics: what a project, a finding or a person's interest is about, beside
 * the crime problem and the intervention. They follow the areas the force's Research Plan and
 * the College of Policing's guidance are organised by.
 */
export const TOPICS: Vocabulary = {
  id: 'topics',
  label: 'Research topics',
  source:
    'Compiled for the EBP Platform from the areas of the College of Policing’s Authorised Professional Practice and guidelines and the themes of its Research Map, adapted to the Metropolitan Police Service’s Research Plan.',
  terms: [
    // The public
    {
      id: 'procedural_justice_and_legitimacy',
      label: 'Procedural justice and legitimacy',
      synonyms: ['procedural justice', 'police legitimacy', 'legitimacy', 'procedural fairness'],
    },
    {
      id: 'public_confidence',
      label: 'Public trust and confidence',
      synonyms: [
        'public confidence',
        'public trust',
        'trust and confidence',
        'trust in policing',
        'confidence in policing',
      ],
    },
    {
      id: 'community_engagement',
      label: 'Community engagement',
      synonyms: ['public engagement', 'community relations', 'engagement with communities'],
    },
    {
      id: 'victims_and_witnesses',
      label: 'Victims and witnesses',
      synonyms: [
        'victim satisfaction',
        'victim care',
        'victim experience',
        'witness care',
        'victim support',
      ],
    },
    {
      id: 'neighbourhood_policing',
      label: 'Neighbourhood policing',
      synonyms: [
        'neighborhood policing',
        'local policing',
        'safer neighbourhoods',
        'safer neighbourhood teams',
      ],
    },
    {
      id: 'equality_diversity_and_inclusion',
      label: 'Equality, diversity and inclusion',
      synonyms: [
        'EDI',
        'diversity and inclusion',
        'D&I',
        'equality and diversity',
        'race equality',
      ],
    },
    // Vulnerability
    {
      id: 'vulnerability_and_safeguarding',
      label: 'Vulnerability and safeguarding',
      synonyms: [
        'safeguarding',
        'vulnerability',
        'public protection',
        'protecting vulnerable people',
      ],
    },
    {
      id: 'mental_health',
      label: 'Mental health',
      synonyms: ['mental ill health', 'mental health crisis', 'mental health and policing'],
    },
    {
      id: 'missing_persons',
      label: 'Missing persons',
      synonyms: ['missing people', 'missing children', 'missing person investigations'],
    },
    {
      id: 'children_and_young_people',
      label: 'Children and young people',
      synonyms: ['young people', 'youth', 'youth justice', 'children'],
    },
    {
      id: 'public_health_approach',
      label: 'Public health approaches to violence',
      synonyms: [
        'public health approach',
        'violence reduction unit',
        'VRU',
        'whole-system approach',
      ],
    },
    // Operations
    {
      id: 'crime_prevention',
      label: 'Crime prevention',
      synonyms: ['prevention', 'crime reduction', 'early intervention'],
    },
    {
      id: 'investigation',
      label: 'Investigation',
      synonyms: ['criminal investigation', 'investigative practice', 'detective work'],
    },
    {
      id: 'criminal_justice_outcomes',
      label: 'Criminal justice outcomes',
      synonyms: ['charging', 'charge rates', 'prosecution', 'case file quality', 'court outcomes'],
    },
    {
      id: 'offender_management',
      label: 'Offender management and reoffending',
      synonyms: ['offender management', 'reoffending', 'recidivism', 'reducing reoffending'],
    },
    {
      id: 'intelligence',
      label: 'Intelligence',
      synonyms: ['intelligence-led policing', 'ILP', 'intelligence analysis'],
    },
    {
      id: 'forensic_science',
      label: 'Forensic science',
      synonyms: ['forensics', 'crime scene investigation', 'CSI'],
    },
    {
      id: 'custody',
      label: 'Custody',
      synonyms: ['police custody', 'detention', 'custody suites'],
    },
    {
      id: 'use_of_force',
      label: 'Use of force',
      synonyms: ['police use of force', 'Taser', 'conducted energy devices', 'de-escalation'],
    },
    {
      id: 'roads_policing',
      label: 'Roads policing and road safety',
      synonyms: ['road safety', 'roads policing', 'traffic policing', 'road traffic collisions'],
    },
    {
      id: 'demand_and_response',
      label: 'Demand and response',
      synonyms: [
        'demand management',
        'call handling',
        'calls for service',
        'emergency response',
        'response policing',
        'contact management',
      ],
    },
    {
      id: 'partnership_working',
      label: 'Partnership working',
      synonyms: [
        'partnerships',
        'multi-agency working',
        'multi-agency partnerships',
        'collaboration',
      ],
    },
    // The organisation
    {
      id: 'officer_wellbeing',
      label: 'Officer and staff wellbeing',
      synonyms: [
        'wellbeing',
        'well-being',
        'officer wellbeing',
        'staff wellbeing',
        'occupational health',
      ],
    },
    {
      id: 'training_and_learning',
      label: 'Training and learning',
      synonyms: [
        'training',
        'police training',
        'learning and development',
        'L&D',
        'continuing professional development',
        'CPD',
      ],
    },
    {
      id: 'leadership',
      label: 'Leadership and supervision',
      synonyms: ['leadership', 'police leadership', 'supervision', 'management'],
    },
    {
      id: 'workforce',
      label: 'Workforce, recruitment and retention',
      synonyms: ['workforce', 'recruitment', 'retention', 'workforce planning'],
    },
    {
      id: 'ethics_and_integrity',
      label: 'Ethics, integrity and professional standards',
      synonyms: ['ethics', 'integrity', 'professional standards', 'misconduct', 'code of ethics'],
    },
    {
      id: 'technology',
      label: 'Technology and digital policing',
      synonyms: ['technology', 'digital policing', 'police technology', 'digital transformation'],
    },
    {
      id: 'data_and_analytics',
      label: 'Data, analytics and artificial intelligence',
      synonyms: ['data analytics', 'artificial intelligence', 'AI', 'data science', 'algorithms'],
    },
    {
      id: 'productivity',
      label: 'Productivity and value for money',
      synonyms: ['productivity', 'efficiency', 'value for money', 'VfM'],
    },
    {
      id: 'evidence_based_policing',
      label: 'Evidence-based policing',
      synonyms: ['EBP', 'evidence-based practice', 'what works', 'research use'],
    },
  ],
};
