import { vocabularies, type dissemination } from '@ebp/contracts';
import type { KeptTags } from '../projections/dissemination-read-models';

/**
 * Whether a published item belongs in a person's digest (decision 0025): one of its tags, of any
 * facet, names one of their topics, or one of its crime problems one of their crime problems, in
 * any spelling or synonym the vocabularies know ("ASB" follows "anti-social behaviour").
 */
export function inDigest(subscription: dissemination.Subscription, tags: KeptTags): boolean {
  const subjects = (texts: readonly string[]) =>
    new Set(
      texts.map((text) => vocabularies.termIdentity(vocabularies.SUBJECT_VOCABULARIES, text)),
    );
  const crimeProblems = (texts: readonly string[]) =>
    new Set(texts.map((text) => vocabularies.termIdentity([vocabularies.CRIME_PROBLEMS], text)));
  const anyIn = (wanted: ReadonlySet<string>, tagged: ReadonlySet<string>) =>
    [...wanted].some((identity) => identity !== '' && tagged.has(identity));
  const everyTag = [
    ...tags.crimeProblems,
    ...tags.interventions,
    ...tags.populations,
    ...tags.settings,
    ...(tags.methods ?? []),
    ...(tags.topics ?? []),
  ];
  return (
    anyIn(subjects(subscription.topics), subjects(everyTag)) ||
    anyIn(crimeProblems(subscription.crimeProblems), crimeProblems(tags.crimeProblems))
  );
}
