import { z } from 'zod';

/**
 * Shared vocabularies (issue 18): research methods, crime problems, interventions and topics are
 * terms with a stable id, a label and synonyms, so "randomised controlled trials", "Randomized
 * Controlled Trial" and "RCT" are one method, and "hot-spot policing" in a profile finds "hot spots
 * policing" in the library. Free text is still accepted for a term the vocabulary lacks; it is
 * compared through the same normalisation, so two spellings of a new term also meet.
 */

/** One term of a vocabulary. */
export interface VocabularyTerm {
  /** Stable snake_case id, stored in events and read models; never reused for another meaning. */
  readonly id: string;
  /** What people see: British English, sentence case. */
  readonly label: string;
  /** Other names people use for the same thing (abbreviations, variants, older names). */
  readonly synonyms: readonly string[];
  /** The id of a broader term in the same vocabulary, if this one is a kind of it. */
  readonly broader?: string;
}

/** A controlled list of terms, with the citation of where the list comes from. */
export interface Vocabulary<Term extends VocabularyTerm = VocabularyTerm> {
  readonly id: string;
  readonly label: string;
  /** Where the list comes from: a citation, or what it was adapted from. */
  readonly source: string;
  readonly terms: readonly Term[];
}

/** A free text mapped through a vocabulary: a known term by its id and label, else as given. */
export interface CanonicalTerm {
  /** The vocabulary term's id; absent for a new term the vocabulary does not list. */
  readonly termId?: string;
  /** The term's label when known; otherwise the text as given, trimmed. */
  readonly label: string;
  /** The text as entered, trimmed. */
  readonly text: string;
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** A vocabulary term id: lower-case snake_case, e.g. `randomised_controlled_trial`. */
export const TermIdSchema = z
  .string()
  .max(64)
  .regex(SNAKE_CASE, 'must be a term id in snake_case, like randomised_controlled_trial')
  .describe('A vocabulary term id: lower-case words and digits joined by underscores.');

/** Free text naming a term (a method, crime problem, intervention or topic), known or new. */
export const TermInputSchema = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((text) => normaliseTerm(text) !== '', 'must contain a letter or digit')
  .describe(
    'A term as entered: 2 to 100 characters. Matched through the vocabulary (case, plurals, British and American spelling, hyphens and synonyms); a term the vocabulary lacks is kept as given.',
  );

export const CanonicalTermSchema = z
  .object({
    termId: TermIdSchema.optional(),
    label: z.string().min(1).max(200),
    text: z.string().min(1).max(100),
  })
  .strict();

/** An enumeration of one vocabulary's term ids, e.g. for a field that takes only known terms. */
export function termIdSchemaOf(vocabulary: Vocabulary): z.ZodEnum {
  const ids = vocabulary.terms.map((term) => term.id);
  if (ids.length === 0) throw new RangeError(`Vocabulary ${vocabulary.id} has no terms`);
  return z.enum(ids as [string, ...string[]]);
}

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/**
 * American spellings (and a few British variants) folded to one British form, word by word.
 * An explicit list, not a suffix rule: `-ize` → `-ise` would turn "size" into "sise", `-or` →
 * `-our` would turn "honorary" into "honourary", and `program` → `programme` must leave
 * "programme", "programming" and "programmer" alone.
 */
const SPELLING = new Map<string, string>();

function addSpellings(american: string, british: string, suffixes: readonly string[]): void {
  for (const suffix of suffixes) SPELLING.set(american + suffix, british + suffix);
}

const IZE_STEMS = [
  'apolog',
  'author',
  'capital',
  'categor',
  'central',
  'character',
  'civil',
  'computer',
  'contextual',
  'conceptual',
  'critic',
  'criminal',
  'decentral',
  'decriminal',
  'desensit',
  'digit',
  'emphas',
  'final',
  'general',
  'global',
  'harmon',
  'hospital',
  'individual',
  'institutional',
  'legal',
  'local',
  'maxim',
  'minim',
  'mobil',
  'modern',
  'normal',
  'operational',
  'optim',
  'organ',
  'priorit',
  'professional',
  'radical',
  'random',
  'real',
  'recogn',
  'revictim',
  'sensit',
  'special',
  'stabil',
  'standard',
  'summar',
  'sympath',
  'terror',
  'util',
  'vandal',
  'victim',
  'visual',
];
for (const stem of IZE_STEMS)
  for (const [american, british] of [
    ['ize', 'ise'],
    ['ized', 'ised'],
    ['izes', 'ises'],
    ['izing', 'ising'],
    ['ization', 'isation'],
    ['izations', 'isations'],
    ['izer', 'iser'],
    ['izers', 'isers'],
  ] as const)
    SPELLING.set(stem + american, stem + british);

for (const stem of ['anal', 'catal', 'dial', 'paral'])
  for (const [american, british] of [
    ['yze', 'yse'],
    ['yzed', 'ysed'],
    ['yzes', 'yses'],
    ['yzing', 'ysing'],
    ['yzer', 'yser'],
    ['yzers', 'ysers'],
  ] as const)
    SPELLING.set(stem + american, stem + british);

// -or → -our, only with suffixes that keep -our in British English (not -ous, -ary, -ation:
// "laborious", "honorary", "coloration" are British spellings too).
for (const stem of [
  'armo',
  'behavio',
  'cando',
  'colo',
  'endeavo',
  'favo',
  'flavo',
  'harbo',
  'hono',
  'humo',
  'labo',
  'neighbo',
  'odo',
  'parlo',
  'rumo',
  'savio',
  'tumo',
  'vapo',
])
  addSpellings(`${stem}r`, `${stem}ur`, [
    '',
    's',
    'al',
    'ally',
    'ed',
    'ing',
    'er',
    'ers',
    'hood',
    'hoods',
    'ly',
    'able',
    'ably',
    'ite',
    'ites',
    'ism',
    'ist',
    'ists',
    'less',
    'ful',
  ]);

for (const [american, british] of [
  // -er → -re
  ['center', 'centre'],
  ['centers', 'centres'],
  ['centered', 'centred'],
  ['centering', 'centring'],
  ['theater', 'theatre'],
  ['theaters', 'theatres'],
  ['fiber', 'fibre'],
  ['fibers', 'fibres'],
  ['caliber', 'calibre'],
  ['liter', 'litre'],
  ['liters', 'litres'],
  ['somber', 'sombre'],
  ['specter', 'spectre'],
  // -se → -ce (nouns)
  ['defense', 'defence'],
  ['defenses', 'defences'],
  ['defenseless', 'defenceless'],
  ['offense', 'offence'],
  ['offenses', 'offences'],
  ['license', 'licence'],
  ['licenses', 'licences'],
  ['pretense', 'pretence'],
  ['practise', 'practice'],
  ['practises', 'practices'],
  ['practicing', 'practising'],
  // -og → -ogue
  ['analog', 'analogue'],
  ['analogs', 'analogues'],
  ['catalog', 'catalogue'],
  ['catalogs', 'catalogues'],
  ['cataloged', 'catalogued'],
  ['cataloging', 'cataloguing'],
  ['dialog', 'dialogue'],
  ['dialogs', 'dialogues'],
  // -l- → -ll- and -ll → -l
  ['canceled', 'cancelled'],
  ['canceling', 'cancelling'],
  ['channeled', 'channelled'],
  ['counseled', 'counselled'],
  ['counseling', 'counselling'],
  ['counselor', 'counsellor'],
  ['counselors', 'counsellors'],
  ['fueled', 'fuelled'],
  ['fueling', 'fuelling'],
  ['labeled', 'labelled'],
  ['labeling', 'labelling'],
  ['leveled', 'levelled'],
  ['leveling', 'levelling'],
  ['modeled', 'modelled'],
  ['modeler', 'modeller'],
  ['modelers', 'modellers'],
  ['modeling', 'modelling'],
  ['signaled', 'signalled'],
  ['signaling', 'signalling'],
  ['traveled', 'travelled'],
  ['traveler', 'traveller'],
  ['travelers', 'travellers'],
  ['traveling', 'travelling'],
  ['enroll', 'enrol'],
  ['enrolls', 'enrols'],
  ['enrollment', 'enrolment'],
  ['enrollments', 'enrolments'],
  ['fulfill', 'fulfil'],
  ['fulfills', 'fulfils'],
  ['fulfillment', 'fulfilment'],
  ['installment', 'instalment'],
  ['installments', 'instalments'],
  ['skillful', 'skilful'],
  ['willful', 'wilful'],
  ['jewelry', 'jewellery'],
  // programme: only the noun; "programmed", "programming" and "programmer" are British too.
  ['program', 'programme'],
  ['programs', 'programmes'],
  // others
  ['acknowledgment', 'acknowledgement'],
  ['acknowledgments', 'acknowledgements'],
  ['aging', 'ageing'],
  ['gray', 'grey'],
  ['judgment', 'judgement'],
  ['judgments', 'judgements'],
  ['maneuver', 'manoeuvre'],
  ['maneuvers', 'manoeuvres'],
  ['mold', 'mould'],
  ['pediatric', 'paediatric'],
  ['skeptic', 'sceptic'],
  ['skeptical', 'sceptical'],
  ['skepticism', 'scepticism'],
  // British variants folded to the commoner British form
  ['focussed', 'focused'],
  ['focusses', 'focuses'],
  ['focussing', 'focusing'],
  ['orientated', 'oriented'],
  ['amongst', 'among'],
  ['whilst', 'while'],
  ['toward', 'towards'],
] as const)
  SPELLING.set(american, british);
// British English keeps "humorist", as it keeps "humorous".
SPELLING.delete('humorist');
SPELLING.delete('humorists');

/** Plurals the suffix rules would get wrong, and Latin and Greek plurals. */
const IRREGULAR_PLURALS = new Map<string, string>([
  ['analyses', 'analysis'],
  ['axes', 'axis'],
  ['catalyses', 'catalysis'],
  ['crises', 'crisis'],
  ['diagnoses', 'diagnosis'],
  ['dialyses', 'dialysis'],
  ['ellipses', 'ellipsis'],
  ['emphases', 'emphasis'],
  ['hypotheses', 'hypothesis'],
  ['neuroses', 'neurosis'],
  ['oases', 'oasis'],
  ['paralyses', 'paralysis'],
  ['parentheses', 'parenthesis'],
  ['prognoses', 'prognosis'],
  ['psychoses', 'psychosis'],
  ['syntheses', 'synthesis'],
  ['synopses', 'synopsis'],
  ['theses', 'thesis'],
  ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'],
  ['curricula', 'curriculum'],
  ['alumni', 'alumnus'],
  ['foci', 'focus'],
  ['stimuli', 'stimulus'],
  ['appendices', 'appendix'],
  ['indices', 'index'],
  ['matrices', 'matrix'],
  ['vertices', 'vertex'],
  // -us, -as singulars take -es
  ['aliases', 'alias'],
  ['apparatuses', 'apparatus'],
  ['atlases', 'atlas'],
  ['biases', 'bias'],
  ['bonuses', 'bonus'],
  ['buses', 'bus'],
  ['busses', 'bus'],
  ['campuses', 'campus'],
  ['censuses', 'census'],
  ['consensuses', 'consensus'],
  ['corpuses', 'corpus'],
  ['focuses', 'focus'],
  ['gases', 'gas'],
  ['lenses', 'lens'],
  ['minibuses', 'minibus'],
  ['nexuses', 'nexus'],
  ['prospectuses', 'prospectus'],
  ['statuses', 'status'],
  ['syllabuses', 'syllabus'],
  ['viruses', 'virus'],
  ['quizzes', 'quiz'],
  // -o singulars take -es
  ['echoes', 'echo'],
  ['heroes', 'hero'],
  ['potatoes', 'potato'],
  ['tomatoes', 'tomato'],
  ['torpedoes', 'torpedo'],
  ['vetoes', 'veto'],
  // -che singulars (the -ches rule would drop their e)
  ['aches', 'ache'],
  ['avalanches', 'avalanche'],
  ['caches', 'cache'],
  ['cliches', 'cliche'],
  ['headaches', 'headache'],
  ['moustaches', 'moustache'],
  ['mustaches', 'moustache'],
  ['niches', 'niche'],
  ['psyches', 'psyche'],
  // -ie singulars (the -ies rule would make them -y)
  ['calories', 'calorie'],
  ['cookies', 'cookie'],
  ['hoodies', 'hoodie'],
  ['movies', 'movie'],
  ['rookies', 'rookie'],
  ['selfies', 'selfie'],
  ['zombies', 'zombie'],
  // -f and -fe singulars
  ['calves', 'calf'],
  ['halves', 'half'],
  ['knives', 'knife'],
  ['lives', 'life'],
  ['loaves', 'loaf'],
  ['selves', 'self'],
  ['shelves', 'shelf'],
  ['thieves', 'thief'],
  ['wives', 'wife'],
  ['wolves', 'wolf'],
  // people
  ['children', 'child'],
  ['people', 'person'],
  ['policemen', 'policeman'],
  ['policewomen', 'policewoman'],
  ['women', 'woman'],
  ['chairmen', 'chairman'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
]);

/** Words that end in s but are singular (or have no singular): left as they are. */
const INVARIANT = new Set([
  'afterwards',
  'alias',
  'always',
  'athletics',
  'atlas',
  'besides',
  'bias',
  'canvas',
  'chaos',
  'christmas',
  'cosmos',
  'diabetes',
  'does',
  'economics',
  'ethics',
  'ethos',
  'hers',
  'herpes',
  'kudos',
  'lens',
  'mathematics',
  'means',
  'measles',
  'mumps',
  'news',
  'odds',
  'ours',
  'ourselves',
  'overseas',
  'pancreas',
  'pathos',
  'perhaps',
  'physics',
  'politics',
  'premises',
  'rabies',
  'scabies',
  'series',
  'sometimes',
  'species',
  'themselves',
  'theirs',
  'towards',
  'whereabouts',
  'whereas',
  'yours',
  'yourselves',
]);

/**
 * One word to its singular by safe English rules. Words of three letters or fewer, words with
 * digits, words ending in -ss, -us or -is ("access", "status", "analysis", "crisis") and the
 * listed invariants are left alone; then the irregulars; then -ies → -y, -sses/-xes/-ches/
 * -shes/-zzes → drop -es, and any other final s is dropped ("spots", "cases", "services").
 */
function singular(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular !== undefined) return irregular;
  if (INVARIANT.has(word) || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return word.length <= 4 ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const spell = (word: string): string => SPELLING.get(word) ?? word;

/** A word as the vocabulary compares it: British spelling, singular. */
function foldWord(word: string): string {
  // Spelling before and after the plural: "analyzes" → "analyses" → "analysis", and
  // "programs" → "programmes" → "programme"; "behaviors" → "behaviours" → "behaviour".
  return spell(singular(spell(word)));
}

/**
 * The comparison key of a term: lower case; accents dropped; apostrophes dropped ("victims'");
 * `&` read as "and"; hyphens, dashes, underscores, slashes and other punctuation read as spaces;
 * whitespace collapsed and trimmed; then each word in British spelling and in the singular.
 * `normaliseTerm('Randomized Controlled-Trials')` is `'randomised controlled trial'`.
 * It is a key for comparing, not a label to show.
 */
export function normaliseTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .map(foldWord)
    .join(' ');
}

/**
 * The key with its spaces removed, so compounds written as one word or two meet: "hotspot" and
 * "hot spots", "antisocial" and "anti-social", "cybercrime" and "cyber crime". Two texts are the
 * same term when their term keys are equal.
 */
export function termKey(text: string): string {
  return normaliseTerm(text).replaceAll(' ', '');
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/** The names of a term that are matched: its id, label and synonyms. */
function namesOf(term: VocabularyTerm): readonly string[] {
  return [term.id, term.label, ...term.synonyms];
}

const indexes = new WeakMap<Vocabulary, ReadonlyMap<string, VocabularyTerm>>();

function indexOf<Term extends VocabularyTerm>(
  vocabulary: Vocabulary<Term>,
): ReadonlyMap<string, Term> {
  let index = indexes.get(vocabulary);
  if (!index) {
    const built = new Map<string, Term>();
    // The first term to claim a key keeps it; vocabularyProblems reports any such clash.
    for (const term of vocabulary.terms)
      for (const name of namesOf(term)) {
        const key = termKey(name);
        if (key !== '' && !built.has(key)) built.set(key, term);
      }
    index = built;
    indexes.set(vocabulary, index);
  }
  return index as ReadonlyMap<string, Term>;
}

/**
 * The vocabulary term a free text names: the term whose id, label or a synonym has the same
 * term key (case, plurals, British and American spelling, hyphens, spacing). Undefined when the
 * text names no listed term: a part of a term ("trial", "hot spots") is not the term.
 */
export function matchTerm<Term extends VocabularyTerm>(
  vocabulary: Vocabulary<Term>,
  text: string,
): Term | undefined {
  const key = termKey(text);
  return key === '' ? undefined : indexOf(vocabulary).get(key);
}

/**
 * The vocabulary term whose names have this term key (`termKey` of a text), for scanning texts
 * whose words are already normalised; undefined when none has.
 */
export function termByKey<Term extends VocabularyTerm>(
  vocabulary: Vocabulary<Term>,
  key: string,
): Term | undefined {
  return key === '' ? undefined : indexOf(vocabulary).get(key);
}

/** A vocabulary term by its id. */
export function termById<Term extends VocabularyTerm>(
  vocabulary: Vocabulary<Term>,
  id: string,
): Term | undefined {
  return vocabulary.terms.find((term) => term.id === id);
}

/**
 * Free texts mapped through a vocabulary, in the order given, without repeats: a known term
 * becomes its id and label; a new term keeps its text (trimmed, inner whitespace collapsed) as
 * its label. Two texts naming one term, or two spellings of one new term, give one entry (the
 * first). Blank texts are dropped.
 */
export function canonicalTerms(
  vocabulary: Vocabulary,
  texts: readonly string[],
): readonly CanonicalTerm[] {
  const seen = new Set<string>();
  const result: CanonicalTerm[] = [];
  for (const raw of texts) {
    const text = raw.trim().replace(/\s+/g, ' ');
    const key = termKey(text);
    if (key === '') continue;
    const term = matchTerm(vocabulary, text);
    const identity = term ? `term:${term.id}` : `text:${key}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    result.push(term ? { termId: term.id, label: term.label, text } : { label: text, text });
  }
  return result;
}

/**
 * Whether two free texts name the same term: the same vocabulary term, or, when neither is
 * listed, the same term key. A listed term and an unlisted text are never the same.
 */
export function sameTerm(vocabulary: Vocabulary, a: string, b: string): boolean {
  const keyA = termKey(a);
  const keyB = termKey(b);
  if (keyA === '' || keyB === '') return false;
  const termA = matchTerm(vocabulary, a);
  const termB = matchTerm(vocabulary, b);
  if (termA || termB) return termA?.id === termB?.id;
  return keyA === keyB;
}

/**
 * What is wrong with a vocabulary, as sentences (none when it is sound): ids that are not
 * snake_case or repeat, labels that repeat or do not start with a capital letter or digit, names
 * that normalise to nothing, two terms whose names normalise to one key (an ambiguous synonym),
 * and broader terms that are missing or form a cycle.
 */
export function vocabularyProblems(vocabulary: Vocabulary): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const labels = new Map<string, string>();
  const owners = new Map<string, { termId: string; name: string }>();
  for (const term of vocabulary.terms) {
    if (!TermIdSchema.safeParse(term.id).success) problems.push(`id ${term.id} is not snake_case`);
    if (ids.has(term.id)) problems.push(`id ${term.id} is used twice`);
    ids.add(term.id);
    const sameLabel = labels.get(term.label.toLowerCase());
    if (sameLabel !== undefined)
      problems.push(`label "${term.label}" is used by ${sameLabel} and ${term.id}`);
    labels.set(term.label.toLowerCase(), term.id);
    if (!/^[\p{Lu}\p{N}]/u.test(term.label))
      problems.push(`label "${term.label}" (${term.id}) does not start with a capital`);
    for (const name of namesOf(term)) {
      const key = termKey(name);
      if (key === '') {
        problems.push(`"${name}" (${term.id}) normalises to nothing`);
        continue;
      }
      const owner = owners.get(key);
      if (owner && owner.termId !== term.id)
        problems.push(
          `"${name}" (${term.id}) and "${owner.name}" (${owner.termId}) both normalise to "${key}"`,
        );
      else if (!owner) owners.set(key, { termId: term.id, name });
    }
  }
  for (const term of vocabulary.terms) {
    if (term.broader === undefined) continue;
    if (!ids.has(term.broader))
      problems.push(`${term.id} has broader term ${term.broader}, which is not in the vocabulary`);
    const visited = new Set([term.id]);
    for (
      let current = termById(vocabulary, term.broader);
      current;
      current = current.broader === undefined ? undefined : termById(vocabulary, current.broader)
    ) {
      if (visited.has(current.id)) {
        problems.push(`${term.id} is in a cycle of broader terms`);
        break;
      }
      visited.add(current.id);
    }
  }
  return problems;
}
