import { Args, Query, Resolver } from '@nestjs/graphql';
import { vocabularies } from '@ebp/contracts';

/** A vocabulary as the graph shows it: its terms with only the fields every term has. */
export function toGraphVocabulary(vocabulary: vocabularies.Vocabulary) {
  return {
    id: vocabulary.id,
    label: vocabulary.label,
    source: vocabulary.source,
    terms: vocabulary.terms.map((term) => ({
      id: term.id,
      label: term.label,
      synonyms: term.synonyms,
      broader: term.broader ?? null,
    })),
  };
}

/**
 * The shared vocabularies for forms (issue 18): reference data from the contracts, the same for
 * every caller the gateway lets in, so no rule applies beyond the gateway's.
 */
@Resolver('Vocabulary')
export class VocabularyResolver {
  @Query('vocabularies')
  vocabularies() {
    return Object.values(vocabularies.VOCABULARIES).map(toGraphVocabulary);
  }

  @Query('vocabulary')
  vocabulary(@Args('id') id: vocabularies.VocabularyId) {
    // The argument is the VocabularyId enum, so the graph has already refused any other id.
    return toGraphVocabulary(vocabularies.VOCABULARIES[id]);
  }
}
