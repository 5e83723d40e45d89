import type { Vocabulary, VocabularyTerm } from './vocabulary';

/** A Maryland Scientific Methods Scale level: 1 (weakest) to 5 (randomised controlled trial). */
export type SmsLevel = 1 | 2 | 3 | 4 | 5;

export interface SmsTerm extends VocabularyTerm {
  readonly level: SmsLevel;
  /** What a study must do to reach this level. */
  readonly description: string;
}

const levelNames = (level: SmsLevel): string[] => [
  `SMS ${level}`,
  `SMS level ${level}`,
  `level ${level}`,
  `Maryland level ${level}`,
  `Maryland Scientific Methods Scale level ${level}`,
];

/**
 * The Maryland Scientific Methods Scale (DESIGN.md §6), by which the register records the
 * planned and achieved strength of a design (`plannedSmsLevel`). Each level needs all that the
 * level below it needs.
 */
export const SMS: Vocabulary<SmsTerm> = {
  id: 'sms',
  label: 'Maryland Scientific Methods Scale',
  source:
    'Sherman, L. W., Gottfredson, D., MacKenzie, D., Eck, J., Reuter, P. and Bushway, S. (1997) Preventing Crime: What Works, What Doesn’t, What’s Promising. Report to the US Congress. College Park, MD: University of Maryland; Farrington, D. P., Gottfredson, D. C., Sherman, L. W. and Welsh, B. C. (2002) ‘The Maryland Scientific Methods Scale’, in Sherman, L. W. et al. (eds) Evidence-Based Crime Prevention. London: Routledge.',
  terms: [
    {
      id: 'sms_1',
      level: 1,
      label: 'SMS 1: correlation at one point in time',
      synonyms: levelNames(1),
      description:
        'An association between the intervention and the outcome measured at a single point in time, with no measure before the intervention and no comparison group.',
    },
    {
      id: 'sms_2',
      level: 2,
      label: 'SMS 2: before and after, without a comparison group',
      synonyms: levelNames(2),
      description:
        'The outcome measured before and after the intervention where it was delivered, with no comparable group or area that did not receive it.',
    },
    {
      id: 'sms_3',
      level: 3,
      label: 'SMS 3: before and after, with a comparison group',
      synonyms: levelNames(3),
      description:
        'The outcome measured before and after the intervention both where it was delivered and in a comparable group or area that did not receive it.',
    },
    {
      id: 'sms_4',
      level: 4,
      label: 'SMS 4: multiple comparison sites with controls',
      synonyms: levelNames(4),
      description:
        'Before-and-after measures in several intervention and comparison units, with statistical control for other factors that influence the outcome.',
    },
    {
      id: 'sms_5',
      level: 5,
      label: 'SMS 5: randomised controlled trial',
      synonyms: levelNames(5),
      description:
        'Units (people, places or cases) randomly assigned to receive the intervention or not, so that the groups differ only by chance apart from the intervention.',
    },
  ],
};
