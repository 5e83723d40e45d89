import {
  CRIME_PROBLEMS,
  EBP_MATRIX,
  EBP_MATRIX_PROACTIVITY,
  EBP_MATRIX_SPECIFICITY,
  EBP_MATRIX_TARGET,
  EMMIE,
  INTERVENTIONS,
  RESEARCH_METHODS,
  SMS,
  TOPICS,
  TermIdSchema,
  TermInputSchema,
  VOCABULARIES,
  VocabularyIdSchema,
  canonicalTerms,
  matchTerm,
  normaliseTerm,
  sameTerm,
  termIdSchemaOf,
  termKey,
  vocabularyProblems,
} from './index';
import type { Vocabulary, VocabularyId } from './index';

describe('spelling variants and synonyms name the same term (issue 18)', () => {
  it.each<[VocabularyId, string, string[]]>([
    [
      'research_methods',
      'randomised_controlled_trial',
      [
        'randomised controlled trial',
        'randomised controlled trials',
        'Randomized Controlled Trial',
        'RANDOMIZED CONTROLLED TRIALS',
        'RCT',
        'RCTs',
        'R.C.T.',
        'randomised control trials',
        '  Randomised   controlled-trial ',
        'randomised_controlled_trial',
      ],
    ],
    [
      'research_methods',
      'meta_analysis',
      ['meta-analysis', 'meta analyses', 'Meta-Analyses', 'metaanalysis'],
    ],
    ['research_methods', 'case_study', ['case study', 'case studies', 'Case-Studies']],
    ['research_methods', 'focus_groups', ['focus group', 'Focus Groups', 'focus-group discussion']],
    [
      'research_methods',
      'interviews',
      ['interview', 'Semi structured interview', 'in-depth interviews'],
    ],
    ['research_methods', 'surveys', ['survey', 'Surveys', 'questionnaires']],
    ['research_methods', 'systematic_review', ['Systematic reviews', 'systematic-review']],
    [
      'research_methods',
      'difference_in_differences',
      ['difference-in-differences', 'difference in difference', 'diff-in-diff', 'DiD'],
    ],
    [
      'research_methods',
      'cost_benefit_analysis',
      ['cost-benefit analyses', 'Cost benefit analysis', 'CBA'],
    ],
    [
      'research_methods',
      'social_network_analysis',
      ['network analyses', 'social-network analysis'],
    ],
    ['research_methods', 'statistical_modelling', ['statistical modeling', 'Regression analyses']],
    [
      'research_methods',
      'before_and_after_study',
      ['before/after study', 'before-and-after studies'],
    ],
    [
      'interventions',
      'hot_spots_policing',
      [
        'hot spots policing',
        'hot-spot policing',
        'hotspot policing',
        'Hot Spot Policing',
        'hotspots policing',
        'HOT-SPOTS POLICING',
        'hot spot patrols',
      ],
    ],
    [
      'interventions',
      'cognitive_behavioural_therapy',
      [
        'cognitive behavioral therapy',
        'Cognitive-Behavioural Therapy',
        'CBT',
        'cognitive behavioural therapies',
      ],
    ],
    [
      'interventions',
      'neighbourhood_watch',
      ['Neighborhood Watch', 'neighbourhood-watch', 'neighbourhood watches'],
    ],
    [
      'interventions',
      'problem_oriented_policing',
      ['problem-orientated policing', 'Problem Oriented Policing', 'POP'],
    ],
    ['interventions', 'focused_deterrence', ['focussed deterrence', 'Pulling levers']],
    ['interventions', 'scared_straight', ['Scared Straight', 'scared straight programs']],
    ['interventions', 'drug_courts', ['drug court', 'Drug Courts']],
    ['interventions', 'cctv', ['CCTV', 'closed circuit television', 'Closed-Circuit Television']],
    [
      'interventions',
      'stop_and_search',
      ['stop and search', 'stop-and-search', 'stop & search', 'stop and searches'],
    ],
    [
      'interventions',
      'body_worn_cameras',
      ['body worn camera', 'Body-Worn Cameras', 'bodycam', 'BWV'],
    ],
    [
      'crime_problems',
      'anti_social_behaviour',
      ['antisocial behaviour', 'anti-social behavior', 'Anti Social Behaviour', 'ASB'],
    ],
    ['crime_problems', 'domestic_abuse', ['domestic violence', 'Domestic Abuse', 'DA']],
    ['crime_problems', 'knife_crime', ['knife crimes', 'Knife-crime', 'knife offenses']],
    ['crime_problems', 'sexual_offences', ['sexual offenses', 'Sexual offence']],
    ['crime_problems', 'cyber_crime', ['cybercrime', 'cyber-crime', 'Cyber Crimes']],
    [
      'crime_problems',
      'stalking_and_harassment',
      ['stalking & harassment', 'Stalking and Harassment'],
    ],
    [
      'crime_problems',
      'violence_against_women_and_girls',
      ['VAWG', 'violence against women & girls'],
    ],
    ['topics', 'officer_wellbeing', ['wellbeing', 'well-being', 'Well being']],
    ['topics', 'missing_persons', ['missing person', 'missing people', 'Missing Persons']],
    [
      'topics',
      'equality_diversity_and_inclusion',
      ['equality, diversity & inclusion', 'EDI', 'D&I'],
    ],
    [
      'ebp_matrix_target',
      'micro_place',
      ['micro-place', 'micro places', 'micro_place', 'Micro place'],
    ],
    ['ebp_matrix_proactivity', 'highly_proactive', ['highly-proactive', 'Highly proactive']],
    ['sms', 'sms_5', ['SMS 5', 'level 5', 'sms_5', 'SMS level 5']],
    ['emmie', 'economic_cost', ['Economic cost', 'economic costs', 'Economic-Cost']],
  ])('%s: %s', (vocabularyId, id, variants) => {
    const vocabulary: Vocabulary = VOCABULARIES[vocabularyId];
    for (const variant of variants)
      expect([variant, matchTerm(vocabulary, variant)?.id]).toEqual([variant, id]);
    for (const variant of variants)
      expect(sameTerm(vocabulary, variants[0] ?? '', variant)).toBe(true);
  });

  it('folds British and American spelling word by word', () => {
    expect(normaliseTerm('behavior')).toBe(normaliseTerm('behaviour'));
    expect(normaliseTerm('behavioral science')).toBe('behavioural science');
    expect(normaliseTerm('Anti-Social Behaviors')).toBe('anti social behaviour');
  });

  it('matches a whole name, not part of one', () => {
    // "Hot spots" alone is a place (a micro-place target in the EBP Matrix), not the
    // intervention, so it does not match hot spots policing.
    expect(matchTerm(INTERVENTIONS, 'hot spots')).toBeUndefined();
    expect(matchTerm(EBP_MATRIX_TARGET, 'hot spots')?.id).toBe('micro_place');
    for (const text of [
      'trial',
      'randomised',
      'controlled trial',
      'analysis',
      'review',
      'experiment',
    ])
      expect([text, matchTerm(RESEARCH_METHODS, text)]).toEqual([text, undefined]);
    for (const text of ['policing', 'lighting', 'watch', 'justice'])
      expect([text, matchTerm(INTERVENTIONS, text)]).toEqual([text, undefined]);
    expect(matchTerm(CRIME_PROBLEMS, 'crime')).toBeUndefined();
    expect(matchTerm(RESEARCH_METHODS, '')).toBeUndefined();
    expect(matchTerm(RESEARCH_METHODS, ' -- ')).toBeUndefined();
  });

  it.each<[VocabularyId, string, string]>([
    ['research_methods', 'systematic review', 'meta-analysis'],
    ['research_methods', 'randomised controlled trial', 'quasi-experimental design'],
    ['research_methods', 'randomised controlled trial', 'cluster randomised trial'],
    ['research_methods', 'interviews', 'focus groups'],
    ['research_methods', 'RCT', 'a new method nobody listed'],
    ['interventions', 'CCTV', 'street lighting'],
    ['interventions', 'hot spots policing', 'hot spots'],
    ['crime_problems', 'robbery', 'burglary'],
    ['crime_problems', 'burglary', 'residential burglary'],
    ['topics', 'programme', 'programming'],
    ['topics', 'analysis', 'analyst'],
    ['topics', '', ''],
  ])('%s: "%s" is not "%s"', (vocabularyId, a, b) => {
    expect(sameTerm(VOCABULARIES[vocabularyId], a, b)).toBe(false);
  });

  it('compares texts no vocabulary lists by their normalised keys', () => {
    expect(
      sameTerm(
        RESEARCH_METHODS,
        'Bayesian structural time series',
        'bayesian structural time-series',
      ),
    ).toBe(true);
    expect(sameTerm(RESEARCH_METHODS, 'photo elicitation', 'Photo-Elicitations')).toBe(true);
    expect(sameTerm(TOPICS, 'analysis', 'analyses')).toBe(true);
    expect(sameTerm(TOPICS, 'crisis', 'crises')).toBe(true);
    expect(sameTerm(TOPICS, 'process', 'processes')).toBe(true);
  });
});

