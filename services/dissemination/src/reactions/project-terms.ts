import { vocabularies, type dissemination, type register } from '@ebp/contracts';
import type { RegisterProjectFacts } from './register-projects';

/** The contract's limits on one facet's tags. */
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 80;

const fitting = (labels: readonly string[]) =>
  labels.filter((label) => label.length <= MAX_TAG_LENGTH).slice(0, MAX_TAGS);

/**
 * A completed project's terms as its library draft's tags (issue 18, decision 0025), so that
 * 'What Works' facets count it without an editor tagging it by hand. The register's proposal
 * names its methods, which are mapped through the research methods vocabulary (a method the
 * vocabulary lacks is kept as written); it names no crime problems, interventions or topics, so
 * those are the vocabulary terms its words (title, summary, questions, design, outcomes and
 * findings) name. Labels, so the draft reads as an editor would tag it; editors may revise them.
 */
export function projectTags(
  facts: RegisterProjectFacts,
  findings: register.Findings,
): dissemination.LibraryTags {
  const words = [
    facts.title,
    facts.summary,
    ...facts.researchQuestions,
    facts.design,
    ...facts.outcomes,
    findings.summary,
    ...findings.reportedOutcomes.map((outcome) => outcome.name),
  ].join('\n');
  const named = (vocabulary: vocabularies.Vocabulary) =>
    fitting(vocabularies.termsMentioned(vocabulary, words).map((term) => term.label));
  return {
    crimeProblems: named(vocabularies.CRIME_PROBLEMS),
    interventions: named(vocabularies.INTERVENTIONS),
    populations: [],
    settings: [],
    methods: fitting(
      vocabularies
        .canonicalTerms(vocabularies.RESEARCH_METHODS, facts.methods)
        .map((term) => term.label),
    ),
    topics: named(vocabularies.TOPICS),
  };
}
