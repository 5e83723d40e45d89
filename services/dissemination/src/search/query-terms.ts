import { vocabularies } from '@ebp/contracts';

/** Quotes, a leading - or OR ask for websearch syntax as typed; plain words match any of them. */
export const ADVANCED_SYNTAX = /["]|(^|\s)-|\bor\b/i;

/** What the words of a 'What Works' query ask for. */
export interface QueryTerms {
  /**
   * The terms the words name (`<vocabulary>:<term id>`), matched against items' terms whatever
   * their spelling; or, for a whole query no vocabulary lists, its `text:<term key>`, matched
   * against items' tags in any spelling of it.
   */
  readonly identities: readonly string[];
  /** The words left for full-text search ('' when the terms took them all). */
  readonly text: string;
  /** Whether `text` is in websearch syntax, to be taken as typed. */
  readonly advanced: boolean;
}

/**
 * The terms and the other words of a query (decision 0025). "RCT", "randomized controlled
 * trials" and "Randomised controlled trial" ask for one term and leave no words, so they find the
 * same items. A query in websearch syntax is taken as typed: its quotes and minus signs are
 * full-text search's, not the vocabulary's.
 */
export function queryTermsOf(query: string): QueryTerms {
  const text = query.trim();
  if (text === '') return { identities: [], text: '', advanced: false };
  if (ADVANCED_SYNTAX.test(text)) return { identities: [], text, advanced: true };
  const scan = vocabularies.scanTerms(vocabularies.SUBJECT_VOCABULARIES, text);
  if (scan.terms.length > 0)
    return {
      identities: scan.terms.map((term) => term.identity),
      text: scan.rest,
      advanced: false,
    };
  // No listed term: the whole query may still be a new term an item is tagged with.
  const whole = vocabularies.termIdentity(vocabularies.SUBJECT_VOCABULARIES, text);
  return { identities: whole === '' ? [] : [whole], text, advanced: false };
}
