import { vocabularies, type dissemination } from '@ebp/contracts';

/**
 * What 'What Works' search compares an item's terms by (decision 0025): each tag of a facet that
 * has a vocabulary as its identity in that vocabulary (`crime_problems:burglary`, or
 * `text:<term key>` for a term the vocabulary lacks), so spelling variants and synonyms filter and
 * count as one facet value; and the terms its tags and words name, for the words of a query.
 */

/** The facets whose tags come from a shared vocabulary. */
export const TERM_FACETS = {
  crimeProblem: { tags: 'crimeProblems', vocabulary: vocabularies.CRIME_PROBLEMS },
  intervention: { tags: 'interventions', vocabulary: vocabularies.INTERVENTIONS },
  method: { tags: 'methods', vocabulary: vocabularies.RESEARCH_METHODS },
  topic: { tags: 'topics', vocabulary: vocabularies.TOPICS },
} as const satisfies Record<
  string,
  { tags: keyof dissemination.LibraryTags; vocabulary: vocabularies.Vocabulary }
>;
export type TermFacet = keyof typeof TERM_FACETS;
export const TERM_FACET_NAMES = Object.keys(TERM_FACETS) as TermFacet[];

/** One facet's terms of an item, each once: identities to filter by, labels to show. */
export interface FacetTerms {
  readonly identities: readonly string[];
  readonly labels: readonly string[];
}

/** The identity of a facet value or filter (`termIdentity` in the facet's vocabulary). */
export function facetIdentity(facet: TermFacet, text: string): string {
  return vocabularies.termIdentity([TERM_FACETS[facet].vocabulary], text);
}

/** Tags through their facet's vocabulary: a listed term by its label, a new one as tagged. */
export function facetTerms(facet: TermFacet, tags: readonly string[]): FacetTerms {
  const { vocabulary } = TERM_FACETS[facet];
  const terms = vocabularies.canonicalTerms(vocabulary, tags);
  return {
    identities: terms.map((term) =>
      term.termId === undefined
        ? vocabularies.termIdentity([], term.text)
        : `${vocabulary.id}:${term.termId}`,
    ),
    labels: terms.map((term) => term.label),
  };
}

/**
 * The label a facet value shows: the vocabulary's label of today for a listed term (so a
 * relabelled term needs no rebuild), else the label it was indexed with.
 */
export function facetLabel(identity: string, indexedLabel: string): string {
  const named = vocabularies.termOfIdentity(identity);
  if (!named) return indexedLabel;
  const vocabulary = (vocabularies.VOCABULARIES as Record<string, vocabularies.Vocabulary>)[
    named.vocabularyId
  ];
  return (vocabulary && vocabularies.termById(vocabulary, named.termId)?.label) ?? indexedLabel;
}

/** The term id a facet value is, for forms; null for a term the vocabulary lacks. */
export const facetTermId = (identity: string): string | null =>
  vocabularies.termOfIdentity(identity)?.termId ?? null;

/** Everything search keeps of an item's terms. */
export interface IndexedTerms {
  readonly facets: Readonly<Record<TermFacet, FacetTerms>>;
  /**
   * What the item is about: its tags (any facet, through every subject vocabulary) and the terms
   * its title names. A query's term found here counts in full.
   */
  readonly keyTerms: readonly string[];
  /** The terms only its summary or body names: a query's term found here counts less. */
  readonly textTerms: readonly string[];
  /** The labels of its listed tags, for full-text search on a label's words. */
  readonly labels: string;
}

const subjectIdentities = (text: string) =>
  vocabularies
    .scanTerms(vocabularies.SUBJECT_VOCABULARIES, text)
    .terms.map((term) => term.identity);

/** An item's terms, from the content of the version published. */
export function indexedTermsOf(content: dissemination.LibraryContent): IndexedTerms {
  const facets = Object.fromEntries(
    TERM_FACET_NAMES.map((facet) => [
      facet,
      facetTerms(facet, content.tags[TERM_FACETS[facet].tags]),
    ]),
  ) as Record<TermFacet, FacetTerms>;
  const tags = Object.values(content.tags).flat();
  const keyTerms = new Set([
    ...tags.map((tag) => vocabularies.termIdentity(vocabularies.SUBJECT_VOCABULARIES, tag)),
    ...subjectIdentities(content.title),
  ]);
  keyTerms.delete('');
  const textTerms = subjectIdentities(`${content.summary}\n${content.body ?? ''}`).filter(
    (identity) => !keyTerms.has(identity),
  );
  const labels = TERM_FACET_NAMES.flatMap((facet) =>
    facets[facet].identities
      .map((identity, index) => ({ identity, label: facets[facet].labels[index]! }))
      .filter(({ identity }) => vocabularies.termOfIdentity(identity) !== undefined)
      .map(({ label }) => label),
  );
  return {
    facets,
    keyTerms: [...keyTerms],
    textTerms: [...new Set(textTerms)],
    labels: labels.join(' '),
  };
}
