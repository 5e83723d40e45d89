import { vocabularies } from '@ebp/contracts';
import type { DigestTermFieldsFragment } from '../../graphql/generated';

/** The two lists a digest covers. */
export type DigestFacet = 'topics' | 'crimeProblems';

/**
 * The vocabularies each list is compared through, as the dissemination service compares them
 * (decision 0025): a topic may name a term of any subject vocabulary, a crime problem only a
 * crime problem. Two texts with the same identity are the same term in any spelling.
 */
const MATCHED_THROUGH: Record<DigestFacet, readonly vocabularies.Vocabulary[]> = {
  topics: vocabularies.SUBJECT_VOCABULARIES,
  crimeProblems: [vocabularies.CRIME_PROBLEMS],
};

export const termIdentityIn = (facet: DigestFacet, text: string) =>
  vocabularies.termIdentity(MATCHED_THROUGH[facet], text);

/** One box a person may tick: what it is compared by, what it shows and what is sent for it. */
export interface TermChoice {
  readonly identity: string;
  readonly label: string;
  readonly text: string;
}

export interface TermGroup {
  readonly id: string;
  readonly label: string;
  readonly choices: readonly TermChoice[];
}

/**
 * The boxes of one list: a group per vocabulary offered, each term once (the first group that
 * lists it), and last the texts already chosen that no offered term is (set through the graph,
 * or a term since dropped), so that saving the form never drops them unasked.
 */
export function termGroups(
  facet: DigestFacet,
  offered: readonly DigestTermFieldsFragment[],
  chosen: readonly string[],
): TermGroup[] {
  const seen = new Set<string>();
  const fresh = (choice: TermChoice) => {
    if (choice.identity === '' || seen.has(choice.identity)) return false;
    seen.add(choice.identity);
    return true;
  };
  const groups: TermGroup[] = offered.map((vocabulary) => ({
    id: vocabulary.id,
    label: vocabulary.label,
    choices: vocabulary.terms
      .map((term) => ({
        identity: termIdentityIn(facet, term.label),
        label: term.label,
        text: term.label,
      }))
      .filter(fresh),
  }));
  const others = chosen
    .map((text) => ({ identity: termIdentityIn(facet, text), label: text, text }))
    .filter(fresh);
  if (others.length > 0)
    groups.push({ id: 'other', label: 'Other terms you chose', choices: others });
  return groups;
}

/** The identities of the texts a subscription holds. */
export const identitiesOf = (facet: DigestFacet, texts: readonly string[]) =>
  new Set(texts.map((text) => termIdentityIn(facet, text)).filter((identity) => identity !== ''));

/** What is sent for the ticked boxes, in the order the form shows them. */
export const textsChosen = (groups: readonly TermGroup[], chosen: ReadonlySet<string>) =>
  groups.flatMap((group) =>
    group.choices.filter((choice) => chosen.has(choice.identity)).map((choice) => choice.text),
  );

/** How a subscription's text reads on the page: its term's label, or itself when no term. */
export function labelOf(groups: readonly TermGroup[], facet: DigestFacet, text: string): string {
  const identity = termIdentityIn(facet, text);
  for (const group of groups)
    for (const choice of group.choices) if (choice.identity === identity) return choice.label;
  return text;
}
