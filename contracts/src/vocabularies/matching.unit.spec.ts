import {
  CRIME_PROBLEMS,
  INTERVENTIONS,
  RESEARCH_METHODS,
  SUBJECT_VOCABULARIES,
  TOPICS,
  sameTermIn,
  scanTerms,
  termIdentity,
  termKey,
  termOfIdentity,
  termsMentioned,
} from './index';

describe('termIdentity', () => {
  it.each([
    ['randomised controlled trials', 'research_methods:randomised_controlled_trial'],
    ['RCT', 'research_methods:randomised_controlled_trial'],
    ['hot-spot policing', 'interventions:hot_spots_policing'],
    ['Burglaries', 'crime_problems:burglary'],
    ['public trust', 'topics:public_confidence'],
    ['Drone-based patrols', 'text:dronebasedpatrol'],
    [' -- ', ''],
  ])('"%s" is %s', (text, identity) => {
    expect(termIdentity(SUBJECT_VOCABULARIES, text)).toBe(identity);
  });

  it('names a term by the first vocabulary that lists it', () => {
    expect(termIdentity([RESEARCH_METHODS], 'hot spots policing')).toBe('text:hotspotpolicing');
    expect(termIdentity([INTERVENTIONS, RESEARCH_METHODS], 'hot spots policing')).toBe(
      'interventions:hot_spots_policing',
    );
  });

  it('meets another spelling of the same term, listed or new, and nothing else', () => {
    expect(sameTermIn(SUBJECT_VOCABULARIES, 'Randomized controlled trial', 'RCTs')).toBe(true);
    expect(sameTermIn(SUBJECT_VOCABULARIES, 'drone based patrol', 'Drone-Based Patrols')).toBe(
      true,
    );
    expect(sameTermIn(SUBJECT_VOCABULARIES, 'RCT', 'cluster RCT')).toBe(false);
    expect(sameTermIn(SUBJECT_VOCABULARIES, 'hot spots', 'hot spots policing')).toBe(false);
    expect(sameTermIn(SUBJECT_VOCABULARIES, '', '')).toBe(false);
  });

  it('reads an identity back as its vocabulary and term; free text has none', () => {
    expect(termOfIdentity('interventions:hot_spots_policing')).toEqual({
      vocabularyId: 'interventions',
      termId: 'hot_spots_policing',
    });
    expect(termOfIdentity('text:dronebasedpatrol')).toBeUndefined();
    expect(termOfIdentity('')).toBeUndefined();
  });
});

describe('scanTerms', () => {
  it('finds the terms a text names, longest first, and keeps its other words', () => {
    const scan = scanTerms(
      SUBJECT_VOCABULARIES,
      'A cluster randomised controlled trial of hot-spot policing against burglaries (an RCT)',
    );
    expect(scan.terms.map(({ identity }) => identity)).toEqual([
      'research_methods:cluster_randomised_trial',
      'interventions:hot_spots_policing',
      'crime_problems:burglary',
      'research_methods:randomised_controlled_trial',
    ]);
    expect(scan.rest).toBe('a of against an');
  });

  it('meets compounds written as one word or two, and names each term once', () => {
    expect(
      scanTerms([INTERVENTIONS], 'Hotspot policing, then hot spots policing again').terms.map(
        ({ term }) => term.id,
      ),
    ).toEqual(['hot_spots_policing']);
    expect(termsMentioned(CRIME_PROBLEMS, 'Anti social behavior in parks')).toEqual([
      expect.objectContaining({ id: 'anti_social_behaviour' }),
    ]);
  });

  it('finds no term in a part of one, and nothing in nothing', () => {
    expect(termsMentioned(INTERVENTIONS, 'violence fell at treated hot spots')).toEqual([]);
    expect(scanTerms(SUBJECT_VOCABULARIES, '')).toEqual({ terms: [], rest: '' });
  });

  it('gives every spelling of a term the same scan', () => {
    const variants = [
      'randomised controlled trial',
      'Randomized Controlled Trials',
      'RCT',
      'R.C.T.',
    ];
    for (const variant of variants)
      expect(scanTerms(SUBJECT_VOCABULARIES, variant)).toEqual(
        scanTerms(SUBJECT_VOCABULARIES, variants[0]!),
      );
  });

  it('scans a long text in one pass', () => {
    const body = 'Problem-oriented policing of shoplifting in town centres. '.repeat(2_000);
    const started = Date.now();
    const found = termsMentioned(INTERVENTIONS, body);
    expect(found.map((term) => term.id)).toEqual(['problem_oriented_policing']);
    // Generous: a guard against a scan that normalises every run of words again.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('the subject vocabularies', () => {
  it('list topics, crime problems, interventions and research methods', () => {
    expect(SUBJECT_VOCABULARIES).toEqual([TOPICS, CRIME_PROBLEMS, INTERVENTIONS, RESEARCH_METHODS]);
  });

  it('name no key in two of them, so the order never decides a match', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const vocabulary of SUBJECT_VOCABULARIES)
      for (const term of vocabulary.terms)
        for (const name of [term.id, term.label, ...term.synonyms]) {
          const key = termKey(name);
          const owner = owners.get(key);
          const identity = `${vocabulary.id}:${term.id}`;
          if (owner !== undefined && owner !== identity)
            clashes.push(`${name}: ${owner}, ${identity}`);
          owners.set(key, owner ?? identity);
        }
    expect(clashes).toEqual([]);
  });
});
