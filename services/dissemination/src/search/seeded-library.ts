import type { dissemination } from '@ebp/contracts';

/**
 * A deterministic library of a few hundred items for search tests and the demo: every crime
 * problem meets several interventions, with evidence ratings, years and kinds spread across the
 * facets, plus a few hand-written items for specific queries.
 */
export const CRIME_PROBLEMS = [
  'burglary',
  'robbery',
  'knife crime',
  'domestic abuse',
  'anti-social behaviour',
  'vehicle crime',
  'county lines',
  'violence against women and girls',
  'shoplifting',
  'hate crime',
] as const;

export const INTERVENTIONS = [
  'hot spots policing',
  'problem-oriented policing',
  'focused deterrence',
  'body-worn video',
  'restorative justice',
  'street lighting',
  'cctv',
  'procedural justice training',
  'target hardening',
  'mentoring',
  'neighbourhood watch',
  'diversion',
] as const;

/** The design a study at each SMS level typically uses, for the method facet. */
const METHOD_AT_LEVEL = [
  'cross-sectional study',
  'before-and-after study',
  'difference-in-differences',
  'multi-site comparison with controls',
  'randomised controlled trial',
] as const;

const KINDS = [
  'research_report',
  'evidence_summary',
  'toolkit',
  'what_works_briefing',
  'master_class_materials',
] as const;
const RATINGS = ['strong', 'moderate', 'limited', 'none'] as const;
const LEVELS = ['tactical', 'organisational', 'strategic'] as const;
const BOROUGHS = ['Lambeth', 'Croydon', 'Newham', 'Camden', 'Ealing', 'Hackney', 'Barnet'];
const SETTINGS = ['micro_place', 'neighbourhood', 'transport hub', 'town centre', 'school'];

export interface SeededItem {
  readonly itemId: string;
  readonly content: dissemination.LibraryContent;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function seededLibrary(count = 300): SeededItem[] {
  const items: SeededItem[] = [];
  for (let index = 0; index < count; index += 1) {
    const crimeProblem = CRIME_PROBLEMS[index % CRIME_PROBLEMS.length]!;
    const intervention =
      INTERVENTIONS[(index * 7 + Math.floor(index / 10)) % INTERVENTIONS.length]!;
    const borough = BOROUGHS[index % BOROUGHS.length]!;
    const rating = RATINGS[Math.floor(index / 50) % RATINGS.length]!;
    const dimension = { evidence: rating, quality: rating };
    items.push({
      itemId: `seed-${String(index).padStart(3, '0')}`,
      content: {
        kind: KINDS[index % KINDS.length]!,
        title: `${capitalised(intervention)} and ${crimeProblem} in ${borough}`,
        summary: `What the ${borough} study of ${intervention} found for ${crimeProblem}, and what it cost to run.`,
        year: 2015 + (Math.floor(index / 3) % 11),
        evidence: {
          smsLevel: 1 + (Math.floor(index / 10) % 5),
          emmie: {
            effect: dimension,
            mechanism: dimension,
            moderators: dimension,
            implementation: dimension,
            economicCost: dimension,
          },
          effectDirection: index % 3 === 0 ? 'positive' : index % 3 === 1 ? 'mixed' : 'no_effect',
          ebpLevel: LEVELS[Math.floor(index / 5) % LEVELS.length]!,
        },
        tags: {
          crimeProblems: [crimeProblem],
          interventions: [intervention],
          populations: index % 4 === 0 ? ['young people'] : [],
          settings: [SETTINGS[index % SETTINGS.length]!],
          methods: [METHOD_AT_LEVEL[Math.floor(index / 10) % METHOD_AT_LEVEL.length]!],
          topics: [],
        },
        projectIds: [],
        classification: 'OFFICIAL',
      },
    });
  }
  return items;
}

const drugDeaths = (title: string, summary: string): dissemination.LibraryContent => ({
  ...seededLibrary(1)[0]!.content,
  title,
  summary,
  tags: {
    crimeProblems: ['drug-related deaths'],
    interventions: [],
    populations: [],
    settings: [],
    methods: [],
    topics: [],
  },
});

/** Hand-written items: a word in a title outranks the same word in a summary. */
export const NALOXONE_ITEMS: readonly SeededItem[] = [
  {
    itemId: 'naloxone-summary-mention',
    content: drugDeaths(
      'Drug-related deaths in custody: a review',
      'A review of deaths in custody; officers carrying naloxone was one of twelve recommendations.',
    ),
  },
  {
    itemId: 'naloxone-title',
    content: drugDeaths(
      'Naloxone carried by response officers: a pilot',
      'Response officers in two boroughs carried nasal spray for opioid overdoses.',
    ),
  },
];
