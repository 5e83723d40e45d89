import type {
  Classification,
  EbpLevel,
  EffectDirection,
  LibraryContentInput,
  LibraryItemKind,
  LibraryWorkingCopyFragment,
} from '../../graphql/generated';

/** The tag lists an editor types, each as words separated by commas. */
export const TAG_FIELDS = [
  ['crimeProblems', 'Crime problems', 'e.g. burglary, robbery'],
  ['interventions', 'Interventions', 'e.g. hot spots policing'],
  ['populations', 'Populations', 'e.g. young people'],
  ['settings', 'Settings', 'e.g. town centre'],
  ['methods', 'Research methods', 'e.g. randomised controlled trial'],
  ['topics', 'Topics', 'e.g. public trust and confidence'],
] as const;

export type TagField = (typeof TAG_FIELDS)[number][0];

export const KINDS: readonly LibraryItemKind[] = [
  'research_report',
  'evidence_summary',
  'toolkit',
  'master_class_materials',
  'what_works_briefing',
  'partner_outcome',
];
export const EFFECT_DIRECTIONS: readonly EffectDirection[] = [
  'positive',
  'negative',
  'mixed',
  'no_effect',
  'inconclusive',
];
export const EBP_LEVELS: readonly EbpLevel[] = ['tactical', 'organisational', 'strategic'];
export const CLASSIFICATIONS: readonly Classification[] = ['OFFICIAL', 'OFFICIAL_SENSITIVE'];

/** An item's content as the editor's form holds it: every field as typed. */
export interface ContentForm extends Record<TagField, string> {
  readonly kind: LibraryItemKind;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly year: string;
  readonly smsLevel: string;
  readonly effectDirection: EffectDirection | '';
  readonly ebpLevel: EbpLevel | '';
  readonly doi: string;
  readonly url: string;
  readonly classification: Classification;
}

export const emptyContentForm = (year: number): ContentForm => ({
  kind: 'evidence_summary',
  title: '',
  summary: '',
  body: '',
  year: String(year),
  smsLevel: '',
  effectDirection: '',
  ebpLevel: '',
  doi: '',
  url: '',
  classification: 'OFFICIAL',
  crimeProblems: '',
  interventions: '',
  populations: '',
  settings: '',
  methods: '',
  topics: '',
});

/** The form for a working copy, as the graph holds it. */
export function contentFormOf(copy: LibraryWorkingCopyFragment): ContentForm {
  const tags = copy.tags;
  const listed = (field: TagField) => (tags?.[field] ?? []).join(', ');
  return {
    kind: copy.kind,
    title: copy.title,
    summary: copy.summary,
    body: copy.body ?? '',
    year: String(copy.year),
    smsLevel: copy.evidence?.smsLevel ? String(copy.evidence.smsLevel) : '',
    effectDirection: copy.evidence?.effectDirection ?? '',
    ebpLevel: copy.evidence?.ebpLevel ?? '',
    doi: copy.doi ?? '',
    url: copy.url ?? '',
    classification: copy.classification,
    crimeProblems: listed('crimeProblems'),
    interventions: listed('interventions'),
    populations: listed('populations'),
    settings: listed('settings'),
    methods: listed('methods'),
    topics: listed('topics'),
  };
}

/** Words separated by commas, trimmed, empty ones dropped. */
export const splitTags = (text: string): string[] =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

type KeptEmmie = NonNullable<NonNullable<LibraryWorkingCopyFragment['evidence']>['emmie']>;
type EmmieDimension = keyof Omit<KeptEmmie, '__typename'>;

/** The ratings as an input: only the fields the input takes (the client adds type names). */
function emmieInputOf(emmie: KeptEmmie | null | undefined): KeptEmmie | undefined {
  if (!emmie) return undefined;
  const dimension = (name: EmmieDimension) => ({
    evidence: emmie[name].evidence,
    quality: emmie[name].quality,
  });
  return {
    effect: dimension('effect'),
    mechanism: dimension('mechanism'),
    moderators: dimension('moderators'),
    implementation: dimension('implementation'),
    economicCost: dimension('economicCost'),
  };
}

/**
 * The content to send for the form. What the form does not show (EMMIE ratings, the projects it
 * names, who else may read it) is kept from the working copy, so a revision never drops it. A year
 * that is not a whole number cannot be sent at all: it is refused here, beside its field.
 */
export function contentOf(
  form: ContentForm,
  kept?: LibraryWorkingCopyFragment | null,
): { content: LibraryContentInput } | { issues: Map<string, string> } {
  const year = Number(form.year.trim());
  if (!/^\d{4}$/.test(form.year.trim()) || !Number.isInteger(year))
    return { issues: new Map([['year', 'Enter the year as four digits, e.g. 2024.']]) };
  const emmie = emmieInputOf(kept?.evidence?.emmie);
  const tags = Object.fromEntries(
    TAG_FIELDS.map(([field]) => [field, splitTags(form[field])]),
  ) as Record<TagField, string[]>;
  return {
    content: {
      kind: form.kind,
      title: form.title,
      summary: form.summary,
      ...(form.body.trim() ? { body: form.body } : {}),
      year,
      evidence: {
        ...(form.smsLevel ? { smsLevel: Number(form.smsLevel) } : {}),
        ...(form.effectDirection ? { effectDirection: form.effectDirection } : {}),
        ...(form.ebpLevel ? { ebpLevel: form.ebpLevel } : {}),
        ...(emmie ? { emmie } : {}),
      },
      tags,
      projectIds: kept?.projectIds ?? [],
      ...(form.doi.trim() ? { doi: form.doi.trim() } : {}),
      ...(form.url.trim() ? { url: form.url.trim() } : {}),
      classification: form.classification,
      ...(kept?.needToKnow ? { needToKnow: kept.needToKnow } : {}),
    },
  };
}