describe('normaliseTerm', () => {
  it.each([
    ['Randomized Controlled-Trials', 'randomised controlled trial'],
    ['  hot--spot / policing  ', 'hot spot policing'],
    ['hot_spot_policing', 'hot spot policing'],
    ['stop & search', 'stop and search'],
    ['victims’ code', 'victim code'],
    ["officer's wellbeing", 'officer wellbeing'],
    ['café culture', 'cafe culture'],
    ['cost–benefit analysis (CBA)', 'cost benefit analysis cba'],
    // plurals
    ['trials', 'trial'],
    ['studies', 'study'],
    ['spots', 'spot'],
    ['analyses', 'analysis'],
    ['crises', 'crisis'],
    ['hypotheses', 'hypothesis'],
    ['processes', 'process'],
    ['buses', 'bus'],
    ['statuses', 'status'],
    ['biases', 'bias'],
    ['searches', 'search'],
    ['boxes', 'box'],
    ['policies', 'policy'],
    ['knives', 'knife'],
    ['detectives', 'detective'],
    ['offices', 'office'],
    ['areas', 'area'],
    ['criteria', 'criterion'],
    ['women', 'woman'],
    ['people', 'person'],
    // singulars that end in s stay
    ['analysis', 'analysis'],
    ['crisis', 'crisis'],
    ['status', 'status'],
    ['series', 'series'],
    ['species', 'species'],
    ['bus', 'bus'],
    ['access', 'access'],
    ['process', 'process'],
    ['bias', 'bias'],
    ['premises', 'premises'],
    ['news', 'news'],
    ['lens', 'lens'],
    ['ethics', 'ethics'],
    ['focus', 'focus'],
    ['police', 'police'],
    ['data', 'data'],
    ['1990s', '1990s'],
    // British and American spelling
    ['randomized', 'randomised'],
    ['randomization', 'randomisation'],
    ['analyze', 'analyse'],
    ['analyzes', 'analysis'],
    ['behavior', 'behaviour'],
    ['behaviors', 'behaviour'],
    ['program', 'programme'],
    ['programs', 'programme'],
    ['programme', 'programme'],
    ['programmes', 'programme'],
    ['programming', 'programming'],
    ['programmer', 'programmer'],
    ['organization', 'organisation'],
    ['neighbor', 'neighbour'],
    ['neighborhoods', 'neighbourhood'],
    ['center', 'centre'],
    ['defense', 'defence'],
    ['offenses', 'offence'],
    ['license', 'licence'],
    ['modeling', 'modelling'],
    ['victimization', 'victimisation'],
    ['catalog', 'catalogue'],
    ['focussed', 'focused'],
    ['orientated', 'oriented'],
    // not American spellings
    ['size', 'size'],
    ['honorary', 'honorary'],
    ['humorous', 'humorous'],
    ['laborious', 'laborious'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (text, key) => {
    expect(normaliseTerm(text)).toBe(key);
  });

  it('lets compounds written as one word or two meet in the term key', () => {
    expect(termKey('hotspots')).toBe(termKey('hot spots'));
    expect(termKey('antisocial behaviour')).toBe(termKey('anti-social behaviour'));
    expect(normaliseTerm('hotspots')).not.toBe(normaliseTerm('hot spots'));
  });
});

describe('canonicalTerms', () => {
  it('maps known terms to their label, keeps new ones as given and drops repeats', () => {
    expect(
      canonicalTerms(RESEARCH_METHODS, [
        'RCTs',
        'randomized controlled trial',
        '  Photo   elicitation ',
        'photo-elicitation',
        '',
        '   ',
        'Focus groups',
        'focus group',
      ]),
    ).toEqual([
      { termId: 'randomised_controlled_trial', label: 'Randomised controlled trial', text: 'RCTs' },
      { label: 'Photo elicitation', text: 'Photo elicitation' },
      { termId: 'focus_groups', label: 'Focus groups', text: 'Focus groups' },
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(canonicalTerms(TOPICS, [])).toEqual([]);
  });
});

describe('input schemas', () => {
  it.each([
    ['hot_spots_policing', true],
    ['sms_5', true],
    ['cctv', true],
    ['Hot_spots', false],
    ['hot-spots', false],
    ['hot spots', false],
    ['_hot', false],
    ['hot_', false],
    ['hot__spots', false],
    ['5_levels', false],
    ['', false],
    ['a'.repeat(65), false],
  ])('TermIdSchema %j → %s', (value, ok) => {
    expect(TermIdSchema.safeParse(value).success).toBe(ok);
  });

  it('takes a term as entered, 2 to 100 characters with a letter or digit, trimmed', () => {
    expect(TermInputSchema.parse('  RCT ')).toBe('RCT');
    expect(TermInputSchema.safeParse('a').success).toBe(false);
    expect(TermInputSchema.safeParse(' a ').success).toBe(false);
    expect(TermInputSchema.safeParse('--').success).toBe(false);
    expect(TermInputSchema.safeParse('x'.repeat(100)).success).toBe(true);
    expect(TermInputSchema.safeParse('x'.repeat(101)).success).toBe(false);
    expect(TermInputSchema.safeParse(42).success).toBe(false);
  });

  it('enumerates one vocabulary’s ids', () => {
    const target = termIdSchemaOf(EBP_MATRIX_TARGET);
    expect(target.safeParse('micro_place').success).toBe(true);
    expect(target.safeParse('micro-place').success).toBe(false);
    expect(VocabularyIdSchema.options).toEqual(Object.keys(VOCABULARIES));
  });
});

describe('the vocabularies', () => {
  const vocabularies = Object.entries(VOCABULARIES);

  it.each(vocabularies)('%s is filed under its own id and cites a source', (id, vocabulary) => {
    expect(vocabulary.id).toBe(id);
    expect(TermIdSchema.safeParse(id).success).toBe(true);
    expect(vocabulary.source.length).toBeGreaterThan(20);
    expect(vocabulary.terms.length).toBeGreaterThan(0);
  });

  it.each(vocabularies)('%s has unique snake_case ids and unique labels', (_id, vocabulary) => {
    const ids = vocabulary.terms.map((term) => term.id);
    for (const id of ids)
      expect([id, /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(id)]).toEqual([id, true]);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = vocabulary.terms.map((term) => term.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(vocabularies)(
    '%s has unambiguous names: no two terms share a normalised key',
    (_id, vocabulary) => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const term of vocabulary.terms)
        for (const name of [term.id, term.label, ...term.synonyms]) {
          const key = termKey(name);
          expect([name, key]).not.toEqual([name, '']);
          const other = owner.get(key);
          if (other !== undefined && other !== term.id)
            clashes.push(`${name}: ${other} and ${term.id}`);
          owner.set(key, term.id);
        }
      expect(clashes).toEqual([]);
      // Every name of every term leads back to that term.
      for (const term of vocabulary.terms)
        for (const name of [term.label, ...term.synonyms])
          expect([name, matchTerm(vocabulary, name)?.id]).toEqual([name, term.id]);
    },
  );

  it.each(vocabularies)(
    '%s passes vocabularyProblems (broader terms exist, no cycles)',
    (_id, vocabulary) => {
      expect(vocabularyProblems(vocabulary)).toEqual([]);
    },
  );

  it('vocabularyProblems finds what is wrong with a vocabulary', () => {
    const broken: Vocabulary = {
      id: 'broken',
      label: 'Broken',
      source: 'a test',
      terms: [
        { id: 'Bad-Id', label: 'first', synonyms: [] },
        { id: 'a', label: 'Hot spots policing', synonyms: ['--'], broader: 'b' },
        { id: 'b', label: 'Other', synonyms: ['hot-spot policing'], broader: 'a' },
        { id: 'c', label: 'other', synonyms: [], broader: 'missing' },
      ],
    };
    expect(vocabularyProblems(broken)).toEqual([
      'id Bad-Id is not snake_case',
      'label "first" (Bad-Id) does not start with a capital',
      '"--" (a) normalises to nothing',
      '"hot-spot policing" (b) and "Hot spots policing" (a) both normalise to "hotspotpolicing"',
      'label "other" is used by b and c',
      'label "other" (c) does not start with a capital',
      '"other" (c) and "Other" (b) both normalise to "other"',
      'a is in a cycle of broader terms',
      'b is in a cycle of broader terms',
      'c has broader term missing, which is not in the vocabulary',
    ]);
  });

  it('keys research designs to the SMS levels that exist', () => {
    expect(matchTerm(RESEARCH_METHODS, 'RCT')?.smsLevel).toBe(5);
    expect(matchTerm(RESEARCH_METHODS, 'before and after study')?.smsLevel).toBe(2);
    expect(matchTerm(RESEARCH_METHODS, 'cross-sectional study')?.smsLevel).toBe(1);
    for (const term of RESEARCH_METHODS.terms)
      if (term.smsLevel !== undefined) {
        expect(term.kind).toBe('design');
        expect(SMS.terms.find((level) => level.id === `sms_${term.smsLevel}`)?.level).toBe(
          term.smsLevel,
        );
      }
    expect(SMS.terms.map((term) => [term.id, term.level])).toEqual([
      ['sms_1', 1],
      ['sms_2', 2],
      ['sms_3', 3],
      ['sms_4', 4],
      ['sms_5', 5],
    ]);
  });

  it('lists the EMMIE dimensions and the EBP Matrix values of DESIGN.md §6', () => {
    expect(EMMIE.terms.map((term) => term.id)).toEqual([
      'effect',
      'mechanism',
      'moderators',
      'implementation',
      'economic_cost',
    ]);
    expect(EBP_MATRIX_TARGET.terms.map((term) => term.id)).toEqual([
      'individual',
      'group',
      'micro_place',
      'neighbourhood',
      'jurisdiction',
    ]);
    expect(EBP_MATRIX_PROACTIVITY.terms.map((term) => term.id)).toEqual([
      'reactive',
      'proactive',
      'highly_proactive',
    ]);
    expect(EBP_MATRIX_SPECIFICITY.terms.map((term) => term.id)).toEqual(['general', 'focused']);
    expect(Object.keys(EBP_MATRIX.dimensions)).toEqual(['target', 'proactivity', 'specificity']);
  });

  it('marks the Crime Reduction Toolkit interventions', () => {
    const inToolkit = INTERVENTIONS.terms
      .filter((term) => term.inCrimeReductionToolkit)
      .map((term) => term.id);
    expect(inToolkit).toEqual(
      expect.arrayContaining(['hot_spots_policing', 'cctv', 'street_lighting']),
    );
    expect(inToolkit).not.toContain('stop_and_search');
  });
});
