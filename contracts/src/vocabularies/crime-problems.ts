import type { Vocabulary } from './vocabulary';

/**
 * The crime problems research addresses and the Research Plan prioritises: the Home Office and
 * ONS recorded-crime offence groups, with the problems the Metropolitan Police Service and MOPAC
 * name as priorities (violence against women and girls, knife crime, county lines, serious youth
 * violence) beside them. Narrower problems point at the group they belong to.
 */
export const CRIME_PROBLEMS: Vocabulary = {
  id: 'crime_problems',
  label: 'Crime problems',
  source:
    'Office for National Statistics, police recorded crime offence groups (Crime in England and Wales) and the Home Office Counting Rules for Recorded Crime, adapted as a Metropolitan Police Service list with the priority problems of the Mayor’s Office for Policing and Crime’s Police and Crime Plan.',
  terms: [
    // Violence against the person
    {
      id: 'violence_against_the_person',
      label: 'Violence against the person',
      synonyms: ['VAP', 'violent crime', 'violence', 'violent offences'],
    },
    {
      id: 'homicide',
      label: 'Homicide',
      broader: 'violence_against_the_person',
      synonyms: ['murder', 'manslaughter', 'unlawful killing'],
    },
    {
      id: 'violence_with_injury',
      label: 'Violence with injury',
      broader: 'violence_against_the_person',
      synonyms: ['assault with injury', 'grievous bodily harm', 'GBH', 'actual bodily harm', 'ABH'],
    },
    {
      id: 'violence_without_injury',
      label: 'Violence without injury',
      broader: 'violence_against_the_person',
      synonyms: ['assault without injury', 'common assault', 'threats to kill'],
    },
    {
      id: 'stalking_and_harassment',
      label: 'Stalking and harassment',
      broader: 'violence_against_the_person',
      synonyms: ['stalking', 'harassment', 'stalking or harassment'],
    },
    {
      id: 'serious_youth_violence',
      label: 'Serious youth violence',
      broader: 'violence_against_the_person',
      synonyms: ['SYV', 'youth violence'],
    },
    {
      id: 'knife_crime',
      label: 'Knife crime',
      synonyms: [
        'knife-enabled crime',
        'knife offences',
        'bladed article offences',
        'knife violence',
      ],
    },
    {
      id: 'gun_crime',
      label: 'Gun crime',
      synonyms: [
        'firearms offences',
        'firearm crime',
        'gun violence',
        'lethal barrelled firearm offences',
      ],
    },
    {
      id: 'gang_violence',
      label: 'Gang-related violence',
      synonyms: ['gang violence', 'gang crime', 'gangs', 'street gangs'],
    },
    // Violence against women and girls, domestic and sexual abuse
    {
      id: 'violence_against_women_and_girls',
      label: 'Violence against women and girls',
      synonyms: ['VAWG', 'gender-based violence', 'male violence against women and girls'],
    },
    {
      id: 'domestic_abuse',
      label: 'Domestic abuse',
      synonyms: [
        'domestic violence',
        'domestic violence and abuse',
        'DA',
        'DV',
        'intimate partner violence',
        'IPV',
      ],
    },
    {
      id: 'honour_based_abuse',
      label: 'So-called honour-based abuse',
      broader: 'violence_against_women_and_girls',
      synonyms: ['honour-based abuse', 'honour-based violence', 'HBA', 'HBV', 'forced marriage'],
    },
    {
      id: 'female_genital_mutilation',
      label: 'Female genital mutilation',
      broader: 'violence_against_women_and_girls',
      synonyms: ['FGM'],
    },
    {
      id: 'sexual_offences',
      label: 'Sexual offences',
      synonyms: ['sexual offenses', 'sex offences', 'sexual violence', 'sexual crime'],
    },
    {
      id: 'rape_and_serious_sexual_offences',
      label: 'Rape and serious sexual offences',
      broader: 'sexual_offences',
      synonyms: ['RASSO', 'rape', 'serious sexual offences', 'serious sexual assault'],
    },
    {
      id: 'child_sexual_exploitation',
      label: 'Child sexual exploitation',
      broader: 'sexual_offences',
      synonyms: ['CSE', 'child sexual abuse and exploitation', 'CSAE'],
    },
    {
      id: 'child_sexual_abuse',
      label: 'Child sexual abuse',
      broader: 'sexual_offences',
      synonyms: ['CSA', 'online child sexual abuse', 'indecent images of children', 'IIOC'],
    },
    // Exploitation
    {
      id: 'child_criminal_exploitation',
      label: 'Child criminal exploitation',
      synonyms: ['CCE', 'criminal exploitation of children'],
    },
    {
      id: 'county_lines',
      label: 'County lines',
      broader: 'drug_offences',
      synonyms: [
        'county lines drug supply',
        'county lines exploitation',
        'county lines drug dealing',
      ],
    },
    {
      id: 'modern_slavery',
      label: 'Modern slavery and human trafficking',
      synonyms: [
        'modern slavery',
        'human trafficking',
        'trafficking in persons',
        'forced labour',
        'labour exploitation',
      ],
    },
    // Acquisitive crime
    {
      id: 'robbery',
      label: 'Robbery',
      synonyms: ['street robbery', 'personal robbery', 'mugging', 'robbery of personal property'],
    },
    {
      id: 'business_robbery',
      label: 'Business robbery',
      broader: 'robbery',
      synonyms: ['robbery of business property', 'commercial robbery', 'retail robbery'],
    },
    {
      id: 'burglary',
      label: 'Burglary',
      synonyms: ['break-ins', 'housebreaking'],
    },
    {
      id: 'residential_burglary',
      label: 'Residential burglary',
      broader: 'burglary',
      synonyms: ['domestic burglary', 'home burglary', 'house burglary', 'dwelling burglary'],
    },
    {
      id: 'business_burglary',
      label: 'Business and community burglary',
      broader: 'burglary',
      synonyms: ['non-domestic burglary', 'commercial burglary', 'non-residential burglary'],
    },
    {
      id: 'theft',
      label: 'Theft',
      synonyms: ['theft offences', 'stealing', 'larceny'],
    },
    {
      id: 'vehicle_crime',
      label: 'Vehicle crime',
      broader: 'theft',
      synonyms: [
        'vehicle offences',
        'car crime',
        'theft of vehicles',
        'theft from vehicles',
        'vehicle theft',
        'vehicle interference',
      ],
    },
    {
      id: 'theft_from_the_person',
      label: 'Theft from the person',
      broader: 'theft',
      synonyms: ['pickpocketing', 'snatch theft', 'phone snatching'],
    },
    {
      id: 'shoplifting',
      label: 'Shoplifting',
      broader: 'theft',
      synonyms: ['theft from shops', 'retail theft', 'retail crime'],
    },
    {
      id: 'bicycle_theft',
      label: 'Bicycle theft',
      broader: 'theft',
      synonyms: ['cycle theft', 'bike theft'],
    },
    // Damage, drugs, weapons, public order
    {
      id: 'criminal_damage_and_arson',
      label: 'Criminal damage and arson',
      synonyms: ['criminal damage', 'arson', 'vandalism', 'graffiti'],
    },
    {
      id: 'drug_offences',
      label: 'Drug offences',
      synonyms: [
        'drug crime',
        'drugs',
        'drug dealing',
        'drug supply',
        'drug trafficking',
        'drug possession',
      ],
    },
    {
      id: 'possession_of_weapons',
      label: 'Possession of weapons offences',
      synonyms: [
        'possession of weapons',
        'weapons possession',
        'offensive weapons',
        'weapon carrying',
      ],
    },
    {
      id: 'public_order_offences',
      label: 'Public order offences',
      synonyms: ['public order', 'public disorder', 'disorder'],
    },
    {
      id: 'anti_social_behaviour',
      label: 'Anti-social behaviour',
      synonyms: ['ASB', 'antisocial behaviour', 'anti-social behavior', 'nuisance behaviour'],
    },
    {
      id: 'hate_crime',
      label: 'Hate crime',
      synonyms: [
        'hate incidents',
        'racially or religiously aggravated offences',
        'racist and religious hate crime',
      ],
    },
    // Fraud, cyber, terrorism, roads
    {
      id: 'fraud',
      label: 'Fraud',
      synonyms: ['fraud offences', 'scams', 'fraud and deception'],
    },
    {
      id: 'cyber_crime',
      label: 'Cyber crime',
      synonyms: ['cybercrime', 'computer misuse', 'cyber-dependent crime', 'online crime'],
    },
    {
      id: 'terrorism_and_extremism',
      label: 'Terrorism and extremism',
      synonyms: ['terrorism', 'extremism', 'counter-terrorism', 'radicalisation'],
    },
    {
      id: 'road_traffic_offences',
      label: 'Road traffic offences',
      synonyms: [
        'driving offences',
        'dangerous driving',
        'drink driving',
        'drug driving',
        'speeding',
      ],
    },
  ],
};
