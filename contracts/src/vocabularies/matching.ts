import { CRIME_PROBLEMS } from './crime-problems';
import { INTERVENTIONS } from './interventions';
import { RESEARCH_METHODS } from './research-methods';
import { TOPICS } from './topics';
import {
  matchTerm,
  normaliseTerm,
  termByKey,
  termKey,
  type Vocabulary,
  type VocabularyTerm,
} from './vocabulary';

/**
 * Matching across vocabularies (issue 18, decision 0025): what the expertise finder and 'What
 * Works' search compare texts by, so that both find the same people and items for every spelling
 * of a term.
 */

/**
 * The vocabularies a subject can come from: a person's topic of interest, or the words of a
 * search, may name a topic, a crime problem, an intervention or a research method. Earlier ones
 * win a name that two of them list.
 */
export const SUBJECT_VOCABULARIES: readonly Vocabulary[] = [
  TOPICS,
  CRIME_PROBLEMS,
  INTERVENTIONS,
  RESEARCH_METHODS,
];

/** The prefix of the identity of a text that no vocabulary lists. */
const FREE_TEXT = 'text';

/**
 * What a text is compared by: `<vocabulary id>:<term id>` for the first of the vocabularies that
 * lists it, otherwise `text:<term key>` (so two spellings of a new term still meet); '' for a
 * text with no letter or digit. Two texts name the same term when their identities are equal.
 */
export function termIdentity(vocabularies: readonly Vocabulary[], text: string): string {
  for (const vocabulary of vocabularies) {
    const term = matchTerm(vocabulary, text);
    if (term) return `${vocabulary.id}:${term.id}`;
  }
  const key = termKey(text);
  return key === '' ? '' : `${FREE_TEXT}:${key}`;
}

/** Whether two texts name the same term of the vocabularies (or, unlisted, the same new term). */
export function sameTermIn(vocabularies: readonly Vocabulary[], a: string, b: string): boolean {
  const identity = termIdentity(vocabularies, a);
  return identity !== '' && identity === termIdentity(vocabularies, b);
}

/** The vocabulary and term an identity names; undefined for free text. */
export function termOfIdentity(
  identity: string,
): { vocabularyId: string; termId: string } | undefined {
  const [vocabularyId, termId, ...rest] = identity.split(':');
  if (!vocabularyId || !termId || rest.length > 0 || vocabularyId === FREE_TEXT) return undefined;
  return { vocabularyId, termId };
}

/** A vocabulary term named somewhere in a text. */
export interface MentionedTerm {
  readonly vocabulary: Vocabulary;
  readonly term: VocabularyTerm;
  /** As `termIdentity` gives it: `<vocabulary id>:<term id>`. */
  readonly identity: string;
}

/** What a scan of a text found: the terms it names, and its other words. */
export interface TermScan {
  /** The terms named, in the order first named, each once. */
  readonly terms: readonly MentionedTerm[];
  /** The words that are part of no term named, normalised (`normaliseTerm`), in order. */
  readonly rest: string;
}

const longestNames = new WeakMap<Vocabulary, number>();

/** The most words any name of the vocabulary has, normalised. */
function longestName(vocabulary: Vocabulary): number {
  let longest = longestNames.get(vocabulary);
  if (longest === undefined) {
    longest = 1;
    for (const term of vocabulary.terms)
      for (const name of [term.label, ...term.synonyms])
        longest = Math.max(longest, normaliseTerm(name).split(' ').length);
    longestNames.set(vocabulary, longest);
  }
  return longest;
}

/**
 * The terms of the vocabularies that a text names, as whole runs of words, the longest first
 * ("cluster randomised controlled trial" is the cluster trial, not the trial in it), compared
 * as `matchTerm` compares a whole text (case, plurals, spelling, hyphens, spacing, synonyms).
 * A run may have two more words than the term's longest name: "hot spot policing" is three
 * words where "hotspot policing" is two. The normalisation is word by word, so it runs once.
 */
export function scanTerms(vocabularies: readonly Vocabulary[], text: string): TermScan {
  const words = normaliseTerm(text)
    .split(' ')
    .filter((word) => word !== '');
  const longest = Math.max(1, ...vocabularies.map(longestName)) + 2;
  const found = new Map<string, MentionedTerm>();
  const rest: string[] = [];
  let start = 0;
  while (start < words.length) {
    const mention = longestMentionAt(vocabularies, words, start, longest);
    if (mention) {
      const { length, ...term } = mention;
      if (!found.has(term.identity)) found.set(term.identity, term);
      start += length;
    } else {
      rest.push(words[start]!);
      start += 1;
    }
  }
  return { terms: [...found.values()], rest: rest.join(' ') };
}

function longestMentionAt(
  vocabularies: readonly Vocabulary[],
  words: readonly string[],
  start: number,
  longest: number,
): (MentionedTerm & { length: number }) | undefined {
  for (let length = Math.min(longest, words.length - start); length >= 1; length -= 1) {
    const key = words.slice(start, start + length).join('');
    for (const vocabulary of vocabularies) {
      const term = termByKey(vocabulary, key);
      if (term) return { vocabulary, term, identity: `${vocabulary.id}:${term.id}`, length };
    }
  }
  return undefined;
}

/** The terms of one vocabulary that a text names (see `scanTerms`), in the order first named. */
export function termsMentioned<Term extends VocabularyTerm>(
  vocabulary: Vocabulary<Term>,
  text: string,
): Term[] {
  return scanTerms([vocabulary], text).terms.map(({ term }) => term as Term);
}
