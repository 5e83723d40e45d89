import { vocabularies } from '@ebp/contracts';

/**
 * Compares texts through the shared vocabularies (decision 0025): two texts match when they name
 * the same vocabulary term, or, for a term no vocabulary lists, have the same term key. Each
 * text's identity is remembered for the life of the matcher (one search): a talent pool names the
 * same few methods again and again. Make a new one per search, so that free text asked for does
 * not pile up.
 */
export class TermMatcher {
  private readonly identities = new Map<string, string>();

  private constructor(private readonly within: readonly vocabularies.Vocabulary[]) {}

  /** For research methods: what people list as skills and searches ask for. */
  static forMethods(): TermMatcher {
    return new TermMatcher([vocabularies.RESEARCH_METHODS]);
  }

  /** For topics of interest: a topic, a crime problem, an intervention or a method. */
  static forSubjects(): TermMatcher {
    return new TermMatcher(vocabularies.SUBJECT_VOCABULARIES);
  }

  /** The text's identity (`termIdentity`); '' for a text with no letter or digit. */
  identity(text: string): string {
    let identity = this.identities.get(text);
    if (identity === undefined) {
      identity = vocabularies.termIdentity(this.within, text);
      this.identities.set(text, identity);
    }
    return identity;
  }

  /** Whether two texts name the same term; never for blank texts. */
  same(a: string, b: string): boolean {
    const identity = this.identity(a);
    return identity !== '' && identity === this.identity(b);
  }

  /** What a longer text (a project's title, summary and design) names, to test terms against. */
  mentionsIn(text: string): Mentions {
    const scan = vocabularies.scanTerms(this.within, text);
    return new Mentions(
      this,
      new Set(scan.terms.map((term) => term.identity)),
      ` ${vocabularies.normaliseTerm(text)} `,
    );
  }
}

/** The terms a text names, and its normalised words for terms no vocabulary lists. */
export class Mentions {
  constructor(
    private readonly matcher: TermMatcher,
    private readonly named: ReadonlySet<string>,
    private readonly words: string,
  ) {}

  /**
   * The identity of a term if the text names it: a vocabulary term in any of its spellings, or
   * an unlisted term whose words appear whole and in order. Undefined when it does not.
   */
  identityIfNamed(term: string): string | undefined {
    const identity = this.matcher.identity(term);
    if (identity === '') return undefined;
    if (this.named.has(identity)) return identity;
    const listed = vocabularies.termOfIdentity(identity) !== undefined;
    if (!listed && this.words.includes(` ${vocabularies.normaliseTerm(term)} `)) return identity;
    return undefined;
  }
}
